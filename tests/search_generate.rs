//! The search benchmark's synthetic data (`search::generate`): deterministic by seed, every
//! record valid as the form would store it, accented like real European names, and a query set
//! in its fixed mix whose intended partners exist.

use std::collections::{BTreeMap, BTreeSet};

use partnero::search::generate::{generate_partners, query_set, QueryKind};
use partnero::validate::{validate_partner, PartnerDraft};

#[test]
fn same_seed_same_registry_and_queries_other_seed_other_data() {
    let first = generate_partners(7, 300);
    assert_eq!(first, generate_partners(7, 300));
    assert_eq!(query_set(&first, 7, 200), query_set(&first, 7, 200));
    let other = generate_partners(8, 300);
    assert_ne!(first, other);
    // A longer registry starts with the shorter one, so 10,000 and 100,000 share a prefix.
    assert_eq!(&generate_partners(7, 500)[..300], &first[..]);
}

#[test]
fn counts_and_distinct_ids() {
    for count in [0, 1, 17, 1_000] {
        let partners = generate_partners(1, count);
        assert_eq!(partners.len(), count);
        let ids: BTreeSet<&str> = partners.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids.len(), count, "ids are distinct");
        for id in ids {
            id.parse::<partnero::model::DocumentId>()
                .unwrap_or_else(|error| panic!("{id} is not a document id: {error}"));
        }
    }
}

#[test]
fn every_generated_profile_validates_unchanged() {
    for seed in [1, 2, 3] {
        for (id, profile) in generate_partners(seed, 2_000) {
            let again = validate_partner(&PartnerDraft::from_profile(&profile))
                .unwrap_or_else(|errors| panic!("{id} {profile:?}: {errors:?}"));
            assert_eq!(again, profile, "{id} is stored in canonical form");
        }
    }
}

#[test]
fn data_looks_like_a_european_registry() {
    let partners = generate_partners(42, 5_000);
    let share = |predicate: &dyn Fn(&partnero::model::PartnerProfile) -> bool| {
        partners.iter().filter(|(_, p)| predicate(p)).count() as f64 / partners.len() as f64
    };
    let spanish = share(&|p| p.addresses[0].country == "ES");
    assert!((0.40..0.50).contains(&spanish), "Spanish share {spanish}");
    let countries: BTreeSet<&str> = partners
        .iter()
        .map(|(_, p)| p.addresses[0].country.as_str())
        .collect();
    for country in ["ES", "DE", "FR", "IT", "PT", "NL", "PL", "AT", "DK", "LT"] {
        assert!(countries.contains(country), "no partner from {country}");
    }
    let accented = share(&|p| !p.legal_name.is_ascii());
    assert!(accented > 0.4, "names with accents: {accented}");
    let accented_cities = share(&|p| !p.addresses[0].city.is_ascii());
    assert!(
        accented_cities > 0.3,
        "cities with accents: {accented_cities}"
    );
    let with_tax_id = share(&|p| !p.tax_id.number.is_empty());
    assert!(with_tax_id > 0.7, "tax ids: {with_tax_id}");
    let all_text: String = partners
        .iter()
        .map(|(_, p)| format!("{} {}", p.legal_name, p.addresses[0].city))
        .collect();
    for needle in [
        "García",
        "Muñoz",
        "Peña",
        "Çelik",
        "Müller",
        "Løvstad",
        "Bølling",
        "Žukauskas",
        "Málaga",
        "Córdoba",
        "A Coruña",
        "Köln",
        "Besançon",
        "S.L.",
        "S.A.",
        "GmbH",
        "SARL",
        "S.r.l.",
        "B.V.",
        "Sp. z o.o.",
    ] {
        assert!(all_text.contains(needle), "{needle} never appears");
    }
    assert!(share(&|p| !p.trade_name.is_empty()) > 0.1);
    assert!(share(&|p| !p.contacts.is_empty()) > 0.3);
    assert!(share(&|p| !p.notes.is_empty()) > 0.2);
    for (_, profile) in &partners {
        assert!(!profile.emails.is_empty() && !profile.phones.is_empty());
        for phone in &profile.phones {
            assert!(phone.starts_with('+'), "E.164: {phone}");
        }
    }
}

#[test]
fn query_mix_has_its_fixed_proportions_and_known_targets() {
    let partners = generate_partners(3, 10_000);
    let queries = query_set(&partners, 3, 1_000);
    assert_eq!(queries.len(), 1_000);
    let shares: u32 = QueryKind::ALL.iter().map(|kind| kind.share() as u32).sum();
    assert_eq!(shares, 100);
    let mut counts: BTreeMap<QueryKind, usize> = BTreeMap::new();
    for query in &queries {
        *counts.entry(query.kind).or_default() += 1;
    }
    for kind in QueryKind::ALL {
        assert_eq!(counts[&kind], kind.share() * 10, "{}", kind.label());
    }
    // Interleaved, not kind after kind.
    assert!(
        queries[..100]
            .iter()
            .map(|q| q.kind)
            .collect::<BTreeSet<_>>()
            .len()
            > 4
    );

    let by_id: BTreeMap<&str, &partnero::model::PartnerProfile> =
        partners.iter().map(|(id, p)| (id.as_str(), p)).collect();
    for query in &queries {
        assert!(!query.text.trim().is_empty(), "{query:?}");
        match (&query.expected, query.kind) {
            (None, QueryKind::Prefix) => {
                let letters = query.text.chars().count();
                assert!((2..=4).contains(&letters), "{query:?}");
            }
            (None, _) => panic!("{query:?} has no intended partner"),
            (Some(_), QueryKind::Prefix) => panic!("{query:?}: a prefix means no one partner"),
            (Some(id), kind) => {
                let profile = by_id
                    .get(id.as_str())
                    .unwrap_or_else(|| panic!("{query:?}: no partner {id}"));
                let folded_name = partnero::text::fold(&profile.legal_name);
                match kind {
                    QueryKind::ExactName => assert_eq!(query.text, profile.legal_name),
                    QueryKind::Unaccented => {
                        assert!(query.text.is_ascii(), "{query:?}");
                        assert!(!profile.legal_name.is_ascii(), "{query:?}");
                        assert!(folded_name.starts_with(&query.text), "{query:?}");
                    }
                    QueryKind::OneTypo | QueryKind::TwoTypos => {
                        let folded = partnero::text::fold(&query.text);
                        assert!(!folded_name.contains(&folded), "{query:?} has no typo");
                    }
                    QueryKind::TaxIdWithSeparators => {
                        assert!(query.text.contains([' ', '.', '-']), "{query:?}");
                        let compact: String = query
                            .text
                            .chars()
                            .filter(char::is_ascii_alphanumeric)
                            .collect();
                        assert!(compact.ends_with(&profile.tax_id.number), "{query:?}");
                    }
                    QueryKind::PhoneFragment => {
                        let digits: String =
                            query.text.chars().filter(char::is_ascii_digit).collect();
                        assert!(digits.len() >= 6, "{query:?}");
                    }
                    QueryKind::Prefix => unreachable!(),
                }
            }
        }
    }
}

#[test]
fn typos_differ_from_the_name_by_one_or_two_edits_after_the_first_letter() {
    let partners = generate_partners(11, 3_000);
    let by_id: BTreeMap<&str, &partnero::model::PartnerProfile> =
        partners.iter().map(|(id, p)| (id.as_str(), p)).collect();
    for query in query_set(&partners, 11, 1_000) {
        let typos = match query.kind {
            QueryKind::OneTypo => 1,
            QueryKind::TwoTypos => 2,
            _ => continue,
        };
        let name = &by_id[query.expected.as_deref().unwrap()].legal_name;
        let typed: Vec<&str> = query.text.split(' ').collect();
        let original: Vec<&str> = name.split(' ').take(typed.len()).collect();
        let changed: Vec<(&str, &str)> = typed
            .iter()
            .zip(&original)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (*a, *b))
            .collect();
        assert!(
            !changed.is_empty() && changed.len() <= typos,
            "{query:?} vs {name}"
        );
        for (typed, original) in changed {
            assert_eq!(
                typed.chars().next(),
                original.chars().next(),
                "{query:?}: the first letter is kept"
            );
            let distance = strsim::damerau_levenshtein(typed, original);
            assert!(
                (1..=typos).contains(&distance),
                "{query:?}: {typed} vs {original}"
            );
        }
    }
}
