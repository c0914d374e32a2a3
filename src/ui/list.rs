//! The partner list: instant search (prefixes, typos, accents; `search::engine`) combined with
//! filters (kind, status, verification, category subtree, tag, custom field), sorting, saved
//! searches kept on the device, and a virtualised list that renders only the rows in view, so
//! it stays smooth with 100,000 partners on a phone.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::{use_app_state, AppState, RegistryView};
use crate::model::{day_of, DocumentId, PartnerKind, PartnerStatus, TermList, VerificationState};
use crate::search::saved::{delete_search, save_search, SavedSearch, SortOrder};
use crate::search::{filter_partners_with, FieldMatch, KindFilter, StatusFilter};
use crate::web::{now_ms, preferences};

/// Height of one row in px; must match `.partner-rows li` in style/list.css.
const ROW_HEIGHT: f64 = 76.0;
/// Rows rendered above and below the visible ones, so a fast flick shows no gaps.
const OVERSCAN: usize = 8;
/// Most hits a text search returns to the list.
const SEARCH_LIMIT: usize = 500;

/// One rendered row.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: DocumentId,
    name: String,
    subtitle: String,
    kind: PartnerKind,
    archived: bool,
    verified: VerificationState,
    expiring: bool,
    updated_at_ms: i64,
    /// Why a text search matched: the first matched field other than the name.
    why: Option<FieldMatch>,
}

#[component]
pub fn PartnerList() -> impl IntoView {
    let state = use_app_state();
    // Captured here: event handlers below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(KindFilter::All);
    let status = RwSignal::new(StatusFilter::Active);
    // "" = any verification state, else a `VerificationState::code`.
    let verification = RwSignal::new(String::new());
    // Classification and custom-field filters ("" = any).
    let category = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let industry = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let custom_field = RwSignal::new(String::new());
    let custom_text = RwSignal::new(String::new());
    let sort = RwSignal::new(SortOrder::Relevance);
    let saved = RwSignal::new(preferences::saved_searches());
    let save_name = RwSignal::new(String::new());
    let saved_notice = RwSignal::new(None::<Result<String, String>>);
    let today = day_of(now_ms());

    // The partners that pass the filters (not the text): recomputed only when a filter or the
    // data changes, not on every keystroke.
    // The filters as they are now (tracked: whoever reads this reruns when one changes).
    let filters = move || SavedSearch {
        kind: kind.get().code().to_owned(),
        status: status.get().code().to_owned(),
        verification: verification.get(),
        category: category.get(),
        tag: tag.get(),
        industry: industry.get(),
        region: region.get(),
        custom_field: custom_field.get(),
        custom_text: custom_text.get(),
        ..SavedSearch::default()
    };
    // The whole search: the filters, the text and the order.
    let search_now = move || SavedSearch {
        text: text.get(),
        sort: sort.get(),
        ..filters()
    };
    let filtered = Memo::new(move |_| {
        let search = filters();
        state.view.with(|view| filtered_ids(view, &search, today))
    });

    // The same filtered ids as text, for the search's keep test: built when a filter or the
    // data changes, not on every keystroke.
    let allowed_keys = Memo::new(move |_| {
        filtered.with(|ids| {
            ids.iter()
                .map(DocumentId::to_string)
                .collect::<BTreeSet<String>>()
        })
    });

    let rows = Memo::new(move |_| {
        let query = text.get();
        let order = sort.get();
        let allowed = filtered.get();
        // (id, why) in order: search hits by relevance, or the filtered ids by name.
        let ordered: Vec<(DocumentId, Option<FieldMatch>)> = if query.trim().is_empty() {
            allowed.into_iter().map(|id| (id, None)).collect()
        } else {
            allowed_keys.with(|keep| {
                state.search.with(|index| {
                    index
                        .search_filtered(&query, SEARCH_LIMIT, &|id| keep.contains(id))
                        .into_iter()
                        .filter_map(|hit| {
                            let why = hit.matches.into_iter().find(|found| {
                                !matches!(
                                    found.field,
                                    crate::search::SearchField::Name
                                        | crate::search::SearchField::TradeName
                                )
                            });
                            hit.id.parse().ok().map(|id| (id, why))
                        })
                        .collect()
                })
            })
        };
        let mut rows: Vec<Row> = state.view.with(|view| {
            ordered
                .into_iter()
                .filter_map(|(id, why)| {
                    let partner = view.partners.get(&id)?;
                    let subtitle = [
                        partner.main_city().unwrap_or_default().to_owned(),
                        [
                            partner.profile.tax_id.country.as_str(),
                            partner.profile.tax_id.number.as_str(),
                        ]
                        .join(" ")
                        .trim()
                        .to_owned(),
                    ]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                    Some(Row {
                        id,
                        name: partner.display_name().to_owned(),
                        subtitle,
                        kind: partner.profile.kind,
                        archived: partner.status == PartnerStatus::Archived,
                        verified: partner.verification_state(&view.settings, today),
                        expiring: !partner.expiring_documents(&view.settings, today).is_empty(),
                        updated_at_ms: partner.updated_at_ms,
                        why,
                    })
                })
                .collect()
        });
        match order {
            SortOrder::Relevance => {}
            SortOrder::Name => rows.sort_by_cached_key(|row| row.name.to_lowercase()),
            SortOrder::RecentlyChanged => {
                rows.sort_by_key(|row| std::cmp::Reverse(row.updated_at_ms))
            }
        }
        rows
    });

    // User Timing marks for the cold-start benchmark: the first rows shown, the first search
    // answered (effects run once the rendered rows are in the page).
    Effect::new(move |_| {
        if rows.with(|rows| !rows.is_empty()) {
            crate::web::mark_once("partnero:first-rows");
            if !text.with(|text| text.trim().is_empty()) {
                crate::web::mark_once("partnero:first-search");
            }
        }
    });

    // Virtualisation: which rows are in view of the scrolling box.
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport_height = RwSignal::new(640.0_f64);
    let window = Memo::new(move |_| {
        let count = rows.with(Vec::len);
        let first = ((scroll_top.get() / ROW_HEIGHT).floor() as usize).saturating_sub(OVERSCAN);
        let shown = (viewport_height.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        let last = (first + shown).min(count);
        rows.with(|rows| {
            rows[first.min(last)..last]
                .iter()
                .enumerate()
                .map(|(offset, row)| (first + offset, row.clone()))
                .collect::<Vec<_>>()
        })
    });
    let on_scroll = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(element) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        {
            scroll_top.set(f64::from(element.scroll_top()));
            viewport_height.set(f64::from(element.client_height()));
        }
    };
    // A new search or filter starts at the top.
    Effect::new(move |_| {
        rows.track();
        scroll_top.set(0.0);
        if let Some(viewport) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("partner-rows-viewport"))
        {
            viewport.set_scroll_top(0);
        }
    });

    // The search to save, read without tracking (from an event handler).
    let current = move || SavedSearch {
        name: save_name.get_untracked(),
        ..untrack(search_now)
    };
    let apply = move |search: SavedSearch| {
        text.set(search.text);
        kind.set(KindFilter::from_code(&search.kind));
        status.set(StatusFilter::from_code(&search.status));
        verification.set(search.verification);
        category.set(search.category);
        tag.set(search.tag);
        industry.set(search.industry);
        region.set(search.region);
        custom_field.set(search.custom_field);
        custom_text.set(search.custom_text);
        sort.set(search.sort);
    };
    let on_save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = save_search(saved.get_untracked(), current()).and_then(|list| {
            preferences::store_saved_searches(&list)?;
            Ok(list)
        });
        match result {
            Ok(list) => {
                saved.set(list);
                saved_notice.set(Some(Ok(tr!(i18n, "list-saved", {
                    "name" => save_name.get_untracked().trim().to_owned(),
                }))));
                save_name.set(String::new());
            }
            Err(reason) => saved_notice.set(Some(Err(reason))),
        }
    };

    let total = move || state.view.with(|view| view.partners.len());

    view! {
        <section class="list-screen">
            <div class="screen-head">
                <h1>{move_tr!("list-title")}</h1>
                {move || match state.workspace_refusal() {
                    None => view! { <a class="button primary" href="/partners/new" id="register-partner">{move_tr!("list-register")}</a> }.into_any(),
                    Some(reason) => view! { <span class="button disabled" aria-disabled="true" title=reason>{move_tr!("list-register")}</span> }.into_any(),
                }}
                <a class="head-link" href=move || super::import::import_href(&search_now()) id="import-link">{move_tr!("list-import-export")}</a>
            </div>
            <Show
                when={move || total() > 0}
                fallback=|| view! {
                    <div class="empty-state" id="empty-state">
                        <h2>{move_tr!("list-empty-title")}</h2>
                        <p>{move_tr!("list-empty-text")}</p>
                        <a class="button primary" href="/partners/new">{move_tr!("list-empty-register")}</a>
                    </div>
                }
            >
                <div class="filters" role="search">
                    <label class="visually-hidden" for="filter-text">{move_tr!("list-search-label")}</label>
                    <input
                        id="filter-text"
                        type="search"
                        placeholder=move_tr!("list-search-placeholder")
                        autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    />
                    <label class="visually-hidden" for="filter-kind">{move_tr!("list-kind")}</label>
                    <select id="filter-kind" on:change=move |event| kind.set(KindFilter::from_code(&event_target_value(&event)))>
                        <option value="all" selected=move || kind.get() == KindFilter::All>{move_tr!("list-kind-all")}</option>
                        <option value="clients" selected=move || kind.get() == KindFilter::Clients>{move_tr!("list-kind-clients")}</option>
                        <option value="suppliers" selected=move || kind.get() == KindFilter::Suppliers>{move_tr!("list-kind-suppliers")}</option>
                    </select>
                    <label class="visually-hidden" for="filter-status">{move_tr!("list-status")}</label>
                    <select id="filter-status" on:change=move |event| status.set(StatusFilter::from_code(&event_target_value(&event)))>
                        <option value="active" selected=move || status.get() == StatusFilter::Active>{move_tr!("list-status-active")}</option>
                        <option value="archived" selected=move || status.get() == StatusFilter::Archived>{move_tr!("list-status-archived")}</option>
                        <option value="all" selected=move || status.get() == StatusFilter::All>{move_tr!("list-status-all")}</option>
                    </select>
                    {move || state.view.with(|view| {
                        let settings = &view.settings;
                        let mut categories: Vec<(String, String)> = settings.categories.keys().map(|id| (id.clone(), settings.category_path(id).join(" › "))).collect();
                        categories.sort_by_cached_key(|(_, path)| path.to_lowercase());
                        let tags: Vec<(String, String)> = settings.terms(TermList::Tags).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
                        let industries: Vec<(String, String)> = settings.terms(TermList::Industries).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
                        let regions: Vec<(String, String)> = settings.terms(TermList::Regions).into_iter().map(|(id, name)| (id.clone(), name.to_owned())).collect();
                        let fields: Vec<(String, String)> = settings.custom_fields.iter().filter(|(_, d)| !d.archived).map(|(id, d)| (id.clone(), d.label.clone())).collect();
                        view! {
                            <ChoiceFilter id="filter-category" label=move_tr!("list-category") any=move_tr!("list-category-any") items=categories value=category/>
                            <ChoiceFilter id="filter-tag" label=move_tr!("list-tag") any=move_tr!("list-tag-any") items=tags value=tag/>
                            <ChoiceFilter id="filter-industry" label=move_tr!("list-industry") any=move_tr!("list-industry-any") items=industries value=industry/>
                            <ChoiceFilter id="filter-region" label=move_tr!("list-region") any=move_tr!("list-region-any") items=regions value=region/>
                            {(!fields.is_empty()).then(|| view! {
                                <ChoiceFilter id="filter-custom-field" label=move_tr!("list-custom-field") any=move_tr!("list-custom-field-any") items=fields value=custom_field/>
                                <label class="visually-hidden" for="filter-custom-text">{move_tr!("list-custom-value")}</label>
                                <input id="filter-custom-text" type="search" placeholder=move_tr!("list-custom-value-placeholder") prop:value=move || custom_text.get() on:input=move |e| custom_text.set(event_target_value(&e))/>
                            })}
                        }
                    })}
                    <label class="visually-hidden" for="filter-verification">{move_tr!("list-verification")}</label>
                    <select id="filter-verification" on:change=move |event| verification.set(event_target_value(&event))>
                        <option value="" selected=move || verification.get().is_empty()>{move_tr!("list-verification-any")}</option>
                        {VerificationState::CODES.into_iter().map(|(code, label)| view! {
                            <option value=code selected=move || verification.get() == code>{label}</option>
                        }).collect_view()}
                    </select>
                    <label class="visually-hidden" for="sort-order">{move_tr!("list-sort-by")}</label>
                    <select id="sort-order" on:change=move |event| sort.set(SortOrder::from_code(&event_target_value(&event)))>
                        {SortOrder::ALL.into_iter().map(|order| view! {
                            <option value=order.code() selected=move || sort.get() == order>{move || tr!("list-sort", { "order" => super::i18n::label(i18n, order) })}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="saved-searches">
                    {move || {
                        let list = saved.get();
                        (!list.is_empty()).then(|| {
                            let options = list.clone();
                            view! {
                                <label class="visually-hidden" for="saved-search">{move_tr!("list-saved-searches")}</label>
                                <select id="saved-search" on:change=move |event| {
                                    let name = event_target_value(&event);
                                    if let Some(search) = options.iter().find(|search| search.name == name) {
                                        apply(search.clone());
                                    }
                                }>
                                    <option value="">{move_tr!("list-saved-searches-choose")}</option>
                                    {list.into_iter().map(|search| view! { <option value=search.name.clone()>{search.name.clone()}</option> }).collect_view()}
                                </select>
                            }
                        })
                    }}
                    <form class="save-search" on:submit=on_save novalidate>
                        <label class="visually-hidden" for="save-search-name">{move_tr!("list-save-name")}</label>
                        <input id="save-search-name" type="text" placeholder=move_tr!("list-save-name-placeholder") prop:value=move || save_name.get() on:input=move |e| save_name.set(event_target_value(&e))/>
                        <button type="submit" class="button small" id="save-search">{move_tr!("list-save")}</button>
                        {move || {
                            let name = save_name.get();
                            let exists = saved.with(|list| list.iter().any(|s| s.name.eq_ignore_ascii_case(name.trim())));
                            exists.then(|| view! {
                                <button type="button" class="button small" id="delete-search" on:click=move |_| {
                                    let list = delete_search(saved.get_untracked(), save_name.get_untracked().trim());
                                    match preferences::store_saved_searches(&list) {
                                        Ok(()) => { saved.set(list); saved_notice.set(Some(Ok(tr!(i18n, "list-deleted")))); }
                                        Err(reason) => saved_notice.set(Some(Err(reason))),
                                    }
                                }>{move_tr!("list-delete")}</button>
                            })
                        }}
                    </form>
                    <span class="notice" role="status" aria-live="polite" id="saved-search-notice">
                        {move || match saved_notice.get() {
                            None => view! { <span></span> }.into_any(),
                            Some(Ok(text)) => view! { <span class="saved">{text}</span> }.into_any(),
                            Some(Err(text)) => view! { <span class="failed">{text}</span> }.into_any(),
                        }}
                    </span>
                </div>
                <p class="result-count" role="status" id="result-count">
                    {move || {
                        let shown = rows.with(Vec::len);
                        let limited = !text.get().trim().is_empty() && shown >= SEARCH_LIMIT;
                        let total = filtered.with(Vec::len).max(shown);
                        let all = state.view.with(|view| view.partners.values().filter(|p| p.merged_into.is_none()).count());
                        match (limited, all) {
                            (true, _) => tr!("list-count-best", { "shown" => shown }),
                            (false, count) => { let _ = total; tr!("list-count", { "shown" => shown, "count" => count }) }
                        }
                    }}
                </p>
                <Show
                    when=move || rows.with(|rows| !rows.is_empty())
                    fallback=move || view! {
                        <p class="no-match" id="no-match">
                            {move || if state.search.ready.get() || text.with(|text| text.trim().is_empty()) {
                                tr!("list-no-match")
                            } else {
                                tr!("list-preparing")
                            }}
                        </p>
                    }
                >
                    <div class="rows-viewport" id="partner-rows-viewport" on:scroll=on_scroll>
                        <ul class="partner-rows" id="partner-rows" style=move || format!("height: {}px", rows.with(Vec::len) as f64 * ROW_HEIGHT)>
                            <For
                                each=move || window.get()
                                key=|(index, row)| (*index, row.id, row.updated_at_ms, row.verified.code(), row.expiring, row.why.as_ref().map(|why| why.text.clone()))
                                children=move |(index, row)| view! { <PartnerRow index=index row=row/> }
                            />
                        </ul>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// A select over `(id, name)` items with an "any" choice (the empty value), bound to `value`;
/// nothing is rendered when there are no items.
#[component]
fn ChoiceFilter(
    id: &'static str,
    label: Signal<String>,
    any: Signal<String>,
    items: Vec<(String, String)>,
    value: RwSignal<String>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <label class="visually-hidden" for=id>{label}</label>
            <select id=id on:change=move |e| value.set(event_target_value(&e))>
                <option value="" selected=move || value.get().is_empty()>{any}</option>
                {items.into_iter().map(|(item, name)| {
                    let current = item.clone();
                    view! { <option value=item selected=move || value.get() == current>{name}</option> }
                }).collect_view()}
            </select>
        }
    })
}

/// One row of the list, placed at its position in the scrolling box.
#[component]
fn PartnerRow(index: usize, row: Row) -> impl IntoView {
    let why = row.why.map(|found| {
        let label = super::i18n::label(expect_context::<I18n>(), found.field);
        view! { <span class="row-why">{label}": "{highlighted(&found.text, &found.ranges)}</span> }
    });
    view! {
        <li style=format!("top: {}px", index as f64 * ROW_HEIGHT)>
            <a class="partner-row" href=format!("/partners/{}", row.id)>
                <span class="row-main">
                    <span class="row-name">{row.name}</span>
                    <span class="row-sub">{row.subtitle}</span>
                    {why}
                </span>
                <span class="row-badges">
                    <KindBadge kind=row.kind/>
                    <super::documents::VerificationBadge state=row.verified/>
                    {row.expiring.then(|| view! { <span class="badge expiring" title=move_tr!("list-expiring-title")>{move_tr!("list-expiring")}</span> })}
                    {row.archived.then(|| view! { <span class="badge archived">{move_tr!("list-archived")}</span> })}
                </span>
            </a>
        </li>
    }
}

/// `text` with the byte `ranges` wrapped in `<mark>`; ranges that do not fall on character
/// boundaries are ignored rather than splitting a character.
fn highlighted(text: &str, ranges: &[(usize, usize)]) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    let mut sorted = ranges.to_vec();
    sorted.sort();
    for (start, end) in sorted {
        if start < at
            || end > text.len()
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        parts.push((text[at..start].to_owned(), false));
        parts.push((text[start..end].to_owned(), true));
        at = end;
    }
    parts.push((text[at..].to_owned(), false));
    parts
        .into_iter()
        .filter(|(part, _)| !part.is_empty())
        .map(|(part, marked)| {
            if marked {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// A small coloured label with the partner's kind.
#[component]
pub fn KindBadge(kind: PartnerKind) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! { <span class=format!("badge kind-{}", kind.code())>{move || super::i18n::label(i18n, kind)}</span> }
}

/// The partners that pass a search's filters (not its text), by name: what the list narrows
/// to before the text search ranks it.
fn filtered_ids(view: &RegistryView, search: &SavedSearch, today: i64) -> Vec<DocumentId> {
    let wanted = &search.verification;
    filter_partners_with(
        (view.partners.iter())
            .filter(|(_, partner)| partner.merged_into.is_none())
            .map(|(id, partner)| (*id, partner)),
        &search.list_filter(),
        &view.settings,
    )
    .into_iter()
    .filter(|id| {
        wanted.is_empty()
            || view.partners.get(id).is_some_and(|partner| {
                partner.verification_state(&view.settings, today).code() == *wanted
            })
    })
    .collect()
}

/// Every partner a search finds, as the list would show them (best match first when there is
/// text, by name otherwise; not limited to the rows the list renders): what "export the
/// current search" writes.
pub(super) fn matching_ids(state: AppState, search: &SavedSearch) -> Vec<DocumentId> {
    let today = day_of(now_ms());
    let allowed = state
        .view
        .with_untracked(|view| filtered_ids(view, search, today));
    if search.text.trim().is_empty() {
        return allowed;
    }
    let keep: BTreeSet<String> = allowed.iter().map(DocumentId::to_string).collect();
    state.search.with(|index| {
        index
            .search_filtered(&search.text, keep.len().max(1), &|id| keep.contains(id))
            .into_iter()
            .filter_map(|hit| hit.id.parse().ok())
            .collect()
    })
}
