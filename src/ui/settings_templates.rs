//! Message templates in the settings: payment reminders and answers to frequent questions, with
//! placeholders (`{partner}`, `{contact}`, `{invoice}`, `{amount}`, `{due_date}`) filled in on a
//! partner's page. Each template is edited on its own and written as one change, so two people
//! editing different templates both keep theirs. A template names its language, so its amounts
//! and dates are filled in as that language writes them.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::settings_lists::run;
use super::state::use_app_state;
use crate::model::{MessageTemplate, TEMPLATE_PLACEHOLDERS};
use crate::web::new_row_id;

/// The list of templates, each editable in place, and a form to add one.
#[component]
pub fn TemplatesSection(notice: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let state = use_app_state();
    let templates = move || {
        state.view.with(|view| {
            let mut templates: Vec<(String, MessageTemplate)> = view
                .settings
                .templates
                .iter()
                .map(|(id, template)| (id.clone(), template.clone()))
                .collect();
            templates.sort_by_cached_key(|(_, template)| template.name.to_lowercase());
            templates
        })
    };
    let placeholders = TEMPLATE_PLACEHOLDERS
        .iter()
        .map(|name| format!("{{{name}}}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <fieldset id="message-templates">
            <legend>{move_tr!("settings-templates")}</legend>
            <p class="muted">{move || tr!("settings-templates-help", { "placeholders" => placeholders.clone() })}</p>
            {move || templates().into_iter().map(|(id, template)| view! {
                <TemplateEditor id=Some(id) template=template notice=notice/>
            }).collect_view()}
            <h3>{move_tr!("settings-template-new")}</h3>
            <TemplateEditor id=None template=MessageTemplate::default() notice=notice/>
        </fieldset>
    }
}

/// One template's form: save (or add, when `id` is `None`) and delete.
#[component]
fn TemplateEditor(
    id: Option<String>,
    template: MessageTemplate,
    notice: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let fresh = move || MessageTemplate {
        language: i18n.language.get_untracked().id.to_string(),
        ..MessageTemplate::default()
    };
    let draft = RwSignal::new(if id.is_none() { fresh() } else { template });
    let key = id.clone().unwrap_or_else(|| "new".to_owned());
    let save = {
        let id = id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let template = draft.get_untracked();
            let id = id.clone();
            let adding = id.is_none();
            let name_required = tr!(i18n, "settings-template-name-required");
            let text_required = tr!(i18n, "settings-template-text-required");
            run(notice, tr!(i18n, "settings-template-saved"), async move {
                if template.name.trim().is_empty() {
                    return Err(name_required);
                }
                if template.body.trim().is_empty() {
                    return Err(text_required);
                }
                let id = id.unwrap_or_else(new_row_id);
                state
                    .change_settings(move |settings| {
                        settings.templates.insert(id, template);
                        Ok(())
                    })
                    .await?;
                if adding {
                    draft.set(fresh());
                }
                Ok(())
            });
        }
    };
    let remove = id.clone().map(|id| {
        move |_| {
            let id = id.clone();
            run(notice, tr!(i18n, "settings-template-deleted"), async move {
                state
                    .change_settings(move |settings| {
                        settings.templates.remove(&id);
                        Ok(())
                    })
                    .await
            });
        }
    });
    view! {
        <form class="template-editor" id=format!("template-{key}") on:submit=save novalidate>
            <label for=format!("template-{key}-name")>{move_tr!("settings-template-name")}</label>
            <input id=format!("template-{key}-name") prop:value=move || draft.with(|d| d.name.clone())
                on:input=move |event| draft.update(|d| d.name = event_target_value(&event))/>
            <label for=format!("template-{key}-language")>{move_tr!("settings-template-language")}</label>
            <select id=format!("template-{key}-language") aria-describedby=format!("template-{key}-language-help")
                on:change=move |event| draft.update(|d| d.language = event_target_value(&event))>
                {i18n.languages.iter().map(|language| {
                    let code = language.id.to_string();
                    let value = code.clone();
                    // Templates written before languages existed are English.
                    let selected = move || draft.with(|d| if d.language.is_empty() { code == "en" } else { d.language == code });
                    view! { <option value=value selected=selected>{language.name}</option> }
                }).collect_view()}
            </select>
            <p class="muted" id=format!("template-{key}-language-help")>{move_tr!("settings-template-language-help")}</p>
            <label for=format!("template-{key}-subject")>{move_tr!("settings-template-subject")}</label>
            <input id=format!("template-{key}-subject") prop:value=move || draft.with(|d| d.subject.clone())
                on:input=move |event| draft.update(|d| d.subject = event_target_value(&event))/>
            <label for=format!("template-{key}-body")>{move_tr!("settings-template-text")}</label>
            <textarea id=format!("template-{key}-body") rows="5" prop:value=move || draft.with(|d| d.body.clone())
                on:input=move |event| draft.update(|d| d.body = event_target_value(&event))></textarea>
            <div class="form-actions">
                <button type="submit" class="button">{if id.is_some() { move_tr!("settings-template-save") } else { move_tr!("settings-template-add") }}</button>
                {remove.map(|remove| view! { <button type="button" class="button" on:click=remove>{move_tr!("settings-template-delete")}</button> })}
            </div>
        </form>
    }
}
