//! The permission rule (src/model/access.rs) as one table: every role against every class of
//! document, with the sales rep's own and other partners, a denied section, and a portal
//! contact's own and another partner. The server's permission matrix test
//! (sync-server/tests/permissions.rs) checks that the server enforces this same table over
//! real connections.

use std::collections::BTreeSet;

use partnero::model::{grant, refusal, DocumentClass, DocumentId, Grant, Role, Section, Subject};

const ME: i64 = 7;
const SOMEONE_ELSE: i64 = 8;

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

fn subject(role: Role) -> Subject {
    Subject {
        user_id: ME,
        role: Some(role),
        portal_partner: (role == Role::Portal).then(|| id(1)),
        assigned: (role == Role::Sales).then(|| id(1)).into_iter().collect(),
        denied: if role == Role::Admin || role == Role::Viewer {
            // Denied to admins too, to show that it does not apply to them.
            BTreeSet::from([Section::Finance, Section::Banking])
        } else if role == Role::Sales {
            BTreeSet::from([Section::Finance])
        } else {
            BTreeSet::new()
        },
    }
}

#[test]
fn every_role_against_every_kind_of_document() {
    use Grant::{None as No, Read as R, Write as W};
    let own = id(1);
    let other = id(2);
    // (document, partner creator) and the grant of admin, manager, sales, viewer, portal.
    let table: Vec<(&str, DocumentClass, Option<i64>, [Grant; 5])> = vec![
        (
            "workspace",
            DocumentClass::Workspace,
            None,
            [W, W, W, R, No],
        ),
        ("settings", DocumentClass::Settings, None, [W, R, R, R, No]),
        (
            "own partner",
            DocumentClass::Partner(own),
            None,
            [W, W, W, R, R],
        ),
        (
            "other partner",
            DocumentClass::Partner(other),
            None,
            [W, W, R, R, No],
        ),
        (
            "other partner they created",
            DocumentClass::Partner(other),
            Some(ME),
            [W, W, W, R, No],
        ),
        (
            "own finance",
            DocumentClass::Finance(own),
            None,
            [W, W, No, No, No],
        ),
        (
            "own banking",
            DocumentClass::Banking(own),
            None,
            [W, W, W, No, R],
        ),
        (
            "other banking",
            DocumentClass::Banking(other),
            None,
            [W, W, R, No, No],
        ),
        (
            "other activity",
            DocumentClass::Activity(other),
            None,
            [W, W, R, R, No],
        ),
        (
            "own activity",
            DocumentClass::Activity(own),
            None,
            [W, W, W, R, No],
        ),
        (
            "own portal",
            DocumentClass::Portal(own),
            None,
            [W, W, W, R, W],
        ),
        (
            "other portal",
            DocumentClass::Portal(other),
            None,
            [W, W, R, R, No],
        ),
        (
            "my portal workspace",
            DocumentClass::PortalWorkspace(ME),
            None,
            [No, No, No, No, R],
        ),
        (
            "another's portal workspace",
            DocumentClass::PortalWorkspace(SOMEONE_ELSE),
            None,
            [No, No, No, No, No],
        ),
        (
            "unlisted, new",
            DocumentClass::Unlisted { creator: None },
            None,
            [W, W, W, No, No],
        ),
        (
            "unlisted, mine",
            DocumentClass::Unlisted { creator: Some(ME) },
            None,
            [W, W, W, No, No],
        ),
        (
            "unlisted, another's",
            DocumentClass::Unlisted {
                creator: Some(SOMEONE_ELSE),
            },
            None,
            [No, No, No, No, No],
        ),
    ];
    let roles = [
        Role::Admin,
        Role::Manager,
        Role::Sales,
        Role::Viewer,
        Role::Portal,
    ];
    let mut failures = Vec::new();
    for (name, class, creator, expected) in &table {
        for (role, expected) in roles.iter().zip(expected) {
            let got = grant(&subject(*role), class, *creator);
            if got != *expected {
                failures.push(format!("{role} on {name}: {got:?}, expected {expected:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nobody_without_a_role_gets_anything() {
    let nobody = Subject {
        user_id: ME,
        ..Subject::default()
    };
    for class in [
        DocumentClass::Workspace,
        DocumentClass::Settings,
        DocumentClass::Partner(id(1)),
        DocumentClass::Unlisted { creator: None },
    ] {
        assert_eq!(grant(&nobody, &class, None), Grant::None);
    }
}

#[test]
fn roles_and_sections_round_trip_their_names_and_refuse_others() {
    for role in Role::ALL {
        assert_eq!(role.as_str().parse::<Role>(), Ok(role));
    }
    for section in Section::ALL {
        assert_eq!(section.as_str().parse::<Section>(), Ok(section));
    }
    let error = "owner".parse::<Role>().unwrap_err();
    assert!(error.contains("\"owner\""), "{error}");
    assert!("bank".parse::<Section>().unwrap_err().contains("\"bank\""));
}

#[test]
fn a_refusal_says_why_and_a_write_grant_has_none() {
    assert_eq!(refusal(Grant::Write, Some(Role::Sales)), None);
    let sales = refusal(Grant::Read, Some(Role::Sales)).unwrap();
    assert!(sales.contains("assigned"), "{sales}");
    let viewer = refusal(Grant::Read, Some(Role::Viewer)).unwrap();
    assert!(viewer.contains("Viewers"), "{viewer}");
}
