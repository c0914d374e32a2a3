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

use super::activity::time_label;
use super::state::{request_kind, request_kinds, use_app_state, NewInvite};
use super::users::{absolute, InviteLink};
use crate::model::{
    comparison, DataRequest, DocumentId, DocumentKind, Partner, PartnerPortal, Proposal,
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
                    <p class="banner info">"The portal is for partner contacts. Staff review proposals on each partner's page."</p>
                }.into_any(),
                (true, None) => view! { <p class="banner error">"This account is not linked to a partner; ask the company for a new invitation."</p> }.into_any(),
                (true, Some(id)) => {
                    let partner = move || state.view.with(|view| view.partners.get(&id).cloned());
                    view! {
                        {move || match partner() {
                            None => view! {
                                <h1>"Your company's record"</h1>
                                <p role="status" id="portal-waiting">"Your company's record has not reached this device yet. It arrives as soon as the device is online."</p>
                            }.into_any(),
                            Some(partner) => view! {
                                <h1 id="portal-title">{partner.display_name().to_owned()}</h1>
                                <p class="muted">"This is the record the company keeps about you. Propose corrections below: they are saved on this device at once, sent when you are online, and applied once the company accepts them."</p>
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
            Some(_) => notice.set(Some(
                "Proposal saved. It is sent to the company when this device is online.".into(),
            )),
            None => notice.set(Some(
                "Nothing differs from the record; nothing was sent.".into(),
            )),
        }
        Ok(id)
    };
    view! {
        <details class="card" id="propose-card">
            <summary><h2>"Propose corrections"</h2></summary>
            <super::form::PartnerForm initial=initial submit_label="Send proposal" save=save editing=Some(id) contact=true done_path="/portal".to_owned()/>
        </details>
    }
    .into_any()
}

/// Proposals of a partner's contacts: each field's current and proposed value, and its
/// decision; staff accept or reject each field.
#[component]
fn PortalProposals(partner: DocumentId, staff: bool) -> impl IntoView {
    let state = use_app_state();
    let proposals = move || {
        state.view.with(|view| {
            let portal = view.portals.get(&partner)?;
            let current = view.partners.get(&partner)?.profile.clone();
            let mut list: Vec<(Proposal, Vec<crate::model::FieldComparison>)> = portal
                .proposals
                .values()
                .map(|proposal| (proposal.clone(), comparison(&current, proposal)))
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
            <h2>{if staff { "Proposed changes from the partner" } else { "Your proposals" }}</h2>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert">{move || error.get()}</p>
            </Show>
            {move || match proposals() {
                None => view! { <p class="muted">"No proposals."</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="muted">"No proposals."</p> }.into_any(),
                Some(list) => list.into_iter().map(|(proposal, fields)| {
                    let proposal_id = proposal.id.clone();
                    view! {
                        <article class="proposal" data-proposal=proposal.id.clone()>
                            <p><strong>{proposal.author.clone()}</strong>" · "{time_label(proposal.created_at_ms)}</p>
                            <table class="data-table comparison">
                                <thead><tr><th>"Field"</th><th>"In the record"</th><th>"Proposed"</th><th>"Decision"</th></tr></thead>
                                <tbody>
                                    {fields.into_iter().map(|field| {
                                        let decision = field.decision.clone();
                                        let row_id = format!("proposal-{}-{}", proposal_id, field.field);
                                        view! {
                                            <tr id=row_id class:changed-since=field.base_changed>
                                                <th scope="row">{field.label.clone()}
                                                    {field.needs_explicit_approval.then(|| view! { <span class="badge warning" title="Bank details change only with an explicit decision on this field">"needs approval"</span> })}
                                                </th>
                                                <td class="current">{field.current.clone()}</td>
                                                <td class="proposed">{field.proposed.clone()}
                                                    {field.base_changed.then(|| view! { <p class="muted">"The record changed since the contact saw it."</p> })}
                                                </td>
                                                <td>
                                                    {match decision {
                                                        Some(decision) => view! {
                                                            <span class=if decision.accepted { "decision accepted" } else { "decision rejected" }>
                                                                {if decision.accepted { "Accepted" } else { "Rejected" }}" by "{decision.by.clone()}
                                                            </span>
                                                        }.into_any(),
                                                        None if may_decide() => view! {
                                                            <DecisionButtons partner=partner proposal=proposal_id.clone() field=field.field.clone() error=error/>
                                                        }.into_any(),
                                                        None if staff => view! { <span class="muted" title=refusal()>"Waiting for a decision"</span> }.into_any(),
                                                        None => view! { <span class="muted">"Waiting for the company"</span> }.into_any(),
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
            <button type="button" class="button small primary accept-field" on:click=move |_| accept(true)>"Accept"</button>
            <button type="button" class="button small reject-field" on:click=move |_| decide(false)>"Reject"</button>
        </span>
    }
}

/// The company's requests to a partner's contacts: staff ask, contacts answer (with a file
/// when a document was asked for).
#[component]
fn PortalRequests(partner: DocumentId, contact: bool) -> impl IntoView {
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
            <h2>{if contact { "Requests from the company" } else { "Requests to the partner" }}</h2>
            {move || {
                let list = requests();
                if list.is_empty() {
                    return view! { <p class="muted">"No requests."</p> }.into_any();
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
    let state = use_app_state();
    let answer = RwSignal::new(String::new());
    let picked = RwSignal::new(None::<crate::model::FileRef>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let asks_document = matches!(request.kind, RequestKind::Document { .. });
    let what = match &request.kind {
        RequestKind::Document { document_kind } => DocumentKind::from_code(document_kind)
            .map(|kind| format!("Document: {}", kind.label()))
            .unwrap_or_else(|| "Document".to_owned()),
        RequestKind::Question => "Question".to_owned(),
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
            error.set(Some("File: choose the document to upload.".into()));
            return;
        }
        if !asks_document && answer.get_untracked().trim().is_empty() {
            error.set(Some("Answer: write your answer first.".into()));
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
    let item_id = format!("request-{}", request.id);
    view! {
        <li class="request" id=item_id>
            <p><strong>{what}</strong>" · "{request.text.clone()}</p>
            <p class="muted">"Asked by "{request.asked_by.clone()}" · "{time_label(request.asked_at_ms)}</p>
            {answered.then(|| view! {
                <p class="answer">"Answered by "{request.answered_by.clone()}
                    {request.answered_at_ms.map(|at| format!(" · {}", time_label(at)))}": "{request.answer.clone()}
                    {request.file.clone().map(|file| view! { <span class="muted">" · file "{file.name.clone()}</span> })}
                </p>
            })}
            {(contact && !answered).then(|| view! {
                <form class="request-answer" on:submit=submit novalidate>
                    {if asks_document {
                        view! {
                            <label>"Upload the document "<input type="file" accept="image/*,application/pdf" on:change=on_file/></label>
                        }.into_any()
                    } else {
                        view! {
                            <label>"Your answer "<textarea prop:value=move || answer.get() on:input=move |event| answer.set(event_target_value(&event))></textarea></label>
                        }.into_any()
                    }}
                    <Show when=move || error.get().is_some()>
                        <p class="banner error" role="alert">{move || error.get()}</p>
                    </Show>
                    <button type="submit" class="button primary" disabled=move || busy.get()>"Send answer"</button>
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
            <h2>"Partner portal"</h2>
            <p class="muted">"The partner's contacts see this record, propose corrections and answer requests; nothing they propose changes the record until someone here accepts it."</p>
            {move || match (state.session.get(), refusal()) {
                (None, _) => view! { <p class="muted">"Sign in to invite the partner's contacts."</p> }.into_any(),
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
            <h3>"Invite a contact"</h3>
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
                    <label for="portal-invite-name">"Name"</label>
                    <input id="portal-invite-name" type="text" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="portal-invite-email">"Email"</label>
                    <input id="portal-invite-email" type="email" prop:value=move || email.get() on:input=move |event| email.set(event_target_value(&event))/>
                </div>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert" id="portal-invite-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="button" id="portal-invite-submit">"Create portal link"</button>
            {move || link.get().map(|link| view! { <InviteLink link=link/> })}
        </form>
    }
}

/// Ask the partner's contacts for a document or an answer.
#[component]
fn RequestForm(partner: DocumentId) -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let choice = RwSignal::new("question".to_owned());
    let document_kind = RwSignal::new(DocumentKind::ALL[0].code().to_owned());
    let error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let asked = text.get_untracked().trim().to_owned();
        if asked.is_empty() {
            error.set(Some("Request: say what you need from the partner.".into()));
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
            <h3>"Ask the partner"</h3>
            <div class="field-row">
                <div class="field">
                    <label for="request-kind">"Kind"</label>
                    <select id="request-kind" on:change=move |event| choice.set(event_target_value(&event))>
                        {request_kinds().map(|(code, label)| view! { <option value=code selected=move || choice.get() == code>{label}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || choice.get() == "document">
                    <div class="field">
                        <label for="request-document-kind">"Document"</label>
                        <select id="request-document-kind" on:change=move |event| document_kind.set(event_target_value(&event))>
                            {DocumentKind::ALL.map(|kind| view! { <option value=kind.code()>{kind.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
            </div>
            <div class="field">
                <label for="request-text">"Request"</label>
                <input id="request-text" type="text" prop:value=move || text.get() on:input=move |event| text.set(event_target_value(&event))/>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert" id="request-error">{move || error.get()}</p>
            </Show>
            <button type="submit" class="button" id="request-submit">"Send request"</button>
        </form>
    }
}
