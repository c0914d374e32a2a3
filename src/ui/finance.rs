//! The money part of a partner's page: what is owed and overdue per currency, the invoices and
//! bills with their derived status, payments (partial ones too) and purchase orders, with the
//! forms that record them. Statuses, balances and checks come from the pure core
//! (`report::invoices`, `model::finance`); this only renders and dispatches.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::detail::{dispatch, Notice};
use super::fields::{error_in, InputKind, SelectField, TextField};
use super::i18n::{date, integer, label, locale, money};
use super::state::AppState;
use crate::model::{
    day_of, validate_invoice, validate_payment, validate_purchase_order, AllocationDraft,
    DocumentId, InvoiceDirection, InvoiceDraft, Partner, PaymentDraft, PaymentMethod,
    PurchaseOrderDraft, PurchaseOrderStatus,
};
use crate::report::dates::iso_date_of_day;
use crate::report::{balance, invoice_status, partner_statistics};
use crate::text::locale::format_decimal;
use crate::validate::FieldError;
use crate::web::files::{picked_file, read_picked};
use crate::web::{new_row_id, now_ms};

/// Today as an ISO date, from the device's clock.
pub(super) fn today_iso() -> String {
    iso_date_of_day(day_of(now_ms()))
}

/// An average number of days, `(total days, invoices)`, to a tenth, in the chosen language:
/// "1 day", "12 days", "12.5 days" (what `report::format_average_days` writes in English).
fn average_days(i18n: I18n, average: (i64, i64)) -> String {
    let Some(tenths) = crate::report::invoices::average_tenths(average) else {
        return String::new();
    };
    if tenths % 10 == 0 {
        tr!(i18n, "finance-days", {"count" => tenths / 10})
    } else {
        let days = format_decimal(locale(i18n), tenths as f64 / 10.0, 1);
        tr!(i18n, "finance-days-decimal", {"days" => days})
    }
}

/// Validator errors with their fields prefixed, so that the three forms on one page have
/// distinct input ids ("invoice-amount", "payment-amount") while the validators keep their
/// plain field names.
fn prefixed(errors: Vec<FieldError>, prefix: &str) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|error| FieldError {
            field: format!("{prefix}-{}", error.field),
            ..error
        })
        .collect()
}

/// The money card of a partner's page.
#[component]
pub fn FinanceCard(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let finance = Memo::new(move |_| state.view.with(|view| view.finances.get(&id).cloned()));
    let today = day_of(now_ms());
    let is_supplier = partner.profile.kind.is_supplier();
    let terms = partner.profile.payment_terms;

    let summary = move || {
        finance.with(|finance| {
            let Some(finance) = finance else {
                return view! { <p class="muted" id="balance">{move_tr!("finance-nothing")}</p> }
                    .into_any();
            };
            let balances = balance(finance, today);
            let statistics = state.view.with(|view| {
                let empty = crate::model::PartnerActivity::new(id.to_string());
                partner_statistics(finance, view.activities.get(&id).unwrap_or(&empty))
            });
            let totals = |totals: &std::collections::BTreeMap<String, i64>| {
                totals
                    .iter()
                    .map(|(currency, minor)| money(i18n, *minor, currency))
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            let invoiced = totals(&statistics.invoiced);
            let purchased = totals(&statistics.purchased);
            view! {
                <dl class="balance" id="balance">
                    {balances.into_iter().map(|(currency, amounts)| view! {
                        <div class="balance-row" data-currency=currency.clone()>
                            <dt>{currency.clone()}</dt>
                            <dd>
                                <span class="receivable">{tr!(i18n, "finance-they-owe", {"amount" => money(i18n, amounts.receivable_minor, &currency)})}</span>
                                " · "
                                <span class="payable">{tr!(i18n, "finance-we-owe", {"amount" => money(i18n, amounts.payable_minor, &currency)})}</span>
                                {(amounts.overdue_receivable_minor + amounts.overdue_payable_minor > 0).then(|| view! {
                                    " · "
                                    <strong class="overdue">
                                        {tr!(i18n, "finance-overdue", {"amount" => money(i18n, amounts.overdue_receivable_minor + amounts.overdue_payable_minor, &currency)})}
                                    </strong>
                                })}
                            </dd>
                        </div>
                    }).collect_view()}
                </dl>
                <dl class="balance statistics" id="partner-statistics">
                    {(!invoiced.is_empty()).then(|| view! {
                        <div class="balance-row"><dt>{move_tr!("finance-invoiced")}</dt><dd>{invoiced}</dd></div>
                    })}
                    {(!purchased.is_empty()).then(|| view! {
                        <div class="balance-row"><dt>{move_tr!("finance-purchased")}</dt><dd>{purchased}</dd></div>
                    })}
                    {statistics.days_to_be_paid.map(|average| view! {
                        <div class="balance-row"><dt>{move_tr!("finance-they-pay-in")}</dt><dd>{average_days(i18n, average)}</dd></div>
                    })}
                    {statistics.days_to_pay_them.map(|average| view! {
                        <div class="balance-row"><dt>{move_tr!("finance-we-pay-in")}</dt><dd>{average_days(i18n, average)}</dd></div>
                    })}
                    <div class="balance-row"><dt>{move_tr!("finance-interactions")}</dt><dd>{integer(i18n, statistics.interactions as i64)}</dd></div>
                </dl>
            }
            .into_any()
        })
    };

    let invoices = move || {
        finance.with(|finance| {
            let Some(finance) = finance else {
                return Vec::new();
            };
            let mut rows: Vec<_> = finance
                .invoices
                .iter()
                .map(|(row, invoice)| {
                    let status = invoice_status(row, invoice, &finance.payments, today);
                    (row.clone(), invoice.clone(), status)
                })
                .collect();
            rows.sort_by(|a, b| b.1.due_date.cmp(&a.1.due_date).then(a.0.cmp(&b.0)));
            rows
        })
    };
    let cancel = move |row: String| {
        let gone = tr!(i18n, "finance-invoice-gone");
        dispatch(
            notice,
            busy,
            tr!(i18n, "finance-invoice-cancelled"),
            async move {
                state
                    .edit_finance(id, "cancel invoice", move |finance| {
                        let invoice = finance.invoices.get_mut(&row).ok_or(gone)?;
                        invoice.cancelled = true;
                        Ok(())
                    })
                    .await
            },
        );
    };

    view! {
        <section class="card finance" id="finance" aria-labelledby="finance-title">
            <h2 id="finance-title">{move_tr!("finance-title")}</h2>
            {summary}
            <h3>{move_tr!("finance-invoices-title")}</h3>
            <Show
                when=move || !invoices().is_empty()
                fallback=|| view! { <p class="muted">{move_tr!("finance-no-invoices")}</p> }
            >
                <div class="table-scroll">
                    <table class="invoices" id="partner-invoices">
                        <thead><tr>
                            <th scope="col">{move_tr!("finance-number")}</th><th scope="col">{move_tr!("finance-kind")}</th><th scope="col">{move_tr!("finance-due")}</th>
                            <th scope="col">{move_tr!("finance-amount")}</th><th scope="col">{move_tr!("finance-open")}</th><th scope="col">{move_tr!("finance-status")}</th><th scope="col">{move_tr!("finance-file")}</th><th scope="col"></th>
                        </tr></thead>
                        <tbody>
                            {move || invoices().into_iter().map(|(row, invoice, status)| {
                                let cancellable = !invoice.cancelled && status.paid_minor == 0;
                                let row_for_cancel = row.clone();
                                view! {
                                    <tr id=format!("invoice-{row}") data-number=invoice.number.clone()>
                                        <td>{invoice.number.clone()}</td>
                                        <td>{match invoice.direction {
                                            InvoiceDirection::Issued => tr!(i18n, "finance-issued"),
                                            InvoiceDirection::Received => tr!(i18n, "finance-bill"),
                                        }}</td>
                                        <td>{date(i18n, &invoice.due_date)}</td>
                                        <td>{money(i18n, invoice.amount_minor, &invoice.currency)}</td>
                                        <td class="open-amount">{money(i18n, status.open_minor, &invoice.currency)}</td>
                                        <td><span class=format!("status status-{}", status.status.code())>{label(i18n, status.status)}
                                            {(status.days_overdue > 0).then(|| format!(" {}", tr!(i18n, "finance-days-overdue", {"days" => status.days_overdue})))}
                                        </span></td>
                                        <td>{invoice.attachment.clone().map(|file| view! { <AttachmentToggle file=file state=state/> })}</td>
                                        <td>{cancellable.then(|| view! {
                                            <button type="button" class="link-button" on:click=move |_| cancel(row_for_cancel.clone())>{move_tr!("finance-cancel")}</button>
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <InvoiceForm id=id is_supplier=is_supplier terms=terms state=state notice=notice busy=busy/>
            <PaymentForm id=id finance=finance method=terms.method state=state notice=notice busy=busy/>
            {is_supplier.then(|| view! { <PurchaseOrders id=id finance=finance state=state notice=notice busy=busy/> })}
        </section>
    }
}

/// Records an invoice to a client or a bill from a supplier.
#[component]
fn InvoiceForm(
    id: DocumentId,
    is_supplier: bool,
    terms: crate::model::PaymentTerms,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let empty = move || InvoiceDraft {
        direction: if is_supplier { "received" } else { "issued" }.into(),
        issue_date: today_iso(),
        currency: "EUR".into(),
        ..InvoiceDraft::default()
    };
    let draft = RwSignal::new(empty());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let set = move |apply: fn(&mut InvoiceDraft, String)| {
        Callback::new(move |value: String| draft.update(|draft| apply(draft, value)))
    };
    // A scan or PDF of the invoice, kept on the device and uploaded like verification files.
    let picked = StoredValue::new_local(None::<web_sys::File>);
    let picked_name = RwSignal::new(String::new());
    let on_pick = move |event: leptos::ev::Event| {
        let file = picked_file(&event);
        picked_name.set(file.as_ref().map(|file| file.name()).unwrap_or_default());
        picked.set_value(file);
    };
    let has_terms = terms.days.is_some();
    let due_hint = move || {
        if has_terms {
            tr!(i18n, "finance-due-hint-terms")
        } else {
            tr!(i18n, "finance-due-hint-none")
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match validate_invoice(&draft.get_untracked(), &terms, now_ms()) {
            Err(found) => errors.set(prefixed(found, "invoice")),
            Ok(mut invoice) => {
                errors.set(Vec::new());
                let row = new_row_id();
                let file = picked.get_value();
                dispatch(
                    notice,
                    busy,
                    tr!(i18n, "finance-invoice-saved"),
                    async move {
                        if let Some(file) = file {
                            let bytes = read_picked(&file).await?;
                            invoice.attachment =
                                Some(state.keep_file(bytes, file.type_(), file.name()).await?);
                        }
                        state
                            .edit_finance(id, "record invoice", move |finance| {
                                finance.invoices.insert(row, invoice);
                                Ok(())
                            })
                            .await?;
                        draft.set(empty());
                        picked.set_value(None);
                        picked_name.set(String::new());
                        Ok(())
                    },
                );
            }
        }
    };
    let directions = Signal::derive(move || {
        vec![
            (
                "received".to_owned(),
                tr!(i18n, "finance-direction-received"),
            ),
            ("issued".to_owned(), tr!(i18n, "finance-direction-issued")),
        ]
    });
    view! {
        <details class="subform" id="invoice-form">
            <summary>{move_tr!("finance-invoice-form")}</summary>
            <form on:submit=submit novalidate>
                <SelectField label=move || tr!(i18n, "finance-kind") field="invoice-direction".to_owned() options=directions
                    value=Signal::derive(move || draft.with(|d| d.direction.clone())) on_change=set(|d, v| d.direction = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-number") field="invoice-number".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.number.clone())) on_input=set(|d, v| d.number = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-issue-date") field="invoice-issue_date".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.issue_date.clone())) on_input=set(|d, v| d.issue_date = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-due-date") field="invoice-due_date".to_owned() hint=due_hint
                    value=Signal::derive(move || draft.with(|d| d.due_date.clone())) on_input=set(|d, v| d.due_date = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-amount") field="invoice-amount".to_owned() required=true kind=InputKind::Text
                    value=Signal::derive(move || draft.with(|d| d.amount.clone())) on_input=set(|d, v| d.amount = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-currency") field="invoice-currency".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.currency.clone())) on_input=set(|d, v| d.currency = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-reference") field="invoice-reference".to_owned()
                    value=Signal::derive(move || draft.with(|d| d.reference.clone())) on_input=set(|d, v| d.reference = v) errors=errors/>
                <div class="file-pickers">
                    <label class="button" for="invoice-attachment">{move_tr!("finance-attach")}</label>
                    <input class="visually-hidden" id="invoice-attachment" type="file" accept="image/*,application/pdf" on:change=on_pick/>
                    <span class="muted" id="invoice-picked-file">{move || picked_name.get()}</span>
                </div>
                <button type="submit" class="button primary" id="record-invoice" disabled=move || busy.get()>{move_tr!("finance-save-invoice")}</button>
            </form>
        </details>
    }
}

/// Records a payment, optionally settling one open invoice of its currency (in part or whole).
#[component]
fn PaymentForm(
    id: DocumentId,
    finance: Memo<Option<crate::model::PartnerFinance>>,
    method: PaymentMethod,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let empty = move || PaymentDraft {
        date: today_iso(),
        currency: "EUR".into(),
        method: method.code().into(),
        ..PaymentDraft::default()
    };
    let draft = RwSignal::new(empty());
    // The invoice to settle, if any, and how much of the payment goes to it (empty: all).
    let settles = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let set = move |apply: fn(&mut PaymentDraft, String)| {
        Callback::new(move |value: String| draft.update(|draft| apply(draft, value)))
    };
    let open_invoices = move || {
        let today = day_of(now_ms());
        let mut options = vec![(String::new(), tr!(i18n, "finance-on-account-option"))];
        finance.with(|finance| {
            if let Some(finance) = finance {
                for (row, invoice) in &finance.invoices {
                    let status = invoice_status(row, invoice, &finance.payments, today);
                    if status.open_minor > 0 {
                        options.push((
                            row.clone(),
                            tr!(i18n, "finance-settles-option", {
                                "number" => invoice.number.clone(),
                                "amount" => money(i18n, status.open_minor, &invoice.currency),
                                "due" => date(i18n, &invoice.due_date),
                            }),
                        ));
                    }
                }
            }
        });
        options
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut payment = draft.get_untracked();
        let invoice = settles.get_untracked();
        if !invoice.is_empty() {
            payment.allocations = vec![AllocationDraft {
                invoice_id: invoice,
                amount: payment.amount.clone(),
            }];
        }
        let row = new_row_id();
        let checked = finance.with_untracked(|finance| {
            let empty = crate::model::PartnerFinance::new(id.to_string());
            validate_payment(&payment, &row, finance.as_ref().unwrap_or(&empty), now_ms())
        });
        match checked {
            Err(found) => errors.set(prefixed(found, "payment")),
            Ok(payment) => {
                errors.set(Vec::new());
                dispatch(
                    notice,
                    busy,
                    tr!(i18n, "finance-payment-saved"),
                    async move {
                        state
                            .edit_finance(id, "record payment", move |finance| {
                                finance.payments.insert(row, payment);
                                Ok(())
                            })
                            .await?;
                        draft.set(empty());
                        settles.set(String::new());
                        Ok(())
                    },
                );
            }
        }
    };
    let methods = Signal::derive(move || {
        PaymentMethod::ALL
            .iter()
            .map(|method| (method.code().to_owned(), label(i18n, *method)))
            .collect::<Vec<(String, String)>>()
    });
    view! {
        <details class="subform" id="payment-form">
            <summary>{move_tr!("finance-payment-form")}</summary>
            <form on:submit=submit novalidate>
                <TextField label=move || tr!(i18n, "finance-date") field="payment-date".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.date.clone())) on_input=set(|d, v| d.date = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-amount") field="payment-amount".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.amount.clone())) on_input=set(|d, v| d.amount = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-currency") field="payment-currency".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.currency.clone())) on_input=set(|d, v| d.currency = v) errors=errors/>
                <SelectField label=move || tr!(i18n, "finance-method") field="payment-method".to_owned() options=methods
                    value=Signal::derive(move || draft.with(|d| d.method.clone())) on_change=set(|d, v| d.method = v) errors=errors/>
                <div class="field">
                    <label for="payment-settles">{move_tr!("finance-settles")}</label>
                    <select id="payment-settles" on:change=move |event| settles.set(event_target_value(&event))>
                        {move || open_invoices().into_iter().map(|(row, text)| {
                            let current = row.clone();
                            view! { <option value=row selected=move || settles.get() == current>{text}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error" id="payment-settles-error">
                        {move || error_in(i18n, errors, "payment-allocations[0].invoice_id")
                            .or_else(|| error_in(i18n, errors, "payment-allocations[0].amount"))}
                    </span>
                </div>
                <TextField label=move || tr!(i18n, "finance-note") field="payment-note".to_owned()
                    value=Signal::derive(move || draft.with(|d| d.note.clone())) on_input=set(|d, v| d.note = v) errors=errors/>
                <button type="submit" class="button primary" id="record-payment" disabled=move || busy.get()>{move_tr!("finance-save-payment")}</button>
            </form>
            <PaymentList finance=finance/>
        </details>
    }
}

/// The payments recorded, latest first.
#[component]
fn PaymentList(finance: Memo<Option<crate::model::PartnerFinance>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = move || {
        finance.with(|finance| {
            let Some(finance) = finance else {
                return Vec::new();
            };
            let mut rows: Vec<(String, String, String)> = finance
                .payments
                .values()
                .map(|payment| {
                    let settled: Vec<String> = payment
                        .allocations
                        .keys()
                        .filter_map(|row| finance.invoices.get(row))
                        .map(|invoice| invoice.number.clone())
                        .collect();
                    (
                        payment.date.clone(),
                        money(i18n, payment.amount_minor, &payment.currency),
                        if settled.is_empty() {
                            tr!(i18n, "finance-on-account")
                        } else {
                            tr!(i18n, "finance-paid-for", {"invoices" => settled.join(", ")})
                        },
                    )
                })
                .collect();
            rows.sort_by(|a, b| b.0.cmp(&a.0));
            rows.into_iter()
                .map(|(day, amount, what)| (date(i18n, &day), amount, what))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="payments" id="partner-payments">
            {move || rows().into_iter().map(|(date, amount, what)| view! {
                <li>{date}" · "{amount}" · "{what}</li>
            }).collect_view()}
        </ul>
    }
}

/// Purchase orders to a supplier: the list with a status to change, and a form.
#[component]
fn PurchaseOrders(
    id: DocumentId,
    finance: Memo<Option<crate::model::PartnerFinance>>,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let empty = move || PurchaseOrderDraft {
        date: today_iso(),
        currency: "EUR".into(),
        status: PurchaseOrderStatus::Draft.code().into(),
        ..PurchaseOrderDraft::default()
    };
    let draft = RwSignal::new(empty());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let set = move |apply: fn(&mut PurchaseOrderDraft, String)| {
        Callback::new(move |value: String| draft.update(|draft| apply(draft, value)))
    };
    let statuses = Signal::derive(move || {
        PurchaseOrderStatus::ALL
            .iter()
            .map(|status| (status.code().to_owned(), label(i18n, *status)))
            .collect::<Vec<(String, String)>>()
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match validate_purchase_order(&draft.get_untracked(), now_ms()) {
            Err(found) => errors.set(prefixed(found, "order")),
            Ok(order) => {
                errors.set(Vec::new());
                let row = new_row_id();
                dispatch(notice, busy, tr!(i18n, "finance-order-saved"), async move {
                    state
                        .edit_finance(id, "record purchase order", move |finance| {
                            finance.purchase_orders.insert(row, order);
                            Ok(())
                        })
                        .await?;
                    draft.set(empty());
                    Ok(())
                });
            }
        }
    };
    let set_status = move |row: String, code: String| {
        let Some(status) = PurchaseOrderStatus::from_code(&code) else {
            return;
        };
        let gone = tr!(i18n, "finance-order-gone");
        dispatch(notice, busy, tr!(i18n, "finance-order-saved"), async move {
            state
                .edit_finance(id, "purchase order status", move |finance| {
                    let order = finance.purchase_orders.get_mut(&row).ok_or(gone)?;
                    order.status = status;
                    Ok(())
                })
                .await
        });
    };
    let orders = move || {
        finance.with(|finance| {
            let mut orders: Vec<_> = finance
                .iter()
                .flat_map(|finance| finance.purchase_orders.clone())
                .collect();
            orders.sort_by(|a, b| b.1.date.cmp(&a.1.date));
            orders
        })
    };
    view! {
        <h3>{move_tr!("finance-orders-title")}</h3>
        <ul class="purchase-orders" id="purchase-orders">
            {move || orders().into_iter().map(|(row, order)| {
                let options = statuses.get();
                let current = order.status.code();
                let select_id = format!("po-status-{row}");
                view! {
                    <li>
                        <span>{order.number.clone()}" · "{date(i18n, &order.date)}" · "{money(i18n, order.amount_minor, &order.currency)}</span>
                        <label class="visually-hidden" for=select_id.clone()>{move_tr!("finance-status")}</label>
                        <select id=select_id on:change=move |event| set_status(row.clone(), event_target_value(&event))>
                            {options.into_iter().map(|(code, label)| {
                                let selected = code == current;
                                view! { <option value=code selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </li>
                }
            }).collect_view()}
        </ul>
        <details class="subform" id="purchase-order-form">
            <summary>{move_tr!("finance-order-form")}</summary>
            <form on:submit=submit novalidate>
                <TextField label=move || tr!(i18n, "finance-number") field="order-number".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.number.clone())) on_input=set(|d, v| d.number = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-date") field="order-date".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.date.clone())) on_input=set(|d, v| d.date = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-amount") field="order-amount".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.amount.clone())) on_input=set(|d, v| d.amount = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-currency") field="order-currency".to_owned() required=true
                    value=Signal::derive(move || draft.with(|d| d.currency.clone())) on_input=set(|d, v| d.currency = v) errors=errors/>
                <SelectField label=move || tr!(i18n, "finance-status") field="order-status".to_owned() options=statuses
                    value=Signal::derive(move || draft.with(|d| d.status.clone())) on_change=set(|d, v| d.status = v) errors=errors/>
                <TextField label=move || tr!(i18n, "finance-reference") field="order-reference".to_owned()
                    value=Signal::derive(move || draft.with(|d| d.reference.clone())) on_input=set(|d, v| d.reference = v) errors=errors/>
                <button type="submit" class="button primary" id="record-purchase-order" disabled=move || busy.get()>{move_tr!("finance-save-order")}</button>
            </form>
        </details>
    }
}

/// An invoice's attached file, shown on request (it may have to be downloaded first).
#[component]
fn AttachmentToggle(file: crate::model::FileRef, state: AppState) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(false);
    let name = if file.name.is_empty() {
        tr!(i18n, "finance-unnamed-file")
    } else {
        file.name.clone()
    };
    view! {
        <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|open| *open = !*open)>{name}</button>
        <Show when=move || open.get()>
            <super::documents::FilePreview file=file.clone() state=state/>
        </Show>
    }
}
