//! Calendar arithmetic the reports need on top of `model::parse_iso_date`: back from a day
//! number to an ISO date and to a month ("2026-03"), and the months between two days.
//!
//! Day numbers are whole days since 1970-01-01, as `parse_iso_date` and `day_of` return them.
//! Hand-written (Howard Hinnant's civil-from-days, the inverse of the days-from-civil in
//! `model::verification`) because a date crate would add to the wasm bundle for three functions.

/// (year, month 1–12, day 1–31) of a day number.
pub fn civil_of_day(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day_of_month = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day_of_month)
}

/// The ISO date `YYYY-MM-DD` of a day number: `iso_date_of_day(0)` is `"1970-01-01"`.
pub fn iso_date_of_day(day: i64) -> String {
    let (year, month, day_of_month) = civil_of_day(day);
    format!("{year:04}-{month:02}-{day_of_month:02}")
}

/// The month `YYYY-MM` a day number falls in, the key of the per-month reports.
pub fn month_of_day(day: i64) -> String {
    let (year, month, _) = civil_of_day(day);
    format!("{year:04}-{month:02}")
}

/// Every month from the one holding `from_day` to the one holding `to_day`, in order; empty when
/// `to_day` is before `from_day`. Reports list months without data too, so a chart has no gaps.
pub fn months_between(from_day: i64, to_day: i64) -> Vec<String> {
    if to_day < from_day {
        return Vec::new();
    }
    let (mut year, mut month, _) = civil_of_day(from_day);
    let (last_year, last_month, _) = civil_of_day(to_day);
    let mut months = Vec::new();
    while (year, month) <= (last_year, last_month) {
        months.push(format!("{year:04}-{month:02}"));
        if month == 12 {
            year += 1;
            month = 1;
        } else {
            month += 1;
        }
    }
    months
}
