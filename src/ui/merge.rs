//! Merging a duplicate into the partner on screen: pick the other record (likely duplicates
//! first), choose per field where the two disagree, and merge. Rows, documents and links of
//! both are kept; the other record is archived and points here (see `registry::merge`).

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::{use_navigate, use_params_map};

use super::state::use_app_state;
use crate::model::DocumentId;
use crate::registry::{differing_fields, MergeSide};

#[component]
pub fn MergePartner() -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handler and task below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let params = use_params_map();
    let survivor = params.with_untracked(|params| {
        params
            .get("id")
            .and_then(|text| text.parse::<DocumentId>().ok())
    });
    let Some(survivor) =
        survivor.filter(|id| state.view.with_untracked(|v| v.partners.contains_key(id)))
    else {
        return view! {
            <section class="empty-state">
                <h1>{move_tr!("merge-not-found")}</h1>
                <p><a href="/">{move_tr!("merge-back-to-list")}</a></p>
            </section>
        }
        .into_any();
    };
    let other = RwSignal::new(String::new());
    let choices = RwSignal::new(BTreeMap::<String, MergeSide>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    // Likely duplicates first, then every other unmerged partner by name.
    let options = Memo::new(move |_| {
        state.view.with(|view| {
            let Some(me) = view.partners.get(&survivor) else {
                return Vec::new();
            };
            let likely = view.likely_duplicates(&me.profile, Some(&survivor), 5);
            let mut options: Vec<(String, String)> = likely
                .iter()
                .map(|(id, name, reasons)| {
                    (
                        id.clone(),
                        tr!(i18n, "merge-likely-duplicate", {
                            "name" => name.clone(),
                            "reasons" => super::words::duplicate_reasons(i18n, reasons),
                        }),
                    )
                })
                .collect();
            let mut rest: Vec<(String, String)> = view
                .partners
                .iter()
                .filter(|(id, partner)| **id != survivor && partner.merged_into.is_none())
                .map(|(id, _)| id.to_string())
                .filter(|id| !likely.iter().any(|(found, ..)| found == id))
                .map(|id| {
                    let name = view.name_of(&id.parse().unwrap_or(survivor));
                    (id, name)
                })
                .collect();
            rest.sort_by_cached_key(|(_, label)| label.to_lowercase());
            options.extend(rest);
            options
        })
    });

    let fields = Memo::new(move |_| {
        let other: Option<DocumentId> = other.get().parse().ok();
        state.view.with(|view| {
            match (
                view.partners.get(&survivor),
                other.and_then(|id| view.partners.get(&id)),
            ) {
                (Some(a), Some(b)) => differing_fields(&a.profile, &b.profile),
                _ => Vec::new(),
            }
        })
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(merged) = other.get_untracked().parse::<DocumentId>() else {
            error.set(Some(tr!(i18n, "merge-choose-record")));
            return;
        };
        let chosen = choices.get_untracked();
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = state.merge_partners(survivor, merged, chosen).await;
            busy.set(false);
            match result {
                Ok(()) => navigate(&format!("/partners/{survivor}"), Default::default()),
                Err(reason) => error.set(Some(reason)),
            }
        });
    };

    let name = state.view.with_untracked(|view| view.name_of(&survivor));
    view! {
        <section class="form-screen" id="merge-screen">
            <p class="back"><a href=format!("/partners/{survivor}")>{move_tr!("merge-back")}</a></p>
            <h1>{move || tr!("merge-title", { "name" => name.clone() })}</h1>
            <p class="muted">{move_tr!("merge-help")}</p>
            <form class="partner-form" on:submit=on_submit novalidate>
                {move || error.get().map(|text| view! { <div class="banner error" role="alert" id="merge-error">{text}</div> })}
                <label for="merge-other">{move_tr!("merge-other")}</label>
                <select id="merge-other" on:change=move |event| { other.set(event_target_value(&event)); choices.set(BTreeMap::new()); }>
                    <option value="" selected=move || other.get().is_empty()>{move_tr!("merge-choose")}</option>
                    {move || options.get().into_iter().map(|(id, label)| {
                        let value = id.clone();
                        view! { <option value=id selected=move || other.get() == value>{label}</option> }
                    }).collect_view()}
                </select>
                {move || {
                    let fields = fields.get();
                    if other.get().is_empty() {
                        view! { <span></span> }.into_any()
                    } else if fields.is_empty() {
                        view! { <p class="muted" id="merge-no-conflicts">{move_tr!("merge-no-conflicts")}</p> }.into_any()
                    } else {
                        view! {
                            <fieldset id="merge-fields">
                                <legend>{move_tr!("merge-keep")}</legend>
                                {fields.into_iter().map(|field| {
                                    let key = field.field.to_owned();
                                    let (key_a, key_b) = (key.clone(), key.clone());
                                    let group = format!("merge-{key}");
                                    view! {
                                        <div class="merge-field">
                                            <p><strong>{field.label}</strong></p>
                                            <label class="check">
                                                <input type="radio" name=group.clone() id=format!("merge-{key}-survivor")
                                                    prop:checked=move || choices.with(|c| c.get(&key_a).copied().unwrap_or(MergeSide::Survivor) == MergeSide::Survivor)
                                                    on:change=move |_| choices.update(|c| { c.insert(key.clone(), MergeSide::Survivor); })/>
                                                {field.survivor.clone()}" "{move_tr!("merge-this-record")}
                                            </label>
                                            <label class="check">
                                                <input type="radio" name=group id=format!("merge-{}-merged", field.field)
                                                    prop:checked=move || choices.with(|c| c.get(&key_b).copied() == Some(MergeSide::Merged))
                                                    on:change={let key = field.field.to_owned(); move |_| choices.update(|c| { c.insert(key.clone(), MergeSide::Merged); })}/>
                                                {field.merged.clone()}" "{move_tr!("merge-other-record")}
                                            </label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }.into_any()
                    }
                }}
                <div class="form-actions">
                    <button type="submit" class="button primary" id="merge-button" disabled=move || busy.get() || other.get().is_empty()>
                        {move || if busy.get() { tr!("merge-merging") } else { tr!("merge-button") }}
                    </button>
                </div>
            </form>
        </section>
    }
    .into_any()
}
