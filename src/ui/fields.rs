//! Form inputs bound to a draft signal, each with its label and its error message, wired for
//! screen readers (`aria-invalid`, `aria-describedby`). The error comes from the validator's
//! field path, so a message always sits next to the input it is about. Labels and hints are
//! [`TextProp`]s, so a caller may pass a fixed text or a closure that translates it (and
//! follows a change of language); errors show in the chosen language (`i18n::field_error`).

use leptos::prelude::*;
use leptos_fluent::I18n;

use super::i18n::field_error;
use crate::validate::FieldError;

/// The DOM id of the input for a validator field path: `addresses[0].city` -> `addresses-0-city`.
pub fn input_id(field: &str) -> String {
    field.replace(['[', '.'], "-").replace(']', "")
}

/// The first error reported for `field`, if any, in the chosen language.
pub fn error_in(i18n: I18n, errors: RwSignal<Vec<FieldError>>, field: &str) -> Option<String> {
    errors.with(|errors| {
        errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| field_error(i18n, error))
    })
}

/// How a text field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Email,
    Tel,
    Url,
    Number,
    Multiline,
}

/// One labelled text input. `field` is the validator's path for this input.
#[component]
pub fn TextField(
    #[prop(into)] label: TextProp,
    field: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = InputKind::Text)] kind: InputKind,
    #[prop(default = false)] required: bool,
    #[prop(optional, into)] hint: Option<TextProp>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let error_field = field.clone();
    let error = Signal::derive(move || error_in(i18n, errors, &error_field));
    let input_type = match kind {
        InputKind::Email => "email",
        InputKind::Tel => "tel",
        InputKind::Url => "url",
        InputKind::Number => "number",
        InputKind::Text | InputKind::Multiline => "text",
    };
    let control = if kind == InputKind::Multiline {
        view! {
            <textarea
                id=id.clone()
                name=field.clone()
                rows="3"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=field.clone()
                type=input_type
                inputmode=(kind == InputKind::Number).then_some("numeric")
                aria-required=required.to_string()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get().to_string()}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {control}
            {hint.map(|hint| move || {
                let text = hint.get();
                (!text.is_empty()).then(|| view! { <span class="hint">{text.to_string()}</span> })
            })}
            <span class="field-error" id=format!("{id}-error")>{move || error.get()}</span>
        </div>
    }
}

/// One labelled select with options `(value, label)` (a fixed list, or a signal whose labels
/// follow the language).
#[component]
pub fn SelectField(
    #[prop(into)] label: TextProp,
    field: String,
    /// `(value, label)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = input_id(&field);
    let error_field = field.clone();
    let error = Signal::derive(move || error_in(i18n, errors, &error_field));
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get().to_string()}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <select
                id=id.clone()
                name=field.clone()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=format!("{id}-error")
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                {move || options.get().into_iter().map(|(code, text)| {
                    let current = code.clone();
                    view! { <option value=code selected=move || value.get() == current>{text}</option> }
                }).collect_view()}
            </select>
            <span class="field-error" id=format!("{id}-error")>{move || error.get()}</span>
        </div>
    }
}
