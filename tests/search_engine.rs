//! The search engine of the partner list (`partnero::search::engine`): prefixes, typos,
//! accents, legal forms, identifiers in any formatting, ranking, highlights, incremental
//! edits, filters, and a 20,000-partner index built from a tiny generator. Timing lives in
//! benchmarks; `timing_at_100k` (ignored) prints rough native numbers.

use partnero::search::engine::{SearchDoc, SearchField, SearchHit, SearchIndex};

fn doc(id: &str, name: &str) -> SearchDoc {
    SearchDoc {
        id: id.into(),
        name: name.into(),
        ..SearchDoc::default()
    }
}

fn index(docs: Vec<SearchDoc>) -> SearchIndex {
    let mut index = SearchIndex::new();
    for doc in docs {
        index.upsert(doc);
    }
    index
}

fn ids(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|hit| hit.id.as_str()).collect()
}

fn top(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, 10)
        .into_iter()
        .map(|hit| hit.id)
        .collect()
}

fn sample() -> SearchIndex {
    index(vec![
        SearchDoc {
            id: "garcia".into(),
            name: "Construcciones García, S.L.".into(),
            trade_name: "García Obras".into(),
            tax_id: "B-1234.5678".into(),
            emails: vec!["info@garcia-obras.es".into()],
            phones: vec!["+34 612 34 56 78".into()],
            cities: vec!["Málaga".into()],
            postal_codes: vec!["29001".into()],
            contacts: vec!["Íñigo Pérez".into()],
            notes: "Entrega los lunes; pide albarán firmado".into(),
            custom: vec!["Cliente preferente".into()],
        },
        SearchDoc {
            id: "muller".into(),
            name: "MÜLLER LOGISTIK GMBH".into(),
            tax_id: "DE123456789".into(),
            emails: vec!["kontakt@mueller-logistik.de".into()],
            phones: vec!["+4930123456".into()],
            cities: vec!["München".into()],
            postal_codes: vec!["80331".into()],
            contacts: vec!["Hans Weber".into()],
            ..SearchDoc::default()
        },
        SearchDoc {
            id: "ferreteria".into(),
            name: "Ferretería Industrial del Sur".into(),
            tax_id: "A87654321".into(),
            phones: vec!["955 123 456".into()],
            cities: vec!["Sevilla".into()],
            notes: "Proveedor de tornillería; contacto con García los martes".into(),
            ..SearchDoc::default()
        },
    ])
}

#[test]
fn prefix_of_a_name_finds_it() {
    let index = sample();
    assert_eq!(top(&index, "con")[0], "garcia");
    assert_eq!(top(&index, "ferr")[0], "ferreteria");
    assert_eq!(top(&index, "Mül")[0], "muller");
}

#[test]
fn typos_are_tolerated_by_word_length() {
    let index = sample();
    // One edit in 4–7 letters: substitution, swap, missing and extra letter.
    assert_eq!(top(&index, "garsia")[0], "garcia");
    assert_eq!(top(&index, "gracia")[0], "garcia");
    assert_eq!(top(&index, "garcai")[0], "garcia");
    assert_eq!(top(&index, "ferreteia")[0], "ferreteria");
    // Two edits from 8 letters on.
    assert_eq!(top(&index, "construcion")[0], "garcia");
    assert_eq!(top(&index, "contsruciones")[0], "garcia");
    assert_eq!(top(&index, "industreel")[0], "ferreteria");
    // No typo under four letters: "gsr" is not "gar".
    assert!(top(&index, "gsr").is_empty());
    // Three edits is another word.
    assert!(top(&index, "ferrxxxria").is_empty());
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    let index = index(vec![doc("accented", "García"), doc("plain", "GARCIA")]);
    let mut found = top(&index, "garcia");
    found.sort();
    assert_eq!(found, ["accented", "plain"]);
    let mut found = top(&index, "garcía");
    found.sort();
    assert_eq!(found, ["accented", "plain"]);
    let index = sample();
    assert_eq!(top(&index, "malaga"), ["garcia"]);
    assert_eq!(top(&index, "munchen"), ["muller"]);
    assert_eq!(top(&index, "MULLER"), ["muller"]);
    assert_eq!(top(&index, "inigo"), ["garcia"]);
}

#[test]
fn legal_forms_are_ignored() {
    let index = sample();
    assert_eq!(top(&index, "garcia s.l.")[0], "garcia");
    assert_eq!(top(&index, "construcciones garcia sl")[0], "garcia");
    assert_eq!(top(&index, "muller gmbh"), ["muller"]);
    // Legal forms are not indexed as words of the name: "gmbh" finds nobody by name.
    assert!(top(&index, "gmbh").is_empty());
}

#[test]
fn tax_ids_match_with_or_without_separators() {
    let index = sample();
    for query in [
        "B12345678",
        "b1234",
        "B-1234",
        "b 1234",
        "B-1234.56",
        "b12345678",
    ] {
        assert_eq!(top(&index, query), ["garcia"], "{query}");
    }
    assert_eq!(top(&index, "de1234"), ["muller"]);
    assert_eq!(top(&index, "a876"), ["ferreteria"]);
}

#[test]
fn phone_fragments_match_in_any_formatting() {
    let index = sample();
    for query in [
        "612",
        "612 34",
        "61234",
        "612-345",
        "+34 612",
        "34612345678",
        "+34612345678",
        "0034 612 34",
    ] {
        assert_eq!(top(&index, query), ["garcia"], "{query}");
    }
    // German number: national after the two-digit calling code 49.
    assert_eq!(top(&index, "30 1234"), ["muller"]);
    assert_eq!(top(&index, "+49 30"), ["muller"]);
    // A phone stored without calling code.
    assert_eq!(top(&index, "955 12"), ["ferreteria"]);
}

#[test]
fn emails_cities_contacts_notes_and_custom_values_match() {
    let index = sample();
    assert_eq!(top(&index, "kontakt"), ["muller"]);
    assert_eq!(top(&index, "info@garcia-obras.es"), ["garcia"]);
    assert_eq!(top(&index, "sevilla"), ["ferreteria"]);
    assert_eq!(top(&index, "29001"), ["garcia"]);
    assert_eq!(top(&index, "weber"), ["muller"]);
    assert_eq!(top(&index, "hans"), ["muller"]);
    assert_eq!(top(&index, "albaran"), ["garcia"]);
    assert_eq!(top(&index, "tornilleria"), ["ferreteria"]);
    assert_eq!(top(&index, "preferente"), ["garcia"]);
}

#[test]
fn names_rank_above_notes_and_exact_above_typos() {
    let index = sample();
    // Both mention García: by name first, in notes after.
    assert_eq!(top(&index, "garcia"), ["garcia", "ferreteria"]);
    let index = index_of(&[("typo", "Garcio Hermanos"), ("exact", "Garcia Hermanos")]);
    assert_eq!(top(&index, "garcia"), ["exact", "typo"]);
    let index = index_of(&[("prefix", "Martinezz"), ("exact", "Martinez")]);
    assert_eq!(top(&index, "martinez"), ["exact", "prefix"]);
    let mut index = index_of(&[("name", "Tornos Ruiz")]);
    index.upsert(SearchDoc {
        id: "notes".into(),
        name: "Aceros".into(),
        notes: "tornos".into(),
        ..SearchDoc::default()
    });
    assert_eq!(top(&index, "tornos"), ["name", "notes"]);
}

fn index_of(names: &[(&str, &str)]) -> SearchIndex {
    index(names.iter().map(|(id, name)| doc(id, name)).collect())
}

#[test]
fn every_word_must_match_somewhere() {
    let index = sample();
    assert_eq!(top(&index, "garcia malaga"), ["garcia"]);
    assert_eq!(top(&index, "garcia sevilla"), ["ferreteria"]);
    assert!(top(&index, "garcia munchen").is_empty());
    // Words in any order, the last one a prefix, earlier ones too.
    assert_eq!(top(&index, "mal constr"), ["garcia"]);
}

#[test]
fn highlights_point_at_the_matched_bytes() {
    let index = sample();
    let hits = index.search("garc malag", 10);
    assert_eq!(ids(&hits), ["garcia"]);
    let name = hits[0]
        .matches
        .iter()
        .find(|m| m.field == SearchField::Name)
        .expect("the name matched");
    assert_eq!(name.text, "Construcciones García, S.L.");
    let highlighted: Vec<&str> = name
        .ranges
        .iter()
        .map(|&(start, end)| &name.text[start..end])
        .collect();
    assert_eq!(highlighted, ["Garc"]);
    let city = hits[0]
        .matches
        .iter()
        .find(|m| m.field == SearchField::City)
        .unwrap();
    assert_eq!(city.ranges, [(0, "Málag".len())]);
    assert_eq!(&city.text[city.ranges[0].0..city.ranges[0].1], "Málag");
    // Typo: the whole matched word is highlighted.
    let hits = index.search("garsia", 1);
    let name = &hits[0].matches[0];
    assert_eq!(name.field, SearchField::Name);
    assert_eq!(&name.text[name.ranges[0].0..name.ranges[0].1], "García");
    // Identifiers map back through their separators.
    let hits = index.search("b-1234", 1);
    let tax = hits[0]
        .matches
        .iter()
        .find(|m| m.field == SearchField::TaxId)
        .unwrap();
    assert_eq!(&tax.text[tax.ranges[0].0..tax.ranges[0].1], "B-1234");
    let hits = index.search("612 34", 1);
    let phone = hits[0]
        .matches
        .iter()
        .find(|m| m.field == SearchField::Phone)
        .unwrap();
    assert_eq!(&phone.text[phone.ranges[0].0..phone.ranges[0].1], "612 34");
    // Multibyte letters outside Latin-1.
    let index = index_of(&[("greek", "ΑΘΗΝΑ Εμπόριο")]);
    let hits = index.search("εμπο", 1);
    let name = &hits[0].matches[0];
    assert_eq!(&name.text[name.ranges[0].0..name.ranges[0].1], "Εμπό");
    // Every field listed matched something.
    for hit in sample().search("garcia", 10) {
        assert!(hit.matches.iter().all(|m| !m.ranges.is_empty()));
        assert!(!hit.matches.is_empty());
    }
}

#[test]
fn upsert_replaces_and_remove_removes() {
    let mut index = sample();
    assert_eq!(index.len(), 3);
    assert!(index.contains("garcia"));
    index.upsert(doc("garcia", "Hermanos Ruiz"));
    assert_eq!(index.len(), 3);
    assert!(top(&index, "construcciones").is_empty());
    assert!(top(&index, "malaga").is_empty());
    assert_eq!(top(&index, "ruiz"), ["garcia"]);
    index.remove("garcia");
    assert!(!index.contains("garcia"));
    assert_eq!(index.len(), 2);
    assert!(top(&index, "ruiz").is_empty());
    index.remove("nobody");
    // The freed slot is reused without leaking old postings.
    index.upsert(doc("new", "Nuevos Aires"));
    assert_eq!(top(&index, "nuev"), ["new"]);
    assert!(top(&index, "ruiz").is_empty());
    assert_eq!(top(&index, "garcia"), ["ferreteria"]);
    index.remove("new");
    index.remove("muller");
    index.remove("ferreteria");
    assert!(index.is_empty());
    assert!(index.search("a", 10).is_empty());
}

#[test]
fn empty_queries_and_zero_limits_return_nothing() {
    let index = sample();
    assert!(index.search("", 10).is_empty());
    assert!(index.search("  ,. ", 10).is_empty());
    assert!(index.search("garcia", 0).is_empty());
}

#[test]
fn filtered_search_keeps_the_best_of_the_kept() {
    let names: Vec<(String, String)> = (0..200)
        .map(|n| (format!("p{n:03}"), format!("Transportes Ruiz {n}")))
        .collect();
    let index = index(
        names
            .iter()
            .map(|(id, name)| doc(id, name))
            .chain([doc("z-exact", "Ruiz")])
            .collect(),
    );
    let keep = |id: &str| id.ends_with('7') || id == "z-exact";
    let hits = index.search_filtered("ruiz", 5, &keep);
    assert_eq!(hits.len(), 5);
    // The exact, shorter name first; then equal matches in a fixed order, all kept ones.
    assert_eq!(hits[0].id, "z-exact");
    assert!(hits[1..].iter().all(|hit| hit.id.ends_with('7')));
    assert_eq!(hits, index.search_filtered("ruiz", 5, &keep));
    let hits = index.search_filtered("ruiz", 100, &|id: &str| id == "p199");
    assert_eq!(ids(&hits), ["p199"]);
    assert!(index
        .search_filtered("ruiz", 5, &|_: &str| false)
        .is_empty());
}

#[test]
fn results_do_not_depend_on_insertion_order() {
    let docs: Vec<SearchDoc> = (0..50)
        .map(|n| doc(&format!("id{n:02}"), &format!("Garcia {}", n % 7)))
        .collect();
    let forward = index(docs.clone());
    let mut backward = index(docs.iter().rev().cloned().collect());
    // Churn the second index so slots are reused in another order.
    for doc in docs.iter().take(20) {
        backward.remove(&doc.id);
    }
    for doc in docs.iter().take(20).rev() {
        backward.upsert(doc.clone());
    }
    for query in ["garcia", "gar", "garsia 3", "g"] {
        assert_eq!(
            forward.search(query, 10),
            backward.search(query, 10),
            "{query}"
        );
        assert_eq!(forward.search(query, 10), forward.search(query, 10));
    }
}

/// A tiny deterministic generator of plausible Spanish partners.
struct Generator(u64);

const SURNAMES: &[&str] = &[
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Rodríguez",
    "Muñoz",
    "Álvarez",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Romero",
    "Navarro",
    "Torres",
    "Domínguez",
    "Vázquez",
    "Ramos",
    "Gil",
    "Ramírez",
    "Serrano",
    "Blanco",
    "Molina",
];
const ACTIVITIES: &[&str] = &[
    "Construcciones",
    "Transportes",
    "Distribuciones",
    "Talleres",
    "Suministros",
    "Logística",
    "Comercial",
    "Industrias",
    "Ferretería",
    "Aceros",
    "Maderas",
    "Electricidad",
    "Frutas",
    "Panadería",
    "Consultoría",
    "Instalaciones",
];
const FORMS: &[&str] = &["S.L.", "S.A.", "SL", "S.L.U.", "", "GmbH", "Ltd"];
const CITIES: &[&str] = &[
    "Málaga",
    "Córdoba",
    "A Coruña",
    "León",
    "Cádiz",
    "Zaragoza",
    "Sevilla",
    "Ávila",
    "Jaén",
    "Logroño",
    "Madrid",
    "Barcelona",
    "València",
    "Alcalá de Henares",
    "Donostia",
];
const SYLLABLES: &[&str] = &[
    "ba", "ver", "lo", "quin", "tor", "mi", "san", "dre", "cal", "pe", "ru", "zo", "mar", "te",
    "li", "nos", "gar", "fe", "xa", "bel", "cor", "ti", "ña", "vi",
];

impl Generator {
    fn next(&mut self) -> u64 {
        // Knuth's MMIX linear congruential generator: plenty for test data.
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() as usize % list.len()]
    }

    /// An invented word, so names are not all alike.
    fn word(&mut self) -> String {
        let count = 2 + self.next() % 3;
        let word: String = (0..count).map(|_| self.pick(SYLLABLES)).collect();
        let mut chars = word.chars();
        let first = chars.next().unwrap_or('x');
        first.to_uppercase().chain(chars).collect()
    }

    fn doc(&mut self, n: usize) -> SearchDoc {
        let invented = self.word();
        let name = format!(
            "{} {} {} {}",
            self.pick(ACTIVITIES),
            invented,
            self.pick(SURNAMES),
            self.pick(FORMS)
        );
        let phone = 600_000_000 + (self.next() % 100_000_000);
        SearchDoc {
            id: format!("partner-{n:06}"),
            name: name.trim().to_owned(),
            trade_name: if n % 3 == 0 {
                self.word()
            } else {
                String::new()
            },
            tax_id: format!("B{:08}", n * 7 + 13),
            emails: vec![format!("info@{}.es", invented.to_lowercase())],
            phones: vec![format!(
                "+34 {} {} {}",
                phone / 1_000_000,
                phone / 1000 % 1000,
                phone % 1000
            )],
            cities: vec![self.pick(CITIES).to_owned()],
            postal_codes: vec![format!("{:05}", 1000 + self.next() % 51_000)],
            contacts: vec![format!("{} {}", self.word(), self.pick(SURNAMES))],
            notes: format!("Visita los {} con {}", self.word(), self.word()),
            custom: vec![self.pick(&["Preferente", "Nuevo", "Moroso", ""]).to_owned()],
        }
    }
}

fn synthetic(count: usize) -> (Vec<SearchDoc>, SearchIndex) {
    let mut generator = Generator(7);
    let docs: Vec<SearchDoc> = (0..count).map(|n| generator.doc(n)).collect();
    let index = index(docs.clone());
    (docs, index)
}

/// Drops accents the simple way, for building unaccented queries.
fn plain(text: &str) -> String {
    partnero::text::fold(text)
}

#[test]
fn twenty_thousand_partners_answer_correctly() {
    let (docs, index) = synthetic(20_000);
    assert_eq!(index.len(), 20_000);
    for n in [0, 1, 4_321, 12_345, 19_999] {
        let doc = &docs[n];
        let words: Vec<String> = plain(&doc.name).split(' ').map(str::to_owned).collect();
        let (activity, invented, surname) = (&words[0], &words[1], &words[2]);
        // The full distinctive name, unaccented.
        let query = format!("{activity} {invented} {surname}");
        let hits = index.search(&query, 10);
        assert!(ids(&hits).contains(&doc.id.as_str()), "{query}");
        // Tax id and phone are unique: first.
        assert_eq!(index.search(&doc.tax_id, 3)[0].id, doc.id);
        assert_eq!(index.search(&doc.phones[0][4..], 3)[0].id, doc.id);
        // A typo in the invented word plus the surname's prefix.
        let mut typo: Vec<char> = invented.chars().collect();
        if typo.len() >= 4 {
            typo.swap(1, 2);
            let query = format!("{} {}", typo.iter().collect::<String>(), &surname[..3]);
            let hits = index.search(&query, 50);
            assert!(ids(&hits).contains(&doc.id.as_str()), "{query}");
        }
        // Every hit of a multiword query matched every word somewhere.
        for hit in index.search(&query, 10) {
            assert!(!hit.matches.is_empty());
        }
    }
    // Removing half leaves the other half searchable.
    let mut index = index;
    for doc in docs.iter().step_by(2) {
        index.remove(&doc.id);
    }
    assert_eq!(index.len(), 10_000);
    assert!(index.search(&docs[0].tax_id, 3).is_empty());
    assert_eq!(index.search(&docs[1].tax_id, 3)[0].id, docs[1].id);
}

/// Rough native timing: `cargo test --release --test search_engine -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_at_100k() {
    use std::time::Instant;
    let mut generator = Generator(7);
    let docs: Vec<SearchDoc> = (0..100_000).map(|n| generator.doc(n)).collect();
    let started = Instant::now();
    let index = index(docs.clone());
    println!(
        "build 100k: {:?}, heap ≈ {:.1} MB",
        started.elapsed(),
        index.heap_bytes() as f64 / 1e6
    );
    let mut queries = Vec::new();
    for n in (0..100_000).step_by(250) {
        let doc = &docs[n];
        let name = plain(&doc.name);
        let words: Vec<&str> = name.split(' ').collect();
        let invented = words[1];
        queries.push((invented[..3].to_owned(), n));
        let mut typo: Vec<char> = invented.chars().collect();
        if typo.len() >= 5 {
            typo.swap(2, 3);
        }
        queries.push((typo.iter().collect(), n));
        queries.push((format!("{} {}", &words[0][..4], invented), n));
        queries.push((doc.phones[0][4..10].to_owned(), n));
        queries.push((doc.tax_id[..5].to_owned(), n));
    }
    for short in [
        "a",
        "b",
        "6",
        "34",
        "con",
        "gar",
        "construcciones",
        "b1",
        "612",
    ] {
        queries.push((short.into(), 0));
    }
    let mut times = Vec::new();
    let mut found = 0;
    for (query, n) in &queries {
        let started = Instant::now();
        let hits = index.search(query, 10);
        times.push(started.elapsed());
        found += usize::from(hits.iter().any(|hit| hit.id == docs[*n].id));
    }
    times.sort();
    let slowest: Vec<_> = {
        let mut all: Vec<_> = queries
            .iter()
            .map(|(query, _)| {
                let started = Instant::now();
                index.search(query, 10);
                (started.elapsed(), query.clone())
            })
            .collect();
        all.sort();
        all.into_iter().rev().take(5).collect()
    };
    println!(
        "{} queries: median {:?}, p99 {:?}, max {:?}; target in top 10: {found}",
        times.len(),
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1]
    );
    println!("slowest: {slowest:?}");
}

#[test]
fn legal_forms_of_several_words_are_optional_in_queries() {
    let index = index_of(&[
        ("coop", "Cooperativa Ruiz S.Coop."),
        ("polska", "Kowalski Sp. z o.o."),
        ("kg", "Müller Logistik GmbH & Co. KG"),
        ("mexico", "Textiles Azteca S. de R.L. de C.V."),
    ]);
    for (query, id) in [
        ("Cooperativa Ruiz S.Coop.", "coop"),
        ("cooperativa ruiz s coop", "coop"),
        ("Kowalski Sp. z o.o.", "polska"),
        ("Müller Logistik GmbH & Co. KG", "kg"),
        ("Textiles Azteca S. de R.L. de C.V.", "mexico"),
    ] {
        assert_eq!(
            top(&index, query).first().map(String::as_str),
            Some(id),
            "{query}"
        );
    }
    // A form's words alone still search: "de" is a word of names.
    let index = index_of(&[("taller", "Taller de Ruiz")]);
    assert_eq!(top(&index, "taller de ruiz"), ["taller"]);
}

#[test]
fn tax_ids_match_after_a_country_code() {
    let index = index(vec![
        SearchDoc {
            id: "es".into(),
            name: "Construcciones García, S.L.".into(),
            tax_id: "B28747558".into(),
            ..SearchDoc::default()
        },
        SearchDoc {
            id: "pl".into(),
            name: "Kowalski Sp. z o.o.".into(),
            tax_id: "5110298090".into(),
            ..SearchDoc::default()
        },
        SearchDoc {
            id: "gr".into(),
            name: "Athina AE".into(),
            tax_id: "094259216".into(),
            ..SearchDoc::default()
        },
        doc("esteban", "Esteban Hermanos"),
    ]);
    for (query, id) in [
        ("ES B28 747 558", "es"),
        ("ESB28747558", "es"),
        ("es-b28747558", "es"),
        ("ES B28", "es"),
        ("PL 511.029.809.0", "pl"),
        ("PL5110298090", "pl"),
        ("EL 094 259 216", "gr"),
        ("B28 747 558", "es"),
    ] {
        assert_eq!(top(&index, query), [id], "{query}");
    }
    let hits = index.search("ES B28 747", 1);
    assert_eq!(hits[0].matches[0].field, SearchField::TaxId);
    assert_eq!(hits[0].matches[0].ranges, [(0, 6)]);
    // Words that start with two letters are still words.
    assert_eq!(top(&index, "esteban"), ["esteban"]);
    assert_eq!(top(&index, "es"), ["esteban"]);
}

#[test]
fn phone_endings_match() {
    let index_docs = index;
    let index = index_docs(vec![
        SearchDoc {
            id: "garcia".into(),
            name: "Construcciones García".into(),
            phones: vec!["+34 912 588 834".into()],
            ..SearchDoc::default()
        },
        SearchDoc {
            id: "muller".into(),
            name: "Müller Logistik".into(),
            phones: vec!["+49 30 1234 5678".into()],
            ..SearchDoc::default()
        },
    ]);
    for (query, id) in [
        ("588834", "garcia"),
        ("88 34", "garcia"),
        ("8834", "garcia"),
        ("912588834", "garcia"),
        ("5678", "muller"),
        ("34 5678", "muller"),
        // With the trunk prefix.
        ("030 1234", "muller"),
        ("0301234", "muller"),
    ] {
        assert_eq!(top(&index, query), [id], "{query}");
    }
    // Three digits are too few for an ending.
    assert!(top(&index, "834").is_empty());
    let hits = index.search("88 34", 1);
    let phone = &hits[0].matches[0];
    assert_eq!(phone.field, SearchField::Phone);
    assert_eq!(&phone.text[phone.ranges[0].0..phone.ranges[0].1], "8 834");
    // Starts still rank above endings.
    let ranked = index_docs(vec![
        SearchDoc {
            id: "start".into(),
            phones: vec!["+34 612 345 678".into()],
            ..doc("start", "Alfa")
        },
        SearchDoc {
            id: "end".into(),
            phones: vec!["+34 699 961 234".into()],
            ..doc("end", "Beta")
        },
    ]);
    assert_eq!(top(&ranked, "61234"), ["start", "end"]);
}

#[test]
fn generated_exact_names_tax_ids_and_phone_fragments_find_their_partner() {
    use partnero::search::generate::{generate_partners, query_set, QueryKind};
    let partners = generate_partners(11, 3_000);
    let index = index(
        partners
            .iter()
            .map(|(id, profile)| SearchDoc::from_profile(id, profile))
            .collect(),
    );
    let mut missed = Vec::new();
    for query in query_set(&partners, 11, 1_000) {
        let kinds = [
            QueryKind::ExactName,
            QueryKind::TaxIdWithSeparators,
            QueryKind::PhoneFragment,
        ];
        let Some(expected) = query.expected.filter(|_| kinds.contains(&query.kind)) else {
            continue;
        };
        if !index
            .search(&query.text, 3_000)
            .iter()
            .any(|hit| hit.id == expected)
        {
            missed.push((query.kind, query.text));
        }
    }
    assert!(missed.is_empty(), "{missed:?}");
}

#[test]
fn saved_searches_are_named_replaced_by_name_sorted_and_deleted() {
    use partnero::search::saved::{delete_search, save_search, SavedSearch, SortOrder};
    let search = |name: &str, text: &str| SavedSearch {
        name: name.into(),
        text: text.into(),
        sort: SortOrder::Name,
        ..SavedSearch::default()
    };
    assert_eq!(
        save_search(Vec::new(), search("  ", "x")),
        Err("Saved search: give it a name".to_owned())
    );
    let list = save_search(Vec::new(), search(" Suppliers south ", "sevilla")).unwrap();
    let list = save_search(list, search("Andalucía", "malaga")).unwrap();
    let list = save_search(list, search("suppliers SOUTH", "cordoba")).unwrap();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Andalucía", "suppliers SOUTH"]);
    assert_eq!(
        list[1].text, "cordoba",
        "the same name replaces the old search"
    );
    let list = delete_search(list, "ANDALUCÍA");
    assert_eq!(
        list.len(),
        2,
        "names compare case-insensitively only in ASCII"
    );
    let list = delete_search(list, "andalucía");
    assert_eq!(list.len(), 1);
    assert_eq!(SortOrder::from_code("recent"), SortOrder::RecentlyChanged);
    assert_eq!(SortOrder::from_code("bogus"), SortOrder::Relevance);
}

/// A whole name as typed puts that partner first among partners sharing its words: the exact
/// name key before longer names, and the same legal form before other forms ("S.A." must not
/// reward "Sáez" for starting with "sa").
#[test]
fn a_whole_name_finds_that_partner_among_namesakes() {
    let index = index_of(&[
        ("sa", "Frutas Fernández S.A."),
        ("slu", "Frutas Fernández S.L.U."),
        ("sl", "Frutas Fernández, S.L."),
        ("saez", "Frutas Fernández Sáez S.L."),
        ("coop", "Frutas Fernández S.Coop."),
        ("talleres-saez", "Talleres Díaz Sáez S.L."),
        ("talleres-sa", "Talleres Díaz S.A."),
    ]);
    for (query, first) in [
        ("Frutas Fernández S.L.", "sl"),
        ("frutas fernandez sl", "sl"),
        ("Frutas Fernández S.A.", "sa"),
        ("Frutas Fernández S.L.U.", "slu"),
        ("Frutas Fernández S.Coop.", "coop"),
        ("Frutas Fernández Sáez S.L.", "saez"),
        ("Talleres Díaz S.A.", "talleres-sa"),
    ] {
        assert_eq!(top(&index, query)[0], first, "{query}");
    }
    // Without a form, the exact name key still beats the longer name.
    assert_ne!(top(&index, "Frutas Fernández")[0], "saez");
}

#[test]
fn a_search_carried_in_a_link_comes_back_whole_and_filters_like_the_list() {
    use partnero::search::saved::{SavedSearch, SortOrder};
    use partnero::search::{KindFilter, StatusFilter};
    let search = SavedSearch {
        name: String::new(),
        text: "aceites & sur".into(),
        kind: "suppliers".into(),
        status: "all".into(),
        verification: "pending".into(),
        category: "cat-1".into(),
        tag: String::new(),
        industry: "ind-2".into(),
        region: String::new(),
        custom_field: "field-3".into(),
        custom_text: "gold".into(),
        sort: SortOrder::Name,
    };
    let pairs = search.query_pairs();
    assert!(pairs.iter().all(|(_, value)| !value.is_empty()));
    let back = SavedSearch::from_query(|name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone())
    });
    assert_eq!(back, search);
    assert!(back.narrows());
    let filter = back.list_filter();
    assert_eq!(filter.kind, KindFilter::Suppliers);
    assert_eq!(filter.status, StatusFilter::All);
    assert_eq!(filter.category.as_deref(), Some("cat-1"));
    assert_eq!(filter.tag, None);
    assert_eq!(filter.custom, Some(("field-3".into(), "gold".into())));

    // The list's defaults carry nothing, and a changed order alone does not narrow.
    let plain = SavedSearch::from_query(|_| None);
    assert!(plain.query_pairs().is_empty());
    assert!(!plain.narrows());
    let sorted = SavedSearch {
        sort: SortOrder::RecentlyChanged,
        ..plain.clone()
    };
    assert_eq!(sorted.query_pairs(), vec![("sort", "recent".to_owned())]);
    assert!(!sorted.narrows());
}
