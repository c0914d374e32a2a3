//! Native tests of what the reports and invoices screens show (`report::view`): the default
//! period across a year end, the cross-partner invoice list (filters, statuses, order, totals
//! per currency never summed) and the CSV of the screens' tables with partner names.

use std::collections::BTreeMap;

use partnero::model::*;
use partnero::report::view::*;
use partnero::report::{aging, iso_date_of_day, InvoiceStatus, MonthCount, TopRow};

fn day(iso: &str) -> i64 {
    parse_iso_date(iso).unwrap_or_else(|| panic!("not a date: {iso}"))
}

fn invoice(
    direction: InvoiceDirection,
    number: &str,
    due: &str,
    amount_minor: i64,
    currency: &str,
) -> Invoice {
    Invoice {
        direction,
        number: number.into(),
        issue_date: "2026-01-01".into(),
        due_date: due.into(),
        amount_minor,
        currency: currency.into(),
        reference: String::new(),
        attachment: None,
        cancelled: false,
        created_at_ms: 0,
    }
}

fn paying(invoice_id: &str, amount_minor: i64, currency: &str) -> Payment {
    Payment {
        date: "2026-02-01".into(),
        amount_minor,
        currency: currency.into(),
        method: PaymentMethod::BankTransfer,
        allocations: [(invoice_id.to_owned(), amount_minor)]
            .into_iter()
            .collect(),
        note: String::new(),
        created_at_ms: 0,
    }
}

/// Two partners: "a" with a client invoice overdue, one partly paid, one paid and one
/// cancelled; "b" a supplier bill in another currency, not yet due.
fn finances() -> Vec<(String, PartnerFinance)> {
    let mut a = PartnerFinance::new("a");
    a.invoices.insert(
        "late".into(),
        invoice(InvoiceDirection::Issued, "A-1", "2026-03-01", 10_000, "EUR"),
    );
    a.invoices.insert(
        "part".into(),
        invoice(InvoiceDirection::Issued, "A-2", "2026-05-01", 5_000, "EUR"),
    );
    a.invoices.insert(
        "paid".into(),
        invoice(InvoiceDirection::Issued, "A-3", "2026-02-01", 2_000, "EUR"),
    );
    let mut cancelled = invoice(InvoiceDirection::Issued, "A-4", "2026-01-15", 700, "EUR");
    cancelled.cancelled = true;
    a.invoices.insert("void".into(), cancelled);
    a.payments.insert("p1".into(), paying("part", 1_500, "EUR"));
    a.payments.insert("p2".into(), paying("paid", 2_000, "EUR"));
    let mut b = PartnerFinance::new("b");
    b.invoices.insert(
        "bill".into(),
        invoice(InvoiceDirection::Received, "B-9", "2026-04-20", 300, "JPY"),
    );
    vec![("a".into(), a), ("b".into(), b)]
}

fn listed(filter: &InvoiceFilter, today: i64) -> Vec<InvoiceRow> {
    let finances = finances();
    invoice_rows(
        finances.iter().map(|(id, finance)| (id.as_str(), finance)),
        filter,
        today,
    )
}

fn numbers(rows: &[InvoiceRow]) -> Vec<&str> {
    rows.iter().map(|row| row.number.as_str()).collect()
}

#[test]
fn default_period_is_twelve_months_ending_today() {
    let (from, to) = default_period(day("2026-11-27"));
    assert_eq!(iso_date_of_day(from), "2025-12-01");
    assert_eq!(iso_date_of_day(to), "2026-11-27");
    // Across a year end, and from January.
    let (from, _) = default_period(day("2026-01-31"));
    assert_eq!(iso_date_of_day(from), "2025-02-01");
    let (from, _) = default_period(day("2024-02-29"));
    assert_eq!(iso_date_of_day(from), "2023-03-01");
}

#[test]
fn default_invoice_list_is_open_and_overdue_by_due_date() {
    let rows = listed(&InvoiceFilter::default(), day("2026-04-10"));
    assert_eq!(numbers(&rows), ["A-1", "B-9", "A-2"]);
    assert_eq!(rows[0].state.status, InvoiceStatus::Overdue);
    assert_eq!(rows[0].state.days_overdue, 40);
    assert_eq!(rows[0].partner_id, "a");
    assert_eq!(rows[2].state.status, InvoiceStatus::PartiallyPaid);
    assert_eq!(rows[2].state.open_minor, 3_500);
}

#[test]
fn invoice_filters_by_status_direction_and_currency() {
    let today = day("2026-04-10");
    let only = |direction, status, currency: &str| {
        numbers(&listed(
            &InvoiceFilter {
                direction,
                status,
                currency: currency.into(),
            },
            today,
        ))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>()
    };
    use DirectionFilter as D;
    use StatusFilter as S;
    assert_eq!(only(D::All, S::Overdue, ""), ["A-1"]);
    assert_eq!(only(D::All, S::Paid, ""), ["A-3"]);
    assert_eq!(
        only(D::All, S::All, ""),
        ["A-4", "A-3", "A-1", "B-9", "A-2"]
    );
    assert_eq!(only(D::Received, S::Unpaid, ""), ["B-9"]);
    assert_eq!(only(D::Issued, S::Unpaid, ""), ["A-1", "A-2"]);
    assert_eq!(only(D::All, S::Unpaid, "JPY"), ["B-9"]);
    assert!(only(D::Issued, S::Unpaid, "JPY").is_empty());
}

#[test]
fn filter_codes_round_trip_and_default_when_unknown() {
    for filter in DirectionFilter::ALL {
        assert_eq!(DirectionFilter::from_code(filter.code()), filter);
    }
    for filter in StatusFilter::ALL {
        assert_eq!(StatusFilter::from_code(filter.code()), filter);
    }
    assert_eq!(DirectionFilter::from_code("sideways"), DirectionFilter::All);
    assert_eq!(StatusFilter::from_code(""), StatusFilter::Unpaid);
}

#[test]
fn totals_are_per_currency_and_leave_cancelled_amounts_out() {
    let rows = listed(
        &InvoiceFilter {
            status: StatusFilter::All,
            ..InvoiceFilter::default()
        },
        day("2026-04-10"),
    );
    let totals = invoice_totals(&rows);
    assert_eq!(totals.len(), 2);
    assert_eq!(
        totals["EUR"],
        InvoiceTotals {
            invoices: 4,
            amount_minor: 17_000,
            open_minor: 13_500,
            overdue_minor: 10_000,
        }
    );
    assert_eq!(
        totals["JPY"],
        InvoiceTotals {
            invoices: 1,
            amount_minor: 300,
            open_minor: 300,
            overdue_minor: 0,
        }
    );
}

#[test]
fn currencies_of_all_invoices() {
    let finances = finances();
    let currencies = invoice_currencies(finances.iter().map(|(_, finance)| finance));
    assert_eq!(
        currencies.into_iter().collect::<Vec<_>>(),
        ["EUR".to_owned(), "JPY".to_owned()]
    );
}

#[test]
fn aging_csv_names_partners_in_the_given_order_then_totals() {
    let finances = finances();
    let report = aging(
        finances.iter().map(|(id, finance)| (id.as_str(), finance)),
        InvoiceDirection::Issued,
        day("2026-04-10"),
    );
    let order = ["zz-unknown".to_owned(), "a".to_owned()];
    let csv = aging_named_csv(&report, &order, |id| format!("Name of {id}, Ltd"));
    assert_eq!(
        csv,
        "partner id,partner,currency,current,1-30,31-60,61-90,over 90,total\r\n\
         a,\"Name of a, Ltd\",EUR,35.00,0.00,100.00,0.00,0.00,135.00\r\n\
         ,,EUR,35.00,0.00,100.00,0.00,0.00,135.00\r\n"
    );
    assert_eq!(ordered_partners(&report, &[]), ["a"]);
}

#[test]
fn top_and_month_csv() {
    let tops: BTreeMap<String, Vec<TopRow>> = [(
        "EUR".to_owned(),
        vec![
            TopRow {
                partner_id: "a".into(),
                total_minor: 123_456,
                invoices: 3,
            },
            TopRow {
                partner_id: "b".into(),
                total_minor: 5,
                invoices: 1,
            },
        ],
    )]
    .into_iter()
    .collect();
    let csv = top_csv(&tops, |id| id.to_uppercase());
    assert_eq!(
        csv,
        "currency,rank,partner id,partner,invoices,total\r\n\
         EUR,1,a,A,3,1234.56\r\n\
         EUR,2,b,B,1,0.05\r\n"
    );
    let months = [
        MonthCount {
            month: "2025-12".into(),
            count: 2,
        },
        MonthCount {
            month: "2026-01".into(),
            count: 0,
        },
    ];
    assert_eq!(
        months_csv(&months),
        "month,new partners\r\n2025-12,2\r\n2026-01,0\r\n"
    );
}
