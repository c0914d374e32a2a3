//! Why the core refused a change on this device, as data the interface words in the person's
//! language.
//!
//! The settings lists, the registry's links, merges, history and portal refuse changes with a
//! reason the person has to read ("a name is required", "Acme is not a supplier"). Kept as
//! English sentences they reached the screen in English whatever the language; kept as this
//! enum, each has its English sentence ([`ChangeRefusal::english`], the text the registry's
//! error shows in logs and tests) and a Fluent message with its variables
//! ([`ChangeRefusal::key`], [`ChangeRefusal::args`], `locales/*/registry.ftl`) that
//! `ui::words::registry_error` words. `tests/i18n.rs` checks every variant against the three
//! languages, so a new refusal cannot be added without its words.

use super::classification::TermList;
use super::portal::field_label;

/// One reason a change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// A term (or category) needs a name that is not only spaces.
    NameRequired,
    /// A new term's id is empty or already used in its list.
    TermIdTaken {
        list: TermList,
        id: String,
    },
    TermMergedIntoItself {
        list: TermList,
    },
    UnknownTerm {
        list: TermList,
        id: String,
    },
    UnknownCategory {
        id: String,
    },
    /// Moving a category under itself or a subcategory would make the tree a cycle.
    CategoryUnderItself,
    /// The workspace names a settings document this device has not received yet; writing the
    /// old settings map instead would be lost.
    SettingsBeingFetched,
    NoSuchDocument {
        id: String,
    },
    /// Local changes to the workspace can only be discarded back to a version the server has.
    WorkspaceNeverSynced,
    SupplyItself,
    NotAClient {
        name: String,
    },
    NotASupplier {
        name: String,
    },
    PartnerMergedIntoItself,
    AlreadyMerged {
        name: String,
    },
    /// A verification document row the partner does not have.
    NoSuchVerificationDocument {
        row: String,
    },
    NotAChange {
        hash: String,
    },
    ChangeNotInRecord {
        hash: String,
    },
    NoFieldGiven,
    FieldNotRestorable {
        field: String,
    },
    /// The row or map holding the field is gone from the record.
    FieldNotInRecord {
        field: String,
    },
    /// The earlier value no longer fits the record (the detail is serde's, in English).
    FieldCannotBeRestored {
        field: String,
        detail: String,
    },
    ProposalNeedsAuthor,
    ProposalExists {
        id: String,
    },
    NoSuchProposal {
        id: String,
    },
    /// `field` is the machine name (`legal_name`), worded by the interface.
    NotProposed {
        proposal: String,
        field: String,
    },
    /// `by` is empty when the decision does not say who made it.
    AlreadyDecided {
        proposal: String,
        field: String,
        accepted: bool,
        by: String,
    },
    RequestNeedsText,
    RequestExists {
        id: String,
    },
    AnswerNeedsContent,
    NoSuchRequest {
        id: String,
    },
    RequestClosed {
        id: String,
    },
}

/// A message variable of a [`ChangeRefusal`]: text as it is, or a value the interface names in
/// its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalArg {
    Text(String),
    /// A classification list ("Categories").
    List(TermList),
    /// A profile field a partner contact may propose, by machine name (`legal_name`).
    Field(String),
}

impl RefusalArg {
    /// The value in English, as the core's sentences show it.
    pub fn english(&self) -> String {
        match self {
            RefusalArg::Text(text) => text.clone(),
            RefusalArg::List(list) => list.label().to_owned(),
            RefusalArg::Field(field) => field_label(field).unwrap_or(field).to_owned(),
        }
    }
}

impl ChangeRefusal {
    /// The reason in English, exactly as the registry has always said it.
    pub fn english(&self) -> String {
        match self {
            ChangeRefusal::NameRequired => "a name is required".into(),
            ChangeRefusal::TermIdTaken { list, id } => {
                format!("{}: the id {id:?} is taken or empty", list.label())
            }
            ChangeRefusal::TermMergedIntoItself { list } => {
                format!("{}: a term cannot be merged into itself", list.label())
            }
            ChangeRefusal::UnknownTerm { list, id } => {
                format!("{}: there is no term {id}", list.label())
            }
            ChangeRefusal::UnknownCategory { id } => format!("there is no category {id}"),
            ChangeRefusal::CategoryUnderItself => {
                "a category cannot be moved under itself or one of its subcategories".into()
            }
            ChangeRefusal::SettingsBeingFetched => {
                "the settings are still being fetched from the server; try again in a moment".into()
            }
            ChangeRefusal::NoSuchDocument { id } => {
                format!("there is no document {id} on this device")
            }
            ChangeRefusal::WorkspaceNeverSynced => {
                "the workspace was never synced, so there is no server version to go back to".into()
            }
            ChangeRefusal::SupplyItself => "cannot link: a partner cannot supply itself".into(),
            ChangeRefusal::NotAClient { name } => format!("cannot link: {name} is not a client"),
            ChangeRefusal::NotASupplier { name } => {
                format!("cannot link: {name} is not a supplier")
            }
            ChangeRefusal::PartnerMergedIntoItself => {
                "the document could not be updated: a partner cannot be merged into itself".into()
            }
            ChangeRefusal::AlreadyMerged { name } => format!(
                "the document could not be updated: {name} was already merged into another partner"
            ),
            ChangeRefusal::NoSuchVerificationDocument { row } => {
                format!("the document could not be updated: the partner has no document {row}")
            }
            ChangeRefusal::NotAChange { hash } => format!("{hash} is not a change"),
            ChangeRefusal::ChangeNotInRecord { hash } => {
                format!("change {hash} is not in this record")
            }
            ChangeRefusal::NoFieldGiven => "no field given".into(),
            ChangeRefusal::FieldNotRestorable { field } => {
                format!("{field} is not a field that can be restored")
            }
            ChangeRefusal::FieldNotInRecord { field } => {
                format!("{field} is not in the record now")
            }
            ChangeRefusal::FieldCannotBeRestored { field, detail } => {
                format!("{field} cannot be restored: {detail}")
            }
            ChangeRefusal::ProposalNeedsAuthor => "a proposal needs its author's name".into(),
            ChangeRefusal::ProposalExists { id } => format!("proposal {id} already exists"),
            ChangeRefusal::NoSuchProposal { id } => {
                format!("there is no proposal {id} for this partner")
            }
            ChangeRefusal::NotProposed { proposal, field } => format!(
                "proposal {proposal} does not propose a change to {}",
                field_label(field).unwrap_or(field)
            ),
            ChangeRefusal::AlreadyDecided {
                proposal,
                field,
                accepted,
                by,
            } => format!(
                "{} of proposal {proposal} was already {} by {}",
                field_label(field).unwrap_or(field),
                if *accepted { "accepted" } else { "rejected" },
                if by.is_empty() { "someone" } else { by },
            ),
            ChangeRefusal::RequestNeedsText => "say what you are asking for".into(),
            ChangeRefusal::RequestExists { id } => format!("request {id} already exists"),
            ChangeRefusal::AnswerNeedsContent => "write an answer or attach a file".into(),
            ChangeRefusal::NoSuchRequest { id } => format!("there is no request {id}"),
            ChangeRefusal::RequestClosed { id } => {
                format!("request {id} is closed and takes no more answers")
            }
        }
    }

    /// The Fluent message that says the same in the interface's language
    /// (`locales/*/registry.ftl`).
    pub fn key(&self) -> &'static str {
        match self {
            ChangeRefusal::NameRequired => "registry-name-required",
            ChangeRefusal::TermIdTaken { .. } => "registry-term-id-taken",
            ChangeRefusal::TermMergedIntoItself { .. } => "registry-term-merged-into-itself",
            ChangeRefusal::UnknownTerm { .. } => "registry-unknown-term",
            ChangeRefusal::UnknownCategory { .. } => "registry-unknown-category",
            ChangeRefusal::CategoryUnderItself => "registry-category-under-itself",
            ChangeRefusal::SettingsBeingFetched => "registry-settings-being-fetched",
            ChangeRefusal::NoSuchDocument { .. } => "registry-no-such-document",
            ChangeRefusal::WorkspaceNeverSynced => "registry-workspace-never-synced",
            ChangeRefusal::SupplyItself => "registry-supply-itself",
            ChangeRefusal::NotAClient { .. } => "registry-not-a-client",
            ChangeRefusal::NotASupplier { .. } => "registry-not-a-supplier",
            ChangeRefusal::PartnerMergedIntoItself => "registry-partner-merged-into-itself",
            ChangeRefusal::AlreadyMerged { .. } => "registry-already-merged",
            ChangeRefusal::NoSuchVerificationDocument { .. } => {
                "registry-no-such-verification-document"
            }
            ChangeRefusal::NotAChange { .. } => "registry-not-a-change",
            ChangeRefusal::ChangeNotInRecord { .. } => "registry-change-not-in-record",
            ChangeRefusal::NoFieldGiven => "registry-no-field-given",
            ChangeRefusal::FieldNotRestorable { .. } => "registry-field-not-restorable",
            ChangeRefusal::FieldNotInRecord { .. } => "registry-field-not-in-record",
            ChangeRefusal::FieldCannotBeRestored { .. } => "registry-field-cannot-be-restored",
            ChangeRefusal::ProposalNeedsAuthor => "registry-proposal-needs-author",
            ChangeRefusal::ProposalExists { .. } => "registry-proposal-exists",
            ChangeRefusal::NoSuchProposal { .. } => "registry-no-such-proposal",
            ChangeRefusal::NotProposed { .. } => "registry-not-proposed",
            ChangeRefusal::AlreadyDecided { by, .. } if by.is_empty() => {
                "registry-already-decided-anonymous"
            }
            ChangeRefusal::AlreadyDecided { .. } => "registry-already-decided",
            ChangeRefusal::RequestNeedsText => "registry-request-needs-text",
            ChangeRefusal::RequestExists { .. } => "registry-request-exists",
            ChangeRefusal::AnswerNeedsContent => "registry-answer-needs-content",
            ChangeRefusal::NoSuchRequest { .. } => "registry-no-such-request",
            ChangeRefusal::RequestClosed { .. } => "registry-request-closed",
        }
    }

    /// The message's variables.
    pub fn args(&self) -> Vec<(&'static str, RefusalArg)> {
        use RefusalArg::{Field, List, Text};
        match self {
            ChangeRefusal::TermIdTaken { list, id } | ChangeRefusal::UnknownTerm { list, id } => {
                vec![("list", List(*list)), ("id", Text(id.clone()))]
            }
            ChangeRefusal::TermMergedIntoItself { list } => vec![("list", List(*list))],
            ChangeRefusal::UnknownCategory { id }
            | ChangeRefusal::NoSuchDocument { id }
            | ChangeRefusal::ProposalExists { id }
            | ChangeRefusal::NoSuchProposal { id }
            | ChangeRefusal::RequestExists { id }
            | ChangeRefusal::NoSuchRequest { id }
            | ChangeRefusal::RequestClosed { id } => vec![("id", Text(id.clone()))],
            ChangeRefusal::NotAClient { name }
            | ChangeRefusal::NotASupplier { name }
            | ChangeRefusal::AlreadyMerged { name } => vec![("name", Text(name.clone()))],
            ChangeRefusal::NoSuchVerificationDocument { row } => vec![("row", Text(row.clone()))],
            ChangeRefusal::NotAChange { hash } | ChangeRefusal::ChangeNotInRecord { hash } => {
                vec![("hash", Text(hash.clone()))]
            }
            ChangeRefusal::FieldNotRestorable { field }
            | ChangeRefusal::FieldNotInRecord { field } => vec![("field", Text(field.clone()))],
            ChangeRefusal::FieldCannotBeRestored { field, detail } => vec![
                ("field", Text(field.clone())),
                ("detail", Text(detail.clone())),
            ],
            ChangeRefusal::NotProposed { proposal, field } => vec![
                ("proposal", Text(proposal.clone())),
                ("field", Field(field.clone())),
            ],
            ChangeRefusal::AlreadyDecided {
                proposal,
                field,
                accepted,
                by,
            } => vec![
                ("proposal", Text(proposal.clone())),
                ("field", Field(field.clone())),
                // Fluent selects on it: `[accepted]` or `[rejected]`.
                (
                    "decision",
                    Text(if *accepted { "accepted" } else { "rejected" }.into()),
                ),
                ("by", Text(by.clone())),
            ],
            ChangeRefusal::NameRequired
            | ChangeRefusal::CategoryUnderItself
            | ChangeRefusal::SettingsBeingFetched
            | ChangeRefusal::WorkspaceNeverSynced
            | ChangeRefusal::SupplyItself
            | ChangeRefusal::PartnerMergedIntoItself
            | ChangeRefusal::NoFieldGiven
            | ChangeRefusal::ProposalNeedsAuthor
            | ChangeRefusal::RequestNeedsText
            | ChangeRefusal::AnswerNeedsContent => Vec::new(),
        }
    }

    /// One of every kind (and of every message), for tests that check each has its words in
    /// every language.
    pub fn examples() -> Vec<ChangeRefusal> {
        let text = |value: &str| value.to_owned();
        vec![
            ChangeRefusal::NameRequired,
            ChangeRefusal::TermIdTaken {
                list: TermList::Tags,
                id: text("vip"),
            },
            ChangeRefusal::TermMergedIntoItself {
                list: TermList::Regions,
            },
            ChangeRefusal::UnknownTerm {
                list: TermList::Industries,
                id: text("steel"),
            },
            ChangeRefusal::UnknownCategory { id: text("raw") },
            ChangeRefusal::CategoryUnderItself,
            ChangeRefusal::SettingsBeingFetched,
            ChangeRefusal::NoSuchDocument { id: text("3vQ8b2") },
            ChangeRefusal::WorkspaceNeverSynced,
            ChangeRefusal::SupplyItself,
            ChangeRefusal::NotAClient { name: text("Acme") },
            ChangeRefusal::NotASupplier { name: text("Acme") },
            ChangeRefusal::PartnerMergedIntoItself,
            ChangeRefusal::AlreadyMerged { name: text("Acme") },
            ChangeRefusal::NoSuchVerificationDocument { row: text("d1") },
            ChangeRefusal::NotAChange { hash: text("zz") },
            ChangeRefusal::ChangeNotInRecord {
                hash: "ab".repeat(32),
            },
            ChangeRefusal::NoFieldGiven,
            ChangeRefusal::FieldNotRestorable {
                field: text("profile.nope"),
            },
            ChangeRefusal::FieldNotInRecord {
                field: text("profile.addresses.a1.city"),
            },
            ChangeRefusal::FieldCannotBeRestored {
                field: text("profile.kind"),
                detail: text("unknown variant `robot`"),
            },
            ChangeRefusal::ProposalNeedsAuthor,
            ChangeRefusal::ProposalExists { id: text("p1") },
            ChangeRefusal::NoSuchProposal { id: text("p9") },
            ChangeRefusal::NotProposed {
                proposal: text("p1"),
                field: text("legal_name"),
            },
            ChangeRefusal::AlreadyDecided {
                proposal: text("p1"),
                field: text("phones"),
                accepted: true,
                by: text("Ana Staff"),
            },
            ChangeRefusal::AlreadyDecided {
                proposal: text("p1"),
                field: text("phones"),
                accepted: false,
                by: String::new(),
            },
            ChangeRefusal::RequestNeedsText,
            ChangeRefusal::RequestExists { id: text("r1") },
            ChangeRefusal::AnswerNeedsContent,
            ChangeRefusal::NoSuchRequest { id: text("r9") },
            ChangeRefusal::RequestClosed { id: text("r1") },
        ]
    }
}

impl std::fmt::Display for ChangeRefusal {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.english())
    }
}

impl std::error::Error for ChangeRefusal {}
