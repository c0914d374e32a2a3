//! The import and export screen (`/import`, issue 8): partners from a spreadsheet's or an ERP's
//! CSV (or our own JSON export) into the registry, and the registry out as CSV, JSON or the
//! contacts as vCard.
//!
//! Reading, mapping, validating and planning are `report::partner_import`; writing the files is
//! `report::partner_export`. This file shows how the file was read, lets the user change the
//! column mapping, shows every row that will not be imported and why, and has the ready rows
//! stored (`AppState::import_partners`) a chunk at a time with a progress bar, so a failure
//! midway says exactly which lines are stored.
//!
//! Texts are Fluent messages (`locales/*/import.ftl`), kept as data until they are shown so
//! they follow a change of language; counts are written as the chosen language writes them.
//! Files this screen writes (exports, the skipped rows) stay in the core's language-neutral
//! formats.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::use_query_map;

use super::i18n::{field_error, integer, label};
use super::state::{use_app_state, AppState, RegistryView};
use crate::model::{DocumentId, Partner, PartnerKind, WorkspaceSettings};
use crate::report::partner_import::{
    AddressPart, BankPart, ContactPart, FileError, PlanCounts, MAX_SLOTS,
};
use crate::report::{
    contacts_vcard, decode, export_file_name, parse_csv, partners_csv, partners_json,
    plan_partner_import, plan_partner_json_import, skipped_rows_csv, DuplicateOf, ImportMapping,
    PartnerImportPlan, RowOutcome, Table, Target,
};
use crate::search::saved::SavedSearch;
use crate::validate::FieldError;
use crate::web::download::download_text;
use crate::web::files::{picked_file, read_picked};

/// Partners stored per registry change: small enough that the progress bar moves and the
/// registry lock is released often (other screens stay usable), large enough that a
/// 10,000-row file is not 10,000 workspace changes.
const CHUNK: usize = 200;
/// Sample values shown per column in the mapping table.
const SAMPLES: usize = 2;

/// The link to this screen carrying the partner list's whole search (text, filters, order),
/// so "Export the current search" offers exactly the partners the list finds.
pub fn import_href(search: &SavedSearch) -> String {
    let pairs = search.query_pairs();
    if pairs.is_empty() {
        return "/import".to_owned();
    }
    let mut href = String::from("/import");
    for (index, (name, value)) in pairs.into_iter().enumerate() {
        href.push(if index == 0 { '?' } else { '&' });
        href.push_str(name);
        href.push('=');
        for byte in value.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    href.push(char::from(byte))
                }
                _ => href.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    href
}

/// A picked file, read.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    name: String,
    /// The encoding it was read as ("Windows-1252").
    encoding: String,
    /// Some bytes could not be decoded.
    lossy: bool,
    source: Source,
}

/// Why a file cannot be checked or imported: the browser's reason (its words), or the core's
/// problem with the file, worded when shown (`file_problem`).
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Unreadable(String),
    CannotImport(FileError),
    NoMapping,
}

/// Why a row was left out of an import.
#[derive(Debug, Clone, PartialEq)]
enum Skip {
    Duplicate(DuplicateOf, String),
    Invalid(Vec<FieldError>),
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
    skipped: Vec<(usize, Skip)>,
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

/// A count as the chosen language writes it.
fn count(i18n: I18n, value: usize) -> String {
    integer(i18n, i64::try_from(value).unwrap_or(i64::MAX))
}

fn delimiter_name(i18n: I18n, delimiter: char) -> String {
    match delimiter {
        '\t' => tr!(i18n, "import-delimiter-tab"),
        other => format!("'{other}'"),
    }
}

/// How the file was read: "Read as Windows-1252, delimiter ';', 1,000 rows under the header on
/// line 1."
fn read_as(i18n: I18n, file: &Loaded) -> String {
    let encoding = file.encoding.clone();
    let mut text = match &file.source {
        Source::Json(_) => tr!(i18n, "import-read-json", { "encoding" => encoding }),
        Source::Csv(table) => {
            let rows = table.rows.len();
            let rows = tr!(i18n, "import-rows", { "count" => rows, "shown" => count(i18n, rows) });
            let mut text = tr!(i18n, "import-read-csv", {
                "encoding" => encoding,
                "delimiter" => delimiter_name(i18n, table.delimiter),
                "rows" => rows,
                "line" => table.header_line.to_string(),
            });
            let skipped = table.skipped_preamble;
            if skipped > 0 {
                text.push(' ');
                text.push_str(&tr!(i18n, "import-preamble-skipped", {
                    "count" => skipped,
                    "shown" => count(i18n, skipped),
                }));
            }
            text
        }
    };
    if file.lossy {
        text.push(' ');
        text.push_str(&tr!(i18n, "import-lossy"));
    }
    text
}

/// A problem in the chosen language.
fn problem_text(i18n: I18n, problem: &Problem) -> String {
    match problem {
        Problem::Unreadable(problem) => {
            tr!(i18n, "import-unreadable", { "problem" => problem.clone() })
        }
        Problem::CannotImport(problem) => {
            tr!(i18n, "import-cannot-import", { "problem" => file_problem(i18n, problem) })
        }
        Problem::NoMapping => tr!(i18n, "import-choose-mapping"),
    }
}

/// The core's problem with a file in the chosen language: its key and arguments, worded like a
/// form error. A counted limit comes as `count` and, written in English, `shown` ("50,000");
/// `shown` is written again as the chosen language writes numbers ("50.000").
fn file_problem(i18n: I18n, problem: &FileError) -> String {
    let mut args = problem.args.clone();
    let counted = (args.iter())
        .find(|(name, _)| *name == "count")
        .and_then(|(_, value)| value.parse::<usize>().ok());
    if let Some(counted) = counted {
        for (name, value) in &mut args {
            if *name == "shown" {
                *value = count(i18n, counted);
            }
        }
    }
    let error = FieldError::keyed("", problem.message.clone(), problem.key, args);
    field_error(i18n, &error)
}

/// Reads a picked file: decoded, then parsed as CSV, or kept whole when it is our JSON.
async fn read_file(file: web_sys::File) -> Result<Loaded, Problem> {
    let bytes = read_picked(&file).await.map_err(Problem::Unreadable)?;
    let decoded = decode(&bytes).map_err(Problem::CannotImport)?;
    let name = file.name();
    let json = name.to_lowercase().ends_with(".json")
        || decoded
            .text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{');
    let source = if json {
        Source::Json(decoded.text)
    } else {
        Source::Csv(parse_csv(&decoded.text).map_err(Problem::CannotImport)?)
    };
    Ok(Loaded {
        name,
        encoding: decoded.encoding.to_owned(),
        lossy: decoded.lossy,
        source,
    })
}

/// Plans the loaded file against the registry on this device.
fn plan_of(
    view: &RegistryView,
    loaded: &Loaded,
    mapping: Option<&ImportMapping>,
) -> Result<PartnerImportPlan, Problem> {
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
        (Source::Csv(_), None) => Err(Problem::NoMapping),
        (Source::Json(text), _) => {
            plan_partner_json_import(text, &view.settings, existing).map_err(Problem::CannotImport)
        }
    }
}

/// Why a duplicate is one, in words (the reason itself is the core's).
fn duplicate_text(i18n: I18n, of: &DuplicateOf, reason: &str) -> String {
    match of {
        DuplicateOf::Existing { name, .. } => tr!(i18n, "import-duplicate-existing", {
            "name" => name.clone(),
            "reason" => reason.to_owned(),
        }),
        DuplicateOf::Line(line) => tr!(i18n, "import-duplicate-line", {
            "line" => line.to_string(),
            "reason" => reason.to_owned(),
        }),
    }
}

/// Why a row was left out, in words.
fn skip_text(i18n: I18n, skip: &Skip) -> String {
    match skip {
        Skip::Duplicate(of, reason) => duplicate_text(i18n, of, reason),
        Skip::Invalid(errors) => errors
            .iter()
            .map(|error| field_error(i18n, error))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The plan's counts in one sentence: "980 ready, 12 probable duplicates, 8 with errors (of
/// 1,000 rows)."
fn summary_text(i18n: I18n, counts: &PlanCounts) -> String {
    if counts.rows == 0 {
        return tr!(i18n, "import-plan-no-rows");
    }
    let ready = tr!(i18n, "import-plan-ready", {
        "count" => counts.ready,
        "shown" => count(i18n, counts.ready),
    });
    let duplicates = tr!(i18n, "import-plan-duplicates", {
        "count" => counts.duplicates,
        "shown" => count(i18n, counts.duplicates),
    });
    let rows = tr!(i18n, "import-plan-rows", {
        "count" => counts.rows,
        "shown" => count(i18n, counts.rows),
    });
    tr!(i18n, "import-plan-summary", {
        "ready" => ready,
        "duplicates" => duplicates,
        "invalid" => count(i18n, counts.invalid),
        "rows" => rows,
    })
}

/// A part of an address, in the chosen language ("city").
fn address_part(i18n: I18n, part: AddressPart) -> String {
    match part {
        AddressPart::Kind => tr!(i18n, "import-part-kind"),
        AddressPart::Street => tr!(i18n, "import-part-street"),
        AddressPart::Street2 => tr!(i18n, "import-part-street2"),
        AddressPart::City => tr!(i18n, "import-part-city"),
        AddressPart::PostalCode => tr!(i18n, "import-part-postal-code"),
        AddressPart::Region => tr!(i18n, "import-part-region"),
        AddressPart::Country => tr!(i18n, "import-part-country"),
    }
}

/// A part of a contact, in the chosen language ("email").
fn contact_part(i18n: I18n, part: ContactPart) -> String {
    match part {
        ContactPart::Name => tr!(i18n, "import-part-name"),
        ContactPart::Role => tr!(i18n, "import-part-role"),
        ContactPart::Email => tr!(i18n, "import-part-email"),
        ContactPart::Phone => tr!(i18n, "import-part-phone"),
    }
}

/// A part of a bank account, in the chosen language (IBAN and BIC are the same everywhere).
fn bank_part(i18n: I18n, part: BankPart) -> String {
    match part {
        BankPart::Iban => "IBAN".to_owned(),
        BankPart::Bic => "BIC".to_owned(),
        BankPart::Holder => tr!(i18n, "import-part-holder"),
    }
}

/// What a column can fill, in the chosen language: `Target::label` (the core's English names)
/// for the mapping selects.
fn target_label(i18n: I18n, target: &Target, settings: &WorkspaceSettings) -> String {
    let slot = |index: &u8| (u32::from(*index) + 1).to_string();
    match target {
        Target::ExternalId => tr!(i18n, "import-target-external-id"),
        Target::Kind => tr!(i18n, "import-target-kind"),
        Target::CustomerFlag => tr!(i18n, "import-target-is-client"),
        Target::SupplierFlag => tr!(i18n, "import-target-is-supplier"),
        Target::LegalName => tr!(i18n, "import-target-legal-name"),
        Target::TradeName => tr!(i18n, "import-target-trade-name"),
        Target::TaxCountry => tr!(i18n, "import-target-tax-country"),
        Target::TaxNumber => tr!(i18n, "import-target-tax-number"),
        Target::Address(index, part) => tr!(i18n, "import-target-address", {
            "number" => slot(index),
            "part" => address_part(i18n, *part),
        }),
        Target::Contact(index, part) => tr!(i18n, "import-target-contact", {
            "number" => slot(index),
            "part" => contact_part(i18n, *part),
        }),
        Target::Bank(index, part) => tr!(i18n, "import-target-bank", {
            "number" => slot(index),
            "part" => bank_part(i18n, *part),
        }),
        Target::Email => tr!(i18n, "import-target-emails"),
        Target::Phone => tr!(i18n, "import-target-phones"),
        Target::Website => tr!(i18n, "import-target-website"),
        Target::PaymentDays => tr!(i18n, "import-target-payment-days"),
        Target::PaymentMethod => tr!(i18n, "import-target-payment-method"),
        Target::Industry => tr!(i18n, "import-target-industry"),
        Target::Region => tr!(i18n, "import-target-region"),
        Target::IndustryTerm => tr!(i18n, "import-target-industry-term"),
        Target::RegionTerm => tr!(i18n, "import-target-region-term"),
        Target::Categories => tr!(i18n, "import-target-categories"),
        Target::Tags => tr!(i18n, "import-target-tags"),
        Target::Notes => tr!(i18n, "import-target-notes"),
        Target::Custom(id) => {
            let name = settings
                .custom_fields
                .get(id)
                .map_or_else(|| id.clone(), |field| field.label.clone());
            tr!(i18n, "import-target-custom", { "name" => name })
        }
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
fn skipped_rows(plan: &PartnerImportPlan, anyway: &[usize]) -> Vec<(usize, Skip)> {
    plan.rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Ready(_) => None,
            RowOutcome::Duplicate { .. } if anyway.contains(&row.line) => None,
            RowOutcome::Duplicate { of, reason, .. } => {
                Some((row.line, Skip::Duplicate(of.clone(), reason.clone())))
            }
            RowOutcome::Invalid(errors) => Some((row.line, Skip::Invalid(errors.clone()))),
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
            <p class="back"><a href="/">{move_tr!("import-back")}</a></p>
            <h1>{move_tr!("import-title")}</h1>
            <ImportSection/>
            <ExportSection/>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = use_app_state();
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let loaded = RwSignal::new(None::<Arc<Loaded>>);
    let mapping = RwSignal::new(None::<ImportMapping>);
    let plan = RwSignal::new(None::<Arc<PartnerImportPlan>>);
    // The mapping or defaults changed since the plan was made: rows must be checked again.
    let stale = RwSignal::new(false);
    let anyway = RwSignal::new(BTreeSet::<usize>::new());
    let problem = RwSignal::new(None::<Problem>);
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
            <h2 id="import-heading">{move_tr!("import-heading")}</h2>
            <p class="muted">{move_tr!("import-help")}</p>
            {move || refusal().map(|reason| view! {
                <p class="banner info" id="import-refused">{move || tr!(i18n, "import-refused", { "reason" => reason.clone() })}</p>
            })}
            <label for="import-file">{move_tr!("import-file")}</label>
            <input id="import-file" type="file"
                accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,text/plain,application/json"
                disabled=busy on:change=pick/>
            <div role="status" aria-live="polite" id="import-reading">
                {move || reading.get().then(|| view! {
                    <p><progress aria-label=move || tr!(i18n, "import-reading-label")></progress>" "{move_tr!("import-reading")}</p>
                })}
                {move || loaded.get().map(|file| view! {
                    <p id="import-read-as"><strong>{file.name.clone()}</strong>": "{move || read_as(i18n, &file)}</p>
                })}
            </div>
            {move || problem.get().map(|problem| view! {
                <p class="banner error" role="alert" id="import-problem">{move || problem_text(i18n, &problem)}</p>
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
                        {move_tr!("import-check")}
                    </button>
                </div>
            })}
            {move || stale.get().then(|| view! {
                <p class="banner warning" role="status" id="import-stale">{move_tr!("import-stale")}</p>
            })}
            {move || plan.get().map(|planned| view! {
                <PlanView plan=planned anyway=anyway/>
            })}
            {move || plan.with(Option::is_some).then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button primary" id="import-run" on:click=run
                        disabled=move || busy() || stale.get() || to_import() == 0 || refusal().is_some()
                        title=move || refusal().unwrap_or_default()>
                        {move || {
                            let number = to_import();
                            tr!(i18n, "import-run", { "count" => number, "shown" => count(i18n, number) })
                        }}
                    </button>
                </div>
            })}
            <div role="status" aria-live="polite" id="import-progress-status">
                {move || progress.get().map(|(done, total)| view! {
                    <progress id="import-progress" max=total.max(1) value=done aria-label=move || tr!(i18n, "import-progress-label")></progress>
                    <p id="import-progress-text">{move || tr!(i18n, "import-progress", { "done" => count(i18n, done), "total" => count(i18n, total) })}</p>
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
    let i18n = expect_context::<I18n>();
    let Some(initial) = mapping.get_untracked() else {
        return ().into_any();
    };
    let settings = Arc::new(state.view.with_untracked(|view| view.settings.clone()));
    let choices: Vec<(String, Target)> = Target::choices(&settings, slots_for(&initial))
        .into_iter()
        .map(|target| (target.code(), target))
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
            let header_text = {
                let header = header.clone();
                move || {
                    if header.trim().is_empty() {
                        tr!(i18n, "import-column-number", { "number" => (column + 1).to_string() })
                    } else {
                        header.clone()
                    }
                }
            };
            let select_id = format!("map-column-{column}");
            let options = choices
                .iter()
                .map(|(code, target)| {
                    let (target, settings) = (target.clone(), Arc::clone(&settings));
                    view! {
                        <option value=code.clone() selected=*code == current>
                            {move || target_label(i18n, &target, &settings)}
                        </option>
                    }
                })
                .collect_view();
            let has_samples = !samples.is_empty();
            let samples = samples.join(" · ");
            view! {
                <tr>
                    <th scope="row">
                        <span class="column-name">{header_text.clone()}</span>
                        <span class="column-samples">
                            {move || if has_samples { samples.clone() } else { tr!(i18n, "import-column-empty") }}
                        </span>
                    </th>
                    <td>
                        <label class="visually-hidden" for=select_id.clone()>
                            {move || tr!(i18n, "import-column-field", { "column" => header_text() })}
                        </label>
                        <select id=select_id on:change=move |event| {
                            let code = event_target_value(&event);
                            mapping.update(|mapping| {
                                if let Some(slot) = mapping.as_mut().and_then(|m| m.columns.get_mut(column)) {
                                    *slot = Target::from_code(&code);
                                }
                            });
                            stale.set(true);
                        }>
                            <option value="" selected=current.is_empty()>{move_tr!("import-ignore")}</option>
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
        <h3 id="mapping-heading">{move_tr!("import-columns")}</h3>
        <table class="mapping-table" id="mapping-table" aria-labelledby="mapping-heading">
            <thead>
                <tr>
                    <th scope="col">{move_tr!("import-column-header")}</th>
                    <th scope="col">{move_tr!("import-imported-into")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <div class="import-defaults">
            <div>
                <label for="import-default-kind">{move_tr!("import-default-kind")}</label>
                <select id="import-default-kind" on:change=move |event| {
                    if let Some(chosen) = PartnerKind::from_code(&event_target_value(&event)) {
                        mapping.update(|mapping| if let Some(mapping) = mapping { mapping.default_kind = chosen });
                        stale.set(true);
                    }
                }>
                    {PartnerKind::ALL.into_iter().map(|choice| view! {
                        <option value=choice.code() selected=choice == kind>{move || label(i18n, choice)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div>
                <label for="import-default-country">{move_tr!("import-default-country")}</label>
                <select id="import-default-country" on:change=move |event| {
                    let chosen = event_target_value(&event);
                    mapping.update(|mapping| if let Some(mapping) = mapping { mapping.default_country = chosen });
                    stale.set(true);
                }>
                    <option value="" selected=country.is_empty()>{move_tr!("import-no-country")}</option>
                    // Rebuilt when the language changes: names in that language, in its order.
                    {move || {
                        let chosen = mapping
                            .with_untracked(|mapping| mapping.as_ref().map(|mapping| mapping.default_country.clone()))
                            .unwrap_or_else(|| country.clone());
                        let mut choices: Vec<(&'static str, String)> = crate::validate::formats::countries()
                            .map(|(code, _)| (code, super::words::country(i18n, code)))
                            .collect();
                        choices.sort_by_cached_key(|(code, name)| (crate::text::fold(name), *code));
                        choices.into_iter().map(|(code, name)| view! {
                            <option value=code selected=code == chosen>{format!("{name} ({code})")}</option>
                        }).collect_view()
                    }}
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
    let i18n = expect_context::<I18n>();
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
                reason.clone(),
            )),
            _ => None,
        })
        .collect();
    view! {
        <h3 id="plan-heading">{move_tr!("import-plan-heading")}</h3>
        <p class="plan-summary" id="plan-summary" role="status" aria-live="polite">{move || summary_text(i18n, &plan.counts)}</p>
        {(!invalid.is_empty()).then(|| {
            let number = invalid.len();
            view! {
            <h4 id="invalid-heading">{move || tr!(i18n, "import-invalid-heading", { "count" => count(i18n, number) })}</h4>
            <ul class="row-problems" id="invalid-rows" aria-labelledby="invalid-heading" tabindex="0">
                {invalid.into_iter().map(|(line, errors)| view! {
                    <li id=format!("invalid-line-{line}") data-line=line>
                        <strong>{move || tr!(i18n, "import-line", { "line" => line.to_string() })}</strong>
                        <ul>
                            {errors.into_iter().map(|error| view! { <li>{move || field_error(i18n, &error)}</li> }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        }})}
        {(!duplicates.is_empty()).then(|| {
            let number = duplicates.len();
            view! {
            <h4 id="duplicates-heading">{move || tr!(i18n, "import-duplicates-heading", { "count" => count(i18n, number) })}</h4>
            <ul class="row-problems" id="duplicate-rows" aria-labelledby="duplicates-heading" tabindex="0">
                {duplicates.into_iter().map(|(line, name, of, reason)| {
                    let box_id = format!("import-anyway-{line}");
                    let label_for = box_id.clone();
                    let why = {
                        let of = of.clone();
                        move || duplicate_text(i18n, &of, &reason)
                    };
                    view! {
                        <li id=format!("duplicate-line-{line}")>
                            <strong>{move || tr!(i18n, "import-line-name", { "line" => line.to_string(), "name" => name.clone() })}</strong>
                            <p>{why}
                                {match of {
                                    DuplicateOf::Existing { id, .. } => Some(view! {
                                        " "<a href=format!("/partners/{id}")>{move_tr!("import-open-it")}</a>
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
                                " "{move_tr!("import-anyway")}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }})}
    }
}

/// After an import: how many were stored, what was skipped and why, and the skipped rows to
/// fix and import again.
#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // Why the skipped rows could not be saved (the browser's words).
    let download_error = RwSignal::new(None::<String>);
    let csv = report.skipped_csv.clone();
    let download = move |_| {
        if let Some((text, name)) = &csv {
            download_error.set(download_text(name, "text/csv;charset=utf-8", text).err());
        }
    };
    let skipped = report.skipped.clone();
    let (imported, planned, skipped_count) = (report.imported, report.planned, skipped.len());
    view! {
        <div class="import-report" id="import-report">
            <h3>{move_tr!("import-report-heading")}</h3>
            <p role="status" aria-live="polite" id="import-result" class="saved">
                {move || tr!(i18n, "import-result", { "count" => imported, "shown" => count(i18n, imported) })}
                {(skipped_count > 0).then(|| view! {
                    " "{move || tr!(i18n, "import-result-skipped", { "count" => skipped_count, "shown" => count(i18n, skipped_count) })}
                })}
            </p>
            {report.failure.clone().map(|(error, stored, missing)| {
                let (stored, missing) = (line_ranges(&stored), line_ranges(&missing));
                view! {
                <div class="banner error" role="alert" id="import-failure">
                    <strong>{move || tr!(i18n, "import-stopped", {
                        "imported" => count(i18n, imported),
                        "planned" => count(i18n, planned),
                        "error" => error.clone(),
                    })}</strong>
                    <p>{move || if stored.is_empty() {
                        tr!(i18n, "import-nothing-imported")
                    } else {
                        tr!(i18n, "import-imported-lines", { "lines" => stored.clone() })
                    }}</p>
                    <p>{move || tr!(i18n, "import-missing-lines", { "lines" => missing.clone() })}</p>
                </div>
            }})}
            {(!skipped.is_empty()).then(|| view! {
                <h4 id="skipped-heading">{move_tr!("import-not-imported")}</h4>
                <ul class="row-problems" id="skipped-rows" aria-labelledby="skipped-heading" tabindex="0">
                    {skipped.into_iter().map(|(line, why)| view! {
                        <li id=format!("skipped-line-{line}")>
                            <strong>{move || tr!(i18n, "import-line", { "line" => line.to_string() })}</strong>
                            " "
                            <span>{move || skip_text(i18n, &why)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {report.skipped_csv.is_some().then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button" id="download-skipped" on:click=download>
                        {move_tr!("import-download-skipped")}
                    </button>
                </div>
                <p class="muted">{move_tr!("import-download-skipped-help")}</p>
            })}
            {move || download_error.get().map(|problem| view! {
                <p class="banner error" role="alert">{move || tr!(i18n, "import-save-failed", { "problem" => problem.clone() })}</p>
            })}
        </div>
    }
}

/// What an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Search,
}

/// What the last export did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Exported {
    Saved { name: String, partners: usize },
    Failed(String),
}

/// The export formats, in button order: (id part, button label, what, extension, media type).
/// The vCard button's label is translated (`import-export-vcard`); CSV and JSON are names.
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
/// (archived ones too: the formats carry the status), by name; or what the list's search finds,
/// in the list's order.
fn export_ids(state: AppState, scope: Scope, search: &SavedSearch) -> Vec<DocumentId> {
    match scope {
        Scope::All => state.view.with_untracked(|view| {
            let mut named: Vec<(String, DocumentId)> = view
                .partners
                .iter()
                .filter(|(_, partner)| partner.merged_into.is_none())
                .map(|(id, partner)| (partner.display_name().to_lowercase(), *id))
                .collect();
            named.sort();
            named.into_iter().map(|(_, id)| id).collect()
        }),
        Scope::Search => super::list::matching_ids(state, search),
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let state = use_app_state();
    let i18n = expect_context::<I18n>();
    let query = use_query_map();
    let search = move || query.with(|map| SavedSearch::from_query(|name| map.get(name)));
    let outcome = RwSignal::new(None::<Exported>);
    let matching = Memo::new(move |_| {
        let search = search();
        if !search.narrows() {
            return 0;
        }
        state.view.track();
        export_ids(state, Scope::Search, &search).len()
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
        outcome.set(Some(match download_text(&name, media_type, &text) {
            Ok(()) => Exported::Saved {
                name,
                partners: ids.len(),
            },
            Err(problem) => Exported::Failed(problem),
        }));
    };
    let buttons = move |scope: Scope, prefix: &'static str| {
        FORMATS
            .iter()
            .enumerate()
            .map(|(index, (id, label, ..))| {
                let vcard = *id == "vcf";
                let label = *label;
                view! {
                    <button type="button" class="button secondary" id=format!("{prefix}-{id}")
                        on:click=move |_| export(scope, index)>
                        {move || if vcard { tr!(i18n, "import-export-vcard") } else { label.to_owned() }}
                    </button>
                }
            })
            .collect_view()
    };

    view! {
        <section class="export-part" aria-labelledby="export-heading">
            <h2 id="export-heading">{move_tr!("import-export-heading")}</h2>
            <p class="muted">{move_tr!("import-export-help")}</p>
            <div class="export-group" role="group" aria-labelledby="export-all-heading">
                <h3 id="export-all-heading">{move || {
                    let partners = state.view.with(|view| view.partners.values().filter(|p| p.merged_into.is_none()).count());
                    tr!(i18n, "import-export-all", { "count" => count(i18n, partners) })
                }}</h3>
                <div class="export-buttons">{buttons(Scope::All, "export-all")}</div>
            </div>
            {move || search().narrows().then(|| view! {
                <div class="export-group" role="group" aria-labelledby="export-search-heading">
                    <h3 id="export-search-heading">{move || {
                        let text = search().text;
                        if text.is_empty() {
                            tr!(i18n, "import-export-filtered", { "count" => count(i18n, matching.get()) })
                        } else {
                            tr!(i18n, "import-export-search", { "query" => text, "count" => count(i18n, matching.get()) })
                        }
                    }}</h3>
                    <div class="export-buttons">{buttons(Scope::Search, "export-search")}</div>
                </div>
            })}
            <p role="status" aria-live="polite" id="export-result">
                {move || outcome.get().map(|result| match result {
                    Exported::Saved { name, partners } => view! {
                        <span class="saved">{move || tr!(i18n, "import-export-saved", {
                            "name" => name.clone(),
                            "count" => partners,
                            "shown" => count(i18n, partners),
                        })}</span>
                    }.into_any(),
                    Exported::Failed(problem) => view! {
                        <span class="failed" role="alert">{move || tr!(i18n, "import-export-failed", { "problem" => problem.clone() })}</span>
                    }.into_any(),
                })}
            </p>
        </section>
    }
}
