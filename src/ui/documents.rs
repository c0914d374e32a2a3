//! A partner's verification documents: the derived verification state, each document with its
//! file (photo or PDF, shown from this device or downloaded once from the server), expiry flags,
//! review (verify, reject) and removal, and a form to add one from the camera or a file.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::AppState;
use crate::model::{
    day_of, DocumentId, DocumentKind, FileRef, Partner, ReviewStatus, VerificationDocument,
    VerificationState,
};
use crate::web::files::{object_url, picked_file, read_picked};
use crate::web::now_ms;

/// The verification state as a badge, with what is missing on hover and for screen readers.
#[component]
pub fn VerificationBadge(state: VerificationState) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let detail = match &state {
        VerificationState::Incomplete(missing) => {
            let missing: Vec<String> = (missing.iter())
                .map(|item| super::words::missing_item(i18n, item))
                .collect();
            tr!(i18n, "documents-missing", { "missing" => missing.join(", ") })
        }
        VerificationState::PendingReview => tr!(i18n, "documents-pending-review"),
        VerificationState::Verified => tr!(i18n, "documents-all-verified"),
    };
    view! {
        <span class=format!("badge verification-{}", state.code()) title=detail.clone() aria-label=format!("{}: {detail}", super::i18n::verification_label(i18n, &state)) data-state=state.code()>
            {super::i18n::verification_label(i18n, &state)}
        </span>
    }
}

#[component]
pub fn DocumentsCard(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<super::detail::Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: the review buttons' handlers run outside the component's context.
    let i18n = expect_context::<I18n>();
    let settings = state.view.with_untracked(|view| view.settings.clone());
    let today = day_of(now_ms());
    let verification = partner.verification_state(&settings, today);
    let missing = match &verification {
        VerificationState::Incomplete(missing) => missing.join(", "),
        _ => String::new(),
    };
    let mut rows: Vec<(String, VerificationDocument)> = partner
        .documents
        .iter()
        .map(|(row, document)| (row.clone(), document.clone()))
        .collect();
    rows.sort_by_key(|(_, document)| std::cmp::Reverse(document.added_at_ms));
    let warning_days = settings.expiry_warning_days;

    view! {
        <section class="card" id="documents-card">
            <h2>{move_tr!("documents-title")}</h2>
            <p class="verification-line">
                <VerificationBadge state=verification.clone()/>
                {(!missing.is_empty()).then(|| {
                    let missing = missing.clone();
                    view! { <span class="muted" id="verification-missing">" "{move || tr!(i18n, "documents-missing", { "missing" => missing.clone() })}</span> }
                })}
            </p>
            {if rows.is_empty() {
                view! { <p class="muted">{move_tr!("documents-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list documents" id="document-list">
                        {rows.into_iter().map(|(row, document)| {
                            let expired = document.is_expired(today);
                            let soon = document.expires_soon(today, warning_days);
                            let dates = [
                                (!document.issued_on.is_empty()).then(|| tr!(i18n, "documents-issued", { "date" => document.issued_on.clone() })),
                                (!document.expires_on.is_empty()).then(|| tr!(i18n, "documents-expires", { "date" => document.expires_on.clone() })),
                            ].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                            let reviewed = (document.status != ReviewStatus::Pending && !document.status_by.is_empty())
                                .then(|| tr!(i18n, "documents-reviewed-by", { "status" => super::i18n::label(i18n, document.status), "person" => document.status_by.clone() }));
                            let status = document.status;
                            let verify_row = row.clone();
                            let reject_row = row.clone();
                            let remove_row = row.clone();
                            view! {
                                <li class="document" data-row=row.clone()>
                                    <div class="document-head">
                                        <strong>{super::i18n::label(i18n, document.kind)}</strong>
                                        {(!document.number.is_empty()).then(|| view! { <span class="muted">" · "{document.number.clone()}</span> })}
                                        <span class=format!("badge review-{}", status.code())>{super::i18n::label(i18n, status)}</span>
                                        {expired.then(|| view! { <span class="badge expired">{move_tr!("documents-expired")}</span> })}
                                        {soon.then(|| view! { <span class="badge expiring">{move_tr!("documents-expires-soon")}</span> })}
                                    </div>
                                    {(!dates.is_empty()).then(|| view! { <p class="muted">{dates}</p> })}
                                    {reviewed.map(|text| view! { <p class="muted">{text}</p> })}
                                    {document.file.clone().map(|file| view! { <FilePreview file=file state=state/> })}
                                    <div class="actions">
                                        {(status != ReviewStatus::Verified).then(|| view! {
                                            <button type="button" class="button small verify-document" disabled=move || busy.get()
                                                on:click=move |_| { let row = verify_row.clone(); super::detail::dispatch(notice, busy, tr!(i18n, "documents-verified"), async move { state.review_document(id, row, ReviewStatus::Verified).await }) }>{move_tr!("documents-verify")}</button>
                                        })}
                                        {(status != ReviewStatus::Rejected).then(|| view! {
                                            <button type="button" class="button small" disabled=move || busy.get()
                                                on:click=move |_| { let row = reject_row.clone(); super::detail::dispatch(notice, busy, tr!(i18n, "documents-rejected"), async move { state.review_document(id, row, ReviewStatus::Rejected).await }) }>{move_tr!("documents-reject")}</button>
                                        })}
                                        <button type="button" class="button small" disabled=move || busy.get()
                                            on:click=move |_| { let row = remove_row.clone(); super::detail::dispatch(notice, busy, tr!(i18n, "documents-removed"), async move { state.remove_document(id, row).await }) }>{move_tr!("documents-remove")}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <AddDocumentForm id=id state=state notice=notice busy=busy/>
        </section>
    }
}

/// Shows an attached file: images inline, other files as a link. The bytes come from this
/// device, or from the server once (then kept for offline use).
#[component]
pub(super) fn FilePreview(file: FileRef, state: AppState) -> impl IntoView {
    // Captured here: the task below runs outside the component's context.
    let i18n = expect_context::<I18n>();
    let shown = RwSignal::new(None::<Result<String, String>>);
    let media_type = file.media_type.clone();
    let sha256 = file.sha256.clone();
    leptos::task::spawn_local(async move {
        let result = state.file_bytes(sha256).await.and_then(|bytes| {
            object_url(&bytes, &media_type).ok_or_else(|| tr!(i18n, "documents-cannot-show"))
        });
        shown.set(Some(result));
    });
    on_cleanup(move || {
        if let Some(Some(Ok(url))) = shown.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let is_image = file.media_type.starts_with("image/");
    let name = if file.name.is_empty() {
        tr!(i18n, "documents-unnamed")
    } else {
        file.name.clone()
    };
    let size = format!("{:.1} KiB", file.size as f64 / 1024.0);
    view! {
        <div class="file-preview" data-sha256=file.sha256.clone()>
            {move || match shown.get() {
                None => view! { <p class="muted">{move_tr!("documents-loading-file")}</p> }.into_any(),
                Some(Err(reason)) => view! { <p class="muted file-missing">{format!("{name}: {reason}")}</p> }.into_any(),
                Some(Ok(url)) if is_image => {
                    let link = url.clone();
                    view! {
                        <a href=link target="_blank" rel="noopener"><img class="document-image" src=url alt=tr!(i18n, "documents-photo-of", { "name" => name.clone() })/></a>
                    }.into_any()
                }
                Some(Ok(url)) => view! {
                    <a class="button small" href=url download=name.clone()>{tr!(i18n, "documents-open-file", { "name" => name.clone(), "size" => size.clone() })}</a>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn AddDocumentForm(
    id: DocumentId,
    state: AppState,
    notice: RwSignal<super::detail::Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: the submit handler and its task run outside the component's context.
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(DocumentKind::BusinessLicence.code().to_owned());
    let number = RwSignal::new(String::new());
    let issued = RwSignal::new(String::new());
    let expires = RwSignal::new(String::new());
    let picked = StoredValue::new_local(None::<web_sys::File>);
    let picked_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let on_pick = move |event: leptos::ev::Event| {
        let file = picked_file(&event);
        picked_name.set(file.as_ref().map(|file| file.name()).unwrap_or_default());
        picked.set_value(file);
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(kind) = DocumentKind::from_code(&kind.get_untracked()) else {
            error.set(Some(tr!(i18n, "documents-error-kind")));
            return;
        };
        let (issued_on, expires_on) = (issued.get_untracked(), expires.get_untracked());
        if !expires_on.is_empty() && !issued_on.is_empty() && expires_on < issued_on {
            error.set(Some(tr!(i18n, "documents-error-expiry")));
            return;
        }
        let file = picked.get_value();
        if file.is_none() && number.get_untracked().trim().is_empty() {
            error.set(Some(tr!(i18n, "documents-error-empty")));
            return;
        }
        error.set(None);
        let document = VerificationDocument {
            kind,
            number: number.get_untracked().trim().to_owned(),
            issued_on,
            expires_on,
            file: None,
            status: ReviewStatus::Pending,
            status_by: String::new(),
            status_at_ms: 0,
            added_by: state.user_name(),
            added_at_ms: now_ms(),
        };
        super::detail::dispatch(notice, busy, tr!(i18n, "documents-added"), async move {
            let file = match file {
                Some(file) => Some((read_picked(&file).await?, file.type_(), file.name())),
                None => None,
            };
            state.add_document(id, document, file).await?;
            open.set(false);
            Ok(())
        });
    };

    view! {
        {move || if open.get() {
            view! {
                <form class="add-document" id="add-document-form" on:submit=on_submit novalidate>
                    <h3>{move_tr!("documents-add-title")}</h3>
                    {move || error.get().map(|text| view! { <p class="banner error" role="alert" id="document-error">{text}</p> })}
                    <label for="document-kind">{move_tr!("documents-kind")}</label>
                    <select id="document-kind" on:change=move |event| kind.set(event_target_value(&event))>
                        {DocumentKind::ALL.into_iter().map(|option| view! {
                            <option value=option.code() selected=move || kind.get() == option.code()>{move || super::i18n::label(i18n, option)}</option>
                        }).collect_view()}
                    </select>
                    <label for="document-number">{move_tr!("documents-number")}</label>
                    <input id="document-number" type="text" prop:value=move || number.get() on:input=move |event| number.set(event_target_value(&event))/>
                    <div class="field-row">
                        <span>
                            <label for="document-issued">{move_tr!("documents-issued-on")}</label>
                            <input id="document-issued" type="date" prop:value=move || issued.get() on:input=move |event| issued.set(event_target_value(&event))/>
                        </span>
                        <span>
                            <label for="document-expires">{move_tr!("documents-expires-on")}</label>
                            <input id="document-expires" type="date" prop:value=move || expires.get() on:input=move |event| expires.set(event_target_value(&event))/>
                        </span>
                    </div>
                    <div class="file-pickers">
                        <label class="button" for="document-photo">{move_tr!("documents-take-photo")}</label>
                        <input class="visually-hidden" id="document-photo" type="file" accept="image/*" capture="environment" on:change=on_pick/>
                        <label class="button" for="document-file">{move_tr!("documents-choose-file")}</label>
                        <input class="visually-hidden" id="document-file" type="file" accept="image/jpeg,image/png,image/webp,image/heic,application/pdf" on:change=on_pick/>
                        <span class="muted" id="picked-file">{move || picked_name.get()}</span>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary" id="save-document" disabled=move || busy.get()>{move_tr!("documents-add")}</button>
                        <button type="button" class="button" on:click=move |_| open.set(false)>{move_tr!("documents-cancel")}</button>
                    </div>
                </form>
            }.into_any()
        } else {
            view! { <button type="button" class="button" id="add-document" on:click=move |_| open.set(true)>{move_tr!("documents-add")}</button> }.into_any()
        }}
    }
}
