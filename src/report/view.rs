//! What the reports and invoices screens show, pure: the default report period, the list of
//! invoices across partners with its filters and per-currency totals, and CSV of the tables as
//! the screens show them (partner names next to ids, so a spreadsheet reader needs no lookup).
//!
//! The screens only render these; keeping them here means the rules (which invoices count as
//! "open", how rows are ordered, what a period is) are tested natively like every other report.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{format_amount, parse_iso_date, InvoiceDirection, PartnerFinance};

use super::csv::to_csv;
use super::dates::civil_of_day;
use super::invoices::{invoice_status, AgingReport, AgingRow, InvoiceState, InvoiceStatus};
use super::partners::{MonthCount, TopRow};

/// The default period of the reports on day `today`: from the first day of the month eleven
/// months back to `today`, so the per-month chart shows twelve months, the last one so far.
pub fn default_period(today: i64) -> (i64, i64) {
    let (year, month, _) = civil_of_day(today);
    // Months counted from year 0, so going back across a year end is one subtraction.
    let index = year * 12 + i64::from(month) - 1 - 11;
    let (from_year, from_month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let from = parse_iso_date(&format!("{from_year:04}-{from_month:02}-01")).unwrap_or(today);
    (from, today)
}

/// Which way the listed invoices go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectionFilter {
    All,
    /// Issued to clients: money we are owed.
    Issued,
    /// Received from suppliers: money we owe.
    Received,
}

/// Which invoice states are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Something still owed: open, partially paid or overdue (the default).
    Unpaid,
    Overdue,
    Paid,
    /// Everything, cancelled invoices included.
    All,
}

/// The filters of the invoice list; an empty `currency` means any currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceFilter {
    pub direction: DirectionFilter,
    pub status: StatusFilter,
    pub currency: String,
}

/// One invoice of the list, with its state on the day the list was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceRow {
    pub partner_id: String,
    pub invoice_id: String,
    pub direction: InvoiceDirection,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    pub amount_minor: i64,
    pub currency: String,
    pub state: InvoiceState,
}

/// Sums of listed invoices in one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvoiceTotals {
    pub invoices: usize,
    /// Invoice amounts (cancelled invoices count 0).
    pub amount_minor: i64,
    pub open_minor: i64,
    /// The part of `open_minor` that is past due.
    pub overdue_minor: i64,
}

impl DirectionFilter {
    pub const ALL: [DirectionFilter; 3] = [
        DirectionFilter::All,
        DirectionFilter::Issued,
        DirectionFilter::Received,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DirectionFilter::All => "all",
            DirectionFilter::Issued => "issued",
            DirectionFilter::Received => "received",
        }
    }

    /// Unknown codes mean all directions.
    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|filter| filter.code() == code)
            .unwrap_or(DirectionFilter::All)
    }

    pub fn label(self) -> &'static str {
        match self {
            DirectionFilter::All => "Invoices and bills",
            DirectionFilter::Issued => "Issued to clients",
            DirectionFilter::Received => "Received from suppliers",
        }
    }

    fn admits(self, direction: InvoiceDirection) -> bool {
        match self {
            DirectionFilter::All => true,
            DirectionFilter::Issued => direction == InvoiceDirection::Issued,
            DirectionFilter::Received => direction == InvoiceDirection::Received,
        }
    }
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::Unpaid,
        StatusFilter::Overdue,
        StatusFilter::Paid,
        StatusFilter::All,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::Unpaid => "unpaid",
            StatusFilter::Overdue => "overdue",
            StatusFilter::Paid => "paid",
            StatusFilter::All => "all",
        }
    }

    /// Unknown codes mean the default, unpaid.
    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|filter| filter.code() == code)
            .unwrap_or(StatusFilter::Unpaid)
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Unpaid => "Open and overdue",
            StatusFilter::Overdue => "Overdue only",
            StatusFilter::Paid => "Paid",
            StatusFilter::All => "All, cancelled included",
        }
    }

    fn admits(self, status: InvoiceStatus) -> bool {
        match self {
            StatusFilter::Unpaid => matches!(
                status,
                InvoiceStatus::Open | InvoiceStatus::PartiallyPaid | InvoiceStatus::Overdue
            ),
            StatusFilter::Overdue => status == InvoiceStatus::Overdue,
            StatusFilter::Paid => status == InvoiceStatus::Paid,
            StatusFilter::All => true,
        }
    }
}

impl Default for InvoiceFilter {
    fn default() -> Self {
        Self {
            direction: DirectionFilter::All,
            status: StatusFilter::Unpaid,
            currency: String::new(),
        }
    }
}

/// The invoices of every partner that pass `filter` on day `today`, by due date (earliest
/// first, so what is most late comes first; unreadable due dates last), then partner and
/// number, so the order is the same on every device.
pub fn invoice_rows<'a>(
    finances: impl IntoIterator<Item = (&'a str, &'a PartnerFinance)>,
    filter: &InvoiceFilter,
    today: i64,
) -> Vec<InvoiceRow> {
    let mut rows = Vec::new();
    for (partner_id, finance) in finances {
        for (id, invoice) in &finance.invoices {
            if !filter.direction.admits(invoice.direction) {
                continue;
            }
            if !filter.currency.is_empty() && invoice.currency != filter.currency {
                continue;
            }
            let state = invoice_status(id, invoice, &finance.payments, today);
            if !filter.status.admits(state.status) {
                continue;
            }
            rows.push(InvoiceRow {
                partner_id: partner_id.to_owned(),
                invoice_id: id.clone(),
                direction: invoice.direction,
                number: invoice.number.clone(),
                issue_date: invoice.issue_date.clone(),
                due_date: invoice.due_date.clone(),
                amount_minor: invoice.amount_minor,
                currency: invoice.currency.clone(),
                state,
            });
        }
    }
    rows.sort_by(|a, b| {
        let due = |row: &InvoiceRow| parse_iso_date(&row.due_date).unwrap_or(i64::MAX);
        due(a)
            .cmp(&due(b))
            .then_with(|| a.partner_id.cmp(&b.partner_id))
            .then_with(|| a.number.cmp(&b.number))
            .then_with(|| a.invoice_id.cmp(&b.invoice_id))
    });
    rows
}

/// Totals of `rows` per currency; currencies are never added together.
pub fn invoice_totals<'a>(
    rows: impl IntoIterator<Item = &'a InvoiceRow>,
) -> BTreeMap<String, InvoiceTotals> {
    let mut totals: BTreeMap<String, InvoiceTotals> = BTreeMap::new();
    for row in rows {
        let entry = totals.entry(row.currency.clone()).or_default();
        entry.invoices += 1;
        if row.state.status != InvoiceStatus::Cancelled {
            entry.amount_minor += row.amount_minor;
        }
        entry.open_minor += row.state.open_minor;
        if row.state.status == InvoiceStatus::Overdue {
            entry.overdue_minor += row.state.open_minor;
        }
    }
    totals
}

/// Every currency any invoice is in, for the currency filter.
pub fn invoice_currencies<'a>(
    finances: impl IntoIterator<Item = &'a PartnerFinance>,
) -> BTreeSet<String> {
    finances
        .into_iter()
        .flat_map(|finance| finance.invoices.values())
        .map(|invoice| invoice.currency.clone())
        .collect()
}

/// New partners per month as CSV: month, count.
pub fn months_csv(rows: &[MonthCount]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| vec![row.month.clone(), row.count.to_string()])
        .collect();
    to_csv(&["month", "new partners"], &rows)
}

/// A top-partners report as CSV, one line per currency and rank, with the partner's name from
/// `name_of` (its id too, since names need not be unique).
pub fn top_csv(tops: &BTreeMap<String, Vec<TopRow>>, name_of: impl Fn(&str) -> String) -> String {
    let mut rows = Vec::new();
    for (currency, ranked) in tops {
        for (index, row) in ranked.iter().enumerate() {
            rows.push(vec![
                currency.clone(),
                (index + 1).to_string(),
                row.partner_id.clone(),
                name_of(&row.partner_id),
                row.invoices.to_string(),
                format_amount(row.total_minor, currency),
            ]);
        }
    }
    to_csv(
        &[
            "currency",
            "rank",
            "partner id",
            "partner",
            "invoices",
            "total",
        ],
        &rows,
    )
}

/// An aging report as CSV with partner names: one line per partner and currency (partners in
/// the order of `partner_order`, then any left), then one total line per currency with empty
/// partner fields.
pub fn aging_named_csv(
    report: &AgingReport,
    partner_order: &[String],
    name_of: impl Fn(&str) -> String,
) -> String {
    let line = |id: &str, name: String, currency: &str, row: &AgingRow| {
        let mut fields = vec![id.to_owned(), name, currency.to_owned()];
        fields.extend(
            [
                row.current,
                row.d1_30,
                row.d31_60,
                row.d61_90,
                row.over_90,
                row.total(),
            ]
            .iter()
            .map(|amount| format_amount(*amount, currency)),
        );
        fields
    };
    let mut rows = Vec::new();
    for id in ordered_partners(report, partner_order) {
        for (currency, row) in &report.by_partner[id] {
            rows.push(line(id, name_of(id), currency, row));
        }
    }
    for (currency, row) in &report.totals {
        rows.push(line("", String::new(), currency, row));
    }
    to_csv(
        &[
            "partner id",
            "partner",
            "currency",
            "current",
            "1-30",
            "31-60",
            "61-90",
            "over 90",
            "total",
        ],
        &rows,
    )
}

/// The partners of `report` in the order of `partner_order` (say, by name), then those it does
/// not mention in id order; each once.
pub fn ordered_partners<'a>(report: &'a AgingReport, partner_order: &[String]) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    let mut ids = Vec::new();
    for id in partner_order {
        if let Some((key, _)) = report.by_partner.get_key_value(id) {
            if seen.insert(key.as_str()) {
                ids.push(key.as_str());
            }
        }
    }
    for key in report.by_partner.keys() {
        if seen.insert(key.as_str()) {
            ids.push(key.as_str());
        }
    }
    ids
}
