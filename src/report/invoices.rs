//! Invoice status, balances, average days to pay and aging, from finance documents.
//!
//! An invoice's state is derived, never stored: it follows from its amount, the payments
//! allocated to it and the day it is looked at, so two devices cannot disagree about it after a
//! merge.

use std::collections::BTreeMap;

use crate::model::{
    allocated_minor, open_minor_of, parse_iso_date, Invoice, InvoiceDirection, PartnerFinance,
    Payment,
};

/// Where an invoice stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InvoiceStatus {
    /// Nothing paid yet, not yet past due.
    Open,
    /// Something paid, something still open, not yet past due.
    PartiallyPaid,
    /// Nothing left open.
    Paid,
    /// Past its due day with something still open (paid in part or not at all).
    Overdue,
    Cancelled,
}

/// An invoice's status with the numbers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceState {
    pub status: InvoiceStatus,
    /// Allocated by payments in the invoice's currency (may exceed the amount after two devices
    /// recorded the same payment).
    pub paid_minor: i64,
    /// Still owed; 0 when paid or cancelled.
    pub open_minor: i64,
    /// Days past the due day; 0 unless overdue.
    pub days_overdue: i64,
}

/// What is owed per currency on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Balance {
    /// Open on issued invoices: the partner owes us.
    pub receivable_minor: i64,
    /// Open on received invoices: we owe the partner.
    pub payable_minor: i64,
    /// The part of `receivable_minor` that is past due.
    pub overdue_receivable_minor: i64,
    /// The part of `payable_minor` that is past due.
    pub overdue_payable_minor: i64,
}

/// Open amounts by days past due, in one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgingRow {
    /// Not yet due (due today counts as current).
    pub current: i64,
    pub d1_30: i64,
    pub d31_60: i64,
    pub d61_90: i64,
    pub over_90: i64,
}

/// Aging of open invoices of one direction: totals per currency, and per partner per currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgingReport {
    pub totals: BTreeMap<String, AgingRow>,
    /// Partner id -> currency -> row; partners with nothing open are left out.
    pub by_partner: BTreeMap<String, BTreeMap<String, AgingRow>>,
}

impl InvoiceStatus {
    pub fn code(self) -> &'static str {
        match self {
            InvoiceStatus::Open => "open",
            InvoiceStatus::PartiallyPaid => "partially_paid",
            InvoiceStatus::Paid => "paid",
            InvoiceStatus::Overdue => "overdue",
            InvoiceStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            InvoiceStatus::Open => "Open",
            InvoiceStatus::PartiallyPaid => "Partially paid",
            InvoiceStatus::Paid => "Paid",
            InvoiceStatus::Overdue => "Overdue",
            InvoiceStatus::Cancelled => "Cancelled",
        }
    }
}

impl AgingRow {
    pub fn total(&self) -> i64 {
        self.current + self.d1_30 + self.d31_60 + self.d61_90 + self.over_90
    }

    /// Adds `amount` to the bucket of an invoice `days_past_due` days past its due day (zero or
    /// less: current).
    pub fn add(&mut self, days_past_due: i64, amount: i64) {
        let bucket = match days_past_due {
            i64::MIN..=0 => &mut self.current,
            1..=30 => &mut self.d1_30,
            31..=60 => &mut self.d31_60,
            61..=90 => &mut self.d61_90,
            _ => &mut self.over_90,
        };
        *bucket += amount;
    }
}

/// What is still owed on invoice `invoice_id` under `payments` (0 when cancelled).
pub fn open_amount(
    invoice_id: &str,
    invoice: &Invoice,
    payments: &BTreeMap<String, Payment>,
) -> i64 {
    if invoice.cancelled {
        0
    } else {
        open_minor_of(invoice_id, invoice, payments, None)
    }
}

/// The state of invoice `invoice_id` on day `today`. Overdue means the due day is before today
/// (on the due day itself it is not late yet) and something is still open. An invoice whose
/// due date does not parse is never overdue: there is no day to be late against.
pub fn invoice_status(
    invoice_id: &str,
    invoice: &Invoice,
    payments: &BTreeMap<String, Payment>,
    today: i64,
) -> InvoiceState {
    let paid_minor = allocated_minor(invoice_id, &invoice.currency, payments, None);
    if invoice.cancelled {
        return InvoiceState {
            status: InvoiceStatus::Cancelled,
            paid_minor,
            open_minor: 0,
            days_overdue: 0,
        };
    }
    let open_minor = open_minor_of(invoice_id, invoice, payments, None);
    let days_overdue = parse_iso_date(&invoice.due_date)
        .map(|due| today - due)
        .filter(|days| *days > 0 && open_minor > 0)
        .unwrap_or(0);
    let status = if open_minor == 0 {
        InvoiceStatus::Paid
    } else if days_overdue > 0 {
        InvoiceStatus::Overdue
    } else if paid_minor > 0 {
        InvoiceStatus::PartiallyPaid
    } else {
        InvoiceStatus::Open
    };
    InvoiceState {
        status,
        paid_minor,
        open_minor,
        days_overdue,
    }
}

/// Open receivables and payables of one partner per currency on day `today`. Currencies with
/// nothing open are left out.
pub fn balance(finance: &PartnerFinance, today: i64) -> BTreeMap<String, Balance> {
    let mut balances: BTreeMap<String, Balance> = BTreeMap::new();
    for (id, invoice) in &finance.invoices {
        let state = invoice_status(id, invoice, &finance.payments, today);
        if state.open_minor == 0 {
            continue;
        }
        let overdue = if state.status == InvoiceStatus::Overdue {
            state.open_minor
        } else {
            0
        };
        let entry = balances.entry(invoice.currency.clone()).or_default();
        match invoice.direction {
            InvoiceDirection::Issued => {
                entry.receivable_minor += state.open_minor;
                entry.overdue_receivable_minor += overdue;
            }
            InvoiceDirection::Received => {
                entry.payable_minor += state.open_minor;
                entry.overdue_payable_minor += overdue;
            }
        }
    }
    balances
}

/// How long invoices of `direction` took to be paid in full, as (total days, invoices): for
/// issued invoices how fast the client pays us, for received ones how fast we pay. An invoice
/// counts once fully paid; its payment day is the latest date among the payments allocated to
/// it. Days are from the issue date, and a prepayment counts as 0 days. `None` when no invoice
/// qualifies. A pair rather than a float: the caller divides only to display
/// ([`format_average_days`]).
pub fn average_days_to_pay(
    finance: &PartnerFinance,
    direction: InvoiceDirection,
) -> Option<(i64, i64)> {
    let mut total_days = 0i64;
    let mut invoices = 0i64;
    for (id, invoice) in &finance.invoices {
        if invoice.cancelled || invoice.direction != direction {
            continue;
        }
        if open_minor_of(id, invoice, &finance.payments, None) > 0 {
            continue;
        }
        let Some(issued) = parse_iso_date(&invoice.issue_date) else {
            continue;
        };
        let paid_on = finance
            .payments
            .values()
            .filter(|payment| payment.currency == invoice.currency)
            .filter(|payment| {
                payment
                    .allocations
                    .get(id)
                    .is_some_and(|amount| *amount > 0)
            })
            .filter_map(|payment| parse_iso_date(&payment.date))
            .max();
        if let Some(paid_on) = paid_on {
            total_days += (paid_on - issued).max(0);
            invoices += 1;
        }
    }
    (invoices > 0).then_some((total_days, invoices))
}

/// "12.5 days", "1 day", "3 days": the average of [`average_days_to_pay`] to one decimal,
/// rounded half up in integers.
pub fn format_average_days(average: (i64, i64)) -> String {
    let Some(tenths) = average_tenths(average) else {
        return String::new();
    };
    let (whole, tenth) = (tenths / 10, tenths % 10);
    match (whole, tenth) {
        (1, 0) => "1 day".to_owned(),
        (whole, 0) => format!("{whole} days"),
        (whole, tenth) => format!("{whole}.{tenth} days"),
    }
}

/// The average `(total days, invoices)` in tenths of a day, rounded half up in integers;
/// `None` without invoices. Every language writes it from these tenths.
pub fn average_tenths((total_days, invoices): (i64, i64)) -> Option<i64> {
    (invoices > 0).then(|| (total_days * 10 * 2 + invoices) / (invoices * 2))
}

/// Aging of the open invoices of `direction` across partners on day `today`: issued invoices
/// give the receivables aging, received ones the payables aging.
pub fn aging<'a>(
    finances: impl IntoIterator<Item = (&'a str, &'a PartnerFinance)>,
    direction: InvoiceDirection,
    today: i64,
) -> AgingReport {
    let mut report = AgingReport::default();
    for (partner_id, finance) in finances {
        for (id, invoice) in &finance.invoices {
            if invoice.direction != direction {
                continue;
            }
            let open = open_amount(id, invoice, &finance.payments);
            if open == 0 {
                continue;
            }
            let days_past_due = parse_iso_date(&invoice.due_date).map_or(0, |due| today - due);
            report
                .totals
                .entry(invoice.currency.clone())
                .or_default()
                .add(days_past_due, open);
            report
                .by_partner
                .entry(partner_id.to_owned())
                .or_default()
                .entry(invoice.currency.clone())
                .or_default()
                .add(days_past_due, open);
        }
    }
    report
}
