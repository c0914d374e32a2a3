//! Who may read and write which document: the roles, the sections a role can be denied, and
//! the one rule ([`grant`]) that both the server enforces (through samod's share policy, per
//! document and peer) and the app uses to hide what a user may not do. Keeping the rule here,
//! in the pure core, means the two can never disagree about a case; the server is still the
//! one that refuses (ARCHITECTURE.md, invariant 4).
//!
//! Every permission boundary is a document boundary:
//!
//! | document | administrator | manager | sales rep | viewer | portal contact |
//! |---|---|---|---|---|---|
//! | workspace (partner index) | write | write | write | read | — |
//! | settings | write | read | read | read | — |
//! | partner record | write | write | write if assigned or created by them, else read | read | read, own partner only |
//! | finance, activity (with internal notes) | write¹ | write¹ | as the partner¹ | read¹ | — |
//! | banking (bank accounts) | write¹ | write¹ | as the partner¹ | read¹ | read, own partner only |
//! | portal (proposals, requests) | write | write | as the partner | read | write, own partner only |
//! | portal workspace | — | — | — | — | read, their own |
//! | not listed yet | write if they created it | same | same | — | — |
//!
//! ¹ unless the section is denied to the role (settings); administrators are never denied.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::DocumentId;

/// A user's role in the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, settings, everything.
    Admin,
    /// All partners, read and write.
    Manager,
    /// Reads all partners; writes the ones assigned to them and the ones they create.
    Sales,
    /// Reads everything they are not denied; writes nothing.
    Viewer,
    /// A partner's contact: reads their own partner's record, proposes changes to it.
    Portal,
}

impl Role {
    /// Every role, in the order the user management screen lists them.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Manager,
        Role::Sales,
        Role::Viewer,
        Role::Portal,
    ];
    /// The roles of staff (everyone but portal contacts).
    pub const STAFF: [Role; 4] = [Role::Admin, Role::Manager, Role::Sales, Role::Viewer];

    /// The stable name stored on the server and sent over the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Sales => "sales",
            Role::Viewer => "viewer",
            Role::Portal => "portal",
        }
    }

    /// How the role is shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Manager => "Manager",
            Role::Sales => "Sales rep",
            Role::Viewer => "Viewer",
            Role::Portal => "Partner contact",
        }
    }

    /// May register new partners (and so write the workspace index).
    pub fn may_create_partners(self) -> bool {
        matches!(self, Role::Admin | Role::Manager | Role::Sales)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
            .ok_or_else(|| {
                format!("role {text:?} is not one of admin, manager, sales, viewer, portal")
            })
    }
}

/// A part of a partner's data that can be denied to a role, each its own document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Invoices, payments, purchase orders.
    Finance,
    /// A partner's bank accounts (its banking document).
    Banking,
    /// Calls, visits, internal notes, reminders.
    Activity,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Finance, Section::Banking, Section::Activity];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Finance => "finance",
            Section::Banking => "banking",
            Section::Activity => "activity",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Finance => "Finance (invoices, payments, orders)",
            Section::Banking => "Bank accounts",
            Section::Activity => "Activity (calls, visits, internal notes, reminders)",
        }
    }
}

impl FromStr for Section {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Section::ALL
            .into_iter()
            .find(|section| section.as_str() == text)
            .ok_or_else(|| format!("section {text:?} is not one of finance, banking, activity"))
    }
}

/// How much of a document a user gets. Ordered: `None < Read < Write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    None,
    Read,
    Write,
}

impl Grant {
    pub fn may_read(self) -> bool {
        self >= Grant::Read
    }

    pub fn may_write(self) -> bool {
        self == Grant::Write
    }
}

/// What a document is, as far as permissions go. The server learns it from the team's
/// workspace index (partners, their finance, banking, activity and portal documents) and its own
/// tables; the app from its copy of the same index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentClass {
    /// The team's workspace: the partner index (and, for older app versions, a copy of the
    /// settings as they were when the settings document was created).
    Workspace,
    /// The team's settings document (`Workspace::settings_document`): only administrators
    /// write it, everyone on the staff reads it.
    Settings,
    Partner(DocumentId),
    Finance(DocumentId),
    /// A partner's banking document (its bank accounts).
    Banking(DocumentId),
    Activity(DocumentId),
    /// A partner's portal document (its contacts' proposals, the company's requests).
    Portal(DocumentId),
    /// The workspace a portal contact syncs instead of the team's (user id).
    PortalWorkspace(i64),
    /// Not listed anywhere yet: a document a device created offline and is sending for the
    /// first time. `creator` is the first user who sent or asked for it.
    Unlisted {
        creator: Option<i64>,
    },
}

/// The person asking, with what the server knows about them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subject {
    pub user_id: i64,
    pub role: Option<Role>,
    /// For a portal contact: the partner whose record they may see.
    pub portal_partner: Option<DocumentId>,
    /// Partners assigned to this user (meaningful for sales reps).
    pub assigned: BTreeSet<DocumentId>,
    /// Sections denied to this user's role.
    pub denied: BTreeSet<Section>,
}

/// The grant of `subject` on a document of class `class`. `partner_creator` is the user who
/// first sent the partner record the document belongs to (for a sales rep's "the partners
/// they create"), when known.
pub fn grant(subject: &Subject, class: &DocumentClass, partner_creator: Option<i64>) -> Grant {
    let Some(role) = subject.role else {
        return Grant::None;
    };
    let own = |partner: &DocumentId| {
        subject.assigned.contains(partner) || partner_creator == Some(subject.user_id)
    };
    let section = |section: Section, partner: &DocumentId| {
        if role != Role::Admin && subject.denied.contains(&section) {
            return Grant::None;
        }
        partner_grant(role, own(partner))
    };
    match (role, class) {
        (Role::Portal, DocumentClass::PortalWorkspace(user)) if *user == subject.user_id => {
            Grant::Read
        }
        (Role::Portal, DocumentClass::Partner(partner))
            if subject.portal_partner == Some(*partner) =>
        {
            Grant::Read
        }
        (Role::Portal, DocumentClass::Portal(partner))
            if subject.portal_partner == Some(*partner) =>
        {
            Grant::Write
        }
        // Contacts see their own bank details, to check them and propose corrections (through
        // the portal document, like every other field).
        (Role::Portal, DocumentClass::Banking(partner))
            if subject.portal_partner == Some(*partner) =>
        {
            Grant::Read
        }
        (Role::Portal, _) | (_, DocumentClass::PortalWorkspace(_)) => Grant::None,
        (Role::Admin, DocumentClass::Settings) => Grant::Write,
        (_, DocumentClass::Settings) => Grant::Read,
        (Role::Viewer, DocumentClass::Workspace) => Grant::Read,
        (_, DocumentClass::Workspace) => Grant::Write,
        (_, DocumentClass::Partner(partner) | DocumentClass::Portal(partner)) => {
            partner_grant(role, own(partner))
        }
        (_, DocumentClass::Finance(partner)) => section(Section::Finance, partner),
        (_, DocumentClass::Banking(partner)) => section(Section::Banking, partner),
        (_, DocumentClass::Activity(partner)) => section(Section::Activity, partner),
        (_, DocumentClass::Unlisted { creator }) => {
            let theirs = creator.is_none_or(|creator| creator == subject.user_id);
            if theirs && role.may_create_partners() {
                Grant::Write
            } else {
                Grant::None
            }
        }
    }
}

/// A staff role's grant on a partner's documents; `own` is "assigned to or created by them".
fn partner_grant(role: Role, own: bool) -> Grant {
    match role {
        Role::Admin | Role::Manager => Grant::Write,
        Role::Sales if own => Grant::Write,
        Role::Sales | Role::Viewer => Grant::Read,
        Role::Portal => Grant::None,
    }
}

/// Why a user may not do something, as data: the interface words it in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ViewerReadsOnly,
    SalesOwnPartnersOnly,
    PortalProposes,
    /// Any other role without the grant.
    NotForRole(Role),
    SignedOut,
}

impl Refusal {
    /// The reason in English.
    pub fn english(self) -> String {
        match self {
            Refusal::ViewerReadsOnly => "Viewers can read but not change anything".to_owned(),
            Refusal::SalesOwnPartnersOnly => {
                "Sales reps change only the partners assigned to them or registered by them"
                    .to_owned()
            }
            Refusal::PortalProposes => {
                "Partner contacts propose changes; staff apply them".to_owned()
            }
            Refusal::NotForRole(role) => format!("Not allowed for the {} role", role.label()),
            Refusal::SignedOut => "Sign in to change this".to_owned(),
        }
    }
}

/// Why a user may not change something with this grant; `None` when they may.
pub fn refusal_of(grant: Grant, role: Option<Role>) -> Option<Refusal> {
    if grant.may_write() {
        return None;
    }
    Some(match role {
        Some(Role::Viewer) => Refusal::ViewerReadsOnly,
        Some(Role::Sales) => Refusal::SalesOwnPartnersOnly,
        Some(Role::Portal) => Refusal::PortalProposes,
        Some(role) => Refusal::NotForRole(role),
        None => Refusal::SignedOut,
    })
}

/// Why a user may not do something, in English, to show on a disabled control; `None` when
/// they may.
pub fn refusal(grant: Grant, role: Option<Role>) -> Option<String> {
    refusal_of(grant, role).map(Refusal::english)
}
