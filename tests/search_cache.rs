//! The search index snapshot (`SearchIndex::to_bytes` / `from_bytes`), which the app keeps in
//! IndexedDB to reopen the index at start-up: a restored index answers and edits exactly like
//! the original, and damaged bytes give an error, never a panic. `timing_at_100k` (ignored)
//! prints the size and the encode and decode times.

use std::time::Instant;

use partnero::model::PartnerProfile;
use partnero::search::engine::{SearchDoc, SearchIndex, SnapshotError};
use partnero::search::generate::{generate_partners, query_set, BenchQuery};

fn docs(partners: &[(String, PartnerProfile)]) -> Vec<SearchDoc> {
    partners
        .iter()
        .map(|(id, profile)| SearchDoc::from_profile(id, profile))
        .collect()
}

/// An index of `count` partners with some removed and some re-added under other names, so it
/// has free slots, dead and pending terms.
fn edited_index(partners: &[(String, PartnerProfile)]) -> SearchIndex {
    let docs = docs(partners);
    let mut index = SearchIndex::new();
    for doc in &docs {
        index.upsert(doc.clone());
    }
    for doc in docs.iter().step_by(9) {
        index.remove(&doc.id);
    }
    for doc in docs.iter().step_by(27) {
        index.upsert(SearchDoc {
            name: format!("{} Renombrada", doc.name),
            ..doc.clone()
        });
    }
    for doc in docs.iter().skip(5).step_by(31) {
        index.upsert(SearchDoc {
            notes: "revisado por Íñigo".into(),
            ..doc.clone()
        });
    }
    index
}

fn assert_same_answers(original: &SearchIndex, restored: &SearchIndex, queries: &[BenchQuery]) {
    assert_eq!(original.len(), restored.len());
    for query in queries {
        assert_eq!(
            original.search(&query.text, 10),
            restored.search(&query.text, 10),
            "query {:?}",
            query.text
        );
    }
    for query in ["a", "34", "garcia", "revisado", "renombrada", "inigo"] {
        assert_eq!(
            original.search(query, 200),
            restored.search(query, 200),
            "{query}"
        );
    }
}

#[test]
fn a_restored_index_answers_and_edits_like_the_original() {
    let partners = generate_partners(11, 3_000);
    let queries = query_set(&partners, 11, 1_000);
    let mut original = edited_index(&partners);
    let bytes = original.to_bytes();
    let mut restored = SearchIndex::from_bytes(&bytes).expect("a fresh snapshot reads");
    assert_same_answers(&original, &restored, &queries);
    // One canonical form: the restored index writes the same bytes.
    assert_eq!(restored.to_bytes(), bytes);
    for doc in docs(&partners).iter().take(500) {
        assert_eq!(original.contains(&doc.id), restored.contains(&doc.id));
    }

    // The same edits on both: removals, replacements, and new partners that take the free slots.
    let more_partners = generate_partners(12, 400);
    let more = docs(&more_partners);
    let docs = docs(&partners);
    for index in [&mut original, &mut restored] {
        for doc in docs.iter().skip(3).step_by(13) {
            index.remove(&doc.id);
        }
        for doc in &more {
            index.upsert(doc.clone());
        }
        for doc in docs.iter().step_by(9).take(100) {
            index.upsert(SearchDoc {
                name: format!("Vuelta {}", doc.name),
                ..doc.clone()
            });
        }
    }
    assert_same_answers(&original, &restored, &queries);
    assert_same_answers(&original, &restored, &query_set(&more_partners, 12, 200));
    assert_eq!(original.to_bytes(), restored.to_bytes());
}

#[test]
fn empty_indexes_round_trip() {
    let empty = SearchIndex::new();
    let mut restored = SearchIndex::from_bytes(&empty.to_bytes()).expect("reads");
    assert!(restored.is_empty());
    assert!(restored.search("garcia", 10).is_empty());
    let partners = generate_partners(3, 20);
    let docs = docs(&partners);
    restored.upsert(docs[0].clone());
    assert_eq!(restored.search(&docs[0].name, 1)[0].id, docs[0].id);

    // Emptied by removals: every slot free.
    let mut emptied = SearchIndex::new();
    for doc in &docs {
        emptied.upsert(doc.clone());
    }
    for doc in &docs {
        emptied.remove(&doc.id);
    }
    let mut restored = SearchIndex::from_bytes(&emptied.to_bytes()).expect("reads");
    assert!(restored.is_empty());
    for doc in &docs {
        restored.upsert(doc.clone());
        emptied.upsert(doc.clone());
    }
    assert_eq!(restored.len(), docs.len());
    for doc in &docs {
        assert_eq!(restored.search(&doc.name, 5), emptied.search(&doc.name, 5));
    }
}

/// A damaged snapshot must give an error or, where damage cannot be told from content, an
/// index that still answers (and edits) without panicking.
fn read_damaged(bytes: &[u8], queries: &[BenchQuery]) -> Result<(), SnapshotError> {
    let mut index = SearchIndex::from_bytes(bytes)?;
    for query in queries {
        index.search(&query.text, 10);
    }
    index.remove(&queries[0].text);
    index.upsert(SearchDoc {
        id: "new".into(),
        name: "García Nueva".into(),
        ..SearchDoc::default()
    });
    index.search("garcia", 10);
    Ok(())
}

#[test]
fn damaged_snapshots_are_refused_without_panicking() {
    let partners = generate_partners(5, 600);
    let queries = query_set(&partners, 5, 40);
    let bytes = edited_index(&partners).to_bytes();

    for length in (0..bytes.len()).step_by(97) {
        let error = read_damaged(&bytes[..length], &queries).expect_err("truncated");
        assert!(
            error.to_string().contains("not a search index snapshot")
                || error.to_string().contains("truncated"),
            "{error}"
        );
    }
    assert_eq!(
        SearchIndex::from_bytes(&bytes[..bytes.len() - 1])
            .unwrap_err()
            .to_string(),
        "the search index snapshot is truncated"
    );

    let mut future = bytes.clone();
    future[4] = 3;
    assert_eq!(
        SearchIndex::from_bytes(&future).unwrap_err().to_string(),
        "the search index snapshot has an unknown version 3"
    );
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(SearchIndex::from_bytes(&longer).is_err());
    assert!(SearchIndex::from_bytes(b"").is_err());
    assert!(SearchIndex::from_bytes(b"{\"partners\": []}").is_err());

    // Deterministic flips of one bit at 200 positions spread over the whole snapshot.
    let mut state = 0x2545_f491_u64;
    let mut refused = 0;
    for _ in 0..200 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = (state % bytes.len() as u64) as usize;
        let mut damaged = bytes.clone();
        damaged[at] ^= 1 << (state >> 40 & 7);
        if read_damaged(&damaged, &queries).is_err() {
            refused += 1;
        }
    }
    // The checksum catches every single flip; the structural checks behind it are tested
    // with forged checksums in `src/search/engine/snapshot.rs`.
    assert_eq!(refused, 200);
}

#[test]
#[ignore = "timing; run with --release -- --ignored --nocapture"]
fn timing_at_100k() {
    let partners = generate_partners(7, 100_000);
    let docs = docs(&partners);
    let started = Instant::now();
    let mut index = SearchIndex::new();
    for doc in docs {
        index.upsert(doc);
    }
    let build = started.elapsed();
    let started = Instant::now();
    let bytes = index.to_bytes();
    let encode = started.elapsed();
    let started = Instant::now();
    let restored = SearchIndex::from_bytes(&bytes).expect("reads");
    let decode = started.elapsed();
    eprintln!(
        "100,000 partners: snapshot {:.1} MB, build {build:.2?}, encode {encode:.2?}, \
         decode {decode:.2?} (index heap {:.1} MB)",
        bytes.len() as f64 / 1e6,
        index.heap_bytes() as f64 / 1e6,
    );
    let queries = query_set(&partners, 7, 300);
    assert_same_answers(&index, &restored, &queries);
}

/// The stored form the app keeps (`search::stored`): the snapshot plus the fingerprint of each
/// partner's document it reflects; at start-up only partners whose fingerprint changed, or
/// that appeared or left, are indexed again.
#[test]
fn the_stored_index_names_exactly_the_partners_to_index_again() {
    use partnero::model::DocumentId;
    use partnero::search::stored::{decode, encode, IndexedPartners};

    let partners = generate_partners(5, 200);
    let mut index = SearchIndex::new();
    let mut indexed = IndexedPartners::default();
    let ids: Vec<DocumentId> = partners.iter().map(|(id, _)| id.parse().unwrap()).collect();
    for (doc, id) in docs(&partners).into_iter().zip(&ids) {
        index.upsert(doc);
        indexed.set(*id, u64::from(id.as_bytes()[0]));
    }
    let bytes = encode(&index, &indexed);
    let (restored, restored_indexed) = decode(&bytes).unwrap();
    assert_eq!(restored_indexed, indexed);
    assert_eq!(restored.len(), 200);
    assert_eq!(
        restored.search(&partners[3].1.legal_name, 1)[0].id,
        partners[3].0
    );

    // Partner 0 changed, partner 1 left, a new one arrived; the rest are as indexed.
    let newcomer = DocumentId::from_random_bytes([7; 16]);
    let current = ids
        .iter()
        .enumerate()
        .filter(|(position, _)| *position != 1)
        .map(|(position, id)| {
            let fingerprint = u64::from(id.as_bytes()[0]) + u64::from(position == 0);
            (*id, fingerprint)
        })
        .chain([(newcomer, 1)]);
    let changes = restored_indexed.changes(current);
    assert_eq!(changes.reindex, vec![ids[0], newcomer]);
    assert_eq!(changes.removed, vec![ids[1]]);

    // Damaged or foreign bytes are refused with a sentence (the app then rebuilds).
    assert!(decode(&bytes[..bytes.len() / 2]).is_err());
    assert!(decode(b"not an index at all").is_err());
    let mut other_version = bytes.clone();
    other_version[4] = 9;
    assert!(decode(&other_version).unwrap_err().contains("version 9"));
}
