//! Reports over the registry, pure: invoice status and balances, aging, partner counts and
//! rankings, per-partner statistics, alerts, CSV export, and the exchange of finance rows
//! with other systems (CSV and JSON, both ways).
//!
//! Everything here is a plain function of documents already hydrated and of `today` (a day
//! number, see `model::day_of`) passed in by the caller: no clock, no IO. Amounts stay integer
//! minor units grouped by ISO 4217 currency; no report ever adds two currencies together, since
//! any exchange rate would be a guess made at some moment. The only fractional value is a
//! display string (an average number of days), derived on the way out, never stored.

pub mod alerts;
pub mod csv;
pub mod dates;
pub mod exchange;
pub mod invoices;
pub mod marks;
pub mod partner_export;
pub mod partner_import;
pub mod partners;
pub mod timeline;
pub mod view;

pub use alerts::{alert_date, alerts, Alert, AlertInput, AlertKind, AlertSubject};
pub use csv::{aging_csv, counts_csv, to_csv};
pub use dates::{civil_of_day, iso_date_of_day, month_of_day, months_between};
pub use exchange::{
    apply_plan, export_csv, export_json, import_summary, parse_import, plan_import, Change,
    ExchangeFormat, ExchangeKind, ImportCounts, ImportError, ImportPartner, ImportPlan,
    ImportRecord, ImportRow,
};
pub use invoices::{
    aging, average_days_to_pay, balance, format_average_days, invoice_status, open_amount,
    AgingReport, AgingRow, Balance, InvoiceState, InvoiceStatus,
};
pub use marks::{visible_alerts, AlertMark};
pub use partner_export::{contacts_vcard, export_file_name, partners_csv, partners_json};
pub use partner_import::{
    decode, parse_csv, plan_partner_import, plan_partner_json_import, plan_summary,
    skipped_rows_csv, suggest_mapping, DecodedText, DuplicateOf, FileError, ImportMapping,
    PartnerImportPlan, PlanCounts, PlannedRow, RowOutcome, Table, TableRow, Target,
};
pub use partners::{
    new_partners_per_month, partner_statistics, partners_by_category, partners_by_industry,
    partners_by_kind, partners_by_region, top_clients, top_partners, top_suppliers, CountRow,
    MonthCount, PartnerStatistics, TopRow,
};
pub use timeline::{
    template_values, template_values_in, timeline, TimelineEntry, TimelineEvent, TimelineKind,
};
