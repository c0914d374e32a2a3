//! The import and export screen (`/import`, issue 8): partners from a spreadsheet's or an ERP's
//! CSV (or our own JSON export) into the registry, and the registry out as CSV, JSON or the
//! contacts as vCard.
//!
//! Reading, mapping, validating and planning are `report::partner_import`; writing the files is
//! `report::partner_export`. This file shows how the file was read, lets the user change the
//! column mapping, shows every row that will not be imported and why, and has the ready rows
//! stored (`AppState::import_partners`) a chunk at a time with a progress bar, so a failure
//! midway says exactly which lines are stored.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::state::{use_app_state, AppState, RegistryView};
use crate::model::{DocumentId, Partner, PartnerKind};
use crate::report::partner_import::{group_thousands, MAX_SLOTS};
use crate::report::{
    contacts_vcard, decode, export_file_name, parse_csv, partners_csv, partners_json,
    plan_partner_import, plan_partner_json_import, plan_summary, skipped_rows_csv, DuplicateOf,
    ImportMapping, PartnerImportPlan, RowOutcome, Table, Target,
};
use crate::web::download::download_text;
use crate::web::files::{picked_file, read_picked};

/// Partners stored per registry change: small enough that the progress bar moves and the
/// registry lock is released often (other screens stay usable), large enough that a
/// 10,000-row file is not 10,000 workspace changes.
const CHUNK: usize = 200;
/// Sample values shown per column in the mapping table.
const SAMPLES: usize = 2;

/// The link to this screen carrying the partner list's search, so "Export the current search"
/// can offer exactly those partners.
pub fn import_href(query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        return "/import".to_owned();
    }
    let mut href = String::from("/import?q=");
    for byte in query.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                href.push(char::from(byte))
            }
            _ => href.push_str(&format!("%{byte:02X}")),
        }
    }
    href
}

/// A picked file, read.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    name: String,
    /// "Read as Windows-1252, delimiter ';', 1,000 rows."
    read_as: String,
    source: Source,
}

#[derive(Debug, Clone, PartialEq)]
enum Source {
    Csv(Table),
    /// Our own JSON export, planned as a whole (its keys are fixed: no mapping).
    Json(String),
}

/// The outcome of an import, kept after the plan is cleared so it cannot run twice.
#[derive(Debug, Clone, PartialEq)]
struct Report {
    imported: usize,
    /// Rows meant to be stored (ready rows and duplicates imported anyway).
    planned: usize,
    /// A chunk failed: the error, the lines stored and the lines not stored.
    failure: Option<(String, Vec<usize>, Vec<usize>)>,
    /// Lines not imported on purpose (invalid, or duplicates left out), with why.
    skipped: Vec<(usize, String)>,
    /// The skipped rows as CSV with an error column (CSV files only) and its download name.
    skipped_csv: Option<(String, String)>,
}

/// "2–201, 205, 207–300": lines as ranges, for failure messages.
fn line_ranges(lines: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let start = lines[index];
        let mut end = start;
        while index + 1 < lines.len() && lines[index + 1] == end + 1 {
            index += 1;
            end = lines[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

fn delimiter_name(delimiter: char) -> String {
    match delimiter {
        '\t' => "tab".to_owned(),
        other => format!("'{other}'"),
    }
}

/// Reads a picked file: decoded, then parsed as CSV, or kept whole when it is our JSON.
async fn read_file(file: web_sys::File) -> Result<Loaded, String> {
    let bytes = read_picked(&file)
        .await
        .map_err(|problem| format!("The file could not be read: {problem}"))?;
    let decoded =
        decode(&bytes).map_err(|problem| format!("This file cannot be imported: {problem}"))?;
    let name = file.name();
    let lossy = if decoded.lossy {
        " Some bytes could not be read and show as �."
    } else {
        ""
    };
    let json = name.to_lowercase().ends_with(".json")
        || decoded
            .text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{');
    if json {
        return Ok(Loaded {
            read_as: format!(
                "Read as {}, a Partnero JSON export.{lossy}",
                decoded.encoding
            ),
            name,
            source: Source::Json(decoded.text),
        });
    }
    let table = parse_csv(&decoded.text)
        .map_err(|problem| format!("This file cannot be imported: {problem}"))?;
    let rows = match table.rows.len() {
        1 => "1 row".to_owned(),
        count => format!("{} rows", group_thousands(count)),
    };
    let preamble = match table.skipped_preamble {
        0 => String::new(),
        1 => " One line above the header row was skipped.".to_owned(),
        count => format!(" {count} lines above the header row were skipped."),
    };
    Ok(Loaded {
        read_as: format!(
            "Read as {}, delimiter {}, {rows} under the header on line {}.{preamble}{lossy}",
            decoded.encoding,
            delimiter_name(table.delimiter),
            table.header_line
        ),
        name,
        source: Source::Csv(table),
    })
}

/// Plans the loaded file against the registry on this device.
fn plan_of(
    view: &RegistryView,
    loaded: &Loaded,
    mapping: Option<&ImportMapping>,
) -> Result<PartnerImportPlan, String> {
    let ids: Vec<(String, &Partner)> = view
        .partners
        .iter()
        .map(|(id, partner)| (id.to_string(), partner))
        .collect();
    let existing = ids.iter().map(|(id, partner)| (id.as_str(), *partner));
    match (&loaded.source, mapping) {
        (Source::Csv(table), Some(mapping)) => Ok(plan_partner_import(
            table,
            mapping,
            &view.settings,
            existing,
        )),
        (Source::Csv(_), None) => Err("Choose what each column holds first.".to_owned()),
        (Source::Json(text), _) => plan_partner_json_import(text, &view.settings, existing)
            .map_err(|problem| format!("This file cannot be imported: {problem}")),
    }
}

/// Why a duplicate is one, in words.
fn duplicate_text(of: &DuplicateOf, reason: &str) -> String {
    match of {
        DuplicateOf::Existing { name, .. } => {
            format!("Probably already registered as {name} ({reason})")
        }
        DuplicateOf::Line(line) => format!("Probably the same partner as line {line} ({reason})"),
    }
}

/// The lines the plan stores with these duplicates imported anyway, in file order: the same
/// rows, in the same order, as `PartnerImportPlan::profiles_to_create`.
fn lines_to_create(plan: &PartnerImportPlan, anyway: &[usize]) -> Vec<usize> {
    plan.rows
        .iter()
        .filter(|row| match &row.outcome {
            RowOutcome::Ready(_) => true,
            RowOutcome::Duplicate { .. } => anyway.contains(&row.line),
            RowOutcome::Invalid(_) => false,
        })
        .map(|row| row.line)
        .collect()
}

/// The rows left out and why, for the report.
fn skipped_rows(plan: &PartnerImportPlan, anyway: &[usize]) -> Vec<(usize, String)> {
    plan.rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Ready(_) => None,
            RowOutcome::Duplicate { .. } if anyway.contains(&row.line) => None,
            RowOutcome::Duplicate { of, reason, .. } => {
                Some((row.line, duplicate_text(of, reason)))
            }
            RowOutcome::Invalid(errors) => Some((
                row.line,
                errors
                    .iter()
                    .map(|error| error.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
        })
        .collect()
}

/// The slot count the mapping selects offer: one more block than the suggestion uses, so a
/// second contact can be mapped by hand, at least two.
fn slots_for(mapping: &ImportMapping) -> u8 {
    let used = mapping
        .columns
        .iter()
        .flatten()
        .filter_map(|target| match target {
            Target::Address(slot, _) | Target::Contact(slot, _) | Target::Bank(slot, _) => {
                Some(*slot + 1)
            }
            _ => None,
        })
        .max()
        .unwrap_or(0);
    (used + 1).clamp(2, MAX_SLOTS)
}

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <section class="form-screen import-screen" id="import-screen">
            <p class="back"><a href="/">"← Partners"</a></p>
            <h1>"Import and export partners"</h1>
            <ImportSection/>
            <ExportSection/>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = use_app_state();
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let mapping = RwSignal::new(None::<ImportMapping>);
    let plan = RwSignal::new(None::<Arc<PartnerImportPlan>>);
    // The mapping or defaults changed since the plan was made: rows must be checked again.
    let stale = RwSignal::new(false);
    let anyway = RwSignal::new(BTreeSet::<usize>::new());
    let problem = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let report = RwSignal::new(None::<Arc<Report>>);
    let refusal = move || state.workspace_refusal();

    let check = move || {
        let Some(file) = loaded.get_untracked() else {
            return;
        };
        let planned = mapping.with_untracked(|mapping| {
            state
                .view
                .with_untracked(|view| plan_of(view, &file, mapping.as_ref()))
        });
        match planned {
            Ok(planned) => {
                plan.set(Some(Arc::new(planned)));
                problem.set(None);
            }
            Err(message) => {
                plan.set(None);
                problem.set(Some(message));
            }
        }
        anyway.set(BTreeSet::new());
        stale.set(false);
    };

    let pick = move |event: leptos::ev::Event| {
        loaded.set(None);
        plan.set(None);
        mapping.set(None);
        problem.set(None);
        report.set(None);
        let Some(file) = picked_file(&event) else {
            return;
        };
        reading.set(true);
        leptos::task::spawn_local(async move {
            match read_file(file).await {
                Ok(file) => {
                    if let Source::Csv(table) = &file.source {
                        let suggested = state
                            .view
                            .with_untracked(|view| ImportMapping::suggest(table, &view.settings));
                        mapping.set(Some(suggested));
                    }
                    loaded.set(Some(Arc::new(file)));
                    // Let "Checking…" paint before planning a large file.
                    crate::web::sync_socket::sleep(0).await;
                    check();
                }
                Err(message) => problem.set(Some(message)),
            }
            reading.set(false);
        });
    };

    let to_import = move || {
        let chosen: Vec<usize> = anyway.with(|set| set.iter().copied().collect());
        plan.with(|plan| {
            plan.as_ref()
                .map_or(0, |plan| lines_to_create(plan, &chosen).len())
        })
    };

    let run = move |_| {
        let (Some(file), Some(planned)) = (loaded.get_untracked(), plan.get_untracked()) else {
            return;
        };
        if refusal().is_some() || stale.get_untracked() {
            return;
        }
        let chosen: Vec<usize> = anyway.with_untracked(|set| set.iter().copied().collect());
        let lines = lines_to_create(&planned, &chosen);
        let profiles: Vec<_> = planned
            .profiles_to_create(&chosen)
            .into_iter()
            .cloned()
            .collect();
        let skipped = skipped_rows(&planned, &chosen);
        let skipped_csv = match &file.source {
            Source::Csv(table) if !skipped.is_empty() => {
                let stem = file
                    .name
                    .rsplit_once('.')
                    .map_or(file.name.as_str(), |(stem, _)| stem);
                Some((
                    skipped_rows_csv(table, &planned, &chosen),
                    format!("{stem}-not-imported.csv"),
                ))
            }
            _ => None,
        };
        let total = profiles.len();
        progress.set(Some((0, total)));
        leptos::task::spawn_local(async move {
            let mut stored: Vec<usize> = Vec::with_capacity(total);
            let mut failure = None;
            for (chunk_lines, chunk) in lines.chunks(CHUNK).zip(profiles.chunks(CHUNK)) {
                let outcome = state.import_partners(chunk.to_vec()).await;
                stored.extend(
                    chunk_lines
                        .iter()
                        .zip(&outcome.stored)
                        .filter(|(_, id)| id.is_some())
                        .map(|(line, _)| *line),
                );
                progress.set(Some((stored.len(), total)));
                if let Some(error) = outcome.error {
                    let done: BTreeSet<usize> = stored.iter().copied().collect();
                    let missing: Vec<usize> = lines
                        .iter()
                        .copied()
                        .filter(|line| !done.contains(line))
                        .collect();
                    failure = Some((error, stored.clone(), missing));
                    break;
                }
                // Lets the progress bar paint between chunks.
                crate::web::sync_socket::sleep(0).await;
            }
            report.set(Some(Arc::new(Report {
                imported: stored.len(),
                planned: total,
                failure,
                skipped,
                skipped_csv,
            })));
            // The plan is spent: importing it again would double the partners.
            plan.set(None);
            loaded.set(None);
            mapping.set(None);
            progress.set(None);
        });
    };

    let busy = move || progress.with(Option::is_some) || reading.get();

    view! {
        <section class="import-part" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p class="muted">"A CSV from a spreadsheet or an ERP (Excel, LibreOffice, Odoo, Dolibarr, ERPNext) or a Partnero JSON export. Nothing is stored until you press Import; rows with errors and probable duplicates are listed first."</p>
            {move || refusal().map(|reason| view! {
                <p class="banner info" id="import-refused">{reason}". You can check a file, but not import it."</p>
            })}
            <label for="import-file">"File (CSV, TSV, TXT or JSON)"</label>
            <input id="import-file" type="file"
                accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,text/plain,application/json"
                disabled=busy on:change=pick/>
            <div role="status" aria-live="polite" id="import-reading">
                {move || reading.get().then(|| view! {
                    <p><progress aria-label="Reading the file"></progress>" Reading and checking the file…"</p>
                })}
                {move || loaded.get().map(|file| view! {
                    <p id="import-read-as"><strong>{file.name.clone()}</strong>": "{file.read_as.clone()}</p>
                })}
            </div>
            {move || problem.get().map(|message| view! {
                <p class="banner error" role="alert" id="import-problem">{message}</p>
            })}
            {move || loaded.get().and_then(|file| match &file.source {
                Source::Csv(table) => Some(view! {
                    <MappingTable table=table.clone() mapping=mapping stale=stale/>
                }),
                Source::Json(_) => None,
            })}
            {move || loaded.with(|file| file.as_ref().is_some_and(|file| matches!(file.source, Source::Csv(_)))).then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button" id="import-check" on:click=move |_| check() disabled=busy>
                        "Check rows"
                    </button>
                </div>
            })}
            {move || stale.get().then(|| view! {
                <p class="banner warning" role="status" id="import-stale">"The mapping changed: press Check rows to see what it does."</p>
            })}
            {move || plan.get().map(|planned| view! {
                <PlanView plan=planned anyway=anyway/>
            })}
            {move || plan.with(Option::is_some).then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button primary" id="import-run" on:click=run
                        disabled=move || busy() || stale.get() || to_import() == 0 || refusal().is_some()
                        title=move || refusal().unwrap_or_default()>
                        {move || match to_import() {
                            1 => "Import 1 partner".to_owned(),
                            count => format!("Import {} partners", group_thousands(count)),
                        }}
                    </button>
                </div>
            })}
            <div role="status" aria-live="polite" id="import-progress-status">
                {move || progress.get().map(|(done, total)| view! {
                    <progress id="import-progress" max=total.max(1) value=done aria-label="Partners imported"></progress>
                    <p id="import-progress-text">{format!("Imported {} of {}", group_thousands(done), group_thousands(total))}</p>
                })}
            </div>
            {move || report.get().map(|report| view! { <ReportView report=report/> })}
        </section>
    }
}

/// Each column of the file: its header, sample values, and the field it fills.
#[component]
fn MappingTable(
    table: Table,
    mapping: RwSignal<Option<ImportMapping>>,
    stale: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    let Some(initial) = mapping.get_untracked() else {
        return ().into_any();
    };
    let settings = state.view.with_untracked(|view| view.settings.clone());
    let choices: Vec<(String, String)> = Target::choices(&settings, slots_for(&initial))
        .into_iter()
        .map(|target| (target.code(), target.label(&settings)))
        .collect();
    let rows = table
        .headers
        .iter()
        .enumerate()
        .map(|(column, header)| {
            let samples: Vec<String> = table
                .rows
                .iter()
                .filter(|row| row.problem.is_none())
                .filter_map(|row| row.fields.get(column))
                .map(|value| value.trim())
                .filter(|value| !value.is_empty())
                .take(SAMPLES)
                .map(str::to_owned)
                .collect();
            let current = initial
                .columns
                .get(column)
                .cloned()
                .flatten()
                .map(|target| target.code())
                .unwrap_or_default();
            let header_text = if header.trim().is_empty() {
                format!("Column {}", column + 1)
            } else {
                header.clone()
            };
            let select_id = format!("map-column-{column}");
            let options = choices
                .iter()
                .map(|(code, label)| {
                    view! { <option value=code.clone() selected=*code == current>{label.clone()}</option> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <span class="column-name">{header_text.clone()}</span>
                        <span class="column-samples">
                            {if samples.is_empty() { "(empty)".to_owned() } else { samples.join(" · ") }}
                        </span>
                    </th>
                    <td>
                        <label class="visually-hidden" for=select_id.clone()>{format!("Field for column {header_text}")}</label>
                        <select id=select_id on:change=move |event| {
                            let code = event_target_value(&event);
                            mapping.update(|mapping| {
                                if let Some(slot) = mapping.as_mut().and_then(|m| m.columns.get_mut(column)) {
                                    *slot = Target::from_code(&code);
                                }
                            });
                            stale.set(true);
                        }>
                            <option value="" selected=current.is_empty()>"— ignore —"</option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let kind = initial.default_kind;
    let country = initial.default_country.clone();
    view! {
        <h3 id="mapping-heading">"Columns"</h3>
        <table class="mapping-table" id="mapping-table" aria-labelledby="mapping-heading">
            <thead>
                <tr>
                    <th scope="col">"Column in the file (samples)"</th>
                    <th scope="col">"Imported into"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <div class="import-defaults">
            <div>
                <label for="import-default-kind">"Kind of rows that do not say"</label>
                <select id="import-default-kind" on:change=move |event| {
                    if let Some(chosen) = PartnerKind::from_code(&event_target_value(&event)) {
                        mapping.update(|mapping| if let Some(mapping) = mapping { mapping.default_kind = chosen });
                        stale.set(true);
                    }
                }>
                    {PartnerKind::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=choice == kind>{choice.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for="import-default-country">"Country of rows that do not say"</label>
                <select id="import-default-country" on:change=move |event| {
                    let chosen = event_target_value(&event);
                    mapping.update(|mapping| if let Some(mapping) = mapping { mapping.default_country = chosen });
                    stale.set(true);
                }>
                    <option value="" selected=country.is_empty()>"— none —"</option>
                    {crate::validate::formats::countries().map(|(code, name)| view! {
                        <option value=code selected=code == country>{format!("{name} ({code})")}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
    .into_any()
}

/// The plan: its summary, every invalid row with its messages, every probable duplicate with
/// "import anyway".
#[component]
fn PlanView(plan: Arc<PartnerImportPlan>, anyway: RwSignal<BTreeSet<usize>>) -> impl IntoView {
    let invalid: Vec<_> = plan
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Invalid(errors) => Some((row.line, errors.clone())),
            _ => None,
        })
        .collect();
    let duplicates: Vec<_> = plan
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Duplicate {
                of,
                reason,
                profile,
            } => Some((
                row.line,
                profile.legal_name.clone(),
                of.clone(),
                duplicate_text(of, reason),
            )),
            _ => None,
        })
        .collect();
    view! {
        <h3 id="plan-heading">"What the import will do"</h3>
        <p class="plan-summary" id="plan-summary" role="status" aria-live="polite">{plan_summary(&plan.counts)}</p>
        {(!invalid.is_empty()).then(|| view! {
            <h4 id="invalid-heading">{format!("Rows with errors ({}), not imported", group_thousands(invalid.len()))}</h4>
            <ul class="row-problems" id="invalid-rows" aria-labelledby="invalid-heading" tabindex="0">
                {invalid.into_iter().map(|(line, errors)| view! {
                    <li id=format!("invalid-line-{line}") data-line=line>
                        <strong>{format!("Line {line}")}</strong>
                        <ul>
                            {errors.into_iter().map(|error| view! { <li>{error.message}</li> }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!duplicates.is_empty()).then(|| view! {
            <h4 id="duplicates-heading">{format!("Probable duplicates ({}), skipped unless you choose", group_thousands(duplicates.len()))}</h4>
            <ul class="row-problems" id="duplicate-rows" aria-labelledby="duplicates-heading" tabindex="0">
                {duplicates.into_iter().map(|(line, name, of, text)| {
                    let box_id = format!("import-anyway-{line}");
                    let label_for = box_id.clone();
                    view! {
                        <li id=format!("duplicate-line-{line}")>
                            <strong>{format!("Line {line}: {name}")}</strong>
                            <p>{text}
                                {match of {
                                    DuplicateOf::Existing { id, .. } => Some(view! {
                                        " "<a href=format!("/partners/{id}")>"Open it"</a>
                                    }),
                                    DuplicateOf::Line(_) => None,
                                }}
                            </p>
                            <label class="check" for=label_for>
                                <input type="checkbox" id=box_id
                                    prop:checked=move || anyway.with(|set| set.contains(&line))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        anyway.update(|set| {
                                            if on { set.insert(line); } else { set.remove(&line); }
                                        });
                                    }/>
                                " Import anyway"
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

/// After an import: how many were stored, what was skipped and why, and the skipped rows to
/// fix and import again.
#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    let download_error = RwSignal::new(None::<String>);
    let csv = report.skipped_csv.clone();
    let download = move |_| {
        if let Some((text, name)) = &csv {
            download_error.set(
                download_text(name, "text/csv;charset=utf-8", text)
                    .err()
                    .map(|problem| format!("The file could not be saved: {problem}")),
            );
        }
    };
    let skipped = report.skipped.clone();
    view! {
        <div class="import-report" id="import-report">
            <h3>"Import report"</h3>
            <p role="status" aria-live="polite" id="import-result" class="saved">
                {match report.imported {
                    1 => "Imported 1 partner.".to_owned(),
                    count => format!("Imported {} partners.", group_thousands(count)),
                }}
                {(!skipped.is_empty()).then(|| match skipped.len() {
                    1 => " 1 row was not imported (below).".to_owned(),
                    count => format!(" {} rows were not imported (below).", group_thousands(count)),
                })}
            </p>
            {report.failure.clone().map(|(error, stored, missing)| view! {
                <div class="banner error" role="alert" id="import-failure">
                    <strong>{format!("The import stopped after {} of {} partners: {error}", group_thousands(report.imported), group_thousands(report.planned))}</strong>
                    <p>{if stored.is_empty() {
                        "Nothing was imported.".to_owned()
                    } else {
                        format!("Imported: lines {}.", line_ranges(&stored))
                    }}</p>
                    <p>{format!("Not imported: lines {}. Import the same file again to add them; the rows already imported will show as duplicates.", line_ranges(&missing))}</p>
                </div>
            })}
            {(!skipped.is_empty()).then(|| view! {
                <h4 id="skipped-heading">"Not imported"</h4>
                <ul class="row-problems" id="skipped-rows" aria-labelledby="skipped-heading" tabindex="0">
                    {skipped.into_iter().map(|(line, why)| view! {
                        <li id=format!("skipped-line-{line}")><strong>{format!("Line {line}")}</strong>" "<span>{why}</span></li>
                    }).collect_view()}
                </ul>
            })}
            {report.skipped_csv.is_some().then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button" id="download-skipped" on:click=download>
                        "Download the skipped rows (CSV)"
                    </button>
                </div>
                <p class="muted">"The rows as they were, with an error column: fix them in a spreadsheet and import the file again."</p>
            })}
            {move || download_error.get().map(|message| view! { <p class="banner error" role="alert">{message}</p> })}
        </div>
    }
}

/// What an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Search,
}

/// The export formats, in button order: (id part, button label, what, extension, media type).
const FORMATS: [(&str, &str, &str, &str, &str); 3] = [
    ("csv", "CSV", "partners", "csv", "text/csv;charset=utf-8"),
    ("json", "JSON", "partners", "json", "application/json"),
    (
        "vcf",
        "Contacts as vCard",
        "contacts",
        "vcf",
        "text/vcard;charset=utf-8",
    ),
];

/// The partners an export covers, by document id: every partner not merged into another
/// (archived ones too: the formats carry the status), by name; or the hits of `query` in the
/// search index, in their order.
fn export_ids(state: AppState, scope: Scope, query: &str) -> Vec<DocumentId> {
    state.view.with_untracked(|view| {
        let open = |id: &DocumentId| {
            view.partners
                .get(id)
                .is_some_and(|partner| partner.merged_into.is_none())
        };
        match scope {
            Scope::All => {
                let mut named: Vec<(String, DocumentId)> = view
                    .partners
                    .iter()
                    .filter(|(_, partner)| partner.merged_into.is_none())
                    .map(|(id, partner)| (partner.display_name().to_lowercase(), *id))
                    .collect();
                named.sort();
                named.into_iter().map(|(_, id)| id).collect()
            }
            Scope::Search => state
                .search
                .with(|index| index.search(query, view.partners.len().max(1)))
                .into_iter()
                .filter_map(|hit| hit.id.parse::<DocumentId>().ok())
                .filter(|id| open(id))
                .collect(),
        }
    })
}

#[component]
fn ExportSection() -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let search = move || query.with(|map| map.get("q").unwrap_or_default().trim().to_owned());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let matching = Memo::new(move |_| {
        let text = search();
        if text.is_empty() {
            return 0;
        }
        state.view.track();
        export_ids(state, Scope::Search, &text).len()
    });

    let export = move |scope: Scope, format: usize| {
        let (_, _, what, extension, media_type) = FORMATS[format];
        let ids = export_ids(state, scope, &search());
        let keys: Vec<String> = ids.iter().map(DocumentId::to_string).collect();
        let text = state.view.with_untracked(|view| {
            let partners = keys
                .iter()
                .zip(&ids)
                .filter_map(|(key, id)| Some((key.as_str(), view.partners.get(id)?)));
            match extension {
                "csv" => partners_csv(partners, &view.settings),
                "json" => partners_json(partners),
                _ => contacts_vcard(partners),
            }
        });
        let name = export_file_name(what, &super::finance::today_iso(), extension);
        outcome.set(Some(
            download_text(&name, media_type, &text)
                .map(|()| {
                    format!(
                        "Saved {name}: {} partner{}.",
                        group_thousands(ids.len()),
                        if ids.len() == 1 { "" } else { "s" }
                    )
                })
                .map_err(|problem| format!("The export could not be saved: {problem}")),
        ));
    };
    let buttons = move |scope: Scope, prefix: &'static str| {
        FORMATS
            .iter()
            .enumerate()
            .map(|(index, (id, label, ..))| {
                view! {
                    <button type="button" class="button secondary" id=format!("{prefix}-{id}")
                        on:click=move |_| export(scope, index)>{*label}</button>
                }
            })
            .collect_view()
    };

    view! {
        <section class="export-part" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p class="muted">"CSV and JSON hold every field, archived partners too (with their status), and import back into Partnero. The vCard file holds the contacts, for an address book."</p>
            <div class="export-group" role="group" aria-labelledby="export-all-heading">
                <h3 id="export-all-heading">{move || format!("Export all partners ({})", group_thousands(state.view.with(|view| view.partners.values().filter(|p| p.merged_into.is_none()).count())))}</h3>
                <div class="export-buttons">{buttons(Scope::All, "export-all")}</div>
            </div>
            {move || (!search().is_empty()).then(|| view! {
                <div class="export-group" role="group" aria-labelledby="export-search-heading">
                    <h3 id="export-search-heading">{format!("Export the current search: “{}” ({})", search(), group_thousands(matching.get()))}</h3>
                    <div class="export-buttons">{buttons(Scope::Search, "export-search")}</div>
                </div>
            })}
            <p role="status" aria-live="polite" id="export-result">
                {move || outcome.get().map(|result| match result {
                    Ok(text) => view! { <span class="saved">{text}</span> }.into_any(),
                    Err(text) => view! { <span class="failed" role="alert">{text}</span> }.into_any(),
                })}
            </p>
        </section>
    }
}
