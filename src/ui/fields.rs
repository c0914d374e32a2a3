//! Form inputs bound to a draft signal, each with its label and its error message, wired for
//! screen readers (`aria-invalid`, `aria-describedby`). The error comes from the validator's
//! field path, so a message always sits next to the input it is about.

use leptos::prelude::*;

use crate::validate::FieldError;

/// The DOM id of the input for a validator field path: `addresses[0].city` -> `addresses-0-city`.
pub fn input_id(field: &str) -> String {
    field.replace(['[', '.'], "-").replace(']', "")
}

/// The first error reported for `field`, if any.
pub fn error_for(errors: RwSignal<Vec<FieldError>>, field: &str) -> Option<String> {
    errors.with(|errors| {
        errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.clone())
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
    #[prop(into)] label: String,
    field: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = InputKind::Text)] kind: InputKind,
    #[prop(default = false)] required: bool,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let error_field = field.clone();
    let error = Signal::derive(move || error_for(errors, &error_field));
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
            <label for=id.clone()>{label}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            {control}
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <span class="field-error" id=format!("{id}-error")>{move || error.get()}</span>
        </div>
    }
}

/// One labelled select with fixed options `(value, label)`.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    field: String,
    /// `(value, label)` pairs.
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let id = input_id(&field);
    let error_field = field.clone();
    let error = Signal::derive(move || error_for(errors, &error_field));
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <select
                id=id.clone()
                name=field.clone()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=format!("{id}-error")
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                {options.into_iter().map(|(code, text)| {
                    let current = code.clone();
                    view! { <option value=code selected=move || value.get() == current>{text}</option> }
                }).collect_view()}
            </select>
            <span class="field-error" id=format!("{id}-error")>{move || error.get()}</span>
        </div>
    }
}
