//! The partner form, for registering and for editing. It holds a raw [`PartnerDraft`], asks the
//! validator on submit, shows every field error at once, and navigates away only after the
//! registry has stored the partner in IndexedDB. Its texts are the `form-*` messages of
//! `locales/*/form.ftl`.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::{use_navigate, use_params_map};

use super::fields::{error_in, InputKind, SelectField, TextField};
use super::i18n::{field_error, label};
use super::state::use_app_state;
use crate::model::{
    AddressKind, CustomFieldDef, CustomFieldType, DocumentId, PartnerKind, PaymentMethod, Section,
    TermList,
};
use crate::validate::{
    loose_profile, validate_partner_with, AddressDraft, BankAccountDraft, ContactDraft, FieldError,
    PartnerDraft,
};
use crate::web::new_row_id;

#[component]
pub fn NewPartner() -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let initial = PartnerDraft {
        payment_method: PaymentMethod::Unspecified.code().into(),
        addresses: vec![AddressDraft::new(new_row_id())],
        ..PartnerDraft::default()
    };
    let save = move |profile| async move { state.create_partner(profile).await };
    view! {
        <section class="form-screen">
            <p class="back"><a href="/">{move_tr!("form-back-to-partners")}</a></p>
            <h1>{move_tr!("form-register-title")}</h1>
            <PartnerForm initial=initial submit_label=move || tr!(i18n, "form-register-submit") save=save editing=None/>
        </section>
    }
}

#[component]
pub fn EditPartner() -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let params = use_params_map();
    let id = params.with_untracked(|params| {
        params
            .get("id")
            .and_then(|text| text.parse::<DocumentId>().ok())
    });
    let initial = id.and_then(|id| {
        state.view.with_untracked(|view| {
            view.partners
                .get(&id)
                .map(|p| PartnerDraft::from_profile(&p.profile))
        })
    });
    match (id, initial) {
        (Some(id), Some(initial)) => {
            let save =
                move |profile| async move { state.update_profile(id, profile).await.map(|()| id) };
            view! {
                <section class="form-screen">
                    <p class="back"><a href=format!("/partners/{id}")>{move_tr!("form-back-to-partner")}</a></p>
                    <h1>{move_tr!("form-edit-title")}</h1>
                    <PartnerForm initial=initial submit_label=move || tr!(i18n, "form-save-changes") save=save editing=Some(id)/>
                </section>
            }
            .into_any()
        }
        _ => view! {
            <section class="empty-state">
                <h1>{move_tr!("form-not-found")}</h1>
                <p><a href="/">{move_tr!("form-back-to-list")}</a></p>
            </section>
        }
        .into_any(),
    }
}

/// A top-level text field of the draft as a value signal and an input callback.
fn bind(
    draft: RwSignal<PartnerDraft>,
    get: fn(&PartnerDraft) -> &String,
    set: fn(&mut PartnerDraft) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || draft.with(|draft| get(draft).clone())),
        Callback::new(move |text: String| draft.update(|draft| *set(draft) = text)),
    )
}

/// Access to one list of rows (addresses, contacts, bank accounts) of the draft.
trait Row: Clone + Send + Sync + 'static {
    fn rows(draft: &PartnerDraft) -> &Vec<Self>;
    fn rows_mut(draft: &mut PartnerDraft) -> &mut Vec<Self>;
    fn row_id(&self) -> &str;
}

impl Row for AddressDraft {
    fn rows(draft: &PartnerDraft) -> &Vec<Self> {
        &draft.addresses
    }
    fn rows_mut(draft: &mut PartnerDraft) -> &mut Vec<Self> {
        &mut draft.addresses
    }
    fn row_id(&self) -> &str {
        &self.id
    }
}

impl Row for ContactDraft {
    fn rows(draft: &PartnerDraft) -> &Vec<Self> {
        &draft.contacts
    }
    fn rows_mut(draft: &mut PartnerDraft) -> &mut Vec<Self> {
        &mut draft.contacts
    }
    fn row_id(&self) -> &str {
        &self.id
    }
}

impl Row for BankAccountDraft {
    fn rows(draft: &PartnerDraft) -> &Vec<Self> {
        &draft.bank_accounts
    }
    fn rows_mut(draft: &mut PartnerDraft) -> &mut Vec<Self> {
        &mut draft.bank_accounts
    }
    fn row_id(&self) -> &str {
        &self.id
    }
}

/// One text field of one row, found by its stable row id.
fn bind_row<R: Row>(
    draft: RwSignal<PartnerDraft>,
    row_id: String,
    get: fn(&R) -> &String,
    set: fn(&mut R) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let read_id = row_id.clone();
    (
        Signal::derive(move || {
            draft.with(|draft| {
                R::rows(draft)
                    .iter()
                    .find(|row| row.row_id() == read_id)
                    .map(|row| get(row).clone())
                    .unwrap_or_default()
            })
        }),
        Callback::new(move |text: String| {
            draft.update(|draft| {
                if let Some(row) = R::rows_mut(draft)
                    .iter_mut()
                    .find(|row| row.row_id() == row_id)
                {
                    *set(row) = text;
                }
            })
        }),
    )
}

/// The rows of one list with their current position, keyed so a row re-renders when it moves
/// (its field paths, and so its error messages, depend on the position).
fn indexed_rows<R: Row>(draft: RwSignal<PartnerDraft>) -> impl Fn() -> Vec<(usize, String)> + Copy {
    move || {
        draft.with(|draft| {
            R::rows(draft)
                .iter()
                .enumerate()
                .map(|(index, row)| (index, row.row_id().to_owned()))
                .collect()
        })
    }
}

fn remove_row<R: Row>(
    draft: RwSignal<PartnerDraft>,
    errors: RwSignal<Vec<FieldError>>,
    row_id: String,
) {
    draft.update(|draft| R::rows_mut(draft).retain(|row| row.row_id() != row_id));
    // Positions shifted, so old messages may point at the wrong row; the next submit recomputes.
    errors.set(Vec::new());
}

#[component]
pub(super) fn PartnerForm<F, Fut>(
    initial: PartnerDraft,
    /// The submit button's text (a closure that translates it, or a fixed text).
    #[prop(into)]
    submit_label: TextProp,
    save: F,
    /// The partner being edited, which is never its own duplicate.
    editing: Option<DocumentId>,
    /// A partner contact's form (the portal): only the details a contact may correct; the
    /// company's internal fields (classification, custom fields, notes) are left out.
    #[prop(optional)]
    contact: bool,
    /// Where to go once saved (default: the partner's page).
    #[prop(optional)]
    done_path: Option<String>,
) -> impl IntoView
where
    F: Fn(crate::model::PartnerProfile) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<DocumentId, String>> + 'static,
{
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let draft = RwSignal::new(initial);
    let state_for_grants = use_app_state();
    // A contact's form makes a proposal, not a write, so their grants do not apply to it.
    let banking_refusal = move || {
        (!contact)
            .then(|| state_for_grants.section_refusal(editing, Section::Banking))
            .flatten()
    };
    let notes_refusal = move || {
        (!contact)
            .then(|| state_for_grants.section_refusal(editing, Section::Activity))
            .flatten()
    };
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    let save_error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let state = use_app_state();

    // Likely duplicates of what is being typed, from the partners on this device (offline).
    let duplicates = Memo::new(move |_| {
        let candidate = draft.with(loose_profile);
        state
            .view
            .with(|view| view.likely_duplicates(&candidate, editing.as_ref(), 5))
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let settings = state.view.with_untracked(|view| view.settings.clone());
        match draft.with_untracked(|draft| validate_partner_with(draft, &settings)) {
            Err(found) => {
                errors.set(found);
                save_error.set(None);
            }
            Ok(profile) => {
                errors.set(Vec::new());
                saving.set(true);
                let navigate = navigate.clone();
                let done_path = done_path.clone();
                leptos::task::spawn_local(async move {
                    let result = save(profile).await;
                    saving.set(false);
                    match result {
                        Ok(id) => navigate(
                            &done_path.unwrap_or_else(|| format!("/partners/{id}")),
                            Default::default(),
                        ),
                        Err(reason) => save_error.set(Some(reason)),
                    }
                });
            }
        }
    };

    // The options' names follow the language.
    let kind_options = Signal::derive(move || {
        std::iter::once((String::new(), tr!(i18n, "form-choose")))
            .chain(PartnerKind::ALL.map(|kind| (kind.code().to_owned(), label(i18n, kind))))
            .collect::<Vec<_>>()
    });
    let method_options = Signal::derive(move || {
        PaymentMethod::ALL
            .map(|method| (method.code().to_owned(), label(i18n, method)))
            .to_vec()
    });
    let address_kinds = Signal::derive(move || {
        AddressKind::ALL
            .map(|kind| (kind.code().to_owned(), label(i18n, kind)))
            .to_vec()
    });

    let (kind, set_kind) = bind(draft, |d| &d.kind, |d| &mut d.kind);
    let (legal_name, set_legal_name) = bind(draft, |d| &d.legal_name, |d| &mut d.legal_name);
    let (trade_name, set_trade_name) = bind(draft, |d| &d.trade_name, |d| &mut d.trade_name);
    let (tax_country, set_tax_country) = bind(draft, |d| &d.tax_country, |d| &mut d.tax_country);
    let (tax_number, set_tax_number) = bind(draft, |d| &d.tax_number, |d| &mut d.tax_number);
    let (emails, set_emails) = bind(draft, |d| &d.emails, |d| &mut d.emails);
    let (phones, set_phones) = bind(draft, |d| &d.phones, |d| &mut d.phones);
    let (website, set_website) = bind(draft, |d| &d.website, |d| &mut d.website);
    let (payment_days, set_payment_days) =
        bind(draft, |d| &d.payment_days, |d| &mut d.payment_days);
    let (payment_method, set_payment_method) =
        bind(draft, |d| &d.payment_method, |d| &mut d.payment_method);
    let (industry, set_industry) = bind(draft, |d| &d.industry, |d| &mut d.industry);
    let (region, set_region) = bind(draft, |d| &d.region, |d| &mut d.region);
    let (notes, set_notes) = bind(draft, |d| &d.notes, |d| &mut d.notes);

    view! {
        <form class="partner-form" novalidate on:submit=on_submit id="partner-form">
            <Show when=move || errors.with(|errors| !errors.is_empty())>
                <div class="banner error" role="alert" id="form-errors">
                    <strong>{move || tr!(i18n, "form-errors", {"count" => errors.with(Vec::len)})}</strong>
                    <ul>
                        {move || errors.get().into_iter().map(|error| view! {
                            <li><a href=format!("#{}", super::fields::input_id(&error.field))>{field_error(i18n, &error)}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>

            <fieldset>
                <legend>{move_tr!("form-identification")}</legend>
                <SelectField label=move || tr!(i18n, "form-kind") field="kind".into() options=kind_options value=kind on_change=set_kind errors=errors required=true/>
                <TextField label=move || tr!(i18n, "form-legal-name") field="legal_name".into() value=legal_name on_input=set_legal_name errors=errors required=true/>
                <TextField label=move || tr!(i18n, "form-trade-name") field="trade_name".into() value=trade_name on_input=set_trade_name errors=errors/>
                <div class="field-row">
                    <TextField label=move || tr!(i18n, "form-tax-country") field="tax_country".into() value=tax_country on_input=set_tax_country errors=errors hint=move || tr!(i18n, "form-two-letters")/>
                    <TextField label=move || tr!(i18n, "form-tax-number") field="tax_number".into() value=tax_number on_input=set_tax_number errors=errors/>
                </div>
                {move || {
                    let found = if contact { Vec::new() } else { duplicates.get() };
                    (!found.is_empty()).then(|| view! {
                        <div class="banner warning" role="status" id="duplicate-warning">
                            <strong>{tr!(i18n, "form-duplicates", {"count" => found.len()})}</strong>
                            <ul>
                                {found.into_iter().map(|(id, name, reasons)| view! {
                                    <li><a href=format!("/partners/{id}") target="_blank" class="duplicate-candidate">{name}</a>" — "{super::words::duplicate_reasons(i18n, &reasons)}</li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                }}
                <div class="field-row">
                    <TextField label=move || tr!(i18n, "form-industry") field="industry".into() value=industry on_input=set_industry errors=errors/>
                    <TextField label=move || tr!(i18n, "form-region-territory") field="region".into() value=region on_input=set_region errors=errors/>
                </div>
            </fieldset>

            <fieldset>
                <legend>{move_tr!("form-addresses")}</legend>
                <For each={indexed_rows::<AddressDraft>(draft)} key=|row| row.clone() let:row>
                    {
                        let (index, row_id) = row;
                        let path = move |name: &str| format!("addresses[{index}].{name}");
                        let (kind, set_kind) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.kind, |r| &mut r.kind);
                        let (street, set_street) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.street, |r| &mut r.street);
                        let (city, set_city) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.city, |r| &mut r.city);
                        let (postal_code, set_postal_code) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.postal_code, |r| &mut r.postal_code);
                        let (row_region, set_row_region) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.region, |r| &mut r.region);
                        let (country, set_country) = bind_row::<AddressDraft>(draft, row_id.clone(), |r| &r.country, |r| &mut r.country);
                        view! {
                            <div class="row-group">
                                <div class="row-head">
                                    <span>{move || tr!(i18n, "form-address-number", {"number" => index + 1})}</span>
                                    <button type="button" class="button small" on:click={move |_| remove_row::<AddressDraft>(draft, errors, row_id.clone())}>{move_tr!("form-remove")}</button>
                                </div>
                                <SelectField label=move || tr!(i18n, "form-address-type") field=path("kind") options=address_kinds value=kind on_change=set_kind errors=errors/>
                                <TextField label=move || tr!(i18n, "form-street") field=path("street") value=street on_input=set_street errors=errors/>
                                <div class="field-row">
                                    <TextField label=move || tr!(i18n, "form-postal-code") field=path("postal_code") value=postal_code on_input=set_postal_code errors=errors/>
                                    <TextField label=move || tr!(i18n, "form-city") field=path("city") value=city on_input=set_city errors=errors required=true/>
                                </div>
                                <div class="field-row">
                                    <TextField label=move || tr!(i18n, "form-region") field=path("region") value=row_region on_input=set_row_region errors=errors/>
                                    <TextField label=move || tr!(i18n, "form-country") field=path("country") value=country on_input=set_country errors=errors required=true hint=move || tr!(i18n, "form-two-letters")/>
                                </div>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="button" id="add-address" on:click=move |_| draft.update(|d| d.addresses.push(AddressDraft::new(new_row_id())))>{move_tr!("form-add-address")}</button>
            </fieldset>

            <fieldset>
                <legend>{move_tr!("form-contacts")}</legend>
                <For each={indexed_rows::<ContactDraft>(draft)} key=|row| row.clone() let:row>
                    {
                        let (index, row_id) = row;
                        let path = move |name: &str| format!("contacts[{index}].{name}");
                        let (name, set_name) = bind_row::<ContactDraft>(draft, row_id.clone(), |r| &r.name, |r| &mut r.name);
                        let (role, set_role) = bind_row::<ContactDraft>(draft, row_id.clone(), |r| &r.role, |r| &mut r.role);
                        let (email, set_email) = bind_row::<ContactDraft>(draft, row_id.clone(), |r| &r.email, |r| &mut r.email);
                        let (phone, set_phone) = bind_row::<ContactDraft>(draft, row_id.clone(), |r| &r.phone, |r| &mut r.phone);
                        view! {
                            <div class="row-group">
                                <div class="row-head">
                                    <span>{move || tr!(i18n, "form-contact-number", {"number" => index + 1})}</span>
                                    <button type="button" class="button small" on:click={move |_| remove_row::<ContactDraft>(draft, errors, row_id.clone())}>{move_tr!("form-remove")}</button>
                                </div>
                                <div class="field-row">
                                    <TextField label=move || tr!(i18n, "form-name") field=path("name") value=name on_input=set_name errors=errors required=true/>
                                    <TextField label=move || tr!(i18n, "form-role") field=path("role") value=role on_input=set_role errors=errors/>
                                </div>
                                <div class="field-row">
                                    <TextField label=move || tr!(i18n, "form-email") field=path("email") value=email on_input=set_email errors=errors kind=InputKind::Email/>
                                    <TextField label=move || tr!(i18n, "form-phone") field=path("phone") value=phone on_input=set_phone errors=errors kind=InputKind::Tel/>
                                </div>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="button" id="add-contact" on:click=move |_| draft.update(|d| d.contacts.push(ContactDraft::new(new_row_id())))>{move_tr!("form-add-contact")}</button>
                <TextField label=move || tr!(i18n, "form-general-emails") field="emails".into() value=emails on_input=set_emails errors=errors kind=InputKind::Multiline hint=move || tr!(i18n, "form-one-per-line")/>
                <TextField label=move || tr!(i18n, "form-general-phones") field="phones".into() value=phones on_input=set_phones errors=errors kind=InputKind::Multiline hint=move || tr!(i18n, "form-one-per-line")/>
                <TextField label=move || tr!(i18n, "form-website") field="website".into() value=website on_input=set_website errors=errors kind=InputKind::Url/>
            </fieldset>

            <fieldset>
                <legend>{move_tr!("form-payment")}</legend>
                {move || {
                    let presets = state.view.with(|view| {
                        let mut presets: Vec<(String, crate::model::PaymentPreset)> = view.settings.payment_presets.iter().map(|(id, p)| (id.clone(), p.clone())).collect();
                        presets.sort_by_cached_key(|(_, p)| p.label.to_lowercase());
                        presets
                    });
                    (!presets.is_empty()).then(|| {
                        let lookup = presets.clone();
                        view! {
                            <label for="payment-preset">{tr!(i18n, "form-apply-preset")}</label>
                            <select id="payment-preset" on:change=move |event| {
                                let chosen = event_target_value(&event);
                                if let Some((_, preset)) = lookup.iter().find(|(id, _)| *id == chosen) {
                                    let terms = preset.terms();
                                    draft.update(|d| {
                                        d.payment_days = terms.days.map(|days| days.to_string()).unwrap_or_default();
                                        d.payment_method = terms.method.code().to_owned();
                                    });
                                }
                            }>
                                <option value="">{tr!(i18n, "form-choose-preset")}</option>
                                {presets.into_iter().map(|(id, preset)| view! { <option value=id>{preset.label}</option> }).collect_view()}
                            </select>
                        }
                    })
                }}
                <div class="field-row">
                    <TextField label=move || tr!(i18n, "form-payment-days") field="payment_days".into() value=payment_days on_input=set_payment_days errors=errors kind=InputKind::Number/>
                    <SelectField label=move || tr!(i18n, "form-payment-method") field="payment_method".into() options=method_options value=payment_method on_change=set_payment_method errors=errors/>
                </div>
                // Bank accounts are a document of their own that a role may only read or not
                // get at all; the rows are then disabled, with the reason.
                {move || banking_refusal().map(|reason| view! { <p class="muted" id="bank-accounts-refused">{reason}</p> })}
                <fieldset class="grant-guard" disabled=move || banking_refusal().is_some() title=move || banking_refusal().unwrap_or_default()>
                <For each={indexed_rows::<BankAccountDraft>(draft)} key=|row| row.clone() let:row>
                    {
                        let (index, row_id) = row;
                        let path = move |name: &str| format!("bank_accounts[{index}].{name}");
                        let (iban, set_iban) = bind_row::<BankAccountDraft>(draft, row_id.clone(), |r| &r.iban, |r| &mut r.iban);
                        let (bic, set_bic) = bind_row::<BankAccountDraft>(draft, row_id.clone(), |r| &r.bic, |r| &mut r.bic);
                        let (holder, set_holder) = bind_row::<BankAccountDraft>(draft, row_id.clone(), |r| &r.holder, |r| &mut r.holder);
                        view! {
                            <div class="row-group">
                                <div class="row-head">
                                    <span>{move || tr!(i18n, "form-bank-account-number", {"number" => index + 1})}</span>
                                    <button type="button" class="button small" on:click={move |_| remove_row::<BankAccountDraft>(draft, errors, row_id.clone())}>{move_tr!("form-remove")}</button>
                                </div>
                                <TextField label=move || tr!(i18n, "form-iban") field=path("iban") value=iban on_input=set_iban errors=errors required=true/>
                                <div class="field-row">
                                    <TextField label=move || tr!(i18n, "form-bic") field=path("bic") value=bic on_input=set_bic errors=errors/>
                                    <TextField label=move || tr!(i18n, "form-holder") field=path("holder") value=holder on_input=set_holder errors=errors/>
                                </div>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="button" id="add-bank-account" on:click=move |_| draft.update(|d| d.bank_accounts.push(BankAccountDraft::new(new_row_id())))>{move_tr!("form-add-bank-account")}</button>
                </fieldset>
            </fieldset>

            <Show when=move || !contact>
                <ClassificationFields draft=draft errors=errors/>
                <CustomFields draft=draft errors=errors/>
                <fieldset disabled=move || notes_refusal().is_some() title=move || notes_refusal().unwrap_or_default()>
                    <legend>{move_tr!("form-notes")}</legend>
                    {move || notes_refusal().map(|reason| view! { <p class="muted">{reason}</p> })}
                    <TextField label=move || tr!(i18n, "form-internal-notes") field="notes".into() value=notes on_input=set_notes errors=errors kind=InputKind::Multiline/>
                </fieldset>
            </Show>

            <Show when=move || save_error.get().is_some()>
                <div class="banner error" role="alert">{move || tr!(i18n, "form-not-saved", {"reason" => save_error.get().unwrap_or_default()})}</div>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button primary" id="save-partner" disabled=move || saving.get()>
                    {move || if saving.get() { tr!(i18n, "form-saving") } else { submit_label.get().to_string() }}
                </button>
            </div>
        </form>
    }
}

/// Category, tag, industry and region pickers, shown for the lists the workspace defines.
#[component]
fn ClassificationFields(
    draft: RwSignal<PartnerDraft>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let kind = Signal::derive(move || draft.with(|d| PartnerKind::from_code(d.kind.trim())));
    let error = move |field: &'static str| {
        move || {
            error_in(i18n, errors, field)
                .map(|text| view! { <p class="field-error" role="alert">{text}</p> })
        }
    };
    view! {
        {move || state.view.with(|view| {
            let settings = &view.settings;
            let has_any = TermList::ALL.into_iter().any(|list| !settings.terms(list).is_empty());
            if !has_any {
                return view! { <span></span> }.into_any();
            }
            // Categories that apply to this kind of partner, with their path for context.
            let categories: Vec<(String, String)> = {
                let mut found: Vec<(String, String)> = settings
                    .categories
                    .iter()
                    .filter(|(_, c)| kind.get().is_none_or(|k| c.applies_to.includes(k)))
                    .map(|(id, _)| (id.clone(), settings.category_path(id).join(" › ")))
                    .collect();
                found.sort_by_cached_key(|(_, path)| path.to_lowercase());
                found
            };
            let tags: Vec<(String, String)> = settings.terms(TermList::Tags).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
            let industries: Vec<(String, String)> = settings.terms(TermList::Industries).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
            let regions: Vec<(String, String)> = settings.terms(TermList::Regions).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
            let checks = move |items: Vec<(String, String)>, is_tag: bool| {
                items.into_iter().map(|(id, name)| {
                    let (read, write) = (id.clone(), id.clone());
                    view! {
                        <label class="check">
                            <input type="checkbox" data-term=id.clone()
                                prop:checked=move || draft.with(|d| if is_tag { d.tags.contains(&read) } else { d.categories.contains(&read) })
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    draft.update(|d| {
                                        let list = if is_tag { &mut d.tags } else { &mut d.categories };
                                        list.retain(|item| *item != write);
                                        if on { list.push(write.clone()); }
                                    });
                                }/>
                            {name}
                        </label>
                    }
                }).collect_view()
            };
            let select = move |id: &'static str, label: String, items: Vec<(String, String)>, industry: bool| {
                (!items.is_empty()).then(|| view! {
                    <label for=id>{label}</label>
                    <select id=id on:change=move |event| {
                        let value = event_target_value(&event);
                        draft.update(|d| if industry { d.industry_id = value } else { d.region_id = value });
                    }>
                        <option value="">{tr!(i18n, "form-none")}</option>
                        {items.into_iter().map(|(value, name)| {
                            let current = value.clone();
                            view! { <option value=value selected=move || draft.with(|d| (if industry { &d.industry_id } else { &d.region_id }) == &current)>{name}</option> }
                        }).collect_view()}
                    </select>
                })
            };
            view! {
                <fieldset id="classification">
                    <legend>{tr!(i18n, "form-classification")}</legend>
                    {(!categories.is_empty()).then(|| view! { <p class="group-label">{tr!(i18n, "form-categories")}</p>{checks(categories, false)}{error("categories")}})}
                    {select("industry_id", tr!(i18n, "form-industry-list"), industries, true)}{error("industry_id")}
                    {select("region_id", tr!(i18n, "form-region-list"), regions, false)}{error("region_id")}
                    {(!tags.is_empty()).then(|| view! { <p class="group-label">{tr!(i18n, "form-tags")}</p>{checks(tags, true)}{error("tags")}})}
                </fieldset>
            }.into_any()
        })}
    }
}

/// The workspace's custom fields that apply to this kind of partner, each with an input for
/// its type; the validator checks and normalises the values.
#[component]
fn CustomFields(draft: RwSignal<PartnerDraft>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    view! {
        {move || {
            let kind = draft.with(|d| PartnerKind::from_code(d.kind.trim())).unwrap_or(PartnerKind::Both);
            let fields: Vec<(String, CustomFieldDef)> = state.view.with(|view| {
                view.settings.sorted_custom_fields(kind).into_iter().map(|(id, def)| (id.clone(), def.clone())).collect()
            });
            (!fields.is_empty()).then(|| view! {
                <fieldset id="custom-fields-form">
                    <legend>{tr!(i18n, "form-more-details")}</legend>
                    {fields.into_iter().map(|(id, def)| {
                        let field = format!("custom.{id}");
                        let (read, write) = (id.clone(), id.clone());
                        let value = Signal::derive(move || draft.with(|d| d.custom.get(&read).cloned().unwrap_or_default()));
                        let on_input = Callback::new(move |text: String| draft.update(|d| { d.custom.insert(write.clone(), text); }));
                        let label = def.label.clone();
                        match def.field_type {
                            CustomFieldType::Choice | CustomFieldType::YesNo => {
                                let mut options: Vec<(String, String)> = vec![(String::new(), tr!(i18n, "form-choose"))];
                                if def.field_type == CustomFieldType::YesNo {
                                    options.extend([("yes".into(), tr!(i18n, "form-yes")), ("no".into(), tr!(i18n, "form-no"))]);
                                } else {
                                    options.extend(def.choices.iter().map(|choice| (choice.clone(), choice.clone())));
                                }
                                view! { <SelectField label=label field=field options=options value=value on_change=on_input errors=errors required=def.required/> }.into_any()
                            }
                            other => {
                                let kind = match other {
                                    CustomFieldType::Email => InputKind::Email,
                                    CustomFieldType::Phone => InputKind::Tel,
                                    CustomFieldType::Url => InputKind::Url,
                                    _ => InputKind::Text,
                                };
                                let hint = match other {
                                    CustomFieldType::Date => tr!(i18n, "form-hint-date"),
                                    CustomFieldType::Number => tr!(i18n, "form-hint-number"),
                                    CustomFieldType::Iban => tr!(i18n, "form-iban"),
                                    _ => String::new(),
                                };
                                view! { <TextField label=label field=field value=value on_input=on_input errors=errors kind=kind required=def.required hint=hint/> }.into_any()
                            }
                        }
                    }).collect_view()}
                </fieldset>
            })
        }}
    }
}
