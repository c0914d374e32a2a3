//! The reports screen (`/reports`): partners by kind, category, industry and region; new
//! partners per month and the top clients and suppliers over a chosen period; receivables and
//! payables aging as of today. Every section exports its numbers as CSV, and the page prints
//! cleanly (style/reports.css).
//!
//! The numbers all come from `crate::report`; this file only picks the inputs from the view
//! (the period, today) and renders. Amounts are shown per currency and never added across
//! currencies, as the reports themselves never do.
//!
//! Texts are Fluent messages (`locales/*/reports.ftl`); counts, amounts and dates are written
//! as the chosen language writes them. The CSV exports stay language-neutral (the core's).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::chart::{BarChart, ChartRow, DonutChart, LineChart};
use super::i18n::{day, integer, label, money};
use super::state::{use_app_state, RegistryView};
use crate::model::{day_of, parse_iso_date, DocumentId, InvoiceDirection, PartnerKind};
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
type Notice = RwSignal<Option<Outcome>>;

/// An export or print outcome, kept as data so the status line follows the language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Exported(String),
    ExportFailed(String, String),
    PrintFailed(String),
}

/// Why the chosen period cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodError {
    Reversed,
    Unreadable,
}

/// The chosen period as day numbers, or why it cannot be used.
type Period = Memo<Result<(i64, i64), PeriodError>>;

/// A section's heading or label, in the chosen language.
type Text = fn(I18n) -> String;

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

/// The rows for a chart, in the chosen language: the partner kinds by their translated names,
/// the "none" row (empty key) as `none` says; names of terms and categories as they are.
fn chart_rows(i18n: I18n, rows: &[CountRow], none: Text) -> Vec<ChartRow> {
    rows.iter()
        .map(|row| ChartRow {
            label: if row.key.is_empty() {
                none(i18n)
            } else {
                row.label.clone()
            },
            count: row.count,
        })
        .collect()
}

/// The kind rows of `partners_by_kind` (keyed by kind code) named in the chosen language.
fn kind_rows(i18n: I18n, rows: &[CountRow]) -> Vec<ChartRow> {
    rows.iter()
        .map(|row| ChartRow {
            label: PartnerKind::from_code(&row.key)
                .map_or_else(|| row.label.clone(), |kind| label(i18n, kind)),
            count: row.count,
        })
        .collect()
}

/// An amount without its currency code (the table's heading names the currency), as the
/// chosen language writes it.
fn amount(i18n: I18n, minor: i64, currency: &str) -> String {
    let full = money(i18n, minor, currency);
    full.strip_suffix(currency)
        .map(|number| number.trim_end().to_owned())
        .unwrap_or(full)
}

/// A count as the chosen language writes it.
fn count(i18n: I18n, value: usize) -> String {
    integer(i18n, i64::try_from(value).unwrap_or(i64::MAX))
}

/// Saves `csv` as `file_name` and says so (or why not) in the status line.
fn export(notice: Notice, file_name: String, csv: String) {
    match download_text(&file_name, "text/csv;charset=utf-8", &csv) {
        Ok(()) => notice.set(Some(Outcome::Exported(file_name))),
        Err(reason) => notice.set(Some(Outcome::ExportFailed(file_name, reason))),
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_app_state();
    // Captured here: event handlers below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let today = day_of(now_ms());
    let today_iso = iso_date_of_day(today);
    let (default_from, default_to) = default_period(today);
    let from_text = RwSignal::new(iso_date_of_day(default_from));
    let to_text = RwSignal::new(iso_date_of_day(default_to));
    let notice: Notice = RwSignal::new(None);

    let period: Period = Memo::new(move |_| {
        let from = parse_iso_date(from_text.get().trim());
        let to = parse_iso_date(to_text.get().trim());
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Ok((from, to)),
            (Some(_), Some(_)) => Err(PeriodError::Reversed),
            _ => Err(PeriodError::Unreadable),
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
            notice.set(Some(Outcome::PrintFailed(reason)));
        }
    };

    // One count report: its heading, the heading of its label column, how its "none" row is
    // named (None for the partner kinds, whose rows are the kinds), its rows, and its shape.
    let count_section = move |id: &'static str,
                              heading: Text,
                              label_heading: Text,
                              none: Option<Text>,
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
                    <h2>{move || heading(i18n)}</h2>
                    <button type="button" class="button small export" id=format!("export-{id}") on:click=on_export>{move_tr!("reports-export-csv")}</button>
                </div>
                {move || {
                    let data = rows.with(|rows| match none {
                        Some(none) => chart_rows(i18n, rows, none),
                        None => kind_rows(i18n, rows),
                    });
                    let (title, label_heading) = (heading(i18n), label_heading(i18n));
                    if donut {
                        view! { <DonutChart id=id.to_owned() title=title label_heading=label_heading rows=data/> }.into_any()
                    } else {
                        view! { <BarChart id=id.to_owned() title=title label_heading=label_heading rows=data/> }.into_any()
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
                <h1>{move_tr!("reports-title")}</h1>
                <button type="button" class="button" id="print-report" on:click=on_print>{move_tr!("reports-print")}</button>
            </div>
            <form class="period-form" id="report-period" on:submit=|event| event.prevent_default()>
                <fieldset>
                    <legend>{move_tr!("reports-period-legend")}</legend>
                    <label for="period-from">{move_tr!("reports-period-from")}</label>
                    <input id="period-from" type="date" required prop:value=move || from_text.get()
                        on:change=move |event| from_text.set(event_target_value(&event))/>
                    <label for="period-to">{move_tr!("reports-period-to")}</label>
                    <input id="period-to" type="date" required prop:value=move || to_text.get()
                        on:change=move |event| to_text.set(event_target_value(&event))/>
                </fieldset>
                {move || period.get().err().map(|reason| view! {
                    <p class="field-error" role="alert" id="period-error">{move || match reason {
                        PeriodError::Reversed => tr!(i18n, "reports-period-reversed"),
                        PeriodError::Unreadable => tr!(i18n, "reports-period-unreadable"),
                    }}</p>
                })}
            </form>
            <p class="report-period-print" aria-hidden="true">
                {move || match period.get() {
                    Ok((from, to)) => tr!(i18n, "reports-period-print", {
                        "from" => day(i18n, from),
                        "to" => day(i18n, to),
                        "today" => day(i18n, today),
                    }),
                    Err(_) => String::new(),
                }}
            </p>
            <p class="notice" role="status" aria-live="polite" id="report-notice">
                {move || match notice.get() {
                    None => view! { <span></span> }.into_any(),
                    Some(Outcome::Exported(file)) => view! {
                        <span class="saved">{move || tr!(i18n, "reports-exported", { "file" => file.clone() })}</span>
                    }.into_any(),
                    Some(Outcome::ExportFailed(file, reason)) => view! {
                        <span class="failed">{move || tr!(i18n, "reports-export-failed", { "file" => file.clone(), "reason" => reason.clone() })}</span>
                    }.into_any(),
                    Some(Outcome::PrintFailed(reason)) => view! {
                        <span class="failed">{move || tr!(i18n, "reports-print-failed", { "reason" => reason.clone() })}</span>
                    }.into_any(),
                }}
            </p>

            <div class="report-grid">
                {count_section("partners-by-kind", |i18n| tr!(i18n, "reports-by-kind"), |i18n| tr!(i18n, "reports-kind"), None, by_kind, true)}
                {count_section("partners-by-category", |i18n| tr!(i18n, "reports-by-category"), |i18n| tr!(i18n, "reports-category"), Some(|i18n| tr!(i18n, "reports-no-category")), by_category, false)}
                {count_section("partners-by-industry", |i18n| tr!(i18n, "reports-by-industry"), |i18n| tr!(i18n, "reports-industry"), Some(|i18n| tr!(i18n, "reports-no-industry")), by_industry, false)}
                {count_section("partners-by-region", |i18n| tr!(i18n, "reports-by-region"), |i18n| tr!(i18n, "reports-region"), Some(|i18n| tr!(i18n, "reports-no-region")), by_region, false)}
            </div>

            <section class="card report-section" id="report-new-partners">
                <div class="section-head">
                    <h2>{move_tr!("reports-new-partners")}</h2>
                    <button type="button" class="button small export" id="export-new-partners"
                        disabled=move || per_month.with(Option::is_none) on:click=on_export_months>{move_tr!("reports-export-csv")}</button>
                </div>
                {move || match per_month.get() {
                    Some(rows) => {
                        let data: Vec<ChartRow> = rows.into_iter().map(|row| ChartRow { label: row.month, count: row.count }).collect();
                        view! { <LineChart id="new-partners".to_owned() title=tr!(i18n, "reports-new-partners") label_heading=tr!(i18n, "reports-month") rows=data/> }.into_any()
                    }
                    None => view! { <p class="empty-note">{move_tr!("reports-new-partners-no-period")}</p> }.into_any(),
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
    let i18n = expect_context::<I18n>();
    let (slug, heading, empty): (&str, Text, Text) = match direction {
        InvoiceDirection::Issued => (
            "aging-receivables",
            |i18n| tr!(i18n, "reports-receivables"),
            |i18n| tr!(i18n, "reports-receivables-empty"),
        ),
        InvoiceDirection::Received => (
            "aging-payables",
            |i18n| tr!(i18n, "reports-payables"),
            |i18n| tr!(i18n, "reports-payables-empty"),
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
                <h2>{move || heading(i18n)}</h2>
                <button type="button" class="button small export" id=format!("export-{slug}") on:click=on_export>{move_tr!("reports-export-csv")}</button>
            </div>
            {move || data.with(|(report, order)| {
                if report.totals.is_empty() {
                    return view! { <p class="empty-note" id=format!("{slug}-empty")>{move || empty(i18n)}</p> }.into_any();
                }
                report.totals.iter().map(|(currency, total)| {
                    aging_table(i18n, slug, currency, total, report, order)
                }).collect_view().into_any()
            })}
        </section>
    }
}

fn aging_table(
    i18n: I18n,
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
        .map(|minor| {
            let currency = currency.to_owned();
            view! { <td class="num">{move || amount(i18n, minor, &currency)}</td> }
        })
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
    let (caption_currency, total_currency) = (currency.to_owned(), currency.to_owned());
    view! {
        <h3 class="currency-heading">{currency.to_owned()}</h3>
        <div class="table-scroll">
            <table class="report-table aging-table" id=format!("{slug}-{currency}")>
                <caption class="visually-hidden">{move || tr!(i18n, "reports-aging-caption", { "currency" => caption_currency.clone() })}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("reports-partner")}</th>
                        <th scope="col" class="num">{move_tr!("reports-aging-current")}</th>
                        <th scope="col" class="num">{move_tr!("reports-aging-1-30")}</th>
                        <th scope="col" class="num">{move_tr!("reports-aging-31-60")}</th>
                        <th scope="col" class="num">{move_tr!("reports-aging-61-90")}</th>
                        <th scope="col" class="num">{move_tr!("reports-aging-over-90")}</th>
                        <th scope="col" class="num">{move_tr!("reports-total")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="aging-total" id=format!("{slug}-total-{currency}")>
                        <th scope="row">{move || tr!(i18n, "reports-total-currency", { "currency" => total_currency.clone() })}</th>
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
fn TopSection(direction: InvoiceDirection, notice: Notice, period: Period) -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let (slug, heading, empty): (&str, Text, Text) = match direction {
        InvoiceDirection::Issued => (
            "top-clients",
            |i18n| tr!(i18n, "reports-top-clients"),
            |i18n| tr!(i18n, "reports-top-clients-empty"),
        ),
        InvoiceDirection::Received => (
            "top-suppliers",
            |i18n| tr!(i18n, "reports-top-suppliers"),
            |i18n| tr!(i18n, "reports-top-suppliers-empty"),
        ),
    };
    // "Invoiced (EUR)" or "Purchased (EUR)": the amount column's heading.
    let amount_heading = move |currency: String| match direction {
        InvoiceDirection::Issued => tr!(i18n, "reports-top-invoiced", { "currency" => currency }),
        InvoiceDirection::Received => {
            tr!(i18n, "reports-top-purchased", { "currency" => currency })
        }
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
                <h2>{move || heading(i18n)}</h2>
                <button type="button" class="button small export" id=format!("export-{slug}")
                    disabled=move || data.with(Option::is_none) on:click=on_export>{move_tr!("reports-export-csv")}</button>
            </div>
            {move || data.with(|data| match data {
                None => view! { <p class="empty-note">{move_tr!("reports-choose-period")}</p> }.into_any(),
                Some((_, named, _)) if named.is_empty() => view! { <p class="empty-note" id=format!("{slug}-empty")>{move || empty(i18n)}</p> }.into_any(),
                Some((_, named, _)) => named.iter().map(|(currency, rows)| {
                    let heading_currency = currency.clone();
                    view! {
                        <h3 class="currency-heading">{currency.clone()}</h3>
                        <div class="table-scroll">
                            <table class="report-table top-table" id=format!("{slug}-{currency}")>
                                <thead>
                                    <tr>
                                        <th scope="col" class="num">"#"</th>
                                        <th scope="col">{move_tr!("reports-partner")}</th>
                                        <th scope="col" class="num">{move_tr!("reports-invoices")}</th>
                                        <th scope="col" class="num">{move || amount_heading(heading_currency.clone())}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.iter().enumerate().map(|(index, (row, name))| {
                                        let (invoices, total, currency) = (row.invoices, row.total_minor, currency.clone());
                                        view! {
                                            <tr class="top-row" data-partner=row.partner_id.clone()>
                                                <td class="num">{move || count(i18n, index + 1)}</td>
                                                <th scope="row"><a href=format!("/partners/{}", row.partner_id)>{name.clone()}</a></th>
                                                <td class="num">{move || count(i18n, invoices)}</td>
                                                <td class="num">{move || amount(i18n, total, &currency)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }).collect_view().into_any(),
            })}
        </section>
    }
}
