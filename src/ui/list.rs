//! The partner list: filter by kind, status and text; an empty state that says what to do first.

use leptos::prelude::*;

use super::state::use_app_state;
use crate::model::TermList;
use crate::model::{day_of, PartnerKind, PartnerStatus, VerificationState};
use crate::search::{filter_partners_with, KindFilter, ListFilter, StatusFilter};
use crate::web::now_ms;

#[component]
pub fn PartnerList() -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(KindFilter::All);
    let status = RwSignal::new(StatusFilter::Active);
    // "" = any verification state, else a `VerificationState::code`.
    let verification = RwSignal::new(String::new());
    // Classification and custom-field filters ("" = any).
    let category = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let custom_field = RwSignal::new(String::new());
    let custom_text = RwSignal::new(String::new());
    let today = day_of(now_ms());

    let total = move || state.view.with(|view| view.partners.len());
    let visible = Memo::new(move |_| {
        let filter = ListFilter {
            kind: kind.get(),
            status: status.get(),
            text: text.get(),
            category: Some(category.get()).filter(|c| !c.is_empty()),
            tag: Some(tag.get()).filter(|t| !t.is_empty()),
            custom: Some(custom_field.get())
                .filter(|f| !f.is_empty())
                .map(|field| (field, custom_text.get())),
            ..ListFilter::default()
        };
        let wanted = verification.get();
        state.view.with(|view| {
            filter_partners_with(
                view.partners.iter().map(|(id, partner)| (*id, partner)),
                &filter,
                &view.settings,
            )
            .into_iter()
            .filter_map(|id| {
                let partner = view.partners.get(&id)?;
                let verified = partner.verification_state(&view.settings, today);
                let expiring = !partner.expiring_documents(&view.settings, today).is_empty();
                (wanted.is_empty() || verified.code() == wanted)
                    .then(|| (id, partner.clone(), verified, expiring))
            })
            .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="list-screen">
            <div class="screen-head">
                <h1>"Partners"</h1>
                <a class="button primary" href="/partners/new" id="register-partner">"Register partner"</a>
            </div>
            <Show
                when={move || total() > 0}
                fallback=|| view! {
                    <div class="empty-state" id="empty-state">
                        <h2>"No partners yet"</h2>
                        <p>"Register your first client or supplier. Everything is saved on this device, so it works with no signal too."</p>
                        <a class="button primary" href="/partners/new">"Register your first partner"</a>
                    </div>
                }
            >
                <div class="filters" role="search">
                    <label class="visually-hidden" for="filter-text">"Filter partners"</label>
                    <input
                        id="filter-text"
                        type="search"
                        placeholder="Filter by name, tax id, city, email, phone…"
                        autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    />
                    <label class="visually-hidden" for="filter-kind">"Kind"</label>
                    <select id="filter-kind" on:change=move |event| kind.set(KindFilter::from_code(&event_target_value(&event)))>
                        <option value="all" selected=move || kind.get() == KindFilter::All>"Clients and suppliers"</option>
                        <option value="clients" selected=move || kind.get() == KindFilter::Clients>"Clients"</option>
                        <option value="suppliers" selected=move || kind.get() == KindFilter::Suppliers>"Suppliers"</option>
                    </select>
                    <label class="visually-hidden" for="filter-status">"Status"</label>
                    <select id="filter-status" on:change=move |event| status.set(StatusFilter::from_code(&event_target_value(&event)))>
                        <option value="active" selected=move || status.get() == StatusFilter::Active>"Active"</option>
                        <option value="archived" selected=move || status.get() == StatusFilter::Archived>"Archived"</option>
                        <option value="all" selected=move || status.get() == StatusFilter::All>"Active and archived"</option>
                    </select>
                    {move || state.view.with(|view| {
                        let settings = &view.settings;
                        let mut categories: Vec<(String, String)> = settings.categories.keys().map(|id| (id.clone(), settings.category_path(id).join(" › "))).collect();
                        categories.sort_by_key(|(_, path)| path.to_lowercase());
                        let tags: Vec<(String, String)> = settings.terms(TermList::Tags).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
                        let fields: Vec<(String, String)> = settings.custom_fields.iter().filter(|(_, d)| !d.archived).map(|(id, d)| (id.clone(), d.label.clone())).collect();
                        view! {
                            {(!categories.is_empty()).then(|| view! {
                                <label class="visually-hidden" for="filter-category">"Category"</label>
                                <select id="filter-category" on:change=move |e| category.set(event_target_value(&e))>
                                    <option value="" selected=move || category.get().is_empty()>"Any category"</option>
                                    {categories.into_iter().map(|(id, path)| { let current = id.clone(); view! { <option value=id selected=move || category.get() == current>{path}</option> } }).collect_view()}
                                </select>
                            })}
                            {(!tags.is_empty()).then(|| view! {
                                <label class="visually-hidden" for="filter-tag">"Tag"</label>
                                <select id="filter-tag" on:change=move |e| tag.set(event_target_value(&e))>
                                    <option value="" selected=move || tag.get().is_empty()>"Any tag"</option>
                                    {tags.into_iter().map(|(id, name)| { let current = id.clone(); view! { <option value=id selected=move || tag.get() == current>{name}</option> } }).collect_view()}
                                </select>
                            })}
                            {(!fields.is_empty()).then(|| view! {
                                <label class="visually-hidden" for="filter-custom-field">"Custom field"</label>
                                <select id="filter-custom-field" on:change=move |e| custom_field.set(event_target_value(&e))>
                                    <option value="" selected=move || custom_field.get().is_empty()>"Any custom field"</option>
                                    {fields.into_iter().map(|(id, label)| { let current = id.clone(); view! { <option value=id selected=move || custom_field.get() == current>{label}</option> } }).collect_view()}
                                </select>
                                <label class="visually-hidden" for="filter-custom-text">"Custom field value"</label>
                                <input id="filter-custom-text" type="search" placeholder="Value contains…" prop:value=move || custom_text.get() on:input=move |e| custom_text.set(event_target_value(&e))/>
                            })}
                        }
                    })}
                    <label class="visually-hidden" for="filter-verification">"Verification"</label>
                    <select id="filter-verification" on:change=move |event| verification.set(event_target_value(&event))>
                        <option value="" selected=move || verification.get().is_empty()>"Any verification state"</option>
                        {VerificationState::CODES.into_iter().map(|(code, label)| view! {
                            <option value=code selected=move || verification.get() == code>{label}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="result-count" role="status" id="result-count">
                    {move || match total() {
                        1 => format!("{} of 1 partner", visible.with(Vec::len)),
                        count => format!("{} of {count} partners", visible.with(Vec::len)),
                    }}
                </p>
                <Show
                    when=move || visible.with(|rows| !rows.is_empty())
                    fallback=|| view! { <p class="no-match" id="no-match">"No partner matches these filters."</p> }
                >
                    <ul class="partner-rows" id="partner-rows">
                        <For
                            each=move || visible.get()
                            key=|(id, partner, verified, expiring)| (*id, partner.updated_at_ms, verified.code(), *expiring)
                            children=move |(id, partner, verified, expiring)| {
                                let subtitle = [
                                    partner.main_city().unwrap_or_default().to_owned(),
                                    [partner.profile.tax_id.country.as_str(), partner.profile.tax_id.number.as_str()].join(" ").trim().to_owned(),
                                ]
                                .into_iter()
                                .filter(|part| !part.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · ");
                                view! {
                                    <li>
                                        <a class="partner-row" href=format!("/partners/{id}")>
                                            <span class="row-main">
                                                <span class="row-name">{partner.display_name().to_owned()}</span>
                                                <span class="row-sub">{subtitle}</span>
                                            </span>
                                            <span class="row-badges">
                                                <KindBadge kind=partner.profile.kind/>
                                                <super::documents::VerificationBadge state=verified/>
                                                {expiring.then(|| view! { <span class="badge expiring" title="A verification document expires soon">"Document expiring"</span> })}
                                                {(partner.status == PartnerStatus::Archived).then(|| view! { <span class="badge archived">"Archived"</span> })}
                                            </span>
                                        </a>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </Show>
            </Show>
        </section>
    }
}

/// A small coloured label with the partner's kind.
#[component]
pub fn KindBadge(kind: PartnerKind) -> impl IntoView {
    view! { <span class=format!("badge kind-{}", kind.code())>{kind.label()}</span> }
}
