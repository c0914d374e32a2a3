//! The invoices screen (`/invoices`): every partner's invoices and bills in one list, open and
//! overdue ones by default, filtered by direction, status and currency, earliest due first,
//! with the totals of what is listed per currency (never added across currencies).
//!
//! Which invoices are listed, their status and their order come from `report::view`; this file
//! renders them and binds the filters.

use leptos::prelude::*;

use super::reports::{finance_ids, name_of};
use super::state::use_app_state;
use crate::model::{day_of, format_amount, InvoiceDirection};
use crate::report::view::{
    invoice_currencies, invoice_rows, invoice_totals, DirectionFilter, InvoiceFilter, InvoiceRow,
    StatusFilter,
};
use crate::report::InvoiceStatus;
use crate::web::now_ms;

/// A listed invoice with its partner's name, as rendered.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    row: InvoiceRow,
    partner_name: String,
}

#[component]
pub fn InvoicesPage() -> impl IntoView {
    let state = use_app_state();
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
                <h1>"Invoices"</h1>
            </div>
            <div class="filters invoice-filters" role="search">
                <label class="visually-hidden" for="invoice-direction">"Direction"</label>
                <select id="invoice-direction" on:change=move |event| direction.set(DirectionFilter::from_code(&event_target_value(&event)))>
                    {DirectionFilter::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=move || direction.get() == choice>{choice.label()}</option>
                    }).collect_view()}
                </select>
                <label class="visually-hidden" for="invoice-status">"Status"</label>
                <select id="invoice-status" on:change=move |event| status.set(StatusFilter::from_code(&event_target_value(&event)))>
                    {StatusFilter::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=move || status.get() == choice>{choice.label()}</option>
                    }).collect_view()}
                </select>
                <label class="visually-hidden" for="invoice-currency">"Currency"</label>
                <select id="invoice-currency" on:change=move |event| currency.set(event_target_value(&event))>
                    <option value="" selected=move || currency.with(String::is_empty)>"Any currency"</option>
                    {move || currencies.get().into_iter().map(|code| {
                        let current = code.clone();
                        let label = code.clone();
                        view! { <option value=code selected=move || currency.with(|c| *c == current)>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <ul class="invoice-totals" id="invoice-totals" aria-label="Totals per currency">
                {move || totals.get().into_iter().map(|(code, total)| {
                    let invoices = match total.invoices {
                        1 => "1 invoice".to_owned(),
                        count => format!("{count} invoices"),
                    };
                    view! {
                        <li class="invoice-total" id=format!("invoice-total-{code}")>
                            <strong class="total-currency">{code.clone()}</strong>
                            <span>{invoices}</span>
                            <span>"open "<span class="num">{format_amount(total.open_minor, &code)}</span></span>
                            {(total.overdue_minor > 0).then(|| view! {
                                <span class="overdue-total">"overdue "<span class="num">{format_amount(total.overdue_minor, &code)}</span></span>
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
                            "No invoice matches these filters."
                        } else {
                            "No invoices yet. Invoices and bills recorded on a partner's page appear here."
                        }}
                    </p>
                }
            >
                <div class="table-scroll">
                    <table class="report-table invoice-table" id="invoice-rows">
                        <thead>
                            <tr>
                                <th scope="col">"Partner"</th>
                                <th scope="col">"Number"</th>
                                <th scope="col">"Type"</th>
                                <th scope="col">"Due"</th>
                                <th scope="col" class="num">"Amount"</th>
                                <th scope="col" class="num">"Open"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col" class="num">"Days overdue"</th>
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
        </section>
    }
}

/// One invoice of the list.
#[component]
fn InvoiceLine(item: Listed) -> impl IntoView {
    let Listed { row, partner_name } = item;
    let kind = match row.direction {
        InvoiceDirection::Issued => "To client",
        InvoiceDirection::Received => "From supplier",
    };
    let status = row.state.status;
    let days = (status == InvoiceStatus::Overdue).then_some(row.state.days_overdue);
    view! {
        <tr class=format!("invoice-row status-{}", status.code())
            id=format!("invoice-{}-{}", row.partner_id, row.invoice_id)
            data-partner=row.partner_id.clone()>
            <th scope="row"><a href=format!("/partners/{}", row.partner_id)>{partner_name}</a></th>
            <td>{row.number.clone()}</td>
            <td>{kind}</td>
            <td class="date">{row.due_date.clone()}</td>
            <td class="num">{format!("{} {}", format_amount(row.amount_minor, &row.currency), row.currency)}</td>
            <td class="num">{format!("{} {}", format_amount(row.state.open_minor, &row.currency), row.currency)}</td>
            <td><span class=format!("badge invoice-status status-{}", status.code())>{status.label()}</span></td>
            <td class="num">{days.map(|days| days.to_string())}</td>
        </tr>
    }
}
