//! Tests of duplicate detection: which names count as the same company, strong matches on tax
//! id, email and phone, the country rule, excluding the partner being edited, sort and limit.

use partnero::dedupe::{
    find_duplicates, name_similarity, DuplicateCandidate, DuplicateReason, NAME_THRESHOLD,
};
use partnero::model::{Address, AddressKind, Contact, PartnerProfile};
use partnero::validate::{validate_partner, PartnerDraft};

/// A client with only a legal name and a tax country (empty for unknown). The tax id is set
/// directly rather than through the form, so these tests do not depend on tax id validation.
fn profile(legal_name: &str, country: &str) -> PartnerProfile {
    let mut profile = validate_partner(&PartnerDraft {
        kind: "client".into(),
        legal_name: "placeholder".into(),
        ..PartnerDraft::default()
    })
    .expect("valid draft");
    profile.legal_name = legal_name.into();
    profile.tax_id.country = country.into();
    profile
}

fn with_tax(mut profile: PartnerProfile, country: &str, number: &str) -> PartnerProfile {
    profile.tax_id.country = country.into();
    profile.tax_id.number = number.into();
    profile
}

fn with_address_country(mut profile: PartnerProfile, country: &str) -> PartnerProfile {
    profile.addresses.push(Address {
        id: format!("a{}", profile.addresses.len()),
        kind: AddressKind::Billing,
        street: String::new(),
        city: "Somewhere".into(),
        postal_code: String::new(),
        region: String::new(),
        country: country.into(),
    });
    profile
}

fn with_contact(mut profile: PartnerProfile, email: &str, phone: &str) -> PartnerProfile {
    profile.contacts.push(Contact {
        id: format!("c{}", profile.contacts.len()),
        name: "Ana".into(),
        role: String::new(),
        email: email.into(),
        phone: phone.into(),
    });
    profile
}

/// A candidate that is being entered: only the fields the test fills.
fn blank() -> PartnerProfile {
    profile("", "")
}

fn ids(found: &[DuplicateCandidate]) -> Vec<&str> {
    found
        .iter()
        .map(|candidate| candidate.id.as_str())
        .collect()
}

fn find(
    candidate: &PartnerProfile,
    existing: &[(&str, PartnerProfile)],
) -> Vec<DuplicateCandidate> {
    find_duplicates(
        candidate,
        existing.iter().map(|(id, profile)| (*id, profile)),
        None,
        10,
    )
}

/// Name pairs that are one company: accents, case, punctuation, legal forms, word order, a typo.
const SAME_COMPANY: &[(&str, &str)] = &[
    ("Construcciones García S.L.", "CONSTRUCCIONES GARCIA SL"),
    ("Construcciones García, S.L.", "construcciones garcia"),
    ("Construcciones García S.L.", "Garcia Construcciones"),
    ("Construcciones García", "Contrucciones García"),
    ("Construcciones García", "Construcciones Garica"),
    ("Construcciones García", "Construcciones de García"),
    ("Construcciones García", "ConstruccionesGarcia S.L.U."),
    ("Iberia Supplies Ltd", "Iberia Suplies Limited"),
    ("Smith & Jones Ltd", "Smith and Jones Limited"),
    ("Frutas Hermanos López", "Frutas López Hermanos"),
    ("Telefónica S.A.", "Telefonika SA"),
    ("Hewlett-Packard España", "Hewlett Packard Espana"),
    ("Müller GmbH & Co. KG", "Muller GmbH"),
    ("I.B.M. Corp", "IBM"),
    ("L'Oréal", "LOREAL S.A."),
];

/// Name pairs that are different companies, though they share words or letters.
const DIFFERENT_COMPANIES: &[(&str, &str)] = &[
    ("Construcciones García", "Construcciones López"),
    ("Construcciones García", "García"),
    ("Transportes Martín", "Transportes Martínez"),
    ("Talleres Pérez", "Talleres Gómez"),
    ("Distribuciones Levante", "Distribuciones Poniente"),
    ("Banco Santander", "Banco Sabadell"),
    ("Iberia Supplies", "Iberdrola Supplies"),
    ("Alpha Logistics", "Beta Logistics"),
    ("Grupo Norte", "Grupo Sur"),
    ("Hotel 2000", "Hotel 2001"),
    ("Café Central", "Café Centro"),
    ("Iberia Supplies", "Nordic Timber"),
    // One letter of a short single-word name is as likely another company as a typo.
    ("Acme", "Acne"),
];

#[test]
fn names_of_one_company_score_above_the_threshold() {
    for (a, b) in SAME_COMPANY {
        let score = name_similarity(a, b);
        assert!(score >= NAME_THRESHOLD, "{a:?} vs {b:?}: {score:.3}");
        assert_eq!(score, name_similarity(b, a), "{a:?} vs {b:?} is symmetric");
    }
}

#[test]
fn names_of_different_companies_score_below_the_threshold() {
    for (a, b) in DIFFERENT_COMPANIES {
        let score = name_similarity(a, b);
        assert!(score < NAME_THRESHOLD, "{a:?} vs {b:?}: {score:.3}");
    }
}

/// The threshold sits in the gap between the two tables, nearer the same-company side: the
/// same-company pairs score 0.9 or more, the different ones at most 0.8, and the names that fall
/// in between ("Garcia" and "Garzia", "Müller" and "Mueller") are single short words where one
/// letter is as likely another company as a typo; asking for a tax id or email is the cure there.
#[test]
fn the_threshold_sits_in_the_gap_between_the_tables() {
    let lowest_same = SAME_COMPANY
        .iter()
        .map(|(a, b)| name_similarity(a, b))
        .fold(1.0, f64::min);
    let highest_different = DIFFERENT_COMPANIES
        .iter()
        .map(|(a, b)| name_similarity(a, b))
        .fold(0.0, f64::max);
    assert!(
        lowest_same >= 0.9,
        "lowest same-company score {lowest_same:.3}"
    );
    assert!(
        highest_different <= 0.8,
        "highest different score {highest_different:.3}"
    );
    assert!(highest_different < NAME_THRESHOLD && NAME_THRESHOLD < lowest_same);
    let between = name_similarity("Garcia", "Garzia");
    assert!(0.8 < between && between < NAME_THRESHOLD, "{between:.3}");
}

#[test]
fn name_similarity_is_exact_for_equal_keys_and_graded_otherwise() {
    assert_eq!(
        name_similarity("Construcciones García S.L.", "CONSTRUCCIONES GARCIA SL"),
        1.0
    );
    let swapped = name_similarity("Construcciones García", "García Construcciones");
    let typo = name_similarity("Construcciones García", "Contrucciones García");
    assert!(swapped < 1.0 && typo < 1.0);
    assert!(name_similarity("Construcciones García", "Construcciones López") < 0.8);
    assert_eq!(name_similarity("", "Construcciones García"), 0.0);
    assert_eq!(name_similarity("", ""), 0.0);
}

#[test]
fn the_same_tax_id_matches_whatever_its_formatting() {
    let existing = [
        (
            "es",
            with_tax(profile("Suministros Iberia S.L.", "ES"), "ES", "B12345678"),
        ),
        (
            "pt",
            with_tax(profile("Outra Empresa Lda", "PT"), "PT", "B12345678"),
        ),
        (
            "el",
            with_tax(profile("Elliniki AE", "GR"), "GR", "094014201"),
        ),
    ];
    for typed in [
        "B12345678",
        "b-12.345.678",
        " B 1234 5678 ",
        "ESB12345678",
        "es-b12345678",
    ] {
        let candidate = with_tax(blank(), "ES", typed);
        let found = find(&candidate, &existing);
        assert_eq!(ids(&found), ["es"], "typed {typed:?}");
        assert_eq!(found[0].reasons, [DuplicateReason::SameTaxId]);
        assert!(found[0].score >= 0.95);
    }
    // Greece writes its VAT prefix as EL.
    let found = find(&with_tax(blank(), "GR", "EL 094014201"), &existing);
    assert_eq!(ids(&found), ["el"]);
    // A candidate whose country is not chosen yet still finds the number.
    let found = find(&with_tax(blank(), "", "B-12345678"), &existing);
    assert_eq!(ids(&found), ["es", "pt"]);
}

#[test]
fn empty_or_placeholder_tax_numbers_never_match() {
    let existing = [
        ("a", with_tax(profile("Alpha", "ES"), "ES", "")),
        ("b", with_tax(profile("Beta", "ES"), "ES", "-")),
        ("c", with_tax(profile("Gamma", "ES"), "ES", "n/a")),
    ];
    for typed in ["", "-", "N/A", "0"] {
        let candidate = with_tax(profile("Delta", "ES"), "ES", typed);
        assert!(find(&candidate, &existing).is_empty(), "typed {typed:?}");
    }
}

#[test]
fn a_shared_email_matches_across_partner_and_contact_emails() {
    let mut owner = profile("Suministros Iberia S.L.", "ES");
    owner.emails = vec!["Info@Iberia.example".into()];
    let owner = with_contact(owner, "ana@iberia.example", "");
    let existing = [("iberia", owner), ("other", profile("Otra S.A.", "ES"))];

    let mut candidate = blank();
    candidate.emails = vec![" INFO@iberia.example ".into()];
    let found = find(&candidate, &existing);
    assert_eq!(ids(&found), ["iberia"]);
    assert_eq!(
        found[0].reasons,
        [DuplicateReason::SameEmail("info@iberia.example".into())]
    );

    // The candidate's contact email against the existing partner's contact email.
    let candidate = with_contact(blank(), "ANA@iberia.example", "");
    let found = find(&candidate, &existing);
    assert_eq!(ids(&found), ["iberia"]);
    assert_eq!(
        found[0].reasons[0].describe(),
        "same email ana@iberia.example"
    );
}

#[test]
fn a_shared_phone_matches_on_its_last_nine_digits() {
    let mut owner = profile("Suministros Iberia S.L.", "ES");
    owner.phones = vec!["+34 976 000 111".into()];
    let owner = with_contact(owner, "", "600-123-456");
    let existing = [("iberia", owner)];

    for typed in [
        "976000111",
        "0034 976 00 01 11",
        "(+34) 976.000.111",
        "+34 600 123 456",
    ] {
        let mut candidate = blank();
        candidate.phones = vec![typed.into()];
        let found = find(&candidate, &existing);
        assert_eq!(ids(&found), ["iberia"], "typed {typed:?}");
        assert_eq!(
            found[0].reasons[0].describe(),
            format!("same phone {typed}")
        );
    }
    // Other numbers, and numbers still being typed, do not match.
    for typed in ["976 000 112", "+33 976 000 110", "111", "976 00"] {
        let mut candidate = blank();
        candidate.phones = vec![typed.into()];
        assert!(find(&candidate, &existing).is_empty(), "typed {typed:?}");
    }
}

#[test]
fn a_similar_name_counts_only_within_one_country() {
    let existing = [
        ("es", profile("Construcciones García S.L.", "ES")),
        ("pt", profile("Construcciones García Lda", "PT")),
        // No tax id: the country comes from the first address that has one.
        (
            "es-address",
            with_address_country(profile("Garcia Construcciones", ""), "ES"),
        ),
        ("unknown", profile("CONSTRUCCIONES GARCIA", "")),
    ];
    let candidate = profile("Construcciones Garcia SL", "ES");
    let found = find(&candidate, &existing);
    assert_eq!(ids(&found), ["es", "es-address", "unknown"]);
    for candidate in &found {
        assert!(matches!(
            candidate.reasons[..],
            [DuplicateReason::SimilarName { .. }]
        ));
    }
    // Same country: the score is the similarity; unknown country: scaled down.
    assert_eq!(found[0].score, 1.0);
    assert_eq!(found[0].reasons[0].describe(), "similar name (100 %)");
    assert!(found[2].score < found[1].score);
    assert!((found[2].score - 0.9).abs() < 1e-9);

    // A candidate without any country yet may match in every country, scored lower.
    let found = find(&profile("Construcciones Garcia SL", ""), &existing);
    assert_eq!(ids(&found).len(), 4);
    assert!(found.iter().all(|candidate| candidate.score < 0.95));
}

#[test]
fn trade_names_are_compared_with_legal_names() {
    let mut existing = profile("Distribuciones Alimentarias del Norte S.A.", "ES");
    existing.trade_name = "Nortesa".into();
    let existing = [("norte", existing)];

    let found = find(&profile("NORTESA S.L.", "ES"), &existing);
    assert_eq!(ids(&found), ["norte"]);

    let mut candidate = profile("Otra Razón Social S.L.", "ES");
    candidate.trade_name = "Distribuciones Alimentarias del Norte".into();
    assert_eq!(ids(&find(&candidate, &existing)), ["norte"]);
}

#[test]
fn different_names_in_one_country_are_not_duplicates() {
    for (a, b) in DIFFERENT_COMPANIES {
        let found = find(&profile(a, "ES"), &[("other", profile(b, "ES"))]);
        assert!(found.is_empty(), "{a:?} vs {b:?}: {found:?}");
    }
}

#[test]
fn an_empty_candidate_has_no_duplicates() {
    let existing = [(
        "es",
        with_tax(
            profile("Construcciones García S.L.", "ES"),
            "ES",
            "B12345678",
        ),
    )];
    assert!(find(&blank(), &existing).is_empty());
}

#[test]
fn the_partner_being_edited_is_not_its_own_duplicate() {
    let me = with_tax(
        profile("Construcciones García S.L.", "ES"),
        "ES",
        "B12345678",
    );
    let twin = with_tax(profile("Construcciones Garcia", "ES"), "ES", "B12345678");
    let existing = [("me", me.clone()), ("twin", twin)];
    let found = find_duplicates(
        &me,
        existing.iter().map(|(id, profile)| (*id, profile)),
        Some("me"),
        10,
    );
    assert_eq!(ids(&found), ["twin"]);
}

#[test]
fn candidates_are_sorted_by_score_and_limited() {
    let mut candidate = with_tax(
        profile("Construcciones García S.L.", "ES"),
        "ES",
        "B12345678",
    );
    candidate.emails = vec!["obra@garcia.example".into()];
    candidate.phones = vec!["+34 976 000 111".into()];

    let mut everything = with_tax(profile("Construcciones Garcia", "ES"), "ES", "B12345678");
    everything.emails = vec!["obra@garcia.example".into()];
    let tax_only = with_tax(profile("Otra Empresa S.L.", "ES"), "ES", "B-12345678");
    let mut phone_only = profile("Tercera S.L.", "ES");
    phone_only.phones = vec!["976000111".into()];
    let name_typo = profile("Construciones Garcia", "ES");
    let name_unknown_country = profile("Construcciones Garcia", "");
    let unrelated = profile("Nordic Timber AB", "SE");
    let existing = [
        ("unrelated", unrelated),
        ("name-unknown-country", name_unknown_country),
        ("phone-only", phone_only),
        ("name-typo", name_typo),
        ("tax-only", tax_only),
        ("everything", everything),
    ];

    let found = find(&candidate, &existing);
    assert_eq!(
        ids(&found),
        [
            "everything",
            "tax-only",
            "phone-only",
            "name-typo",
            "name-unknown-country"
        ]
    );
    assert_eq!(
        found[0]
            .reasons
            .iter()
            .map(DuplicateReason::describe)
            .collect::<Vec<_>>(),
        [
            "same tax id",
            "same email obra@garcia.example",
            "similar name (100 %)"
        ]
    );
    assert!(found.windows(2).all(|pair| pair[0].score >= pair[1].score));
    assert!(found
        .iter()
        .all(|candidate| (0.0..=1.0).contains(&candidate.score)));
    assert_eq!(found[0].legal_name, "Construcciones Garcia");

    let found = find_duplicates(
        &candidate,
        existing.iter().map(|(id, profile)| (*id, profile)),
        None,
        2,
    );
    assert_eq!(ids(&found), ["everything", "tax-only"]);
}

#[test]
fn describe_reads_as_a_short_phrase() {
    assert_eq!(DuplicateReason::SameTaxId.describe(), "same tax id");
    assert_eq!(
        DuplicateReason::SameEmail("ana@x.es".into()).describe(),
        "same email ana@x.es"
    );
    assert_eq!(
        DuplicateReason::SamePhone("+34 600 111 222".into()).describe(),
        "same phone +34 600 111 222"
    );
    assert_eq!(
        DuplicateReason::SimilarName { score: 0.87 }.describe(),
        "similar name (87 %)"
    );
    assert_eq!(
        DuplicateReason::SimilarName { score: 0.999 }.describe(),
        "similar name (99 %)"
    );
}
