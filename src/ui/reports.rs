//! The reports screen (`/reports`): partners by kind, category, industry and region; new
//! partners per month and the top clients and suppliers over a chosen period; receivables and
//! payables aging as of today. Every section exports its numbers as CSV, and the page prints
//! cleanly (style/reports.css).
//!
//! The numbers all come from `crate::report`; this file only picks the inputs from the view
//! (the period, today) and renders. Amounts are shown per currency and never added across
//! currencies, as the reports themselves never do.

use leptos::prelude::*;

use super::chart::{BarChart, ChartRow, DonutChart, LineChart};
use super::state::{use_app_state, RegistryView};
use crate::model::{day_of, format_amount, parse_iso_date, DocumentId, InvoiceDirection};
use crate::report::view::{aging_named_csv, default_period, months_csv, ordered_partners, top_csv};
use crate::report::{
    aging, counts_csv, iso_date_of_day, new_partners_per_month, partners_by_category,
    partners_by_industry, partners_by_kind, partners_by_region, top_clients, top_suppliers,
    AgingReport, AgingRow, CountRow, TopRow,
};
use crate::web::download::{download_text, print_page};
use crate::web::now_ms;

/// How many partners each top list shows per currency.
const TOP_LIMIT: usize = 10;

/// What the last export or print did, for the status line.
type Notice = RwSignal<Option<Result<String, String>>>;

/// The partner's display name for a partner id as the reports carry it (a string).
pub(super) fn name_of(view: &RegistryView, id: &str) -> String {
    id.parse::<DocumentId>()
        .map(|id| view.name_of(&id))
        .unwrap_or_else(|_| id.to_owned())
}

/// The finances of the view as the `(partner id, finance)` pairs the reports take.
pub(super) fn finance_ids(view: &RegistryView) -> Vec<String> {
    view.finances.keys().map(ToString::to_string).collect()
}

/// Partner ids ordered by display name (case-insensitive), for per-partner rows.
fn ids_by_name(view: &RegistryView) -> Vec<String> {
    let mut named: Vec<(String, String)> = view
        .partners
        .iter()
        .map(|(id, partner)| (partner.display_name().to_lowercase(), id.to_string()))
        .collect();
    named.sort();
    named.into_iter().map(|(_, id)| id).collect()
}

fn chart_rows(rows: &[CountRow]) -> Vec<ChartRow> {
    rows.iter()
        .map(|row| ChartRow {
            label: row.label.clone(),
            count: row.count,
        })
        .collect()
}

/// Saves `csv` as `file_name` and says so (or why not) in the status line.
fn export(notice: Notice, file_name: String, csv: String) {
    match download_text(&file_name, "text/csv;charset=utf-8", &csv) {
        Ok(()) => notice.set(Some(Ok(format!("Exported {file_name}.")))),
        Err(reason) => notice.set(Some(Err(format!("Could not export {file_name}: {reason}")))),
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_app_state();
    let today = day_of(now_ms());
    let today_iso = iso_date_of_day(today);
    let (default_from, default_to) = default_period(today);
    let from_text = RwSignal::new(iso_date_of_day(default_from));
    let to_text = RwSignal::new(iso_date_of_day(default_to));
    let notice: Notice = RwSignal::new(None);

    // The chosen period as day numbers, or why it cannot be used.
    let period = Memo::new(move |_| {
        let from = parse_iso_date(from_text.get().trim());
        let to = parse_iso_date(to_text.get().trim());
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Ok((from, to)),
            (Some(_), Some(_)) => Err("The start of the period is after its end.".to_owned()),
            _ => Err("Enter both dates as YYYY-MM-DD.".to_owned()),
        }
    });
    // The period as text for export file names (read when exporting, not tracked).
    let period_label = move || match period.get_untracked() {
        Ok((from, to)) => format!("{}_{}", iso_date_of_day(from), iso_date_of_day(to)),
        Err(_) => format!("{}_{}", from_text.get_untracked(), to_text.get_untracked()),
    };

    let by_kind = Memo::new(move |_| {
        state
            .view
            .with(|view| partners_by_kind(view.partners.values()))
    });
    let by_category = Memo::new(move |_| {
        state
            .view
            .with(|view| partners_by_category(view.partners.values(), &view.settings))
    });
    let by_industry = Memo::new(move |_| {
        state
            .view
            .with(|view| partners_by_industry(view.partners.values(), &view.settings))
    });
    let by_region = Memo::new(move |_| {
        state
            .view
            .with(|view| partners_by_region(view.partners.values(), &view.settings))
    });
    let per_month = Memo::new(move |_| {
        let (from, to) = period.get().ok()?;
        Some(
            state
                .view
                .with(|view| new_partners_per_month(view.partners.values(), from, to)),
        )
    });

    let on_print = move |_| {
        if let Err(reason) = print_page() {
            notice.set(Some(Err(format!("Could not open printing: {reason}"))));
        }
    };

    let count_section = move |id: &'static str,
                              heading: &'static str,
                              label_heading: &'static str,
                              rows: Memo<Vec<CountRow>>,
                              donut: bool| {
        let on_export = {
            let today_iso = today_iso.clone();
            move |_| {
                let csv = rows.with_untracked(|rows| counts_csv(rows));
                export(notice, format!("partnero-{id}-{today_iso}.csv"), csv);
            }
        };
        view! {
            <section class="card report-section" id=format!("report-{id}")>
                <div class="section-head">
                    <h2>{heading}</h2>
                    <button type="button" class="button small export" id=format!("export-{id}") on:click=on_export>"Export CSV"</button>
                </div>
                {move || {
                    let data = chart_rows(&rows.get());
                    if donut {
                        view! { <DonutChart id=id.to_owned() title=heading.to_owned() label_heading=label_heading rows=data/> }.into_any()
                    } else {
                        view! { <BarChart id=id.to_owned() title=heading.to_owned() label_heading=label_heading rows=data/> }.into_any()
                    }
                }}
            </section>
        }
    };

    let on_export_months = move |_| {
        if let Some(rows) = per_month.get_untracked() {
            let file_name = format!("partnero-new-partners-{}.csv", period_label());
            export(notice, file_name, months_csv(&rows));
        }
    };

    view! {
        <section class="reports-screen">
            <div class="screen-head">
                <h1>"Reports"</h1>
                <button type="button" class="button" id="print-report" on:click=on_print>"Print"</button>
            </div>
            <form class="period-form" id="report-period" on:submit=|event| event.prevent_default()>
                <fieldset>
                    <legend>"Period for new partners and top clients and suppliers"</legend>
                    <label for="period-from">"From"</label>
                    <input id="period-from" type="date" required prop:value=move || from_text.get()
                        on:change=move |event| from_text.set(event_target_value(&event))/>
                    <label for="period-to">"To"</label>
                    <input id="period-to" type="date" required prop:value=move || to_text.get()
                        on:change=move |event| to_text.set(event_target_value(&event))/>
                </fieldset>
                {move || period.get().err().map(|reason| view! { <p class="field-error" role="alert" id="period-error">{reason}</p> })}
            </form>
            <p class="report-period-print" aria-hidden="true">
                {move || match period.get() {
                    Ok((from, to)) => format!("Period {} to {}; aging as of {}.", iso_date_of_day(from), iso_date_of_day(to), iso_date_of_day(today)),
                    Err(_) => String::new(),
                }}
            </p>
            <p class="notice" role="status" aria-live="polite" id="report-notice">
                {move || match notice.get() {
                    None => view! { <span></span> }.into_any(),
                    Some(Ok(text)) => view! { <span class="saved">{text}</span> }.into_any(),
                    Some(Err(text)) => view! { <span class="failed">{text}</span> }.into_any(),
                }}
            </p>

            <div class="report-grid">
                {count_section("partners-by-kind", "Partners by kind", "Kind", by_kind, true)}
                {count_section("partners-by-category", "Partners by category", "Category", by_category, false)}
                {count_section("partners-by-industry", "Partners by industry", "Industry", by_industry, false)}
                {count_section("partners-by-region", "Partners by region", "Region", by_region, false)}
            </div>

            <section class="card report-section" id="report-new-partners">
                <div class="section-head">
                    <h2>"New partners per month"</h2>
                    <button type="button" class="button small export" id="export-new-partners"
                        disabled=move || per_month.with(Option::is_none) on:click=on_export_months>"Export CSV"</button>
                </div>
                {move || match per_month.get() {
                    Some(rows) => {
                        let data: Vec<ChartRow> = rows.into_iter().map(|row| ChartRow { label: row.month, count: row.count }).collect();
                        view! { <LineChart id="new-partners".to_owned() title="New partners per month".to_owned() label_heading="Month" rows=data/> }.into_any()
                    }
                    None => view! { <p class="empty-note">"Choose a valid period to see new partners per month."</p> }.into_any(),
                }}
            </section>

            <AgingSection direction=InvoiceDirection::Issued notice=notice today=today/>
            <AgingSection direction=InvoiceDirection::Received notice=notice today=today/>

            <TopSection direction=InvoiceDirection::Issued notice=notice period=period/>
            <TopSection direction=InvoiceDirection::Received notice=notice period=period/>
        </section>
    }
}

/// Receivables (issued) or payables (received) aging: one table per currency with a row per
/// partner and the currency's total.
#[component]
fn AgingSection(direction: InvoiceDirection, notice: Notice, today: i64) -> impl IntoView {
    let state = use_app_state();
    let (slug, heading, empty) = match direction {
        InvoiceDirection::Issued => (
            "aging-receivables",
            "Receivables aging today (clients owe us)",
            "No client owes anything right now.",
        ),
        InvoiceDirection::Received => (
            "aging-payables",
            "Payables aging today (we owe suppliers)",
            "Nothing is owed to suppliers right now.",
        ),
    };
    // The report with partner ids in display-name order and their names, computed together so
    // the table and the export agree.
    let data = Memo::new(move |_| {
        state.view.with(|view| {
            let ids = finance_ids(view);
            let report = aging(
                ids.iter().map(String::as_str).zip(view.finances.values()),
                direction,
                today,
            );
            let order: Vec<(String, String)> = ordered_partners(&report, &ids_by_name(view))
                .into_iter()
                .map(|id| (id.to_owned(), name_of(view, id)))
                .collect();
            (report, order)
        })
    });
    let on_export = move |_| {
        let csv = data.with_untracked(|(report, order)| {
            let ids: Vec<String> = order.iter().map(|(id, _)| id.clone()).collect();
            aging_named_csv(report, &ids, |id| {
                order
                    .iter()
                    .find(|(known, _)| known == id)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default()
            })
        });
        export(
            notice,
            format!("partnero-{slug}-{}.csv", iso_date_of_day(today)),
            csv,
        );
    };
    view! {
        <section class="card report-section" id=slug>
            <div class="section-head">
                <h2>{heading}</h2>
                <button type="button" class="button small export" id=format!("export-{slug}") on:click=on_export>"Export CSV"</button>
            </div>
            {move || data.with(|(report, order)| {
                if report.totals.is_empty() {
                    return view! { <p class="empty-note" id=format!("{slug}-empty")>{empty}</p> }.into_any();
                }
                report.totals.iter().map(|(currency, total)| {
                    aging_table(slug, currency, total, report, order)
                }).collect_view().into_any()
            })}
        </section>
    }
}

fn aging_table(
    slug: &'static str,
    currency: &str,
    total: &AgingRow,
    report: &AgingReport,
    order: &[(String, String)],
) -> impl IntoView {
    let cells = |row: &AgingRow| {
        [
            row.current,
            row.d1_30,
            row.d31_60,
            row.d61_90,
            row.over_90,
            row.total(),
        ]
        .into_iter()
        .map(|amount| view! { <td class="num">{format_amount(amount, currency)}</td> })
        .collect_view()
    };
    let rows = order
        .iter()
        .filter_map(|(id, name)| {
            let row = report.by_partner.get(id)?.get(currency)?;
            Some(view! {
                <tr class="aging-row" id=format!("{slug}-{id}-{currency}") data-partner=id.clone()>
                    <th scope="row"><a href=format!("/partners/{id}")>{name.clone()}</a></th>
                    {cells(row)}
                </tr>
            })
        })
        .collect_view();
    view! {
        <h3 class="currency-heading">{currency.to_owned()}</h3>
        <div class="table-scroll">
            <table class="report-table aging-table" id=format!("{slug}-{currency}")>
                <caption class="visually-hidden">{format!("Open amounts in {currency} by days past due")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Partner"</th>
                        <th scope="col" class="num">"Current"</th>
                        <th scope="col" class="num">"1–30 days"</th>
                        <th scope="col" class="num">"31–60 days"</th>
                        <th scope="col" class="num">"61–90 days"</th>
                        <th scope="col" class="num">"Over 90 days"</th>
                        <th scope="col" class="num">"Total"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="aging-total" id=format!("{slug}-total-{currency}")>
                        <th scope="row">{format!("Total {currency}")}</th>
                        {cells(total)}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// Top clients (issued invoices) or top suppliers (received invoices) in the period, one
/// ranked table per currency.
#[component]
fn TopSection(
    direction: InvoiceDirection,
    notice: Notice,
    period: Memo<Result<(i64, i64), String>>,
) -> impl IntoView {
    let state = use_app_state();
    let (slug, heading, amount_heading, empty) = match direction {
        InvoiceDirection::Issued => (
            "top-clients",
            "Top clients by amount invoiced in the period",
            "Invoiced",
            "No invoices issued in this period.",
        ),
        InvoiceDirection::Received => (
            "top-suppliers",
            "Top suppliers by purchases in the period",
            "Purchased",
            "No supplier invoices received in this period.",
        ),
    };
    // Currency -> ranked rows with the partner's name.
    let data = Memo::new(move |_| {
        let (from, to) = period.get().ok()?;
        Some(state.view.with(|view| {
            let ids = finance_ids(view);
            let finances = ids.iter().map(String::as_str).zip(view.finances.values());
            let tops = match direction {
                InvoiceDirection::Issued => top_clients(finances, from, to, TOP_LIMIT),
                InvoiceDirection::Received => top_suppliers(finances, from, to, TOP_LIMIT),
            };
            let named: Vec<(String, Vec<(TopRow, String)>)> = tops
                .iter()
                .map(|(currency, rows)| {
                    let rows = rows
                        .iter()
                        .map(|row| (row.clone(), name_of(view, &row.partner_id)))
                        .collect();
                    (currency.clone(), rows)
                })
                .collect();
            (tops, named, (from, to))
        }))
    });
    let on_export = move |_| {
        let Some((csv, (from, to))) = data.with_untracked(|data| {
            data.as_ref().map(|(tops, named, period)| {
                let csv = top_csv(tops, |id| {
                    named
                        .iter()
                        .flat_map(|(_, rows)| rows.iter())
                        .find(|(row, _)| row.partner_id == id)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_default()
                });
                (csv, *period)
            })
        }) else {
            return;
        };
        export(
            notice,
            format!(
                "partnero-{slug}-{}_{}.csv",
                iso_date_of_day(from),
                iso_date_of_day(to)
            ),
            csv,
        );
    };
    view! {
        <section class="card report-section" id=slug>
            <div class="section-head">
                <h2>{heading}</h2>
                <button type="button" class="button small export" id=format!("export-{slug}")
                    disabled=move || data.with(Option::is_none) on:click=on_export>"Export CSV"</button>
            </div>
            {move || data.with(|data| match data {
                None => view! { <p class="empty-note">"Choose a valid period."</p> }.into_any(),
                Some((_, named, _)) if named.is_empty() => view! { <p class="empty-note" id=format!("{slug}-empty")>{empty}</p> }.into_any(),
                Some((_, named, _)) => named.iter().map(|(currency, rows)| view! {
                    <h3 class="currency-heading">{currency.clone()}</h3>
                    <div class="table-scroll">
                        <table class="report-table top-table" id=format!("{slug}-{currency}")>
                            <thead>
                                <tr>
                                    <th scope="col" class="num">"#"</th>
                                    <th scope="col">"Partner"</th>
                                    <th scope="col" class="num">"Invoices"</th>
                                    <th scope="col" class="num">{format!("{amount_heading} ({currency})")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.iter().enumerate().map(|(index, (row, name))| view! {
                                    <tr class="top-row" data-partner=row.partner_id.clone()>
                                        <td class="num">{index + 1}</td>
                                        <th scope="row"><a href=format!("/partners/{}", row.partner_id)>{name.clone()}</a></th>
                                        <td class="num">{row.invoices}</td>
                                        <td class="num">{format_amount(row.total_minor, currency)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }).collect_view().into_any(),
            })}
        </section>
    }
}
