//! The invoices screen (`/invoices`): every partner's invoices and bills in one list, open and
//! overdue ones by default, filtered by direction, status and currency, earliest due first,
//! with the totals of what is listed per currency (never added across currencies).
//!
//! Which invoices are listed, their status and their order come from `report::view`; this file
//! renders them and binds the filters.
//!
//! Below the list, the exchange with inventory and purchasing systems: exports of invoices,
//! payments and purchase orders as CSV or JSON, and their import. Reading, validating and
//! planning an import are `report::exchange` (documented in `docs/finance-exchange.md`); this
//! file only picks the file, shows every error, and has the plan stored.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::i18n::{date, field_error, integer, label, money};
use super::reports::{finance_ids, name_of};
use super::state::{use_app_state, AppState, RegistryView};
use crate::model::{day_of, InvoiceDirection, PartnerFinance};
use crate::report::exchange::{
    export_csv, export_json, file_name, parse_import, plan_import, tax_id_text, ExchangeFormat,
    ExchangeKind, ImportCounts, ImportError, ImportPartner,
};
use crate::report::iso_date_of_day;
use crate::report::view::{
    invoice_currencies, invoice_rows, invoice_totals, DirectionFilter, InvoiceFilter, InvoiceRow,
    StatusFilter,
};
use crate::report::InvoiceStatus;
use crate::validate::FieldError;
use crate::web::download::download_text;
use crate::web::files::read_picked;
use crate::web::{new_row_id, now_ms};

/// A listed invoice with its partner's name, as rendered.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    row: InvoiceRow,
    partner_name: String,
}

#[component]
pub fn InvoicesPage() -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let today = day_of(now_ms());
    let direction = RwSignal::new(DirectionFilter::All);
    let status = RwSignal::new(StatusFilter::Unpaid);
    // "" = any currency.
    let currency = RwSignal::new(String::new());

    let currencies = Memo::new(move |_| {
        state
            .view
            .with(|view| invoice_currencies(view.finances.values()))
            .into_iter()
            .collect::<Vec<String>>()
    });
    let listed = Memo::new(move |_| {
        let filter = InvoiceFilter {
            direction: direction.get(),
            status: status.get(),
            currency: currency.get(),
        };
        state.view.with(|view| {
            let ids = finance_ids(view);
            invoice_rows(
                ids.iter().map(String::as_str).zip(view.finances.values()),
                &filter,
                today,
            )
            .into_iter()
            .map(|row| Listed {
                partner_name: name_of(view, &row.partner_id),
                row,
            })
            .collect::<Vec<Listed>>()
        })
    });
    let totals = Memo::new(move |_| {
        listed.with(|listed| invoice_totals(listed.iter().map(|item| &item.row)))
    });
    let any_invoice = move || {
        state.view.with(|view| {
            view.finances
                .values()
                .any(|finance| !finance.invoices.is_empty())
        })
    };

    view! {
        <section class="invoices-screen">
            <div class="screen-head">
                <h1>{move_tr!("invoices-title")}</h1>
            </div>
            <div class="filters invoice-filters" role="search">
                <label class="visually-hidden" for="invoice-direction">{move_tr!("invoices-direction")}</label>
                <select id="invoice-direction" on:change=move |event| direction.set(DirectionFilter::from_code(&event_target_value(&event)))>
                    {DirectionFilter::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=move || direction.get() == choice>{move || label(i18n, choice)}</option>
                    }).collect_view()}
                </select>
                <label class="visually-hidden" for="invoice-status">{move_tr!("invoices-status")}</label>
                <select id="invoice-status" on:change=move |event| status.set(StatusFilter::from_code(&event_target_value(&event)))>
                    {StatusFilter::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=move || status.get() == choice>{move || label(i18n, choice)}</option>
                    }).collect_view()}
                </select>
                <label class="visually-hidden" for="invoice-currency">{move_tr!("invoices-currency")}</label>
                <select id="invoice-currency" on:change=move |event| currency.set(event_target_value(&event))>
                    <option value="" selected=move || currency.with(String::is_empty)>{move_tr!("invoices-any-currency")}</option>
                    {move || currencies.get().into_iter().map(|code| {
                        let current = code.clone();
                        let label = code.clone();
                        view! { <option value=code selected=move || currency.with(|c| *c == current)>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <ul class="invoice-totals" id="invoice-totals" aria-label=move || tr!(i18n, "invoices-totals")>
                {move || totals.get().into_iter().map(|(code, total)| {
                    let invoices = tr!(i18n, "invoices-count", {"count" => total.invoices});
                    view! {
                        <li class="invoice-total" id=format!("invoice-total-{code}")>
                            <strong class="total-currency">{code.clone()}</strong>
                            <span>{invoices}</span>
                            <span>{tr!(i18n, "invoices-open")}" "<span class="num">{amount(i18n, total.open_minor, &code)}</span></span>
                            {(total.overdue_minor > 0).then(|| view! {
                                <span class="overdue-total">{tr!(i18n, "invoices-overdue")}" "<span class="num">{amount(i18n, total.overdue_minor, &code)}</span></span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show
                when=move || listed.with(|listed| !listed.is_empty())
                fallback=move || view! {
                    <p class="empty-state" id="invoice-empty">
                        {move || if any_invoice() {
                            tr!(i18n, "invoices-no-match")
                        } else {
                            tr!(i18n, "invoices-empty")
                        }}
                    </p>
                }
            >
                <div class="table-scroll">
                    <table class="report-table invoice-table" id="invoice-rows">
                        <thead>
                            <tr>
                                <th scope="col">{move_tr!("invoices-partner")}</th>
                                <th scope="col">{move_tr!("invoices-number")}</th>
                                <th scope="col">{move_tr!("invoices-type")}</th>
                                <th scope="col">{move_tr!("invoices-due")}</th>
                                <th scope="col" class="num">{move_tr!("invoices-amount")}</th>
                                <th scope="col" class="num">{move_tr!("invoices-open-amount")}</th>
                                <th scope="col">{move_tr!("invoices-status")}</th>
                                <th scope="col" class="num">{move_tr!("invoices-days-overdue")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || listed.get()
                                key=|item| (item.row.partner_id.clone(), item.row.invoice_id.clone(), item.row.state.status.code(), item.row.state.open_minor, item.row.state.days_overdue, item.partner_name.clone())
                                children=move |item| view! { <InvoiceLine item=item/> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            <FinanceExchange/>
        </section>
    }
}

/// The formats offered for export, in button order.
const FORMATS: [ExchangeFormat; 2] = [ExchangeFormat::Csv, ExchangeFormat::Json];

/// The export of `kind` in `format` over every partner's finance in the view.
fn export_text(view: &RegistryView, kind: ExchangeKind, format: ExchangeFormat) -> String {
    let rows: Vec<(String, String, String, &PartnerFinance)> = view
        .finances
        .iter()
        .map(|(id, finance)| {
            let partner = view.partners.get(id);
            let tax_id = partner
                .map(|partner| {
                    let tax_id = &partner.profile.tax_id;
                    tax_id_text(&tax_id.country, &tax_id.number)
                })
                .unwrap_or_default();
            (id.to_string(), tax_id, view.name_of(id), finance)
        })
        .collect();
    let rows = rows
        .iter()
        .map(|(id, tax_id, name, finance)| (id.as_str(), tax_id.as_str(), name.as_str(), *finance));
    match format {
        ExchangeFormat::Csv => export_csv(kind, rows),
        ExchangeFormat::Json => export_json(kind, rows),
    }
}

/// The partners an import may name: every partner not merged into another (a merged one would
/// make its survivor's tax id ambiguous), and the stored finances by partner id.
fn import_targets(view: &RegistryView) -> (Vec<ImportPartner>, BTreeMap<String, PartnerFinance>) {
    let partners = view
        .partners
        .iter()
        .filter(|(id, _)| view.resolve(id) == **id)
        .map(|(id, partner)| ImportPartner {
            id: id.to_string(),
            name: partner.display_name().to_owned(),
            tax_country: partner.profile.tax_id.country.clone(),
            tax_number: partner.profile.tax_id.number.clone(),
            terms: partner.profile.payment_terms,
        })
        .collect();
    let finances = view
        .finances
        .iter()
        .map(|(id, finance)| (id.to_string(), finance.clone()))
        .collect();
    (partners, finances)
}

/// The import's errors as lines, "line 3, amount: …", all in the chosen language but the
/// column, which stays as the file names it. The core gives each problem as a key and
/// arguments, nested `@` messages included, the way a form error does, so it is worded by the
/// same `field_error`.
fn error_lines(i18n: I18n, errors: Vec<ImportError>) -> Vec<String> {
    errors
        .into_iter()
        .map(|error| {
            let ImportError {
                line,
                field,
                message,
                key,
                args,
            } = error;
            let message = field_error(i18n, &FieldError::keyed(field.clone(), message, key, args));
            match (line, field.is_empty()) {
                (0, true) => message,
                (0, false) => format!("{field}: {message}"),
                (line, true) => tr!(i18n, "invoices-import-error-line", {
                    "line" => line,
                    "message" => message,
                }),
                (line, false) => tr!(i18n, "invoices-import-error-line-field", {
                    "line" => line,
                    "field" => field,
                    "message" => message,
                }),
            }
        })
        .collect()
}

/// What an import stored, as one sentence in the chosen language: "Imported 2 invoices for
/// 1 partner; 1 row was already up to date." (`report::exchange::import_summary` in English).
fn import_summary(i18n: I18n, counts: &ImportCounts) -> String {
    let mut parts = Vec::new();
    if counts.invoices > 0 {
        parts.push(tr!(i18n, "invoices-import-invoices", {"count" => counts.invoices}));
    }
    if counts.payments > 0 {
        parts.push(tr!(i18n, "invoices-import-payments", {"count" => counts.payments}));
    }
    if counts.purchase_orders > 0 {
        parts.push(tr!(i18n, "invoices-import-orders", {"count" => counts.purchase_orders}));
    }
    let unchanged = (counts.unchanged > 0)
        .then(|| tr!(i18n, "invoices-import-unchanged", {"count" => counts.unchanged}));
    if parts.is_empty() {
        return match unchanged {
            None => tr!(i18n, "invoices-import-no-rows"),
            Some(unchanged) => tr!(i18n, "invoices-import-nothing", {"unchanged" => unchanged}),
        };
    }
    let mut sentence = tr!(i18n, "invoices-import-done", {
        "what" => parts.join(", "),
        "partners" => counts.partners,
    });
    if let Some(unchanged) = unchanged {
        sentence.push_str("; ");
        sentence.push_str(&unchanged);
    }
    sentence.push('.');
    sentence
}

/// Reads, checks and stores one picked file: the summary sentence, or every error as a line.
async fn import_file(
    i18n: I18n,
    state: AppState,
    kind: ExchangeKind,
    file: web_sys::File,
) -> Result<String, Vec<String>> {
    let bytes = read_picked(&file)
        .await
        .map_err(|problem| vec![tr!(i18n, "invoices-import-unreadable", {"reason" => problem})])?;
    let text = String::from_utf8(bytes).map_err(|_| vec![tr!(i18n, "invoices-import-not-utf8")])?;
    let format = ExchangeFormat::detect(&file.name(), &text);
    let rows = parse_import(kind, &text, format).map_err(|errors| error_lines(i18n, errors))?;
    let (partners, finances) = state.view.with_untracked(import_targets);
    let plan = plan_import(&rows, &partners, &finances, now_ms(), &mut new_row_id)
        .map_err(|errors| error_lines(i18n, errors))?;
    let summary = import_summary(i18n, &plan.counts);
    state
        .import_finance(plan)
        .await
        .map_err(|problem| vec![problem])?;
    Ok(summary)
}

/// Export buttons and the import form.
#[component]
fn FinanceExchange() -> impl IntoView {
    let state = use_app_state();
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let export_error = RwSignal::new(None::<String>);
    let kind = RwSignal::new(ExchangeKind::Invoices);
    let picked = StoredValue::new_local(None::<web_sys::File>);
    let busy = RwSignal::new(false);
    // The last import's outcome: its summary, or every error as a line.
    let outcome = RwSignal::new(None::<Result<String, Vec<String>>>);

    let export = move |kind: ExchangeKind, format: ExchangeFormat| {
        let text = state
            .view
            .with_untracked(|view| export_text(view, kind, format));
        let today = iso_date_of_day(day_of(now_ms()));
        let saved = download_text(&file_name(kind, format, &today), format.media_type(), &text);
        export_error.set(
            saved
                .err()
                .map(|problem| tr!(i18n, "invoices-export-failed", {"reason" => problem})),
        );
    };
    let on_pick = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let file = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        picked.set_value(file);
        outcome.set(None);
    };
    let run = move |_| {
        let Some(file) = picked.get_value() else {
            outcome.set(Some(Err(vec![tr!(i18n, "invoices-import-choose")])));
            return;
        };
        let kind = kind.get_untracked();
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            outcome.set(Some(import_file(i18n, state, kind, file).await));
            busy.set(false);
        });
    };

    view! {
        <section class="finance-exchange" aria-labelledby="exchange-heading">
            <h2 id="exchange-heading">{move_tr!("invoices-exchange")}</h2>
            <div class="exchange-export" role="group" aria-label=move || tr!(i18n, "invoices-export")>
                <h3>{move_tr!("invoices-export")}</h3>
                {ExchangeKind::ALL.into_iter().map(|kind| view! {
                    <p class="exchange-kind">
                        <span>{move || capitalized(&label(i18n, kind))}</span>
                        {FORMATS.into_iter().map(|format| view! {
                            <button type="button" class="button secondary"
                                id=format!("export-{}-{}", kind.code().replace('_', "-"), format.extension())
                                on:click=move |_| export(kind, format)>
                                {format.extension().to_uppercase()}
                            </button>
                        }).collect_view()}
                    </p>
                }).collect_view()}
                {move || export_error.get().map(|text| view! { <p class="banner error" role="alert">{text}</p> })}
            </div>
            <div class="exchange-import" role="group" aria-label=move || tr!(i18n, "invoices-import")>
                <h3>{move_tr!("invoices-import")}</h3>
                <p class="hint">{move_tr!("invoices-import-hint")}</p>
                <label for="import-kind">{move_tr!("invoices-import-kind")}</label>
                <select id="import-kind" on:change=move |event| {
                    if let Some(choice) = ExchangeKind::from_code(&event_target_value(&event)) {
                        kind.set(choice);
                    }
                }>
                    {ExchangeKind::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=move || kind.get() == choice>{move || capitalized(&label(i18n, choice))}</option>
                    }).collect_view()}
                </select>
                <label for="import-file">{move_tr!("invoices-import-file")}</label>
                <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" on:change=on_pick/>
                <button type="button" class="button" id="import-run" on:click=run disabled=move || busy.get()>
                    {move || if busy.get() { tr!(i18n, "invoices-importing") } else { tr!(i18n, "invoices-import") }}
                </button>
                <ul id="import-result" class="import-result" aria-live="polite">
                    {move || match outcome.get() {
                        None => Vec::new(),
                        Some(Ok(summary)) => vec![view! { <li class="import-ok">{summary}</li> }.into_any()],
                        Some(Err(lines)) => lines.into_iter().map(|line| view! { <li class="import-error">{line}</li> }.into_any()).collect(),
                    }}
                </ul>
            </div>
        </section>
    }
}

/// An amount without its currency code (shown next to it), as the chosen language writes it.
fn amount(i18n: I18n, minor: i64, currency: &str) -> String {
    let text = money(i18n, minor, currency);
    match text.strip_suffix(currency) {
        Some(number) if !currency.is_empty() => number.trim_end().to_owned(),
        _ => text,
    }
}

/// "purchase orders" -> "Purchase orders", for labels.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One invoice of the list.
#[component]
fn InvoiceLine(item: Listed) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let Listed { row, partner_name } = item;
    let direction = row.direction;
    let kind = move || match direction {
        InvoiceDirection::Issued => tr!(i18n, "invoices-to-client"),
        InvoiceDirection::Received => tr!(i18n, "invoices-from-supplier"),
    };
    let status = row.state.status;
    let days = (status == InvoiceStatus::Overdue).then_some(row.state.days_overdue);
    let (due_date, currency) = (row.due_date.clone(), row.currency.clone());
    let (amount_minor, open_minor) = (row.amount_minor, row.state.open_minor);
    let open_currency = currency.clone();
    view! {
        <tr class=format!("invoice-row status-{}", status.code())
            id=format!("invoice-{}-{}", row.partner_id, row.invoice_id)
            data-partner=row.partner_id.clone()>
            <th scope="row"><a href=format!("/partners/{}", row.partner_id)>{partner_name}</a></th>
            <td>{row.number.clone()}</td>
            <td>{kind}</td>
            <td class="date">{move || date(i18n, &due_date)}</td>
            <td class="num">{move || money(i18n, amount_minor, &currency)}</td>
            <td class="num">{move || money(i18n, open_minor, &open_currency)}</td>
            <td><span class=format!("badge invoice-status status-{}", status.code())>{move || label(i18n, status)}</span></td>
            <td class="num">{move || days.map(|days| integer(i18n, days))}</td>
        </tr>
    }
}
