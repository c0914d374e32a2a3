//! Why the server refused a request (or could not be asked), as data shared by the sync server
//! and the interface.
//!
//! The server answers an error with `{"error": "<English sentence>", "refusal": {"code": …}}`:
//! the sentence is for logs, scripts and `curl`; the refusal is what the interface words in the
//! person's language (`ui::words::server_error`, messages `server-<code>` in
//! `locales/*/core.ftl`). Keeping both in one enum means a new refusal cannot be added on the
//! server without the interface, and the i18n tests, seeing it.

use serde::{Deserialize, Serialize};

/// The shortest password an account may have.
pub const MINIMUM_PASSWORD_CHARS: usize = 8;

/// One reason a request to the server failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ServerError {
    /// Deliberately the same for an unknown email and a wrong password.
    WrongCredentials,
    AccountDisabled,
    /// The request carried no session token.
    NotSignedIn,
    /// The token is unknown, expired or revoked.
    SessionEnded,
    InvalidEmail {
        email: String,
    },
    PasswordTooShort {
        minimum: usize,
    },
    EmailTaken {
        email: String,
    },
    NoSuchUser {
        id: i64,
    },
    /// A partner contact cannot become staff, nor staff a partner contact.
    PortalRoleFixed,
    LastAdministrator,
    AdministratorsOnly,
    AdministratorsInviteStaff,
    WritersInviteContacts,
    PartnerRequired,
    NotAPartner {
        partner: String,
    },
    StaffHaveNoPartner,
    PortalSeesNoSettings,
    /// Sections can be denied to managers, sales reps and viewers only.
    SectionsNotDeniable {
        role: String,
    },
    /// One answer for an unknown, used or expired link, so a link tells a stranger nothing
    /// about which it is.
    UnusableInvite,
    FileIdInvalid,
    FileTypeMissing {
        allowed: String,
    },
    FileTypeRefused {
        given: String,
        allowed: String,
    },
    FileTooLarge {
        limit: usize,
    },
    FileUnreadable {
        detail: String,
    },
    FileHashMismatch {
        actual: String,
        expected: String,
    },
    FileNotFound {
        sha256: String,
    },
    /// Something failed inside the server; the details are in its log only.
    ServerFailed,
    /// A request the interface does not make (malformed JSON, an unknown role name…); the
    /// detail stays in English, as the server wrote it.
    BadRequest {
        detail: String,
    },
    /// The server could not be reached at all (said by the interface, never by the server).
    Unreachable,
    /// The browser could not send the request or keep its answer (said by the interface).
    Browser {
        detail: String,
    },
    /// An answer the interface could not read: an error without a refusal (a proxy's page,
    /// an older server), or a success it could not decode.
    UnexpectedAnswer {
        status: u16,
        detail: String,
    },
}

impl ServerError {
    /// The reason in English: the `error` sentence of the server's answer.
    pub fn english(&self) -> String {
        match self {
            ServerError::WrongCredentials => "wrong email or password".into(),
            ServerError::AccountDisabled => "this account is disabled".into(),
            ServerError::NotSignedIn => "sign in first: no session token".into(),
            ServerError::SessionEnded => "the session token is unknown, expired or revoked".into(),
            ServerError::InvalidEmail { email } => {
                format!("email {email:?} is not an email address")
            }
            ServerError::PasswordTooShort { minimum } => {
                format!("password must have at least {minimum} characters")
            }
            ServerError::EmailTaken { email } => format!("a user with email {email} already exists"),
            ServerError::NoSuchUser { id } => format!("there is no user {id}"),
            ServerError::PortalRoleFixed => {
                "role: partner contacts are created by invitation and stay partner contacts".into()
            }
            ServerError::LastAdministrator => {
                "this is the last active administrator: make someone else an administrator first"
                    .into()
            }
            ServerError::AdministratorsOnly => "only administrators may do this".into(),
            ServerError::AdministratorsInviteStaff => "only administrators may invite staff".into(),
            ServerError::WritersInviteContacts => {
                "only people who may change this partner may invite its contacts".into()
            }
            ServerError::PartnerRequired => {
                "partner_id: required to invite a partner contact".into()
            }
            ServerError::NotAPartner { partner } => {
                format!("partner_id: {partner} is not a partner of this workspace")
            }
            ServerError::StaffHaveNoPartner => {
                "partner_id: only partner contacts (role portal) belong to a partner".into()
            }
            ServerError::PortalSeesNoSettings => {
                "partner contacts do not see the team's settings".into()
            }
            ServerError::SectionsNotDeniable { role } => format!(
                "denied.{role}: sections can be denied to managers, sales reps and viewers only"
            ),
            ServerError::UnusableInvite => "this invitation link is unknown, used or expired".into(),
            ServerError::FileIdInvalid => {
                "file id must be the SHA-256 of the content, 64 lower-case hex characters".into()
            }
            ServerError::FileTypeMissing { allowed } => {
                format!("a Content-Type header is required, one of: {allowed}")
            }
            ServerError::FileTypeRefused { given, allowed } => {
                format!("files of type {given:?} are not accepted; allowed: {allowed}")
            }
            ServerError::FileTooLarge { limit } => {
                format!("the file is larger than this server's limit of {limit} bytes")
            }
            ServerError::FileUnreadable { detail } => format!("could not read the file: {detail}"),
            ServerError::FileHashMismatch { actual, expected } => format!(
                "the content's SHA-256 is {actual}, not {expected} as the address says; nothing was stored"
            ),
            ServerError::FileNotFound { sha256 } => {
                format!("no file with SHA-256 {sha256} is stored on this server")
            }
            ServerError::ServerFailed => "the server could not complete the request".into(),
            ServerError::BadRequest { detail } => detail.clone(),
            ServerError::Unreachable => {
                "the server cannot be reached; check the connection and try again".into()
            }
            ServerError::Browser { detail } => {
                format!("the browser could not complete the request: {detail}")
            }
            ServerError::UnexpectedAnswer { status, detail } if detail.is_empty() => {
                format!("the server answered {status}")
            }
            ServerError::UnexpectedAnswer { status, detail } => {
                format!("the server answered {status}: {detail}")
            }
        }
    }

    /// The Fluent message that says the same in the interface's language.
    pub fn key(&self) -> &'static str {
        match self {
            ServerError::WrongCredentials => "server-wrong-credentials",
            ServerError::AccountDisabled => "server-account-disabled",
            ServerError::NotSignedIn => "server-not-signed-in",
            ServerError::SessionEnded => "server-session-ended",
            ServerError::InvalidEmail { .. } => "server-invalid-email",
            ServerError::PasswordTooShort { .. } => "server-password-too-short",
            ServerError::EmailTaken { .. } => "server-email-taken",
            ServerError::NoSuchUser { .. } => "server-no-such-user",
            ServerError::PortalRoleFixed => "server-portal-role-fixed",
            ServerError::LastAdministrator => "server-last-administrator",
            ServerError::AdministratorsOnly => "server-administrators-only",
            ServerError::AdministratorsInviteStaff => "server-administrators-invite-staff",
            ServerError::WritersInviteContacts => "server-writers-invite-contacts",
            ServerError::PartnerRequired => "server-partner-required",
            ServerError::NotAPartner { .. } => "server-not-a-partner",
            ServerError::StaffHaveNoPartner => "server-staff-have-no-partner",
            ServerError::PortalSeesNoSettings => "server-portal-sees-no-settings",
            ServerError::SectionsNotDeniable { .. } => "server-sections-not-deniable",
            ServerError::UnusableInvite => "server-unusable-invite",
            ServerError::FileIdInvalid => "server-file-id-invalid",
            ServerError::FileTypeMissing { .. } => "server-file-type-missing",
            ServerError::FileTypeRefused { .. } => "server-file-type-refused",
            ServerError::FileTooLarge { .. } => "server-file-too-large",
            ServerError::FileUnreadable { .. } => "server-file-unreadable",
            ServerError::FileHashMismatch { .. } => "server-file-hash-mismatch",
            ServerError::FileNotFound { .. } => "server-file-not-found",
            ServerError::ServerFailed => "server-failed",
            ServerError::BadRequest { .. } => "server-bad-request",
            ServerError::Unreachable => "server-unreachable",
            ServerError::Browser { .. } => "server-browser",
            ServerError::UnexpectedAnswer { detail, .. } if detail.is_empty() => {
                "server-unexpected-answer"
            }
            ServerError::UnexpectedAnswer { .. } => "server-unexpected-answer-detail",
        }
    }

    /// The message's variables. Numbers are meant as numbers (Fluent formats and plurals them).
    pub fn args(&self) -> Vec<(&'static str, ServerArg)> {
        use ServerArg::{Number, Text};
        match self {
            ServerError::InvalidEmail { email } | ServerError::EmailTaken { email } => {
                vec![("email", Text(email.clone()))]
            }
            ServerError::PasswordTooShort { minimum } => vec![("minimum", Number(*minimum as i64))],
            ServerError::NoSuchUser { id } => vec![("id", Number(*id))],
            ServerError::NotAPartner { partner } => vec![("partner", Text(partner.clone()))],
            ServerError::SectionsNotDeniable { role } => vec![("role", Text(role.clone()))],
            ServerError::FileTypeMissing { allowed } => vec![("allowed", Text(allowed.clone()))],
            ServerError::FileTypeRefused { given, allowed } => vec![
                ("given", Text(given.clone())),
                ("allowed", Text(allowed.clone())),
            ],
            ServerError::FileTooLarge { limit } => vec![
                ("limit", Number(*limit as i64)),
                ("megabytes", Number((*limit / (1024 * 1024)) as i64)),
            ],
            ServerError::FileUnreadable { detail }
            | ServerError::BadRequest { detail }
            | ServerError::Browser { detail } => {
                vec![("detail", Text(detail.clone()))]
            }
            ServerError::FileHashMismatch { actual, expected } => vec![
                ("actual", Text(actual.clone())),
                ("expected", Text(expected.clone())),
            ],
            ServerError::FileNotFound { sha256 } => vec![("sha256", Text(sha256.clone()))],
            ServerError::UnexpectedAnswer { status, detail } => vec![
                ("status", Number(i64::from(*status))),
                ("detail", Text(detail.clone())),
            ],
            ServerError::WrongCredentials
            | ServerError::AccountDisabled
            | ServerError::NotSignedIn
            | ServerError::SessionEnded
            | ServerError::PortalRoleFixed
            | ServerError::LastAdministrator
            | ServerError::AdministratorsOnly
            | ServerError::AdministratorsInviteStaff
            | ServerError::WritersInviteContacts
            | ServerError::PartnerRequired
            | ServerError::StaffHaveNoPartner
            | ServerError::PortalSeesNoSettings
            | ServerError::UnusableInvite
            | ServerError::FileIdInvalid
            | ServerError::ServerFailed
            | ServerError::Unreachable => Vec::new(),
        }
    }

    /// The server's JSON answer for this error.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.english(), "refusal": self })
    }

    /// Reads an error answer's body; anything without a refusal the interface knows becomes
    /// [`ServerError::UnexpectedAnswer`], keeping the server's sentence if there is one.
    pub fn from_answer(status: u16, body: &str) -> ServerError {
        let value = serde_json::from_str::<serde_json::Value>(body).unwrap_or_default();
        if let Some(refusal) = value.get("refusal") {
            if let Ok(error) = serde_json::from_value::<ServerError>(refusal.clone()) {
                return error;
            }
        }
        let detail = value
            .get("error")
            .and_then(|error| error.as_str())
            .unwrap_or_default()
            .to_owned();
        ServerError::UnexpectedAnswer { status, detail }
    }

    /// One of every kind, for tests that check each has its words in every language.
    pub fn examples() -> Vec<ServerError> {
        vec![
            ServerError::WrongCredentials,
            ServerError::AccountDisabled,
            ServerError::NotSignedIn,
            ServerError::SessionEnded,
            ServerError::InvalidEmail {
                email: "ana.example".into(),
            },
            ServerError::PasswordTooShort {
                minimum: MINIMUM_PASSWORD_CHARS,
            },
            ServerError::EmailTaken {
                email: "ana@example.com".into(),
            },
            ServerError::NoSuchUser { id: 42 },
            ServerError::PortalRoleFixed,
            ServerError::LastAdministrator,
            ServerError::AdministratorsOnly,
            ServerError::AdministratorsInviteStaff,
            ServerError::WritersInviteContacts,
            ServerError::PartnerRequired,
            ServerError::NotAPartner {
                partner: "3vQ8b2".into(),
            },
            ServerError::StaffHaveNoPartner,
            ServerError::PortalSeesNoSettings,
            ServerError::SectionsNotDeniable {
                role: "admin".into(),
            },
            ServerError::UnusableInvite,
            ServerError::FileIdInvalid,
            ServerError::FileTypeMissing {
                allowed: "image/png, application/pdf".into(),
            },
            ServerError::FileTypeRefused {
                given: "text/html".into(),
                allowed: "image/png, application/pdf".into(),
            },
            ServerError::FileTooLarge {
                limit: 10 * 1024 * 1024,
            },
            ServerError::FileUnreadable {
                detail: "connection reset".into(),
            },
            ServerError::FileHashMismatch {
                actual: "ab".repeat(32),
                expected: "cd".repeat(32),
            },
            ServerError::FileNotFound {
                sha256: "ef".repeat(32),
            },
            ServerError::ServerFailed,
            ServerError::BadRequest {
                detail: "expected {\"email\", \"password\"} as JSON: missing field".into(),
            },
            ServerError::Unreachable,
            ServerError::Browser {
                detail: "QuotaExceededError".into(),
            },
            ServerError::UnexpectedAnswer {
                status: 502,
                detail: String::new(),
            },
            ServerError::UnexpectedAnswer {
                status: 500,
                detail: "upstream failed".into(),
            },
        ]
    }
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.english())
    }
}

impl std::error::Error for ServerError {}

/// A message variable of a [`ServerError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerArg {
    Text(String),
    Number(i64),
}
