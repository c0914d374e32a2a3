//! Reports over partners: counts by kind, category, industry and region, new partners per
//! month, top clients and suppliers over a period, and one partner's statistics.
//!
//! Records merged into another partner are left out of the counts: they are archived copies of
//! a partner counted under its surviving record. Archived partners are counted; a caller that
//! wants only active ones filters first.

use std::collections::BTreeMap;

use crate::model::{
    day_of, parse_iso_date, InvoiceDirection, Partner, PartnerActivity, PartnerFinance,
    PartnerKind, WorkspaceSettings,
};

use super::dates::{month_of_day, months_between};
use super::invoices::average_days_to_pay;

/// One line of a count report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRow {
    /// Stable key: a kind code, a term or category id, `text:<free text>` for older records
    /// that only have free text, or empty for "none".
    pub key: String,
    /// What to show: a kind label, a term name, a category path ("Suppliers › Steel").
    pub label: String,
    pub count: usize,
}

/// Partners created in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub count: usize,
}

/// A partner's invoiced total in one currency over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopRow {
    pub partner_id: String,
    pub total_minor: i64,
    pub invoices: usize,
}

/// One partner's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerStatistics {
    /// Issued, not cancelled invoices: currency -> total.
    pub invoiced: BTreeMap<String, i64>,
    /// Received, not cancelled invoices: currency -> total.
    pub purchased: BTreeMap<String, i64>,
    /// How fast the partner pays us, as (total days, invoices).
    pub days_to_be_paid: Option<(i64, i64)>,
    /// How fast we pay the partner, as (total days, invoices).
    pub days_to_pay_them: Option<(i64, i64)>,
    pub interactions: usize,
    pub last_interaction_ms: Option<i64>,
    /// Reminders not done yet.
    pub open_reminders: usize,
}

fn counted<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
) -> impl Iterator<Item = &'a Partner> {
    partners
        .into_iter()
        .filter(|partner| partner.merged_into.is_none())
}

/// Most partners first, then by label, so the order is the same on every device.
fn sorted(counts: BTreeMap<String, (String, usize)>) -> Vec<CountRow> {
    let mut rows: Vec<CountRow> = counts
        .into_iter()
        .map(|(key, (label, count))| CountRow { key, label, count })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label.to_lowercase().cmp(&b.label.to_lowercase()))
            .then_with(|| a.key.cmp(&b.key))
    });
    rows
}

/// Partners per kind (client, supplier, both); kinds without partners are listed with 0.
pub fn partners_by_kind<'a>(partners: impl IntoIterator<Item = &'a Partner>) -> Vec<CountRow> {
    let mut counts: BTreeMap<String, (String, usize)> = PartnerKind::ALL
        .into_iter()
        .map(|kind| (kind.code().to_owned(), (kind.label().to_owned(), 0)))
        .collect();
    for partner in counted(partners) {
        if let Some(entry) = counts.get_mut(partner.profile.kind.code()) {
            entry.1 += 1;
        }
    }
    sorted(counts)
}

/// Partners per category; a partner in several categories counts in each, a partner in none
/// counts under the empty key. Unknown category ids (not synced yet) are shown by id.
pub fn partners_by_category<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    settings: &WorkspaceSettings,
) -> Vec<CountRow> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for partner in counted(partners) {
        if partner.profile.categories.is_empty() {
            counts
                .entry(String::new())
                .or_insert_with(|| ("No category".to_owned(), 0))
                .1 += 1;
        }
        for id in partner.profile.categories.keys() {
            let path = settings.category_path(id);
            let label = if path.is_empty() {
                id.clone()
            } else {
                path.join(" › ")
            };
            counts.entry(id.clone()).or_insert_with(|| (label, 0)).1 += 1;
        }
    }
    sorted(counts)
}

/// Partners per industry (the settings' term, or the free text older records carry).
pub fn partners_by_industry<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    settings: &WorkspaceSettings,
) -> Vec<CountRow> {
    by_term(partners, &settings.industries, "No industry", |partner| {
        (&partner.profile.industry_id, &partner.profile.industry)
    })
}

/// Partners per region (the settings' term, or the free text older records carry).
pub fn partners_by_region<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    settings: &WorkspaceSettings,
) -> Vec<CountRow> {
    by_term(partners, &settings.regions, "No region", |partner| {
        (&partner.profile.region_id, &partner.profile.region)
    })
}

fn by_term<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    terms: &BTreeMap<String, crate::model::Term>,
    none_label: &str,
    pick: impl Fn(&'a Partner) -> (&'a String, &'a String),
) -> Vec<CountRow> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for partner in counted(partners) {
        let (id, text) = pick(partner);
        let text = text.trim();
        let (key, label) = if !id.is_empty() {
            let label = terms.get(id).map_or_else(|| id.clone(), |t| t.name.clone());
            (id.clone(), label)
        } else if !text.is_empty() {
            // Free text from before the lists: grouped case-insensitively, shown as first met.
            (format!("text:{}", text.to_lowercase()), text.to_owned())
        } else {
            (String::new(), none_label.to_owned())
        };
        counts.entry(key).or_insert_with(|| (label, 0)).1 += 1;
    }
    sorted(counts)
}

/// Partners created per month from the month of `from_day` to the month of `to_day`, every
/// month listed (0 included) so charts have no gaps. Creation is `created_at_ms`, read in UTC.
pub fn new_partners_per_month<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    from_day: i64,
    to_day: i64,
) -> Vec<MonthCount> {
    let mut counts: BTreeMap<String, usize> = months_between(from_day, to_day)
        .into_iter()
        .map(|month| (month, 0))
        .collect();
    for partner in counted(partners) {
        let day = day_of(partner.created_at_ms);
        if (from_day..=to_day).contains(&day) {
            if let Some(count) = counts.get_mut(&month_of_day(day)) {
                *count += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(month, count)| MonthCount { month, count })
        .collect()
}

/// The partners with the highest totals of `direction` invoices issued in `[from_day, to_day]`
/// (both included), per currency, at most `limit` per currency; cancelled invoices left out.
/// Ties are broken by partner id so the order is stable.
pub fn top_partners<'a>(
    finances: impl IntoIterator<Item = (&'a str, &'a PartnerFinance)>,
    direction: InvoiceDirection,
    from_day: i64,
    to_day: i64,
    limit: usize,
) -> BTreeMap<String, Vec<TopRow>> {
    let mut totals: BTreeMap<String, BTreeMap<String, (i64, usize)>> = BTreeMap::new();
    for (partner_id, finance) in finances {
        for invoice in finance.invoices.values() {
            if invoice.cancelled || invoice.direction != direction {
                continue;
            }
            let in_period = parse_iso_date(&invoice.issue_date)
                .is_some_and(|day| (from_day..=to_day).contains(&day));
            if !in_period {
                continue;
            }
            let entry = totals
                .entry(invoice.currency.clone())
                .or_default()
                .entry(partner_id.to_owned())
                .or_default();
            entry.0 += invoice.amount_minor;
            entry.1 += 1;
        }
    }
    totals
        .into_iter()
        .map(|(currency, by_partner)| {
            let mut rows: Vec<TopRow> = by_partner
                .into_iter()
                .map(|(partner_id, (total_minor, invoices))| TopRow {
                    partner_id,
                    total_minor,
                    invoices,
                })
                .collect();
            rows.sort_by(|a, b| {
                b.total_minor
                    .cmp(&a.total_minor)
                    .then_with(|| a.partner_id.cmp(&b.partner_id))
            });
            rows.truncate(limit);
            (currency, rows)
        })
        .collect()
}

/// Top clients by amount invoiced (issued invoices) in the period, per currency.
pub fn top_clients<'a>(
    finances: impl IntoIterator<Item = (&'a str, &'a PartnerFinance)>,
    from_day: i64,
    to_day: i64,
    limit: usize,
) -> BTreeMap<String, Vec<TopRow>> {
    top_partners(finances, InvoiceDirection::Issued, from_day, to_day, limit)
}

/// Top suppliers by purchases (received invoices) in the period, per currency.
pub fn top_suppliers<'a>(
    finances: impl IntoIterator<Item = (&'a str, &'a PartnerFinance)>,
    from_day: i64,
    to_day: i64,
    limit: usize,
) -> BTreeMap<String, Vec<TopRow>> {
    top_partners(
        finances,
        InvoiceDirection::Received,
        from_day,
        to_day,
        limit,
    )
}

/// One partner's totals per currency, payment speed both ways, and activity counts.
pub fn partner_statistics(
    finance: &PartnerFinance,
    activity: &PartnerActivity,
) -> PartnerStatistics {
    let mut statistics = PartnerStatistics::default();
    for invoice in finance
        .invoices
        .values()
        .filter(|invoice| !invoice.cancelled)
    {
        let totals = match invoice.direction {
            InvoiceDirection::Issued => &mut statistics.invoiced,
            InvoiceDirection::Received => &mut statistics.purchased,
        };
        *totals.entry(invoice.currency.clone()).or_default() += invoice.amount_minor;
    }
    statistics.days_to_be_paid = average_days_to_pay(finance, InvoiceDirection::Issued);
    statistics.days_to_pay_them = average_days_to_pay(finance, InvoiceDirection::Received);
    statistics.interactions = activity.interactions.len();
    statistics.last_interaction_ms = activity.last_interaction_ms();
    statistics.open_reminders = activity.reminders.values().filter(|r| !r.done).count();
    statistics
}
