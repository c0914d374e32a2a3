//! The workspace settings screen: what the company requires of clients and of suppliers (data
//! and verification documents), and how early expiring documents are flagged. Saved into the
//! workspace document, so every device applies the same rules, offline too.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::settings_lists::{CustomFieldsSection, PaymentPresetsSection, TermsSection};
use super::state::use_app_state;
use crate::model::{DocumentKind, RequiredData, TermList, WorkspaceSettings};

/// The data rules a settings row can switch.
const DATA_RULES: [&str; 6] = [
    "tax_id",
    "email",
    "phone",
    "address",
    "contact",
    "bank_account",
];

/// The checkbox label of one data rule ("Tax id required").
fn rule_label(i18n: I18n, code: &str) -> String {
    match code {
        "tax_id" => tr!(i18n, "settings-rule-tax-id"),
        "email" => tr!(i18n, "settings-rule-email"),
        "phone" => tr!(i18n, "settings-rule-phone"),
        "address" => tr!(i18n, "settings-rule-address"),
        "contact" => tr!(i18n, "settings-rule-contact"),
        "bank_account" => tr!(i18n, "settings-rule-bank-account"),
        _ => String::new(),
    }
}

fn rule<'a>(data: &'a mut RequiredData, code: &str) -> Option<&'a mut bool> {
    Some(match code {
        "tax_id" => &mut data.tax_id,
        "email" => &mut data.email,
        "phone" => &mut data.phone,
        "address" => &mut data.address,
        "contact" => &mut data.contact,
        "bank_account" => &mut data.bank_account,
        _ => return None,
    })
}

/// The current value of one data rule, read without copying the settings.
fn rule_value(data: &RequiredData, code: &str) -> bool {
    match code {
        "tax_id" => data.tax_id,
        "email" => data.email,
        "phone" => data.phone,
        "address" => data.address,
        "contact" => data.contact,
        "bank_account" => data.bank_account,
        _ => false,
    }
}

fn side(settings: &mut WorkspaceSettings, supplier: bool) -> &mut RequiredData {
    if supplier {
        &mut settings.supplier
    } else {
        &mut settings.client
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handler and task below run outside the component's context.
    let i18n = expect_context::<I18n>();
    // Edited as a draft and saved as one change, so half-made choices never reach other devices.
    let draft = RwSignal::new(state.view.with_untracked(|view| view.settings.clone()));
    let notice = RwSignal::new(None::<Result<String, String>>);
    let saving = RwSignal::new(false);
    let lists_notice = RwSignal::new(None::<Result<String, String>>);
    let days_text = RwSignal::new(draft.with_untracked(|d| d.expiry_warning_days.to_string()));
    let optional_days = |days: Option<u32>| days.map(|days| days.to_string()).unwrap_or_default();
    let due_text =
        RwSignal::new(draft.with_untracked(|d| optional_days(d.alert_rules.invoice_due_in_days)));
    let expiring_text = RwSignal::new(
        draft.with_untracked(|d| optional_days(d.alert_rules.document_expiring_in_days)),
    );

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let days = match days_text.get_untracked().trim().parse::<u32>() {
            Ok(days) if days <= 365 => days,
            _ => {
                notice.set(Some(Err(tr!(i18n, "settings-expiry-invalid"))));
                return;
            }
        };
        // Empty means "never"; anything else must be a number of days.
        let parse_optional = |text: String, invalid: String| -> Result<Option<u32>, String> {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Ok(None);
            }
            match text.parse::<u32>() {
                Ok(days) if days <= 365 => Ok(Some(days)),
                _ => Err(invalid),
            }
        };
        let due = parse_optional(due_text.get_untracked(), tr!(i18n, "settings-due-invalid"));
        let expiring = parse_optional(
            expiring_text.get_untracked(),
            tr!(i18n, "settings-expiring-invalid"),
        );
        let (due, expiring) = match (due, expiring) {
            (Ok(due), Ok(expiring)) => (due, expiring),
            (Err(reason), _) | (_, Err(reason)) => {
                notice.set(Some(Err(reason)));
                return;
            }
        };
        draft.update(|draft| {
            draft.expiry_warning_days = days;
            draft.alert_rules.invoice_due_in_days = due;
            draft.alert_rules.document_expiring_in_days = expiring;
        });
        let rules = draft.get_untracked();
        saving.set(true);
        leptos::task::spawn_local(async move {
            // Only the rules of this form are written, onto the settings as they are now, so
            // lists changed meanwhile (here or on another device) are kept.
            let result = state
                .change_settings(move |settings| {
                    settings.client = rules.client;
                    settings.supplier = rules.supplier;
                    settings.expiry_warning_days = rules.expiry_warning_days;
                    settings.alert_rules = rules.alert_rules;
                    Ok(())
                })
                .await;
            saving.set(false);
            notice.set(Some(result.map(|()| tr!(i18n, "settings-saved"))));
        });
    };

    let column = move |supplier: bool, title: Signal<String>| {
        let who = if supplier { "supplier" } else { "client" };
        view! {
            <fieldset>
                <legend>{title}</legend>
                {DATA_RULES.into_iter().map(|code| {
                    let id = format!("require-{who}-{code}");
                    view! {
                        <label class="check">
                            <input type="checkbox" id=id
                                prop:checked=move || draft.with(|d| rule_value(if supplier { &d.supplier } else { &d.client }, code))
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    draft.update(|d| if let Some(value) = rule(side(d, supplier), code) { *value = on });
                                }/>
                            {move || rule_label(i18n, code)}
                        </label>
                    }
                }).collect_view()}
                <p class="muted">{move_tr!("settings-documents-required")}</p>
                {DocumentKind::ALL.into_iter().map(|kind| {
                    let id = format!("require-{who}-document-{}", kind.code());
                    view! {
                        <label class="check">
                            <input type="checkbox" id=id
                                prop:checked=move || draft.with(|d| if supplier { d.supplier.documents.contains(&kind) } else { d.client.documents.contains(&kind) })
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    draft.update(|d| {
                                        let documents = &mut side(d, supplier).documents;
                                        documents.retain(|k| *k != kind);
                                        if on { documents.push(kind); documents.sort(); }
                                    });
                                }/>
                            {move || super::i18n::label(i18n, kind)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
    };

    view! {
        <section class="form-screen" id="settings-screen">
            <p class="back"><a href="/">{move_tr!("settings-back")}</a></p>
            <h1>{move_tr!("settings-title")}</h1>
            <p><a href="/device" id="device-settings-link">{move_tr!("settings-device-link")}</a></p>
            <p><a href="/import" id="import-settings-link">{move_tr!("settings-import-link")}</a></p>
            {move || state.admin_refusal().map(|reason| view! { <p class="banner info" id="settings-read-only">{tr!("settings-read-only", { "reason" => reason })}</p> })}
            <fieldset class="grant-guard" disabled=move || state.admin_refusal().is_some() title=move || state.admin_refusal().unwrap_or_default()>
            <p class="muted">{move_tr!("settings-intro")}</p>
            <form class="partner-form" on:submit=on_submit novalidate>
                {column(false, move_tr!("settings-clients"))}
                {column(true, move_tr!("settings-suppliers"))}
                <fieldset>
                    <legend>{move_tr!("settings-expiring")}</legend>
                    <label for="expiry-warning-days">{move_tr!("settings-expiry-days")}</label>
                    <input id="expiry-warning-days" type="number" min="0" max="365" inputmode="numeric"
                        prop:value=move || days_text.get() on:input=move |event| days_text.set(event_target_value(&event))/>
                </fieldset>
                <fieldset id="alert-rules">
                    <legend>{move_tr!("settings-alerts")}</legend>
                    <label for="alert-invoice-due">{move_tr!("settings-alert-due")}</label>
                    <input id="alert-invoice-due" type="number" min="0" max="365" inputmode="numeric"
                        prop:value=move || due_text.get() on:input=move |event| due_text.set(event_target_value(&event))/>
                    <label class="check">
                        <input type="checkbox" id="alert-invoice-overdue"
                            prop:checked=move || draft.with(|d| d.alert_rules.invoice_overdue)
                            on:change=move |event| { let on = event_target_checked(&event); draft.update(|d| d.alert_rules.invoice_overdue = on); }/>
                        {move_tr!("settings-alert-overdue")}
                    </label>
                    <label for="alert-document-expiring">{move_tr!("settings-alert-expiring")}</label>
                    <input id="alert-document-expiring" type="number" min="0" max="365" inputmode="numeric"
                        prop:value=move || expiring_text.get() on:input=move |event| expiring_text.set(event_target_value(&event))/>
                    <label class="check">
                        <input type="checkbox" id="alert-follow-ups"
                            prop:checked=move || draft.with(|d| d.alert_rules.follow_up_dates)
                            on:change=move |event| { let on = event_target_checked(&event); draft.update(|d| d.alert_rules.follow_up_dates = on); }/>
                        {move_tr!("settings-alert-follow-ups")}
                    </label>
                    <label class="check">
                        <input type="checkbox" id="alert-missing-data"
                            prop:checked=move || draft.with(|d| d.alert_rules.required_data_missing)
                            on:change=move |event| { let on = event_target_checked(&event); draft.update(|d| d.alert_rules.required_data_missing = on); }/>
                        {move_tr!("settings-alert-missing")}
                    </label>
                </fieldset>
                <p class="notice" role="status" aria-live="polite" id="settings-notice">
                    {move || match notice.get() {
                        None => view! { <span></span> }.into_any(),
                        Some(Ok(text)) => view! { <span class="saved">{text}</span> }.into_any(),
                        Some(Err(text)) => view! { <span class="failed">{tr!("settings-not-saved", { "reason" => text })}</span> }.into_any(),
                    }}
                </p>
                <div class="form-actions">
                    <button type="submit" class="button primary" id="save-settings" disabled=move || saving.get()>
                        {move || if saving.get() { tr!("settings-saving") } else { tr!("settings-save") }}
                    </button>
                </div>
            </form>
            <h2>{move_tr!("settings-lists")}</h2>
            <p class="notice" role="status" aria-live="polite" id="lists-notice">
                {move || match lists_notice.get() {
                    None => view! { <span></span> }.into_any(),
                    Some(Ok(text)) => view! { <span class="saved">{text}</span> }.into_any(),
                    Some(Err(text)) => view! { <span class="failed">{tr!("settings-not-saved", { "reason" => text })}</span> }.into_any(),
                }}
            </p>
            <div class="partner-form">
                <CustomFieldsSection notice=lists_notice/>
                {TermList::ALL.into_iter().map(|list| view! { <TermsSection list=list notice=lists_notice/> }).collect_view()}
                <PaymentPresetsSection notice=lists_notice/>
                <super::settings_templates::TemplatesSection notice=lists_notice/>
            </div>
            </fieldset>
        </section>
    }
}
