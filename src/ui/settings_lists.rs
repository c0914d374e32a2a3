//! The list-like parts of the settings screen: custom fields (add, rename, order, archive and
//! restore; values are never dropped), the classification lists (categories as a tree,
//! industries, regions, tags: add, rename, move, merge or delete with reassignment) and
//! payment-term presets. Each action is one stored change to the settings as they are now.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::{use_app_state, AppState};
use crate::model::{
    add_term, rename_term, term_usage, AppliesTo, ChangeRefusal, CustomFieldDef, CustomFieldType,
    PaymentMethod, PaymentPreset, TermList,
};
use crate::web::new_row_id;

/// Words the core's refusal of a list change ("a name is required", a category moved under
/// itself) in the chosen language, for `change_settings`, which shows its closure's sentence
/// as it is.
fn refused(i18n: I18n) -> impl Fn(ChangeRefusal) -> String {
    move |refusal| super::words::registry_error(i18n, &refusal.into())
}

/// Runs one settings action and shows its outcome in `notice`; `done` is already translated
/// (the task runs outside the component's context).
pub(super) fn run(
    notice: RwSignal<Option<Result<String, String>>>,
    done: String,
    action: impl std::future::Future<Output = Result<(), String>> + 'static,
) {
    leptos::task::spawn_local(async move {
        let result = action.await;
        notice.set(Some(result.map(|()| done)));
    });
}

#[component]
pub fn CustomFieldsSection(notice: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let label = RwSignal::new(String::new());
    let field_type = RwSignal::new(CustomFieldType::Text.code().to_owned());
    let choices = RwSignal::new(String::new());
    let required = RwSignal::new(false);
    let applies = RwSignal::new(AppliesTo::Both.code().to_owned());

    let fields = move || {
        state.view.with(|view| {
            let mut fields: Vec<(String, CustomFieldDef)> = view
                .settings
                .custom_fields
                .iter()
                .map(|(id, def)| (id.clone(), def.clone()))
                .collect();
            fields.sort_by(|a, b| {
                (a.1.archived, a.1.order, a.1.label.to_lowercase()).cmp(&(
                    b.1.archived,
                    b.1.order,
                    b.1.label.to_lowercase(),
                ))
            });
            fields
        })
    };

    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let def = CustomFieldDef {
            label: label.get_untracked().trim().to_owned(),
            field_type: CustomFieldType::from_code(&field_type.get_untracked())
                .unwrap_or(CustomFieldType::Text),
            required: required.get_untracked(),
            applies_to: AppliesTo::from_code(&applies.get_untracked()).unwrap_or(AppliesTo::Both),
            order: state
                .view
                .with_untracked(|v| v.settings.custom_fields.len() as i64),
            choices: choices
                .get_untracked()
                .split(',')
                .map(|choice| choice.trim().to_owned())
                .filter(|choice| !choice.is_empty())
                .collect(),
            archived: false,
        };
        run(notice, tr!(i18n, "settings-field-added"), async move {
            state
                .change_settings(move |settings| {
                    if def.label.is_empty() {
                        return Err(tr!(i18n, "settings-field-label-required"));
                    }
                    if def.field_type == CustomFieldType::Choice && def.choices.is_empty() {
                        return Err(tr!(i18n, "settings-field-choices-required"));
                    }
                    if settings.custom_fields.values().any(|other| {
                        !other.archived && other.label.eq_ignore_ascii_case(&def.label)
                    }) {
                        return Err(tr!(i18n, "settings-field-duplicate", {
                            "label" => def.label.clone(),
                        }));
                    }
                    settings.custom_fields.insert(new_row_id(), def);
                    Ok(())
                })
                .await?;
            label.set(String::new());
            choices.set(String::new());
            Ok(())
        });
    };

    view! {
        <fieldset id="custom-fields">
            <legend>{move_tr!("settings-custom-fields")}</legend>
            <p class="muted">{move_tr!("settings-custom-fields-help")}</p>
            <ul class="plain-list settings-list">
                {move || fields().into_iter().map(|(id, def)| view! { <CustomFieldRow id=id def=def state=state notice=notice/> }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add novalidate id="add-custom-field">
                <label for="custom-field-label">{move_tr!("settings-field-new")}</label>
                <input id="custom-field-label" type="text" placeholder=move_tr!("settings-field-placeholder") prop:value=move || label.get() on:input=move |e| label.set(event_target_value(&e))/>
                <label for="custom-field-type">{move_tr!("settings-field-type")}</label>
                <select id="custom-field-type" on:change=move |e| field_type.set(event_target_value(&e))>
                    {CustomFieldType::ALL.into_iter().map(|t| view! { <option value=t.code() selected=move || field_type.get() == t.code()>{move || super::i18n::label(i18n, t)}</option> }).collect_view()}
                </select>
                {move || (field_type.get() == CustomFieldType::Choice.code()).then(|| view! {
                    <label for="custom-field-choices">{move_tr!("settings-field-choices")}</label>
                    <input id="custom-field-choices" type="text" prop:value=move || choices.get() on:input=move |e| choices.set(event_target_value(&e))/>
                })}
                <label for="custom-field-applies">{move_tr!("settings-field-applies")}</label>
                <select id="custom-field-applies" on:change=move |e| applies.set(event_target_value(&e))>
                    {AppliesTo::ALL.into_iter().map(|a| view! { <option value=a.code() selected=move || applies.get() == a.code()>{move || super::i18n::label(i18n, a)}</option> }).collect_view()}
                </select>
                <label class="check"><input type="checkbox" id="custom-field-required" prop:checked=move || required.get() on:change=move |e| required.set(event_target_checked(&e))/>{move_tr!("settings-field-required")}</label>
                <button type="submit" class="button" id="add-custom-field-button">{move_tr!("settings-field-add")}</button>
            </form>
        </fieldset>
    }
}

#[component]
fn CustomFieldRow(
    id: String,
    def: CustomFieldDef,
    state: AppState,
    notice: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    // Captured here: the event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let new_label = RwSignal::new(def.label.clone());
    let archived = def.archived;
    let (rename_id, archive_id, order_id) = (id.clone(), id.clone(), id.clone());
    let order = def.order;
    let rename = move |_| {
        let id = rename_id.clone();
        let label = new_label.get_untracked().trim().to_owned();
        run(notice, tr!(i18n, "settings-field-renamed"), async move {
            state
                .change_settings(move |settings| {
                    if label.is_empty() {
                        return Err(tr!(i18n, "settings-field-label-required"));
                    }
                    settings
                        .custom_fields
                        .get_mut(&id)
                        .map(|def| def.label = label)
                        .ok_or_else(|| tr!(i18n, "settings-field-gone"))
                })
                .await
        });
    };
    let toggle_archive = move |_| {
        let id = archive_id.clone();
        let message = if archived {
            tr!(i18n, "settings-field-restored")
        } else {
            tr!(i18n, "settings-field-archived")
        };
        run(notice, message, async move {
            state
                .change_settings(move |settings| {
                    settings
                        .custom_fields
                        .get_mut(&id)
                        .map(|def| def.archived = !archived)
                        .ok_or_else(|| tr!(i18n, "settings-field-gone"))
                })
                .await
        });
    };
    let move_up = move |_| {
        let id = order_id.clone();
        run(
            notice,
            tr!(i18n, "settings-field-order-saved"),
            async move {
                state
                    .change_settings(move |settings| {
                        settings
                            .custom_fields
                            .get_mut(&id)
                            .map(|def| def.order = order - 1)
                            .ok_or_else(|| tr!(i18n, "settings-field-gone"))
                    })
                    .await
            },
        );
    };
    let details = move || {
        format!(
            "{} · {}{}{}",
            super::i18n::label(i18n, def.field_type),
            super::i18n::label(i18n, def.applies_to),
            if def.required {
                format!(" · {}", tr!(i18n, "settings-field-is-required"))
            } else {
                String::new()
            },
            if def.choices.is_empty() {
                String::new()
            } else {
                format!(" · {}", def.choices.join(", "))
            }
        )
    };
    view! {
        <li class="settings-row" data-field=id.clone()>
            <input type="text" aria-label=move_tr!("settings-field-label") prop:value=move || new_label.get() on:input=move |e| new_label.set(event_target_value(&e))/>
            <span class="muted">{details}{move || archived.then(|| format!(" · {}", tr!(i18n, "settings-field-is-archived")))}</span>
            <span class="actions">
                <button type="button" class="button small" on:click=rename>{move_tr!("settings-rename")}</button>
                <button type="button" class="button small" on:click=move_up title=move_tr!("settings-field-move-up-title")>{move_tr!("settings-field-move-up")}</button>
                <button type="button" class="button small" on:click=toggle_archive>{move || if archived { tr!(i18n, "settings-field-restore") } else { tr!(i18n, "settings-field-archive") }}</button>
            </span>
        </li>
    }
}

#[component]
pub fn TermsSection(
    list: TermList,
    notice: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handler and task below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let name = RwSignal::new(String::new());
    let rows = move || {
        state.view.with(|view| {
            let usage = term_usage(view.partners.values().map(|p| &p.profile), list);
            let settings = &view.settings;
            if list == TermList::Categories {
                // Depth-first through the tree, so children sit under their parent.
                let mut rows = Vec::new();
                let mut stack: Vec<(String, usize)> = settings
                    .child_categories(None)
                    .into_iter()
                    .rev()
                    .map(|(id, _)| (id.clone(), 0))
                    .collect();
                let mut seen = std::collections::BTreeSet::new();
                while let Some((id, depth)) = stack.pop() {
                    if !seen.insert(id.clone()) {
                        continue;
                    }
                    let Some(category) = settings.categories.get(&id) else {
                        continue;
                    };
                    rows.push((
                        id.clone(),
                        category.name.clone(),
                        depth,
                        usage.get(&id).copied().unwrap_or(0),
                        category.parent.clone(),
                    ));
                    for (child, _) in settings.child_categories(Some(&id)).into_iter().rev() {
                        stack.push((child.clone(), depth + 1));
                    }
                }
                rows
            } else {
                settings
                    .terms(list)
                    .into_iter()
                    .map(|(id, term)| {
                        (
                            id.clone(),
                            term.to_owned(),
                            0,
                            usage.get(id).copied().unwrap_or(0),
                            None,
                        )
                    })
                    .collect()
            }
        })
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = name.get_untracked();
        run(notice, tr!(i18n, "settings-term-added"), async move {
            state
                .change_settings(move |settings| {
                    add_term(settings, list, &new_row_id(), &text).map_err(refused(i18n))
                })
                .await?;
            name.set(String::new());
            Ok(())
        });
    };
    let code = list.code();
    view! {
        <fieldset id=format!("terms-{code}")>
            <legend>{move || super::i18n::label(i18n, list)}</legend>
            <ul class="plain-list settings-list">
                {move || {
                    let all = rows();
                    let others: Vec<(String, String)> = all.iter().map(|(id, name, ..)| (id.clone(), name.clone())).collect();
                    all.into_iter().map(|(id, term, depth, used, parent)| {
                        view! { <TermRow list=list id=id name=term depth=depth used=used parent=parent others=others.clone() state=state notice=notice/> }
                    }).collect_view()
                }}
            </ul>
            <form class="inline-form" on:submit=add novalidate>
                <label for=format!("new-{code}")>{move || tr!(i18n, "settings-term-new", { "list" => super::i18n::label(i18n, list).to_lowercase() })}</label>
                <input id=format!("new-{code}") type="text" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                <button type="submit" class="button" id=format!("add-{code}")>{move_tr!("settings-add")}</button>
            </form>
        </fieldset>
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn TermRow(
    list: TermList,
    id: String,
    name: String,
    depth: usize,
    used: usize,
    parent: Option<String>,
    others: Vec<(String, String)>,
    state: AppState,
    notice: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    // Captured here: the event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let new_name = RwSignal::new(name.clone());
    let target = RwSignal::new(String::new());
    let (rename_id, merge_id, move_id) = (id.clone(), id.clone(), id.clone());
    let rename = move |_| {
        let (id, text) = (rename_id.clone(), new_name.get_untracked());
        run(notice, tr!(i18n, "settings-term-renamed"), async move {
            state
                .change_settings(move |settings| {
                    rename_term(settings, list, &id, &text).map_err(refused(i18n))
                })
                .await
        });
    };
    let merge = move |_| {
        let from = merge_id.clone();
        let into = Some(target.get_untracked()).filter(|t| !t.is_empty());
        let message = if into.is_some() {
            tr!(i18n, "settings-term-merged")
        } else {
            tr!(i18n, "settings-term-deleted")
        };
        run(notice, message, async move {
            state.merge_terms(list, from, into).await
        });
    };
    let move_to = move |event: leptos::ev::Event| {
        let id = move_id.clone();
        let parent = Some(event_target_value(&event)).filter(|p| !p.is_empty());
        run(notice, tr!(i18n, "settings-term-moved"), async move {
            state
                .change_settings(move |settings| {
                    settings
                        .move_category(&id, parent.as_deref())
                        .map_err(refused(i18n))
                })
                .await
        });
    };
    let choices: Vec<(String, String)> = others
        .into_iter()
        .filter(|(other, _)| *other != id)
        .collect();
    let parent_choices = choices.clone();
    let current_parent = parent.unwrap_or_default();
    view! {
        <li class="settings-row" style=format!("padding-left: {}rem", depth as f32 * 1.25) data-term=id.clone() data-name=name.clone()>
            <input type="text" aria-label=move || tr!(i18n, "settings-term-name", { "list" => super::i18n::label(i18n, list) }) prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e))/>
            <span class="muted">{move || tr!(i18n, "settings-term-used", { "count" => used })}</span>
            <span class="actions">
                <button type="button" class="button small" on:click=rename>{move_tr!("settings-rename")}</button>
                {(list == TermList::Categories).then(|| view! {
                    <select aria-label=move_tr!("settings-term-parent") on:change=move_to>
                        <option value="" selected=current_parent.is_empty()>{move_tr!("settings-term-top-level")}</option>
                        {parent_choices.into_iter().map(|(other, label)| {
                            let selected = other == current_parent;
                            view! { <option value=other selected=selected>{move || tr!(i18n, "settings-term-under", { "name" => label.clone() })}</option> }
                        }).collect_view()}
                    </select>
                })}
                <select aria-label=move_tr!("settings-term-merge") on:change=move |e| target.set(event_target_value(&e))>
                    <option value="">{move_tr!("settings-term-delete")}</option>
                    {choices.into_iter().map(|(other, label)| view! { <option value=other>{move || tr!(i18n, "settings-term-merge-into", { "name" => label.clone() })}</option> }).collect_view()}
                </select>
                <button type="button" class="button small" on:click=merge>{move_tr!("settings-term-apply")}</button>
            </span>
        </li>
    }
}

#[component]
pub fn PaymentPresetsSection(notice: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let label = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let method = RwSignal::new(PaymentMethod::BankTransfer.code().to_owned());
    let presets = move || {
        state.view.with(|view| {
            let mut presets: Vec<(String, PaymentPreset)> = view
                .settings
                .payment_presets
                .iter()
                .map(|(id, preset)| (id.clone(), preset.clone()))
                .collect();
            presets.sort_by_cached_key(|(_, preset)| preset.label.to_lowercase());
            presets
        })
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = label.get_untracked().trim().to_owned();
        let days_text = days.get_untracked();
        let method =
            PaymentMethod::from_code(&method.get_untracked()).unwrap_or(PaymentMethod::Unspecified);
        let days_invalid = tr!(i18n, "settings-preset-days-invalid");
        let label_required = tr!(i18n, "settings-preset-label-required");
        run(notice, tr!(i18n, "settings-preset-added"), async move {
            let days = match days_text.trim() {
                "" => None,
                text => Some(
                    text.parse::<u32>()
                        .ok()
                        .filter(|d| *d <= 365)
                        .ok_or(days_invalid)?,
                ),
            };
            if text.is_empty() {
                return Err(label_required);
            }
            state
                .change_settings(move |settings| {
                    settings.payment_presets.insert(
                        new_row_id(),
                        PaymentPreset {
                            label: text,
                            days,
                            method,
                        },
                    );
                    Ok(())
                })
                .await?;
            label.set(String::new());
            Ok(())
        });
    };
    view! {
        <fieldset id="payment-presets">
            <legend>{move_tr!("settings-presets")}</legend>
            <ul class="plain-list settings-list">
                {move || presets().into_iter().map(|(id, preset)| {
                    let terms = preset.terms();
                    let text = move || match terms.days { Some(d) => format!("{} · {}", tr!(i18n, "settings-preset-days", { "days" => d }), super::i18n::label(i18n, terms.method)), None => super::i18n::label(i18n, terms.method) };
                    let remove = move |_| {
                        let id = id.clone();
                        run(notice, tr!(i18n, "settings-preset-removed"), async move {
                            state.change_settings(move |settings| { settings.payment_presets.remove(&id); Ok(()) }).await
                        });
                    };
                    view! {
                        <li class="settings-row">
                            <strong>{preset.label.clone()}</strong>
                            <span class="muted">{text}</span>
                            <button type="button" class="button small" on:click=remove>{move_tr!("settings-remove")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add novalidate>
                <label for="preset-label">{move_tr!("settings-preset-new")}</label>
                <input id="preset-label" type="text" placeholder=move_tr!("settings-preset-placeholder") prop:value=move || label.get() on:input=move |e| label.set(event_target_value(&e))/>
                <label for="preset-days">{move_tr!("settings-preset-days-label")}</label>
                <input id="preset-days" type="number" min="0" max="365" prop:value=move || days.get() on:input=move |e| days.set(event_target_value(&e))/>
                <label for="preset-method">{move_tr!("settings-preset-method")}</label>
                <select id="preset-method" on:change=move |e| method.set(event_target_value(&e))>
                    {PaymentMethod::ALL.into_iter().map(|m| view! { <option value=m.code() selected=move || method.get() == m.code()>{move || super::i18n::label(i18n, m)}</option> }).collect_view()}
                </select>
                <button type="submit" class="button">{move_tr!("settings-preset-add")}</button>
            </form>
        </fieldset>
    }
}
