//! CSV export of reports (RFC 4180): a header line, one line per row, CRLF line ends, and a field
//! quoted when it holds a comma, a double quote, a carriage return or a line feed, with inner
//! quotes doubled.
//!
//! Hand-written rather than the `csv` crate, which the crate does not depend on: writing is a
//! dozen lines, needs no IO (the caller turns the string into a download), and a dependency would
//! add to the browser bundle. Amounts are written as plain decimals with `.` and the currency in
//! its own column, so a spreadsheet reads them as numbers and never mixes currencies.

use crate::model::format_amount;

use super::invoices::AgingReport;
use super::partners::CountRow;

/// The CSV text of `headers` followed by `rows`.
pub fn to_csv<S: AsRef<str>>(headers: &[&str], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    write_line(&mut out, headers.iter().copied());
    for row in rows {
        write_line(&mut out, row.iter().map(AsRef::as_ref));
    }
    out
}

fn write_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (index, field) in fields.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// A count report as CSV: key, label, count.
pub fn counts_csv(rows: &[CountRow]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| vec![row.key.clone(), row.label.clone(), row.count.to_string()])
        .collect();
    to_csv(&["key", "label", "count"], &rows)
}

/// An aging report as CSV, one line per partner and currency, then the totals with an empty
/// partner id.
pub fn aging_csv(report: &AgingReport) -> String {
    let line = |partner: &str, currency: &str, row: &super::invoices::AgingRow| {
        [
            row.current,
            row.d1_30,
            row.d31_60,
            row.d61_90,
            row.over_90,
            row.total(),
        ]
        .iter()
        .map(|amount| format_amount(*amount, currency))
        .fold(
            vec![partner.to_owned(), currency.to_owned()],
            |mut fields, amount| {
                fields.push(amount);
                fields
            },
        )
    };
    let mut rows = Vec::new();
    for (partner, currencies) in &report.by_partner {
        for (currency, row) in currencies {
            rows.push(line(partner, currency, row));
        }
    }
    for (currency, row) in &report.totals {
        rows.push(line("", currency, row));
    }
    to_csv(
        &[
            "partner", "currency", "current", "1-30", "31-60", "61-90", "over 90", "total",
        ],
        &rows,
    )
}
