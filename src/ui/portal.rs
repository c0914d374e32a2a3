//! The partner portal, both sides of it.
//!
//! - [`PortalHome`] (`/portal`) is what a partner's contact sees: their company's record, a
//!   form to propose corrections (stored on the device first, so it works offline), their
//!   proposals with each field's decision, and the company's requests to answer, with files.
//! - [`PortalCard`] on a partner's page is the staff side: invite a contact by a one-time link,
//!   ask for documents or answers, and review proposals field by field.
//!
//! A contact never writes the record itself: the server gives them read access to it and write
//! access only to the partner's portal document, where proposals and answers live.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::i18n::{label, moment};
use super::state::{request_kind, request_kinds, use_app_state, NewInvite};
use super::users::{absolute, InviteLink};
use super::words::proposable_field;
use crate::model::{
    comparison_in, DataRequest, DocumentId, DocumentKind, Partner, PartnerPortal, Proposal,
    RequestKind, Role,
};
use crate::validate::PartnerDraft;

/// The portal's home for a signed-in partner contact.
#[component]
pub fn PortalHome() -> impl IntoView {
    let state = use_app_state();
    let partner_id = move || {
        state
            .session
            .get()
            .and_then(|session| session.portal_partner)
            .and_then(|text| text.parse::<DocumentId>().ok())
    };
    let notice = RwSignal::new(None::<String>);
    view! {
        <section class="portal">
            {move || match (state.is_portal(), partner_id()) {
                (false, _) => view! {
                    <p class="banner info">{move_tr!("portal-staff-only")}</p>
                }.into_any(),
                (true, None) => view! { <p class="banner error">{move_tr!("portal-not-linked")}</p> }.into_any(),
                (true, Some(id)) => {
                    let partner = move || state.view.with(|view| view.partners.get(&id).cloned());
                    view! {
                        {move || match partner() {
                            None => view! {
                                <h1>{move_tr!("portal-your-record")}</h1>
                                <p role="status" id="portal-waiting">{move_tr!("portal-waiting")}</p>
                            }.into_any(),
                            Some(partner) => view! {
                                <h1 id="portal-title">{partner.display_name().to_owned()}</h1>
                                <p class="muted">{move_tr!("portal-intro")}</p>
                                <Show when=move || notice.get().is_some()>
                                    <p class="banner info" role="status" id="portal-notice">{move || notice.get()}</p>
                                </Show>
                                <PortalRequests partner=id contact=true/>
                                <PortalProposals partner=id staff=false/>
                                <ProposalForm partner=partner notice=notice/>
                            }.into_any(),
                        }}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The contact's correction form: the partner form restricted to the details a contact may
/// correct, stored as a proposal.
#[component]
fn ProposalForm(partner: Partner, notice: RwSignal<Option<String>>) -> impl IntoView {
    // Captured here: the save runs in a task, outside the component's context.
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let id = state
        .session
        .get_untracked()
        .and_then(|session| session.portal_partner)
        .and_then(|text| text.parse::<DocumentId>().ok());
    let Some(id) = id else {
        return ().into_any();
    };
    let initial = PartnerDraft::from_profile(&partner.profile);
    let save = move |profile| async move {
        match state.propose_changes(id, profile).await? {
            Some(_) => notice.set(Some(tr!(i18n, "portal-proposal-saved"))),
            None => notice.set(Some(tr!(i18n, "portal-nothing-differs"))),
        }
        Ok(id)
    };
    view! {
        <details class="card" id="propose-card">
            <summary><h2>{move_tr!("portal-propose-title")}</h2></summary>
            <super::form::PartnerForm initial=initial submit_label=move || tr!(i18n, "portal-send-proposal") save=save editing=Some(id) contact=true done_path="/portal".to_owned()/>
        </details>
    }
    .into_any()
}

/// Proposals of a partner's contacts: each field's current and proposed value, and its
/// decision; staff accept or reject each field.
#[component]
fn PortalProposals(partner: DocumentId, staff: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let proposals = move || {
        state.view.with(|view| {
            let portal = view.portals.get(&partner)?;
            let current = view.partners.get(&partner)?.profile.clone();
            let mut list: Vec<(Proposal, Vec<crate::model::FieldComparison>)> = portal
                .proposals
                .values()
                .map(|proposal| {
                    let words = super::words::readable_words(i18n);
                    (proposal.clone(), comparison_in(&current, proposal, &words))
                })
                .collect();
            list.sort_by_key(|(proposal, _)| std::cmp::Reverse(proposal.created_at_ms));
            Some(list)
        })
    };
    let error = RwSignal::new(None::<String>);
    let may_decide = move || staff && state.partner_refusal(partner).is_none();
    let refusal = move || state.partner_refusal(partner).unwrap_or_default();
    view! {
        <div class="card" id="portal-proposals">
            <h2>{move || if staff { tr!(i18n, "portal-proposals-staff") } else { tr!(i18n, "portal-proposals-contact") }}</h2>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert">{move || error.get()}</p>
            </Show>
            {move || match proposals() {
                None => view! { <p class="muted">{move_tr!("portal-no-proposals")}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="muted">{move_tr!("portal-no-proposals")}</p> }.into_any(),
                Some(list) => list.into_iter().map(|(proposal, fields)| {
                    let proposal_id = proposal.id.clone();
                    let created_at = proposal.created_at_ms;
                    view! {
                        <article class="proposal" data-proposal=proposal.id.clone()>
                            <p><strong>{proposal.author.clone()}</strong>" · "{move || moment(i18n, created_at)}</p>
                            <table class="data-table comparison">
                                <thead><tr>
                                    <th>{move_tr!("portal-field")}</th>
                                    <th>{move_tr!("portal-in-record")}</th>
                                    <th>{move_tr!("portal-proposed")}</th>
                                    <th>{move_tr!("portal-decision")}</th>
                                </tr></thead>
                                <tbody>
                                    {fields.into_iter().map(|field| {
                                        let decision = field.decision.clone();
                                        let row_id = format!("proposal-{}-{}", proposal_id, field.field);
                                        let field_name = field.field.clone();
                                        view! {
                                            <tr id=row_id class:changed-since=field.base_changed>
                                                <th scope="row">{move || proposable_field(i18n, &field_name)}
                                                    {field.needs_explicit_approval.then(|| view! {
                                                        <span class="badge warning" title=move || tr!(i18n, "portal-needs-approval-help")>{move_tr!("portal-needs-approval")}</span>
                                                    })}
                                                </th>
                                                <td class="current">{field.current.clone()}</td>
                                                <td class="proposed">{field.proposed.clone()}
                                                    {field.base_changed.then(|| view! { <p class="muted">{move_tr!("portal-base-changed")}</p> })}
                                                </td>
                                                <td>
                                                    {match decision {
                                                        Some(decision) => {
                                                            let accepted = decision.accepted;
                                                            let by = decision.by.clone();
                                                            view! {
                                                                <span class=if accepted { "decision accepted" } else { "decision rejected" }>
                                                                    {move || if accepted {
                                                                        tr!(i18n, "portal-accepted-by", { "name" => by.clone() })
                                                                    } else {
                                                                        tr!(i18n, "portal-rejected-by", { "name" => by.clone() })
                                                                    }}
                                                                </span>
                                                            }.into_any()
                                                        }
                                                        None if may_decide() => view! {
                                                            <DecisionButtons partner=partner proposal=proposal_id.clone() field=field.field.clone() error=error/>
                                                        }.into_any(),
                                                        None if staff => view! { <span class="muted" title=refusal()>{move_tr!("portal-waiting-decision")}</span> }.into_any(),
                                                        None => view! { <span class="muted">{move_tr!("portal-waiting-company")}</span> }.into_any(),
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </article>
                    }
                }).collect_view().into_any(),
            }}
        </div>
    }
}

/// Accept and reject buttons of one proposed field.
#[component]
fn DecisionButtons(
    partner: DocumentId,
    proposal: String,
    field: String,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let decide = move |accept: bool| {
        let (proposal, field) = (proposal.clone(), field.clone());
        leptos::task::spawn_local(async move {
            let result = state.decide_field(partner, &proposal, &field, accept).await;
            error.set(result.err());
        });
    };
    let accept = decide.clone();
    view! {
        <span class="decision-buttons">
            <button type="button" class="button small primary accept-field" on:click=move |_| accept(true)>{move_tr!("portal-accept")}</button>
            <button type="button" class="button small reject-field" on:click=move |_| decide(false)>{move_tr!("portal-reject")}</button>
        </span>
    }
}

/// The company's requests to a partner's contacts: staff ask, contacts answer (with a file
/// when a document was asked for).
#[component]
fn PortalRequests(partner: DocumentId, contact: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let requests = move || {
        state.view.with(|view| {
            let mut list: Vec<DataRequest> = view
                .portals
                .get(&partner)
                .map(|portal: &PartnerPortal| portal.requests.values().cloned().collect())
                .unwrap_or_default();
            list.sort_by_key(|request| std::cmp::Reverse(request.asked_at_ms));
            list
        })
    };
    view! {
        <div class="card" id="portal-requests">
            <h2>{move || if contact { tr!(i18n, "portal-requests-contact") } else { tr!(i18n, "portal-requests-staff") }}</h2>
            {move || {
                let list = requests();
                if list.is_empty() {
                    return view! { <p class="muted">{move_tr!("portal-no-requests")}</p> }.into_any();
                }
                view! {
                    <ul class="requests">
                        {list.into_iter().map(|request| view! { <RequestItem partner=partner request=request contact=contact/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn RequestItem(partner: DocumentId, request: DataRequest, contact: bool) -> impl IntoView {
    // Captured here: the handlers below translate their errors outside the component's context.
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let answer = RwSignal::new(String::new());
    let picked = RwSignal::new(None::<crate::model::FileRef>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let asks_document = matches!(request.kind, RequestKind::Document { .. });
    let kind = request.kind.clone();
    let what = move || match &kind {
        RequestKind::Document { document_kind } => DocumentKind::from_code(document_kind)
            .map(|kind| tr!(i18n, "portal-request-document-of", { "kind" => label(i18n, kind) }))
            .unwrap_or_else(|| tr!(i18n, "portal-request-document")),
        RequestKind::Question => tr!(i18n, "portal-request-question"),
    };
    let request_id = request.id.clone();
    let on_file = move |event: leptos::ev::Event| {
        let Some(file) = crate::web::files::picked_file(&event) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let kept = async {
                let bytes = crate::web::files::read_picked(&file).await?;
                state.keep_file(bytes, file.type_(), file.name()).await
            };
            match kept.await {
                Ok(file) => picked.set(Some(file)),
                Err(message) => error.set(Some(message)),
            }
            busy.set(false);
        });
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if asks_document && picked.get_untracked().is_none() {
            error.set(Some(tr!(i18n, "portal-file-missing")));
            return;
        }
        if !asks_document && answer.get_untracked().trim().is_empty() {
            error.set(Some(tr!(i18n, "portal-answer-missing")));
            return;
        }
        let request_id = request_id.clone();
        leptos::task::spawn_local(async move {
            let result = state
                .answer_request(
                    partner,
                    &request_id,
                    answer.get_untracked().trim().to_owned(),
                    picked.get_untracked(),
                )
                .await;
            error.set(result.err());
        });
    };
    let answered = request.answered_at_ms.is_some();
    let (asked_by, asked_at) = (request.asked_by.clone(), request.asked_at_ms);
    let answered_by = request.answered_by.clone();
    let item_id = format!("request-{}", request.id);
    view! {
        <li class="request" id=item_id>
            <p><strong>{what}</strong>" · "{request.text.clone()}</p>
            <p class="muted">{move || tr!(i18n, "portal-asked-by", { "name" => asked_by.clone() })}" · "{move || moment(i18n, asked_at)}</p>
            {answered.then(|| view! {
                <p class="answer">{move || tr!(i18n, "portal-answered-by", { "name" => answered_by.clone() })}
                    {request.answered_at_ms.map(|at| view! { " · "{move || moment(i18n, at)} })}": "{request.answer.clone()}
                    {request.file.clone().map(|file| view! {
                        <span class="muted">" · "{move || tr!(i18n, "portal-answer-file", { "name" => file.name.clone() })}</span>
                    })}
                </p>
            })}
            {(contact && !answered).then(|| view! {
                <form class="request-answer" on:submit=submit novalidate>
                    {if asks_document {
                        view! {
                            <label>{move_tr!("portal-upload-document")}" "<input type="file" accept="image/*,application/pdf" on:change=on_file/></label>
                        }.into_any()
                    } else {
                        view! {
                            <label>{move_tr!("portal-your-answer")}" "<textarea prop:value=move || answer.get() on:input=move |event| answer.set(event_target_value(&event))></textarea></label>
                        }.into_any()
                    }}
                    <Show when=move || error.get().is_some()>
                        <p class="banner error" role="alert">{move || error.get()}</p>
                    </Show>
                    <button type="submit" class="button primary" disabled=move || busy.get()>{move_tr!("portal-send-answer")}</button>
                </form>
            })}
        </li>
    }
}

/// The staff side of the portal on a partner's page.
#[component]
pub fn PortalCard(partner: DocumentId) -> impl IntoView {
    let state = use_app_state();
    let refusal = move || state.partner_refusal(partner);
    view! {
        <section class="card portal-card" id="portal-card">
            <h2>{move_tr!("portal-card-title")}</h2>
            <p class="muted">{move_tr!("portal-card-intro")}</p>
            {move || match (state.session.get(), refusal()) {
                (None, _) => view! { <p class="muted">{move_tr!("portal-card-sign-in")}</p> }.into_any(),
                (Some(_), Some(reason)) => view! { <p class="muted" id="portal-invite-refused">{reason}</p> }.into_any(),
                (Some(_), None) => view! { <PortalInvite partner=partner/> <RequestForm partner=partner/> }.into_any(),
            }}
            <PortalRequests partner=partner contact=false/>
            <PortalProposals partner=partner staff=true/>
        </section>
    }
}

/// Invite one of the partner's contacts to the portal.
#[component]
fn PortalInvite(partner: DocumentId) -> impl IntoView {
    let state = use_app_state();
    let contacts = move || {
        state.view.with(|view| {
            view.partners
                .get(&partner)
                .map(|partner| {
                    partner
                        .profile
                        .contacts
                        .iter()
                        .filter(|contact| !contact.email.is_empty())
                        .map(|contact| (contact.name.clone(), contact.email.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let invite = NewInvite {
            email: email.get_untracked().trim().to_owned(),
            name: name.get_untracked().trim().to_owned(),
            role: Role::Portal.as_str().to_owned(),
            partner_id: Some(partner.to_string()),
            assigned: Vec::new(),
        };
        leptos::task::spawn_local(async move {
            match state.invite(invite).await {
                Ok(created) => {
                    link.set(Some(absolute(&created.path)));
                    error.set(None);
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <form class="portal-invite" on:submit=submit novalidate id="portal-invite-form">
            <h3>{move_tr!("portal-invite-title")}</h3>
            {move || {
                let known = contacts();
                (!known.is_empty()).then(|| view! {
                    <p class="chips">
                        {known.into_iter().map(|(contact_name, contact_email)| {
                            let label = format!("{contact_name} <{contact_email}>");
                            view! {
                                <button type="button" class="button small" on:click=move |_| {
                                    name.set(contact_name.clone());
                                    email.set(contact_email.clone());
                                }>{label}</button>
                            }
                        }).collect_view()}
                    </p>
                })
            }}
            <div class="field-row">
                <div class="field">
                    <label for="portal-invite-name">{move_tr!("portal-invite-name")}</label>
                    <input id="portal-invite-name" type="text" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="portal-invite-email">{move_tr!("portal-invite-email")}</label>
                    <input id="portal-invite-email" type="email" prop:value=move || email.get() on:input=move |event| email.set(event_target_value(&event))/>
                </div>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert" id="portal-invite-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="button" id="portal-invite-submit">{move_tr!("portal-invite-submit")}</button>
            {move || link.get().map(|link| view! { <InviteLink link=link/> })}
        </form>
    }
}

/// Ask the partner's contacts for a document or an answer.
#[component]
fn RequestForm(partner: DocumentId) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let choice = RwSignal::new("question".to_owned());
    let document_kind = RwSignal::new(DocumentKind::ALL[0].code().to_owned());
    let error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let asked = text.get_untracked().trim().to_owned();
        if asked.is_empty() {
            error.set(Some(tr!(i18n, "portal-request-missing")));
            return;
        }
        let kind = request_kind(&choice.get_untracked(), &document_kind.get_untracked());
        leptos::task::spawn_local(async move {
            match state.add_request(partner, asked, kind).await {
                Ok(()) => {
                    text.set(String::new());
                    error.set(None);
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <form class="request-form" on:submit=submit novalidate id="request-form">
            <h3>{move_tr!("portal-ask-title")}</h3>
            <div class="field-row">
                <div class="field">
                    <label for="request-kind">{move_tr!("portal-request-kind")}</label>
                    <select id="request-kind" on:change=move |event| choice.set(event_target_value(&event))>
                        {move || request_kinds(i18n).map(|(code, name)| view! {
                            <option value=code selected=move || choice.get() == code>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || choice.get() == "document">
                    <div class="field">
                        <label for="request-document-kind">{move_tr!("portal-request-document")}</label>
                        <select id="request-document-kind" on:change=move |event| document_kind.set(event_target_value(&event))>
                            {DocumentKind::ALL.map(|kind| view! { <option value=kind.code()>{move || label(i18n, kind)}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
            </div>
            <div class="field">
                <label for="request-text">{move_tr!("portal-request-text")}</label>
                <input id="request-text" type="text" prop:value=move || text.get() on:input=move |event| text.set(event_target_value(&event))/>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert" id="request-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="button" id="request-submit">{move_tr!("portal-send-request")}</button>
        </form>
    }
}
