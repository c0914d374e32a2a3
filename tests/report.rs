//! Native tests of the pure reports: invoice status with partial payments, overdue boundaries,
//! aging buckets across month ends and a leap day, balances per currency (never summed),
//! average days to pay, top clients and suppliers in a period, partner counts and new partners
//! per month across a year end, alerts with stable ids, template filling and CSV quoting.

use std::collections::BTreeMap;

use automerge::{transaction::Transactable, ActorId, AutoCommit, ObjType, ROOT};
use partnero::model::*;
use partnero::report::*;
use partnero::text::locale::Locale;
use partnero::validate::{validate_partner, PartnerDraft};

const MS_PER_DAY: i64 = 86_400_000;

fn day(iso: &str) -> i64 {
    parse_iso_date(iso).unwrap_or_else(|| panic!("not a date: {iso}"))
}

fn invoice(
    direction: InvoiceDirection,
    issue: &str,
    due: &str,
    amount_minor: i64,
    currency: &str,
) -> Invoice {
    Invoice {
        direction,
        number: "N".into(),
        issue_date: issue.into(),
        due_date: due.into(),
        amount_minor,
        currency: currency.into(),
        reference: String::new(),
        attachment: None,
        cancelled: false,
        created_at_ms: 0,
    }
}

fn issued(due: &str, amount_minor: i64, currency: &str) -> Invoice {
    invoice(
        InvoiceDirection::Issued,
        "2026-01-01",
        due,
        amount_minor,
        currency,
    )
}

fn received(due: &str, amount_minor: i64, currency: &str) -> Invoice {
    invoice(
        InvoiceDirection::Received,
        "2026-01-01",
        due,
        amount_minor,
        currency,
    )
}

fn payment(date: &str, currency: &str, allocations: &[(&str, i64)]) -> Payment {
    Payment {
        date: date.into(),
        amount_minor: allocations.iter().map(|(_, amount)| amount).sum(),
        currency: currency.into(),
        method: PaymentMethod::BankTransfer,
        allocations: allocations
            .iter()
            .map(|(id, amount)| (id.to_string(), *amount))
            .collect(),
        note: String::new(),
        created_at_ms: 0,
    }
}

fn finance_with(
    partner: &str,
    invoices: Vec<(&str, Invoice)>,
    payments: Vec<Payment>,
) -> PartnerFinance {
    let mut finance = PartnerFinance::new(partner);
    finance.invoices = invoices
        .into_iter()
        .map(|(id, invoice)| (id.to_owned(), invoice))
        .collect();
    finance.payments = payments
        .into_iter()
        .enumerate()
        .map(|(index, payment)| (format!("p{index}"), payment))
        .collect();
    finance
}

fn partner(kind: &str, name: &str, created: &str) -> Partner {
    let profile = validate_partner(&PartnerDraft {
        kind: kind.into(),
        legal_name: name.into(),
        ..PartnerDraft::default()
    })
    .expect("valid draft");
    Partner::new(profile, day(created) * MS_PER_DAY + 13 * 3_600_000)
}

#[test]
fn day_numbers_convert_back_to_iso_dates_and_months() {
    let cases = [
        (0, "1970-01-01", "1970-01"),
        (-1, "1969-12-31", "1969-12"),
        (day("2028-02-29"), "2028-02-29", "2028-02"),
        (day("2028-02-29") + 1, "2028-03-01", "2028-03"),
        (day("2027-02-28") + 1, "2027-03-01", "2027-03"),
        (day("2000-02-29"), "2000-02-29", "2000-02"),
        (day("2100-02-28") + 1, "2100-03-01", "2100-03"),
        (day("2026-12-31") + 1, "2027-01-01", "2027-01"),
    ];
    for (number, iso, month) in cases {
        assert_eq!(iso_date_of_day(number), iso);
        assert_eq!(month_of_day(number), month);
    }
    // Every day of four centuries round-trips.
    for number in day("1900-01-01")..day("2300-01-01") {
        assert_eq!(parse_iso_date(&iso_date_of_day(number)), Some(number));
    }
    assert_eq!(
        months_between(day("2026-11-30"), day("2027-02-01")),
        ["2026-11", "2026-12", "2027-01", "2027-02"]
    );
    assert!(months_between(day("2027-01-01"), day("2026-01-01")).is_empty());
}

#[test]
fn invoice_status_follows_partial_payments() {
    let today = day("2026-03-15");
    // EUR 100.00 due 2026-03-31: (allocations of payments, status, paid, open)
    let cases: &[(&[i64], InvoiceStatus, i64, i64)] = &[
        (&[], InvoiceStatus::Open, 0, 10_000),
        (&[2_500], InvoiceStatus::PartiallyPaid, 2_500, 7_500),
        (&[2_500, 7_499], InvoiceStatus::PartiallyPaid, 9_999, 1),
        (&[2_500, 7_500], InvoiceStatus::Paid, 10_000, 0),
        // The same payment recorded on two devices: paid, never a negative open amount.
        (&[10_000, 10_000], InvoiceStatus::Paid, 20_000, 0),
    ];
    let invoice = issued("2026-03-31", 10_000, "EUR");
    for (amounts, status, paid, open) in cases {
        let payments: BTreeMap<String, Payment> = amounts
            .iter()
            .enumerate()
            .map(|(index, amount)| {
                (
                    format!("p{index}"),
                    payment("2026-03-10", "EUR", &[("inv", *amount)]),
                )
            })
            .collect();
        let state = invoice_status("inv", &invoice, &payments, today);
        assert_eq!(
            state,
            InvoiceState {
                status: *status,
                paid_minor: *paid,
                open_minor: *open,
                days_overdue: 0
            },
            "{amounts:?}"
        );
        assert_eq!(open_amount("inv", &invoice, &payments), *open);
    }
    // An allocation in another currency (a merge of two edits) pays nothing.
    let payments = BTreeMap::from([(
        "p".to_string(),
        payment("2026-03-10", "USD", &[("inv", 10_000)]),
    )]);
    assert_eq!(
        invoice_status("inv", &invoice, &payments, today).status,
        InvoiceStatus::Open
    );
    // Cancelled wins, with nothing open.
    let cancelled = Invoice {
        cancelled: true,
        ..invoice.clone()
    };
    let state = invoice_status("inv", &cancelled, &BTreeMap::new(), day("2026-06-01"));
    assert_eq!(
        (state.status, state.open_minor, state.days_overdue),
        (InvoiceStatus::Cancelled, 0, 0)
    );
    assert_eq!(open_amount("inv", &cancelled, &BTreeMap::new()), 0);
}

#[test]
fn overdue_starts_the_day_after_the_due_day() {
    let invoice = issued("2026-03-31", 10_000, "EUR");
    let partly = BTreeMap::from([(
        "p".to_string(),
        payment("2026-03-01", "EUR", &[("inv", 4_000)]),
    )]);
    let none = BTreeMap::new();
    // (payments, today, status, open, days overdue)
    let cases = [
        (&none, "2026-03-30", InvoiceStatus::Open, 10_000, 0),
        (&none, "2026-03-31", InvoiceStatus::Open, 10_000, 0),
        (&none, "2026-04-01", InvoiceStatus::Overdue, 10_000, 1),
        (&none, "2026-05-01", InvoiceStatus::Overdue, 10_000, 31),
        (
            &partly,
            "2026-03-31",
            InvoiceStatus::PartiallyPaid,
            6_000,
            0,
        ),
        // Partly paid and late: overdue, with what is still open visible.
        (&partly, "2026-04-01", InvoiceStatus::Overdue, 6_000, 1),
    ];
    for (payments, today, status, open, days) in cases {
        let state = invoice_status("inv", &invoice, payments, day(today));
        assert_eq!(
            (state.status, state.open_minor, state.days_overdue),
            (status, open, days),
            "on {today}"
        );
    }
    // A due date that does not parse is never overdue.
    let odd = issued("someday", 100, "EUR");
    assert_eq!(
        invoice_status("x", &odd, &none, day("2030-01-01")).status,
        InvoiceStatus::Open
    );
}

#[test]
fn aging_buckets_by_days_past_due() {
    let today = day("2026-06-30");
    // (days past due, bucket name)
    let cases = [
        (-5, "current"),
        (0, "current"),
        (1, "d1_30"),
        (30, "d1_30"),
        (31, "d31_60"),
        (60, "d31_60"),
        (61, "d61_90"),
        (90, "d61_90"),
        (91, "over_90"),
        (400, "over_90"),
    ];
    for (days_past_due, bucket) in cases {
        let due = iso_date_of_day(today - days_past_due);
        let finance = finance_with("p1", vec![("inv", issued(&due, 1_000, "EUR"))], vec![]);
        let report = aging([("p1", &finance)], InvoiceDirection::Issued, today);
        let row = report.totals["EUR"];
        let got = [
            ("current", row.current),
            ("d1_30", row.d1_30),
            ("d31_60", row.d31_60),
            ("d61_90", row.d61_90),
            ("over_90", row.over_90),
        ];
        for (name, amount) in got {
            let expected = if name == bucket { 1_000 } else { 0 };
            assert_eq!(
                amount, expected,
                "{days_past_due} days past due, bucket {name}"
            );
        }
        assert_eq!(row.total(), 1_000);
    }
}

#[test]
fn aging_counts_real_days_across_month_ends_and_a_leap_day() {
    // (due, today, bucket index 0..=4)
    let cases = [
        // 2028 is a leap year: from 29 February to 30 March is 30 days, to 31 March 31.
        ("2028-02-29", "2028-03-30", 1),
        ("2028-02-29", "2028-03-31", 2),
        // 2027 is not: from 28 February, 30 days land on 30 March.
        ("2027-02-28", "2027-03-30", 1),
        ("2027-02-28", "2027-03-31", 2),
        ("2028-01-31", "2028-03-01", 1),
        ("2028-01-31", "2028-03-02", 2),
        // Across a year end and a 28-day February: 60, 61, 90 and 91 days.
        ("2026-12-31", "2027-03-01", 2),
        ("2026-12-31", "2027-03-02", 3),
        ("2026-12-31", "2027-03-31", 3),
        ("2026-12-31", "2027-04-01", 4),
        ("2026-10-01", "2026-12-30", 3),
        ("2026-10-01", "2026-12-31", 4),
    ];
    for (due, today, bucket) in cases {
        let finance = finance_with("p1", vec![("inv", issued(due, 700, "EUR"))], vec![]);
        let row = aging([("p1", &finance)], InvoiceDirection::Issued, day(today)).totals["EUR"];
        let amounts = [row.current, row.d1_30, row.d31_60, row.d61_90, row.over_90];
        let mut expected = [0; 5];
        expected[bucket] = 700;
        assert_eq!(amounts, expected, "due {due}, today {today}");
    }
}

#[test]
fn aging_keeps_currencies_directions_and_partners_apart() {
    let today = day("2026-06-30");
    let one = finance_with(
        "p1",
        vec![
            ("a", issued("2026-06-20", 10_000, "EUR")),
            ("b", issued("2026-07-20", 5_000, "EUR")),
            ("c", issued("2026-06-20", 3_000, "USD")),
            ("d", received("2026-06-20", 999, "EUR")),
            ("e", issued("2026-01-10", 1_000_000, "JPY")),
        ],
        vec![payment("2026-06-25", "EUR", &[("a", 4_000)])],
    );
    let two = finance_with(
        "p2",
        vec![("x", issued("2026-04-15", 2_000, "EUR"))],
        vec![],
    );
    let report = aging(
        [("p1", &one), ("p2", &two)],
        InvoiceDirection::Issued,
        today,
    );
    assert_eq!(
        report.totals,
        BTreeMap::from([
            (
                "EUR".to_string(),
                AgingRow {
                    current: 5_000,
                    d1_30: 6_000,
                    d31_60: 0,
                    d61_90: 2_000,
                    over_90: 0
                }
            ),
            (
                "JPY".to_string(),
                AgingRow {
                    over_90: 1_000_000,
                    ..AgingRow::default()
                }
            ),
            (
                "USD".to_string(),
                AgingRow {
                    d1_30: 3_000,
                    ..AgingRow::default()
                }
            ),
        ])
    );
    assert_eq!(report.by_partner["p1"]["EUR"].total(), 11_000);
    assert_eq!(report.by_partner["p2"]["EUR"].d61_90, 2_000);
    assert_eq!(report.by_partner["p1"].len(), 3);
    let payables = aging(
        [("p1", &one), ("p2", &two)],
        InvoiceDirection::Received,
        today,
    );
    assert_eq!(payables.totals["EUR"].d1_30, 999);
    assert_eq!(payables.by_partner.keys().collect::<Vec<_>>(), ["p1"]);

    let csv = aging_csv(&payables);
    assert_eq!(
        csv,
        "partner,currency,current,1-30,31-60,61-90,over 90,total\r\n\
         p1,EUR,0.00,9.99,0.00,0.00,0.00,9.99\r\n\
         ,EUR,0.00,9.99,0.00,0.00,0.00,9.99\r\n"
    );
}

#[test]
fn balance_separates_receivable_payable_and_currencies() {
    let finance = finance_with(
        "p1",
        vec![
            ("i1", issued("2026-03-31", 10_000, "EUR")),
            ("i2", issued("2026-02-28", 2_000, "EUR")),
            ("i3", issued("2026-02-28", 50_000, "JPY")),
            ("r1", received("2026-04-30", 7_000, "EUR")),
            ("r2", received("2026-02-01", 1_500, "USD")),
            ("paid", issued("2026-02-01", 800, "GBP")),
            (
                "void",
                Invoice {
                    cancelled: true,
                    ..issued("2026-01-01", 9_999, "CHF")
                },
            ),
        ],
        vec![
            payment("2026-03-01", "EUR", &[("i1", 3_000), ("i2", 500)]),
            payment("2026-02-01", "GBP", &[("paid", 800)]),
        ],
    );
    let balances = balance(&finance, day("2026-03-15"));
    assert_eq!(
        balances,
        BTreeMap::from([
            (
                "EUR".to_string(),
                Balance {
                    receivable_minor: 8_500,
                    payable_minor: 7_000,
                    overdue_receivable_minor: 1_500,
                    overdue_payable_minor: 0,
                }
            ),
            (
                "JPY".to_string(),
                Balance {
                    receivable_minor: 50_000,
                    overdue_receivable_minor: 50_000,
                    ..Balance::default()
                }
            ),
            (
                "USD".to_string(),
                Balance {
                    payable_minor: 1_500,
                    overdue_payable_minor: 1_500,
                    ..Balance::default()
                }
            ),
        ])
    );
}

#[test]
fn average_days_to_pay_counts_fully_paid_invoices_to_their_last_payment() {
    let finance = finance_with(
        "p1",
        vec![
            // Paid in two parts: 10 then 15 days after issue; counts as 15.
            (
                "a",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-01-01",
                    "2026-01-31",
                    1_000,
                    "EUR",
                ),
            ),
            // Paid 10 days after issue.
            (
                "b",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-02-01",
                    "2026-03-01",
                    500,
                    "EUR",
                ),
            ),
            // Only partly paid: not counted.
            (
                "c",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-01-01",
                    "2026-01-31",
                    900,
                    "EUR",
                ),
            ),
            // Prepaid: 0 days, not negative.
            (
                "d",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-03-10",
                    "2026-03-10",
                    300,
                    "USD",
                ),
            ),
            // Received invoice paid by us after 31 days: the other direction.
            (
                "e",
                invoice(
                    InvoiceDirection::Received,
                    "2026-01-01",
                    "2026-01-31",
                    100,
                    "EUR",
                ),
            ),
        ],
        vec![
            payment("2026-01-11", "EUR", &[("a", 400), ("c", 100)]),
            payment("2026-01-16", "EUR", &[("a", 600)]),
            payment("2026-02-11", "EUR", &[("b", 500)]),
            payment("2026-03-01", "USD", &[("d", 300)]),
            payment("2026-02-01", "EUR", &[("e", 100)]),
        ],
    );
    let issued_days = average_days_to_pay(&finance, InvoiceDirection::Issued);
    assert_eq!(issued_days, Some((25, 3)));
    assert_eq!(format_average_days(issued_days.unwrap()), "8.3 days");
    assert_eq!(
        average_days_to_pay(&finance, InvoiceDirection::Received),
        Some((31, 1))
    );
    assert_eq!(
        average_days_to_pay(&PartnerFinance::new("x"), InvoiceDirection::Issued),
        None
    );
    let formats = [
        ((25, 2), "12.5 days"),
        ((30, 1), "30 days"),
        ((1, 1), "1 day"),
        ((0, 3), "0 days"),
        ((2, 3), "0.7 days"),
        ((1, 20), "0.1 days"),
        ((1, 21), "0 days"),
    ];
    for (pair, text) in formats {
        assert_eq!(format_average_days(pair), text, "{pair:?}");
    }
}

#[test]
fn top_clients_and_suppliers_in_a_period_per_currency() {
    let inv = |direction, issue: &str, amount, currency: &str| {
        invoice(direction, issue, issue, amount, currency)
    };
    use InvoiceDirection::{Issued, Received};
    let a = finance_with(
        "a",
        vec![
            ("1", inv(Issued, "2026-01-01", 1_000, "EUR")),
            ("2", inv(Issued, "2026-03-31", 2_000, "EUR")),
            ("3", inv(Issued, "2026-04-01", 50_000, "EUR")),
            ("4", inv(Received, "2026-02-01", 700, "EUR")),
        ],
        vec![],
    );
    let b = finance_with(
        "b",
        vec![
            ("1", inv(Issued, "2026-02-15", 2_500, "EUR")),
            ("2", inv(Issued, "2026-02-15", 9_000, "USD")),
            (
                "3",
                Invoice {
                    cancelled: true,
                    ..inv(Issued, "2026-02-16", 90_000, "EUR")
                },
            ),
            ("4", inv(Received, "2026-03-01", 800, "EUR")),
        ],
        vec![],
    );
    let c = finance_with(
        "c",
        vec![("1", inv(Issued, "2025-12-31", 99_999, "EUR"))],
        vec![],
    );
    let all = || [("a", &a), ("b", &b), ("c", &c)];
    let (from, to) = (day("2026-01-01"), day("2026-03-31"));
    let row = |partner: &str, total_minor, invoices| TopRow {
        partner_id: partner.into(),
        total_minor,
        invoices,
    };
    assert_eq!(
        top_clients(all(), from, to, 10),
        BTreeMap::from([
            (
                "EUR".to_string(),
                vec![row("a", 3_000, 2), row("b", 2_500, 1)]
            ),
            ("USD".to_string(), vec![row("b", 9_000, 1)]),
        ])
    );
    assert_eq!(
        top_clients(all(), from, to, 1)["EUR"],
        vec![row("a", 3_000, 2)]
    );
    assert_eq!(
        top_suppliers(all(), from, to, 10),
        BTreeMap::from([("EUR".to_string(), vec![row("b", 800, 1), row("a", 700, 1)])])
    );
}

#[test]
fn partner_counts_by_kind_category_industry_and_region() {
    let settings = WorkspaceSettings {
        categories: BTreeMap::from([
            (
                "sup".into(),
                Category {
                    name: "Suppliers".into(),
                    parent: None,
                    applies_to: AppliesTo::Both,
                },
            ),
            (
                "steel".into(),
                Category {
                    name: "Steel".into(),
                    parent: Some("sup".into()),
                    applies_to: AppliesTo::Both,
                },
            ),
        ]),
        industries: BTreeMap::from([(
            "metal".into(),
            Term {
                name: "Metalworking".into(),
            },
        )]),
        regions: BTreeMap::from([(
            "north".into(),
            Term {
                name: "North".into(),
            },
        )]),
        ..WorkspaceSettings::default()
    };
    let mut one = partner("supplier", "Acero SA", "2026-01-05");
    one.profile.categories = BTreeMap::from([("steel".into(), true), ("sup".into(), true)]);
    one.profile.industry_id = "metal".into();
    one.profile.region_id = "north".into();
    let mut two = partner("client", "Tienda SL", "2026-01-06");
    two.profile.industry = "Retail".into();
    two.profile.region_id = "gone".into();
    let mut three = partner("both", "Mixto SL", "2026-01-07");
    three.profile.industry = "retail ".into();
    three.profile.categories = BTreeMap::from([("steel".into(), true)]);
    let mut merged = partner("client", "Tienda copy", "2026-01-08");
    merged.merged_into = Some("two".into());
    let partners = [one, two, three, merged];

    let rows = |rows: Vec<CountRow>| -> Vec<(String, String, usize)> {
        rows.into_iter()
            .map(|row| (row.key, row.label, row.count))
            .collect()
    };
    let own = |key: &str, label: &str, count| (key.to_string(), label.to_string(), count);
    assert_eq!(
        rows(partners_by_kind(&partners)),
        [
            own("client", "Client", 1),
            own("both", "Client and supplier", 1),
            own("supplier", "Supplier", 1)
        ]
    );
    assert_eq!(
        rows(partners_by_category(&partners, &settings)),
        [
            own("steel", "Suppliers › Steel", 2),
            own("", "No category", 1),
            own("sup", "Suppliers", 1)
        ]
    );
    assert_eq!(
        rows(partners_by_industry(&partners, &settings)),
        [
            own("text:retail", "Retail", 2),
            own("metal", "Metalworking", 1)
        ]
    );
    assert_eq!(
        rows(partners_by_region(&partners, &settings)),
        [
            own("gone", "gone", 1),
            own("", "No region", 1),
            own("north", "North", 1)
        ]
    );
    let csv = counts_csv(&partners_by_category(&partners, &settings));
    assert_eq!(
        csv,
        "key,label,count\r\nsteel,Suppliers › Steel,2\r\n,No category,1\r\nsup,Suppliers,1\r\n"
    );
}

#[test]
fn new_partners_per_month_across_a_year_end() {
    let partners = [
        partner("client", "A", "2026-11-30"),
        partner("client", "B", "2026-12-01"),
        partner("client", "C", "2026-12-31"),
        partner("client", "D", "2027-01-01"),
        partner("client", "E", "2027-02-28"),
        // Outside the period on either side.
        partner("client", "F", "2026-10-31"),
        partner("client", "G", "2027-03-01"),
    ];
    let months = new_partners_per_month(&partners, day("2026-11-01"), day("2027-02-28"));
    let got: Vec<(&str, usize)> = months.iter().map(|m| (m.month.as_str(), m.count)).collect();
    assert_eq!(
        got,
        [
            ("2026-11", 1),
            ("2026-12", 2),
            ("2027-01", 1),
            ("2027-02", 1)
        ]
    );
    // Months without partners are listed with zero.
    let months = new_partners_per_month(&partners[..1], day("2026-10-01"), day("2027-01-31"));
    let got: Vec<(&str, usize)> = months.iter().map(|m| (m.month.as_str(), m.count)).collect();
    assert_eq!(
        got,
        [
            ("2026-10", 0),
            ("2026-11", 1),
            ("2026-12", 0),
            ("2027-01", 0)
        ]
    );
}

#[test]
fn partner_statistics_sum_per_currency_and_count_activity() {
    let finance = finance_with(
        "p1",
        vec![
            (
                "a",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-01-01",
                    "2026-01-31",
                    1_000,
                    "EUR",
                ),
            ),
            (
                "b",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-01-05",
                    "2026-02-04",
                    2_000,
                    "EUR",
                ),
            ),
            (
                "c",
                invoice(
                    InvoiceDirection::Issued,
                    "2026-01-05",
                    "2026-02-04",
                    300,
                    "JPY",
                ),
            ),
            (
                "d",
                invoice(
                    InvoiceDirection::Received,
                    "2026-01-05",
                    "2026-02-04",
                    400,
                    "EUR",
                ),
            ),
            (
                "e",
                Invoice {
                    cancelled: true,
                    ..invoice(
                        InvoiceDirection::Issued,
                        "2026-01-05",
                        "2026-02-04",
                        9,
                        "EUR",
                    )
                },
            ),
        ],
        vec![payment("2026-01-21", "EUR", &[("a", 1_000)])],
    );
    let mut activity = PartnerActivity::new("p1");
    for (id, at_ms) in [("i1", 5_000), ("i2", 9_000), ("i3", 7_000)] {
        activity.interactions.insert(
            id.into(),
            Interaction {
                kind: InteractionKind::Call,
                at_ms,
                author: "ana".into(),
                summary: String::new(),
                position: None,
                template_id: None,
            },
        );
    }
    activity
        .reminders
        .insert("r1".into(), reminder("2026-01-10", false, None));
    activity
        .reminders
        .insert("r2".into(), reminder("2026-01-10", true, None));
    let statistics = partner_statistics(&finance, &activity);
    assert_eq!(
        statistics,
        PartnerStatistics {
            invoiced: BTreeMap::from([("EUR".into(), 3_000), ("JPY".into(), 300)]),
            purchased: BTreeMap::from([("EUR".into(), 400)]),
            days_to_be_paid: Some((20, 1)),
            days_to_pay_them: None,
            interactions: 3,
            last_interaction_ms: Some(9_000),
            open_reminders: 1,
        }
    );
}

fn reminder(due: &str, done: bool, snoozed_until: Option<&str>) -> Reminder {
    Reminder {
        due_date: due.into(),
        text: format!("call about {due}"),
        done,
        snoozed_until: snoozed_until.map(str::to_owned),
        author: "ana".into(),
        created_at_ms: 0,
    }
}

#[test]
fn reminders_are_due_unless_done_or_snoozed_past_today() {
    let today = day("2026-03-15");
    let cases = [
        (reminder("2026-03-15", false, None), true),
        (reminder("2026-03-01", false, None), true),
        (reminder("2026-03-16", false, None), false),
        (reminder("2026-03-01", true, None), false),
        (reminder("2026-03-01", false, Some("2026-03-16")), false),
        (reminder("2026-03-01", false, Some("2026-03-15")), true),
        (reminder("2026-03-01", false, Some("2026-03-14")), true),
    ];
    for (reminder, due) in cases {
        assert_eq!(reminder.is_due(today), due, "{reminder:?}");
    }
}

/// Acme: issued invoices due in 2 days, overdue, paid and far off; a licence expiring; reminders
/// due, done and snoozed; and no tax id while the settings require one.
fn alert_fixture() -> (Partner, PartnerFinance, PartnerActivity, WorkspaceSettings) {
    let mut partner = partner("client", "Acme SL", "2026-01-01");
    partner.documents.insert(
        "doc-1".into(),
        VerificationDocument {
            kind: DocumentKind::BusinessLicence,
            number: "L-1".into(),
            issued_on: "2025-04-01".into(),
            expires_on: "2026-04-10".into(),
            file: None,
            status: ReviewStatus::Verified,
            status_by: "ana".into(),
            status_at_ms: 0,
            added_by: "ana".into(),
            added_at_ms: 0,
        },
    );
    let mut soon = issued("2026-03-17", 12_345, "EUR");
    soon.number = "F-1".into();
    let mut late = issued("2026-03-01", 5_000, "USD");
    late.number = "F-2".into();
    let mut paid = issued("2026-03-16", 100, "EUR");
    paid.number = "F-3".into();
    let mut later = received("2026-03-30", 100, "EUR");
    later.number = "S-9".into();
    let finance = finance_with(
        "acme",
        vec![
            ("inv-soon", soon),
            ("inv-late", late),
            ("inv-paid", paid),
            ("bill-later", later),
        ],
        vec![
            payment("2026-03-02", "USD", &[("inv-late", 1_000)]),
            payment("2026-03-02", "EUR", &[("inv-paid", 100)]),
        ],
    );
    let mut activity = PartnerActivity::new("acme");
    activity
        .reminders
        .insert("rem-due".into(), reminder("2026-03-14", false, None));
    activity
        .reminders
        .insert("rem-done".into(), reminder("2026-03-14", true, None));
    activity.reminders.insert(
        "rem-snoozed".into(),
        reminder("2026-03-10", false, Some("2026-03-20")),
    );
    let mut settings = WorkspaceSettings::default();
    settings.client.tax_id = true;
    (partner, finance, activity, settings)
}

#[test]
fn alerts_have_stable_ids_and_skip_done_and_snoozed_reminders() {
    let (partner, finance, activity, settings) = alert_fixture();
    let today = day("2026-03-15");
    let input = AlertInput {
        partner_id: "acme",
        partner: &partner,
        finance: Some(&finance),
        activity: Some(&activity),
    };
    let found = alerts([input], &AlertRules::default(), &settings, today);
    let got: Vec<(&str, AlertKind, String, &str)> = found
        .iter()
        .map(|alert| {
            (
                alert.id.as_str(),
                alert.kind,
                iso_date_of_day(alert.due_day),
                alert.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "invoice-overdue:acme:inv-late",
                AlertKind::InvoiceOverdue,
                "2026-03-01".to_string(),
                "Invoice F-2 to Acme SL is 14 days overdue: 40.00 USD open since 2026-03-01"
            ),
            (
                "reminder:acme:rem-due",
                AlertKind::ReminderDue,
                "2026-03-14".to_string(),
                "Follow up with Acme SL: call about 2026-03-14"
            ),
            (
                "data-missing:acme",
                AlertKind::RequiredDataMissing,
                "2026-03-15".to_string(),
                "Acme SL is missing tax id"
            ),
            (
                "invoice-due:acme:inv-soon",
                AlertKind::InvoiceDueSoon,
                "2026-03-17".to_string(),
                "Invoice F-1 to Acme SL is due on 2026-03-17: 123.45 EUR open"
            ),
            (
                "document-expiring:acme:doc-1",
                AlertKind::DocumentExpiring,
                "2026-04-10".to_string(),
                "Business licence of Acme SL expires on 2026-04-10"
            ),
        ]
    );
    // A day later the same things alert under the same ids (the overdue text changes, not the
    // id), so a dismissal stored per id still applies.
    let next_day = alerts([input], &AlertRules::default(), &settings, today + 1);
    let ids = |alerts: &[Alert]| alerts.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&next_day), ids(&found));

    // With wider windows the received bill and nothing else joins; rules switched off leave
    // nothing.
    let wide = AlertRules {
        invoice_due_in_days: Some(15),
        ..AlertRules::default()
    };
    let wide_ids = ids(&alerts([input], &wide, &settings, today));
    assert!(wide_ids.contains(&"invoice-due:acme:bill-later".to_string()));
    assert_eq!(wide_ids.len(), found.len() + 1);
    let off = AlertRules {
        invoice_due_in_days: None,
        invoice_overdue: false,
        document_expiring_in_days: Some(20),
        follow_up_dates: false,
        required_data_missing: false,
    };
    assert!(alerts([input], &off, &settings, today).is_empty());
    // Without finance or activity documents (not allowed, or not created yet) the partner's
    // own alerts remain.
    let bare = AlertInput {
        finance: None,
        activity: None,
        ..input
    };
    assert_eq!(
        ids(&alerts([bare], &AlertRules::default(), &settings, today)),
        ["data-missing:acme", "document-expiring:acme:doc-1"]
    );
    // A record merged into another partner raises nothing.
    let mut merged = partner.clone();
    merged.merged_into = Some("other".into());
    let merged_input = AlertInput {
        partner: &merged,
        ..input
    };
    assert!(alerts([merged_input], &AlertRules::default(), &settings, today).is_empty());
}

#[test]
fn alert_rules_default_and_missing_rules_read_as_defaults() {
    let rules = AlertRules::default();
    assert_eq!(
        (
            rules.invoice_due_in_days,
            rules.invoice_overdue,
            rules.document_expiring_in_days,
            rules.follow_up_dates,
            rules.required_data_missing
        ),
        (Some(3), true, Some(30), true, true)
    );
    // Rules stored before some of them existed: the missing ones read as their defaults.
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"rules-test".as_slice()));
    let map = doc.put_object(ROOT, "rules", ObjType::Map).unwrap();
    doc.put(&map, "invoice_overdue", false).unwrap();
    let read: AlertRules = autosurgeon::hydrate_prop(&doc, ROOT, "rules").unwrap();
    assert_eq!(
        read,
        AlertRules {
            invoice_overdue: false,
            ..AlertRules::default()
        }
    );
}

#[test]
fn templates_fill_known_placeholders_and_list_the_rest() {
    let template = MessageTemplate {
        name: "Reminder".into(),
        language: "en".into(),
        subject: "Invoice {invoice} from {partner}".into(),
        body: "Dear {contact},\ninvoice {invoice} of {amount} was due on {due_date}. {signature} {Partner} {} {{x} {partner".into(),
    };
    let values = TemplateValues {
        partner: Some("Acme SL".into()),
        contact: None,
        invoice: Some("F-1".into()),
        amount: Some("123.45 EUR".into()),
        due_date: Some("2026-03-17".into()),
    };
    let filled = fill_template(&template, &values);
    assert_eq!(filled.subject, "Invoice F-1 from Acme SL");
    assert_eq!(
        filled.body,
        "Dear {contact},\ninvoice F-1 of 123.45 EUR was due on 2026-03-17. {signature} {Partner} {} {{x} {partner"
    );
    assert_eq!(filled.missing, ["{contact}", "{signature}", "{x}"]);
    let all = TemplateValues {
        contact: Some("Ana".into()),
        ..values
    };
    let filled = fill_template(
        &MessageTemplate {
            name: String::new(),
            language: String::new(),
            subject: String::new(),
            body: "Hola {contact}, {partner}: {amount}".into(),
        },
        &all,
    );
    assert_eq!(
        (filled.body.as_str(), filled.missing.len()),
        ("Hola Ana, Acme SL: 123.45 EUR", 0)
    );
}

#[test]
fn csv_quotes_only_what_needs_quoting() {
    let cases: &[(&str, &str)] = &[
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        (" spaced ", " spaced "),
        ("Suppliers › Steel", "Suppliers › Steel"),
    ];
    for (field, written) in cases {
        assert_eq!(
            to_csv(&["h"], &[vec![*field]]),
            format!("h\r\n{written}\r\n"),
            "{field:?}"
        );
    }
    assert_eq!(
        to_csv(
            &["name", "amount", "currency"],
            &[
                vec!["Acme, SL".to_string(), "1234.56".into(), "EUR".into()],
                vec!["\"Quoted\"".into(), "0.00".into(), "USD".into()]
            ]
        ),
        "name,amount,currency\r\n\"Acme, SL\",1234.56,EUR\r\n\"\"\"Quoted\"\"\",0.00,USD\r\n"
    );
}

#[test]
fn the_timeline_merges_interactions_and_record_events_newest_first() {
    let supplier = partner("supplier", "Aceites del Sur S.A.", "2026-03-01");
    let mut bill = received("2026-04-30", 12_000, "EUR");
    bill.number = "F-9".into();
    bill.created_at_ms = supplier.created_at_ms + 1_000;
    let mut paid = payment("2026-04-10", "EUR", &[("b", 6_000)]);
    paid.created_at_ms = supplier.created_at_ms + 3_000;
    let finance = finance_with("s", vec![("b", bill)], vec![paid]);
    let mut activity = PartnerActivity::new("s");
    activity.interactions.insert(
        "v".into(),
        Interaction {
            kind: InteractionKind::Visit,
            at_ms: supplier.created_at_ms + 2_000,
            author: "ana".into(),
            summary: "Tasted the new harvest".into(),
            position: None,
            template_id: None,
        },
    );
    let entries = timeline(&supplier, Some(&finance), Some(&activity));
    let texts: Vec<&str> = entries.iter().map(|entry| entry.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Payment of 60.00 EUR recorded (2026-04-10)",
            "Visit",
            "Bill F-9 recorded: 120.00 EUR, due 2026-04-30",
            "Registered",
        ]
    );
    assert!(matches!(&entries[1].kind, TimelineKind::Interaction(row, _) if row == "v"));
    // Without finance or activity, only what happened to the record.
    assert_eq!(timeline(&supplier, None, None).len(), 1);
}

#[test]
fn template_values_name_the_partner_contact_and_first_open_invoice() {
    let mut client = partner("client", "Hotel Miramar S.L.", "2026-01-10");
    client.profile.contacts.push(Contact {
        id: "c".into(),
        name: "Lucía Pérez".into(),
        role: String::new(),
        email: String::new(),
        phone: String::new(),
    });
    let mut later = issued("2026-06-30", 50_000, "EUR");
    later.number = "A-2".into();
    let mut sooner = issued("2026-05-31", 20_000, "EUR");
    sooner.number = "A-1".into();
    let mut settled = issued("2026-04-30", 10_000, "EUR");
    settled.number = "A-0".into();
    let finance = finance_with(
        "h",
        vec![("a2", later), ("a1", sooner), ("a0", settled)],
        vec![payment(
            "2026-05-01",
            "EUR",
            &[("a0", 10_000), ("a1", 5_000)],
        )],
    );
    let values = template_values(&client, Some(&finance), day("2026-05-15"));
    assert_eq!(values.partner.as_deref(), Some("Hotel Miramar S.L."));
    assert_eq!(values.contact.as_deref(), Some("Lucía Pérez"));
    assert_eq!(
        values.invoice.as_deref(),
        Some("A-1"),
        "the paid one is skipped"
    );
    assert_eq!(
        values.amount.as_deref(),
        Some("150.00 EUR"),
        "what is still open"
    );
    assert_eq!(values.due_date.as_deref(), Some("2026-05-31"));
    // A Spanish template gets them as Spanish writes them.
    let spanish = template_values_in(&client, Some(&finance), day("2026-05-15"), Locale::Spanish);
    assert_eq!(
        (spanish.amount.as_deref(), spanish.due_date.as_deref()),
        (Some("150,00 EUR"), Some("31 may 2026"))
    );
    let none = template_values(&client, None, day("2026-05-15"));
    assert_eq!(
        (none.invoice, none.amount, none.due_date),
        (None, None, None)
    );
}

#[test]
fn alerts_marked_done_or_snoozed_are_hidden_until_their_day() {
    let alert = |id: &str, due: &str| Alert {
        id: id.into(),
        partner_id: "p".into(),
        kind: AlertKind::InvoiceDueSoon,
        due_day: day(due),
        text: id.into(),
        partner_name: "p".into(),
        subject: AlertSubject::Reminder { text: id.into() },
    };
    let all = vec![
        alert("c", "2026-05-03"),
        alert("a", "2026-05-01"),
        alert("b", "2026-05-01"),
        alert("d", "2026-05-04"),
    ];
    let mut marks = BTreeMap::new();
    marks.insert(
        "c".to_owned(),
        AlertMark {
            done: true,
            snoozed_until: None,
        },
    );
    marks.insert(
        "d".to_owned(),
        AlertMark {
            done: false,
            snoozed_until: Some("2026-05-10".into()),
        },
    );
    let ids = |today: &str| -> Vec<String> {
        visible_alerts(all.clone(), &marks, day(today))
            .into_iter()
            .map(|alert| alert.id)
            .collect()
    };
    assert_eq!(ids("2026-05-02"), ["a", "b"], "soonest first, then by id");
    assert_eq!(
        ids("2026-05-10"),
        ["a", "b", "d"],
        "a snooze ends on its day"
    );
}
