//! Small SVG charts for the reports screen: horizontal bars, a monthly line and a donut.
//!
//! Hand-drawn SVG rather than a chart library: three chart shapes need a few lines of layout
//! math each, and a JS library would add to the offline bundle. Each chart is a `<figure>`
//! whose `<svg role="img">` carries a `<title>` and a `<desc>` listing every value, writes its
//! numbers as text next to the marks, and has a "Show as table" toggle with the same data, so
//! screen-reader and print users get the numbers, not only shapes. Colours come from classes
//! (`series-N`, see style/reports.css), never inline, so print and themes can change them.
//! Texts are Fluent messages (`locales/*/reports.ftl`), numbers and month names follow the
//! chosen language.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::i18n::{integer, locale};
use crate::text::locale::format_iso_date;

/// One labelled count of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    pub label: String,
    pub count: usize,
}

/// Colour classes the series cycle through (`.series-0` … in style/reports.css).
const SERIES: usize = 8;

/// Width of every chart's coordinate system: one SVG unit is one CSS pixel on a 360 px phone,
/// so text stays readable there; wider screens scale the `viewBox` up.
const WIDTH: f64 = 360.0;

/// A count as the chosen language writes it.
fn count(i18n: I18n, value: usize) -> String {
    integer(i18n, i64::try_from(value).unwrap_or(i64::MAX))
}

/// "Client: 5; Supplier: 3. Total 8." — the `<desc>` of a chart, so its data is read out in
/// full.
fn summary(i18n: I18n, rows: &[ChartRow]) -> String {
    if rows.is_empty() {
        return tr!(i18n, "chart-no-data");
    }
    let total: usize = rows.iter().map(|row| row.count).sum();
    let parts: Vec<String> = rows
        .iter()
        .map(|row| format!("{}: {}", row.label, count(i18n, row.count)))
        .collect();
    tr!(i18n, "chart-summary", { "values" => parts.join("; "), "total" => count(i18n, total) })
}

/// Most characters of a label drawn in a bar chart; longer ones (deep category paths) end in
/// an ellipsis there, while the `<desc>` and the table keep them whole.
const LABEL_CHARS: usize = 48;

fn clipped(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(LABEL_CHARS - 1).collect();
        short.push('…');
        short
    }
}

/// Length of a bar for `value` when `max` fills `span`; a non-zero value is never drawn
/// thinner than 2 units, so it stays visible next to a large one.
fn scaled(value: usize, max: usize, span: f64) -> f64 {
    if max == 0 || value == 0 {
        return 0.0;
    }
    (value as f64 / max as f64 * span).max(2.0)
}

/// A round axis top and its step for counts up to `max`: steps of 1, 2 or 5 times a power of
/// ten, at most five of them, so grid lines fall on whole numbers.
fn axis(max: usize) -> (usize, usize) {
    if max == 0 {
        return (1, 1);
    }
    let mut magnitude = 1usize;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * magnitude;
            if max.div_ceil(step) <= 5 {
                return (max.div_ceil(step) * step, step);
            }
        }
        magnitude *= 10;
    }
}

/// Dash array and offset drawing the share `[start, start + part)` of a whole (`total`) on a
/// circle of circumference `circumference`, as one `stroke-dasharray` slice.
fn slice_dash(start: usize, part: usize, total: usize, circumference: f64) -> (String, String) {
    if total == 0 {
        return ("0 1".to_owned(), "0".to_owned());
    }
    let length = part as f64 / total as f64 * circumference;
    let offset = -(start as f64 / total as f64 * circumference);
    (
        format!("{length:.3} {circumference:.3}"),
        format!("{offset:.3}"),
    )
}

/// The month's short name ("Jan", "ene", "jan") of a `YYYY-MM` key in the chosen language,
/// with the year on January and on the first column so a long period stays readable; the key
/// itself if it is not a month.
fn month_label(i18n: I18n, key: &str, first: bool) -> (String, Option<String>) {
    let parsed = key
        .split_once('-')
        .and_then(|(year, month)| Some((year, month.parse::<usize>().ok()?)))
        .filter(|(year, month)| (1..=12).contains(month) && year.parse::<u32>().is_ok());
    match parsed {
        Some((year, month)) => {
            // The locale writes a date as "1 Jan 2026": its middle word is the month's name.
            let date = format_iso_date(locale(i18n), &format!("{year}-{month:02}-01"));
            let name = date.split_whitespace().nth(1).unwrap_or(key).to_owned();
            (name, (first || month == 1).then(|| year.to_owned()))
        }
        None => (key.to_owned(), None),
    }
}

/// The figure shell shared by every chart: caption, the SVG (passed in), and the table toggle.
/// The caption is visually hidden because the section heading above already shows the title;
/// it still names the figure for assistive technology.
#[component]
fn ChartFigure(
    id: String,
    title: String,
    label_heading: String,
    rows: Vec<ChartRow>,
    /// The rows are months (`YYYY-MM`): the table names them as the language does.
    #[prop(optional)]
    months: bool,
    children: Children,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let total: usize = rows.iter().map(|row| row.count).sum();
    view! {
        <figure class="chart" id=format!("chart-{id}")>
            <figcaption class="chart-caption visually-hidden">{title}</figcaption>
            {children()}
            <details class="chart-table">
                <summary>{move_tr!("chart-show-table")}</summary>
                <div class="table-scroll">
                    <table class="report-table">
                        <thead><tr><th scope="col">{label_heading}</th><th scope="col" class="num">{move_tr!("chart-partners")}</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr><th scope="row">{move || if months {
                                    match month_label(i18n, &row.label, true) {
                                        (name, Some(year)) => format!("{name} {year}"),
                                        (name, None) => name,
                                    }
                                } else {
                                    row.label.clone()
                                }}</th><td class="num">{count(i18n, row.count)}</td></tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot><tr><th scope="row">{move_tr!("chart-total")}</th><td class="num">{count(i18n, total)}</td></tr></tfoot>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// Horizontal bars, one per row in the given order: the label above its bar, the count after.
#[component]
pub fn BarChart(
    /// Distinguishes this chart's ids in the page (`chart-{id}`, `{id}-title`, `{id}-desc`).
    id: String,
    title: String,
    /// Heading of the label column in the table view ("Category").
    label_heading: String,
    rows: Vec<ChartRow>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    const ROW: f64 = 40.0;
    const VALUE_SPACE: f64 = 56.0;
    let max = rows.iter().map(|row| row.count).max().unwrap_or(0);
    let height = (rows.len().max(1) as f64) * ROW;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let desc = summary(i18n, &rows);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let y = index as f64 * ROW;
            let length = scaled(row.count, max, WIDTH - VALUE_SPACE);
            view! {
                <g class=format!("chart-row series-{}", index % SERIES)>
                    <text class="chart-label" x="0" y={y + 14.0}>{clipped(&row.label)}</text>
                    <rect class="chart-bar" x="0" y={y + 20.0} width=format!("{length:.2}") height="14" rx="2"></rect>
                    <text class="chart-value" x=format!("{:.2}", length + 6.0) y={y + 32.0}>{count(i18n, row.count)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <ChartFigure id=id title=title.clone() label_heading=label_heading rows=rows.clone()>
            <svg class="chart-svg" role="img" viewBox=format!("0 0 {WIDTH} {height}")
                aria-labelledby=format!("{title_id} {desc_id}")>
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id.clone()>{desc.clone()}</desc>
                {bars.clone()}
            </svg>
        </ChartFigure>
    }
}

/// A line over time (one point per month, zero months included so dips show), with a count
/// above each non-empty point and a whole-number grid.
#[component]
pub fn LineChart(
    id: String,
    title: String,
    label_heading: String,
    /// Rows labelled `YYYY-MM`, in time order.
    rows: Vec<ChartRow>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    const HEIGHT: f64 = 200.0;
    const LEFT: f64 = 28.0;
    const TOP: f64 = 14.0;
    const BOTTOM: f64 = 34.0;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let plot_width = WIDTH - LEFT - 4.0;
    let max = rows.iter().map(|row| row.count).max().unwrap_or(0);
    let (top, step) = axis(max);
    let slot = plot_width / rows.len().max(1) as f64;
    // One month label every `every` columns so they never overlap (a slot of 26 units holds
    // "Mar"); counts above columns only while they fit.
    let every = (26.0 / slot).ceil().max(1.0) as usize;
    let show_values = slot >= 14.0;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let desc = summary(i18n, &rows);
    let grid = (0..=top / step)
        .map(|tick| {
            let value = tick * step;
            let y = TOP + plot_height - scaled(value, top, plot_height);
            view! {
                <g class="chart-grid">
                    <line x1=LEFT x2=WIDTH y1=format!("{y:.2}") y2=format!("{y:.2}")></line>
                    <text class="chart-tick" x={LEFT - 4.0} y=format!("{:.2}", y + 4.0) text-anchor="end">{count(i18n, value)}</text>
                </g>
            }
        })
        .collect_view();
    let point = |index: usize, count: usize| {
        (
            LEFT + index as f64 * slot + slot / 2.0,
            TOP + plot_height - scaled(count, top, plot_height),
        )
    };
    let line = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let (x, y) = point(index, row.count);
            format!("{x:.2},{y:.2}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let points = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let (centre, y) = point(index, row.count);
            let (month, year) = month_label(i18n, &row.label, index == 0);
            let labelled = index % every == 0;
            view! {
                <g class="chart-point series-0">
                    <circle class="chart-dot" cx=format!("{centre:.2}") cy=format!("{y:.2}") r="3"></circle>
                    {(show_values && row.count > 0).then(|| view! {
                        <text class="chart-value" x=format!("{centre:.2}") y=format!("{:.2}", y - 6.0) text-anchor="middle">{count(i18n, row.count)}</text>
                    })}
                    {labelled.then(|| view! {
                        <text class="chart-tick" x=format!("{centre:.2}") y={HEIGHT - BOTTOM + 14.0} text-anchor="middle">{month}</text>
                        {year.map(|year| view! {
                            <text class="chart-tick" x=format!("{centre:.2}") y={HEIGHT - BOTTOM + 27.0} text-anchor="middle">{year}</text>
                        })}
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <ChartFigure id=id title=title.clone() label_heading=label_heading rows=rows.clone() months=true>
            <svg class="chart-svg" role="img" viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                aria-labelledby=format!("{title_id} {desc_id}")>
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id.clone()>{desc.clone()}</desc>
                {grid.clone()}
                <polyline class="chart-line series-0" points=line.clone() fill="none"></polyline>
                {points.clone()}
            </svg>
        </ChartFigure>
    }
}

/// Shares of a whole as a ring, the total in the middle and a legend with each count.
#[component]
pub fn DonutChart(
    id: String,
    title: String,
    label_heading: String,
    rows: Vec<ChartRow>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    const SIZE: f64 = 160.0;
    const RADIUS: f64 = 60.0;
    let circumference = std::f64::consts::TAU * RADIUS;
    let total: usize = rows.iter().map(|row| row.count).sum();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let desc = summary(i18n, &rows);
    let centre = SIZE / 2.0;
    let mut start = 0;
    let slices = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.count > 0)
        .map(|(index, row)| {
            let (dash, offset) = slice_dash(start, row.count, total, circumference);
            start += row.count;
            view! {
                <circle class=format!("chart-slice series-{}", index % SERIES) cx=centre cy=centre r=RADIUS
                    stroke-dasharray=dash stroke-dashoffset=offset
                    transform=format!("rotate(-90 {centre} {centre})")></circle>
            }
        })
        .collect_view();
    let legend = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            // Whole percent for orientation only; the exact count is next to it.
            let percent = (row.count * 100 + total / 2)
                .checked_div(total)
                .unwrap_or(0);
            view! {
                <li class=format!("series-{}", index % SERIES)>
                    <span class="swatch" aria-hidden="true"></span>
                    <span class="legend-label">{row.label.clone()}</span>
                    <span class="legend-value">{tr!(i18n, "chart-share", { "count" => count(i18n, row.count), "percent" => percent.to_string() })}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ChartFigure id=id title=title.clone() label_heading=label_heading rows=rows.clone()>
            <div class="donut">
                <svg class="chart-svg donut-svg" role="img" viewBox=format!("0 0 {SIZE} {SIZE}")
                    aria-labelledby=format!("{title_id} {desc_id}")>
                    <title id=title_id.clone()>{title.clone()}</title>
                    <desc id=desc_id.clone()>{desc.clone()}</desc>
                    <circle class="chart-track" cx=centre cy=centre r=RADIUS></circle>
                    {slices}
                    <text class="donut-total" x=centre y={centre + 8.0} text-anchor="middle">{count(i18n, total)}</text>
                </svg>
                <ul class="chart-legend" aria-hidden="true">{legend}</ul>
            </div>
        </ChartFigure>
    }
}
