//! A partner's page: every field, archive and restore, and the supplier-to-client links seen
//! from both sides, with link and unlink.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::use_params_map;

use super::list::KindBadge;
use super::state::{use_app_state, AppState, LoadState};
use crate::model::{refusal, Grant, Section};
use crate::model::{DocumentId, OrphanReason, Partner, PartnerStatus};

/// The outcome of the last action on this page, shown in a live region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Notice {
    None,
    Saved(String),
    Failed(String),
}

/// Runs one stored action and reports "saved" only once it resolved. The success message is
/// given already translated (callers run in event handlers: `tr!(i18n, …)`).
pub(super) fn dispatch<F>(
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
    success: impl Into<String>,
    action: F,
) where
    F: std::future::Future<Output = Result<(), String>> + 'static,
{
    let success: String = success.into();
    busy.set(true);
    leptos::task::spawn_local(async move {
        let result = action.await;
        busy.set(false);
        notice.set(match result {
            Ok(()) => Notice::Saved(success),
            Err(reason) => Notice::Failed(reason),
        });
    });
}

#[component]
pub fn PartnerDetail() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| {
            params
                .get("id")
                .and_then(|text| text.parse::<DocumentId>().ok())
        })
    });
    let partner = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.view.with(|view| view.partners.get(&id).cloned()))
    });
    // The list came from the start-up cache; the page loads the partner's document, which
    // brings its concurrent-edit conflicts (and corrects the cached value if it was behind).
    Effect::new(move |_| {
        if let (Some(id), LoadState::Ready) = (id.get(), state.load_state.get()) {
            state.open_partner(id);
        }
    });
    // Created outside the page so a re-render after a save keeps the notice visible.
    let notice = RwSignal::new(Notice::None);
    let busy = RwSignal::new(false);

    view! {
        {move || match (id.get(), partner.get()) {
            (Some(id), Some(partner)) => view! { <PartnerPage id=id partner=partner state=state notice=notice busy=busy/> }.into_any(),
            _ => view! {
                <section class="empty-state">
                    <h1>{move_tr!("detail-not-found")}</h1>
                    <p>{move_tr!("detail-not-stored")}</p>
                    <p><a href="/">{move_tr!("detail-back-to-list")}</a></p>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn PartnerPage(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let profile = partner.profile.clone();
    let archived = partner.status == PartnerStatus::Archived;

    let toggle_status = move |_| {
        let (target, message) = if archived {
            (PartnerStatus::Active, tr!(i18n, "detail-restored"))
        } else {
            (PartnerStatus::Archived, tr!(i18n, "detail-archived"))
        };
        dispatch(notice, busy, message, async move {
            state.set_status(id, target).await
        });
    };

    let tax_id = [
        profile.tax_id.country.as_str(),
        profile.tax_id.number.as_str(),
    ]
    .join(" ")
    .trim()
    .to_owned();
    // Names of the classification terms and the custom values, read from the settings; values
    // of archived or unknown fields are still shown, marked, so nothing stored is hidden.
    let (classification, custom_rows) = state.view.with_untracked(|view| {
        let settings = &view.settings;
        let mut classification: Vec<(String, String)> = Vec::new();
        let categories: Vec<String> = profile
            .categories
            .keys()
            .map(|id| {
                let path = settings.category_path(id);
                if path.is_empty() {
                    tr!(i18n, "detail-deleted-category", { "id" => id.to_string() })
                } else {
                    path.join(" › ")
                }
            })
            .collect();
        if !categories.is_empty() {
            classification.push((tr!(i18n, "detail-categories"), categories.join("; ")));
        }
        for (label, list, id) in [
            (
                tr!(i18n, "detail-industry-list"),
                crate::model::TermList::Industries,
                &profile.industry_id,
            ),
            (
                tr!(i18n, "detail-region-list"),
                crate::model::TermList::Regions,
                &profile.region_id,
            ),
        ] {
            if !id.is_empty() {
                classification.push((
                    label,
                    settings
                        .term_name(list, id)
                        .map(str::to_owned)
                        .unwrap_or_else(
                            || tr!(i18n, "detail-deleted-term", { "id" => id.to_string() }),
                        ),
                ));
            }
        }
        let tags: Vec<String> = profile
            .tags
            .keys()
            .map(|id| {
                settings
                    .term_name(crate::model::TermList::Tags, id)
                    .map(str::to_owned)
                    .unwrap_or_else(|| tr!(i18n, "detail-deleted-tag", { "id" => id.to_string() }))
            })
            .collect();
        if !tags.is_empty() {
            classification.push((tr!(i18n, "detail-tags"), tags.join(", ")));
        }
        let mut custom_rows: Vec<(String, String, Option<OrphanReason>)> = settings
            .sorted_custom_fields(profile.kind)
            .into_iter()
            .filter_map(|(id, def)| {
                profile
                    .custom
                    .get(id)
                    .filter(|value| !value.is_empty())
                    .map(|value| (def.label.clone(), value.clone(), None))
            })
            .collect();
        custom_rows.extend(
            settings
                .orphaned_custom_values(&profile)
                .into_iter()
                .filter(|orphan| !orphan.value.is_empty())
                .map(|orphan| (orphan.label, orphan.value, Some(orphan.reason))),
        );
        (classification, custom_rows)
    });
    // Worded when shown, so the text follows a change of language.
    let terms = profile.payment_terms;
    let payment = move || match (terms.days, terms.method) {
        (None, method) => super::i18n::label(i18n, method),
        (Some(days), method) => {
            tr!(i18n, "detail-payment-days", { "days" => days, "method" => super::i18n::label(i18n, method) })
        }
    };

    // Each guarded card renders again when the user's grant changes, from its own copy.
    let (for_documents, for_finance, for_activity, for_links) = (
        partner.clone(),
        partner.clone(),
        partner.clone(),
        partner.clone(),
    );
    view! {
        <article class="detail-screen" id="partner-detail">
            <p class="back"><a href="/">{move_tr!("detail-back")}</a></p>
            <div class="screen-head">
                <div>
                    <h1 id="partner-name">{partner.display_name().to_owned()}</h1>
                    {(!profile.trade_name.is_empty()).then(|| view! { <p class="legal-name">{profile.legal_name.clone()}</p> })}
                    <p class="badges">
                        <KindBadge kind=profile.kind/>
                        <span class=if archived { "badge archived" } else { "badge active" } id="partner-status">{let status = partner.status; move || super::i18n::label(i18n, status)}</span>
                        <span id="partner-verification"><super::documents::VerificationBadge state=partner.verification_state(&state.view.with_untracked(|view| view.settings.clone()), crate::model::day_of(crate::web::now_ms()))/></span>
                    </p>
                </div>
                {let mergeable = partner.merged_into.is_none();
                move || match state.partner_refusal(id) {
                    // The server would refuse these changes; the controls say why instead.
                    Some(reason) => view! {
                        <div class="actions" id="partner-read-only" title=reason.clone()>
                            <span class="button disabled" aria-disabled="true" id="edit-partner-disabled" title=reason.clone()>{move_tr!("detail-edit")}</span>
                            <span class="muted">{reason.clone()}</span>
                        </div>
                    }.into_any(),
                    None => view! {
                        <div class="actions">
                            <a class="button" href=format!("/partners/{id}/edit") id="edit-partner">{move_tr!("detail-edit")}</a>
                            {mergeable.then(|| view! { <a class="button" href=format!("/partners/{id}/merge") id="merge-partner">{move_tr!("detail-merge")}</a> })}
                            <button type="button" class="button" id="toggle-status" disabled=move || busy.get() on:click=toggle_status>
                                {move || if archived { tr!(i18n, "detail-restore") } else { tr!(i18n, "detail-archive") }}
                            </button>
                        </div>
                    }.into_any(),
                }}
            </div>
            <p class="notice" role="status" aria-live="polite" id="notice">
                {move || match notice.get() {
                    Notice::None => view! { <span></span> }.into_any(),
                    Notice::Saved(text) => view! { <span class="saved">{text}</span> }.into_any(),
                    Notice::Failed(text) => view! { <span class="failed">{move || tr!(i18n, "detail-not-saved", { "reason" => text.clone() })}</span> }.into_any(),
                }}
            </p>

            {partner.merged_into.clone().map(|survivor| view! {
                <div class="banner warning" role="status" id="merged-banner">
                    {move_tr!("detail-merged-into")}" "
                    <a href=format!("/partners/{survivor}")>{state.view.with_untracked(|view| survivor.parse().map(|id| view.name_of(&id)).unwrap_or(survivor.clone()))}</a>
                    {move_tr!("detail-merged-kept")}
                </div>
            })}

            <Guard grant=move || state.partner_grant(id) refusal=move || state.partner_refusal(id) section=None>
                <ConflictsCard id=id state=state notice=notice busy=busy/>
            </Guard>

            <section class="card">
                <h2>{move_tr!("detail-identification")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("detail-legal-name")}</dt><dd>{profile.legal_name.clone()}</dd>
                    <dt>{move_tr!("detail-trade-name")}</dt><dd>{or_dash(&profile.trade_name)}</dd>
                    <dt>{move_tr!("detail-tax-id")}</dt><dd id="tax-id">{or_dash(&tax_id)}</dd>
                    <dt>{move_tr!("detail-industry")}</dt><dd>{or_dash(&profile.industry)}</dd>
                    <dt>{move_tr!("detail-region")}</dt><dd>{or_dash(&profile.region)}</dd>
                    {classification.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                </dl>
            </section>

            {(!custom_rows.is_empty()).then(|| view! {
                <section class="card" id="custom-values">
                    <h2>{move_tr!("detail-more-details")}</h2>
                    <dl class="facts">
                        {custom_rows.into_iter().map(|(label, value, note)| view! {
                            <dt>{label}{note.map(|reason| view! { <span class="muted">" ("{move || super::i18n::label(i18n, reason)}")"</span> })}</dt>
                            <dd>{value}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            })}

            <section class="card">
                <h2>{move_tr!("detail-addresses")}</h2>
                {if profile.addresses.is_empty() {
                    view! { <p class="muted">{move_tr!("detail-no-address")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {profile.addresses.iter().map(|address| {
                                let lines = [
                                    address.street.clone(),
                                    [address.postal_code.as_str(), address.city.as_str()].join(" ").trim().to_owned(),
                                    [address.region.as_str(), address.country.as_str()].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(", "),
                                ];
                                view! {
                                    <li class="address">
                                        <span class="badge">{let kind = address.kind; move || super::i18n::label(i18n, kind)}</span>
                                        {lines.into_iter().filter(|line| !line.is_empty()).map(|line| view! { <span class="line">{line}</span> }).collect_view()}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>

            <section class="card">
                <h2>{move_tr!("detail-contacts")}</h2>
                {if profile.contacts.is_empty() {
                    view! { <p class="muted">{move_tr!("detail-no-contact")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {profile.contacts.iter().map(|contact| view! {
                                <li class="contact">
                                    <strong>{contact.name.clone()}</strong>
                                    {(!contact.role.is_empty()).then(|| view! { <span class="muted">" · "{contact.role.clone()}</span> })}
                                    {(!contact.email.is_empty()).then(|| view! { <a class="line" href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a> })}
                                    {(!contact.phone.is_empty()).then(|| view! { <a class="line" href=format!("tel:{}", contact.phone)>{contact.phone.clone()}</a> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <dl class="facts">
                    <dt>{move_tr!("detail-emails")}</dt>
                    <dd>{if profile.emails.is_empty() { "—".into_any() } else {
                        profile.emails.iter().map(|email| view! { <a class="line" href=format!("mailto:{email}")>{email.clone()}</a> }).collect_view().into_any()
                    }}</dd>
                    <dt>{move_tr!("detail-phones")}</dt>
                    <dd>{if profile.phones.is_empty() { "—".into_any() } else {
                        profile.phones.iter().map(|phone| view! { <a class="line" href=format!("tel:{phone}")>{phone.clone()}</a> }).collect_view().into_any()
                    }}</dd>
                    <dt>{move_tr!("detail-website")}</dt>
                    <dd>{if profile.website.is_empty() { "—".into_any() } else {
                        view! { <a href=profile.website.clone() target="_blank" rel="noopener noreferrer">{profile.website.clone()}</a> }.into_any()
                    }}</dd>
                </dl>
            </section>

            <section class="card">
                <h2>{move_tr!("detail-payment")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("detail-payment-terms")}</dt><dd id="payment-terms">{payment}</dd>
                </dl>
                {if !state.section_grant(id, Section::Banking).may_read() {
                    view! { <p class="muted" id="bank-accounts-denied">{move_tr!("detail-bank-denied")}</p> }.into_any()
                } else if profile.bank_accounts.is_empty() {
                    view! { <p class="muted">{move_tr!("detail-no-bank-account")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {profile.bank_accounts.iter().map(|account| view! {
                                <li class="bank-account">
                                    <span class="mono">{account.iban.clone()}</span>
                                    {(!account.bic.is_empty()).then(|| view! { <span class="muted">" · "{move_tr!("detail-bic")}" "{account.bic.clone()}</span> })}
                                    {(!account.holder.is_empty()).then(|| view! { <span class="line">{account.holder.clone()}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>

            <Guard grant=move || state.partner_grant(id) refusal=move || state.partner_refusal(id) section=None>
                <super::documents::DocumentsCard id=id partner=for_documents.clone() state=state notice=notice busy=busy/>
            </Guard>

            <Guard grant=move || state.section_grant(id, Section::Finance) refusal=move || refusal(state.section_grant(id, Section::Finance), state.role()) section=Some(Section::Finance)>
                <super::finance::FinanceCard id=id partner=for_finance.clone() state=state notice=notice busy=busy/>
            </Guard>

            <Guard grant=move || state.section_grant(id, Section::Activity) refusal=move || refusal(state.section_grant(id, Section::Activity), state.role()) section=Some(Section::Activity)>
                <super::activity::ActivityCard id=id partner=for_activity.clone() state=state notice=notice busy=busy/>
            </Guard>

            <Guard grant=move || state.partner_grant(id) refusal=move || state.partner_refusal(id) section=None>
                <super::history::HistoryCard id=id state=state notice=notice busy=busy/>
            </Guard>

            <super::portal::PortalCard partner=id/>

            <Guard grant=move || state.partner_grant(id) refusal=move || state.partner_refusal(id) section=None>
                <LinksCard id=id partner=for_links.clone() state=state notice=notice busy=busy/>
            </Guard>

            <section class="card">
                <h2>{move_tr!("detail-notes")}</h2>
                {if profile.notes.is_empty() {
                    view! { <p class="muted">{move_tr!("detail-no-notes")}</p> }.into_any()
                } else {
                    view! { <p class="notes">{profile.notes.clone()}</p> }.into_any()
                }}
            </section>
        </article>
    }
}

/// Shows a card as the user's grant allows: as it is when they may write, with every control
/// disabled (and the reason on hover) when they may only read, and as one line saying so when
/// the section is denied to their role (its document never reaches the device then).
#[component]
fn Guard(
    grant: impl Fn() -> Grant + Send + Sync + 'static,
    refusal: impl Fn() -> Option<String> + Send + Sync + 'static,
    /// The section, named in the line shown when it is denied (`None`: the whole record).
    section: Option<Section>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // Re-rendered only when the grant itself changes, not on every session refresh.
    let grant = Memo::new(move |_| grant());
    view! {
        {move || match grant.get() {
            Grant::Write => children().into_any(),
            Grant::Read => view! {
                <fieldset class="grant-guard" disabled=true title=refusal().unwrap_or_default()>
                    {children()}
                </fieldset>
            }.into_any(),
            Grant::None => view! {
                <section class="card denied">
                    <h2>{move || section_name(i18n, section)}</h2>
                    <p class="muted">{move || tr!(i18n, "detail-section-denied", { "section" => section_name(i18n, section) })}</p>
                </section>
            }.into_any(),
        }}
    }
}

/// A section's name as the denied card shows it.
fn section_name(i18n: I18n, section: Option<Section>) -> String {
    match section {
        Some(Section::Finance) => tr!(i18n, "detail-section-finance"),
        Some(Section::Activity) => tr!(i18n, "detail-section-activity"),
        Some(Section::Banking) => tr!(i18n, "detail-section-banking"),
        None => String::new(),
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// Links seen from this partner: the clients it supplies (if a supplier) and the suppliers that
/// supply it (if a client), each with unlink, plus a picker to add a link.
#[component]
fn LinksCard(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: the link callbacks run in event handlers, outside the component's context.
    let i18n = expect_context::<I18n>();
    let kind = partner.profile.kind;
    // Partners of the wanted kind, other than this one and not linked yet, by name.
    let candidates = move |wanted_client: bool, linked: Vec<DocumentId>| {
        state.view.with(|view| {
            let mut found: Vec<(String, DocumentId)> = view
                .partners
                .iter()
                .filter(|(other, p)| {
                    let kind = p.profile.kind;
                    **other != id
                        && !linked.contains(other)
                        && if wanted_client {
                            kind.is_client()
                        } else {
                            kind.is_supplier()
                        }
                })
                .map(|(other, p)| (p.display_name().to_owned(), *other))
                .collect();
            found.sort_by_cached_key(|(name, _)| name.to_lowercase());
            found
        })
    };
    let link = move |supplier: DocumentId, client: DocumentId| {
        dispatch(notice, busy, tr!(i18n, "detail-link-saved"), async move {
            state.link(supplier, client).await
        });
    };
    let unlink = move |supplier: DocumentId, client: DocumentId| {
        dispatch(notice, busy, tr!(i18n, "detail-link-removed"), async move {
            state.unlink(supplier, client).await
        });
    };

    view! {
        <section class="card" id="links">
            <h2>{move_tr!("detail-links")}</h2>
            {kind.is_supplier().then(|| view! {
                <LinkSection
                    name="client"
                    linked=Signal::derive(move || state.view.with(|view| view.clients_of(&id)))
                    candidates=Signal::derive(move || candidates(true, state.view.with(|view| view.clients_of(&id))))
                    on_link=Callback::new(move |client| link(id, client))
                    on_unlink=Callback::new(move |client| unlink(id, client))
                    state=state
                    busy=busy
                />
            })}
            {kind.is_client().then(|| view! {
                <LinkSection
                    name="supplier"
                    linked=Signal::derive(move || state.view.with(|view| view.suppliers_of(&id)))
                    candidates=Signal::derive(move || candidates(false, state.view.with(|view| view.suppliers_of(&id))))
                    on_link=Callback::new(move |supplier| link(supplier, id))
                    on_unlink=Callback::new(move |supplier| unlink(supplier, id))
                    state=state
                    busy=busy
                />
            })}
        </section>
    }
}

/// One side of the links: the linked partners with unlink buttons, and a picker to add one.
/// `name` is "client" or "supplier"; element ids derive from it (`linked-clients`, …), and the
/// texts follow it.
#[component]
fn LinkSection(
    name: &'static str,
    linked: Signal<Vec<DocumentId>>,
    candidates: Signal<Vec<(String, DocumentId)>>,
    on_link: Callback<DocumentId>,
    on_unlink: Callback<DocumentId>,
    state: AppState,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let clients = name == "client";
    let chosen = RwSignal::new(String::new());
    let name_of = move |other: DocumentId| state.view.with(|view| view.name_of(&other));
    let add = move |_| {
        if let Ok(other) = chosen.get().parse::<DocumentId>() {
            chosen.set(String::new());
            on_link.run(other);
        }
    };
    view! {
        <h3>{move || if clients { tr!(i18n, "detail-clients-title") } else { tr!(i18n, "detail-suppliers-title") }}</h3>
        <ul class="plain-list" id=format!("linked-{name}s")>
            {move || {
                let linked = linked.get();
                if linked.is_empty() {
                    view! { <li class="muted">{move || if clients { tr!(i18n, "detail-no-client-linked") } else { tr!(i18n, "detail-no-supplier-linked") }}</li> }.into_any()
                } else {
                    linked.into_iter().map(|other| view! {
                        <li class="link-row">
                            <a href=format!("/partners/{other}")>{name_of(other)}</a>
                            <button type="button" class="button small" disabled=move || busy.get()
                                aria-label=move || tr!(i18n, "detail-unlink-name", { "name" => name_of(other) })
                                on:click=move |_| on_unlink.run(other)>{move_tr!("detail-unlink")}</button>
                        </li>
                    }).collect_view().into_any()
                }
            }}
        </ul>
        <div class="link-picker">
            <label for=format!("link-{name}")>{move || if clients { tr!(i18n, "detail-link-a-client") } else { tr!(i18n, "detail-link-a-supplier") }}</label>
            <select id=format!("link-{name}") prop:value=move || chosen.get() on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="">{move || if clients { tr!(i18n, "detail-choose-client") } else { tr!(i18n, "detail-choose-supplier") }}</option>
                {move || candidates.get().into_iter().map(|(label, other)| view! { <option value=other.to_string()>{label}</option> }).collect_view()}
            </select>
            <button type="button" class="button" id=format!("link-{name}-button")
                disabled=move || busy.get() || chosen.get().is_empty() on:click=add>{move_tr!("detail-link")}</button>
        </div>
    }
}

/// Fields changed on two devices at once: every value is shown, and the user keeps one.
#[component]
fn ConflictsCard(
    id: DocumentId,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: the choice buttons' handlers run outside the component's context.
    let i18n = expect_context::<I18n>();
    let conflicts = move || {
        state
            .view
            .with(|view| view.conflicts.get(&id).cloned().unwrap_or_default())
    };
    view! {
        {move || {
            let conflicts = conflicts();
            (!conflicts.is_empty()).then(|| view! {
                <section class="card conflicts" id="conflicts" role="region" aria-label=move_tr!("detail-conflicts-label")>
                    <h2>{move_tr!("detail-conflicts-title")}</h2>
                    <p class="muted">{move_tr!("detail-conflicts-help")}</p>
                    <ul class="plain-list">
                        {conflicts.into_iter().map(|conflict| {
                            let key = conflict.key();
                            view! {
                                <li class="conflict" data-field=key.clone()>
                                    <strong>{conflict.label.clone()}</strong>
                                    <div class="choices">
                                        {conflict.values.iter().enumerate().map(|(index, value)| {
                                            let path = conflict.path.clone();
                                            let value = value.clone();
                                            let text = crate::registry::display_value(&value);
                                            view! {
                                                <button type="button" class="button small" id=format!("keep-{}-{index}", key.replace('.', "-"))
                                                    disabled=move || busy.get()
                                                    on:click=move |_| {
                                                        let (path, value) = (path.clone(), value.clone());
                                                        dispatch(notice, busy, tr!(i18n, "detail-choice-saved"), async move {
                                                            state.resolve_conflict(id, path, value).await
                                                        });
                                                    }>
                                                    {move || tr!(i18n, "detail-keep-value", { "value" => text.clone() })}
                                                </button>
                                            }
                                        }).collect_view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}
