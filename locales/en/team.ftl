# The team in English: user management (ui/users.rs), the partner portal for contacts and staff
# (ui/portal.rs), the team side of the app state (ui/state/team.rs) and two messages of the
# app state about signing out and importing (ui/state.rs).

## User management (ui/users.rs)
users-load-failed = The user list could not be loaded: { $reason }
users-title = Users
users-sign-in = Sign in as an administrator to manage users.
users-intro = Changes take effect at once, on devices that are online too: the server stops sending or accepting what a user may no longer read or change.
users-team = Team
users-name = Name
users-email = Email
users-role = Role
users-assigned = Assigned partners
users-status = Status
users-actions = Actions
users-role-changed = Role changed.
users-reactivated = User reactivated.
users-deactivated = User deactivated; their sessions ended.
users-signed-out = Signed out on every device.
users-assigned-saved = Assigned partners saved.
users-portal-role-fixed = A partner contact's role is fixed; invite staff separately
users-contact-of = Contact of { $name }
users-save = Save
users-cancel = Cancel
users-portal-assigned-fixed = A partner contact sees their own partner only
users-assigned-help = Sales reps change the partners assigned to them
users-edit = Edit
users-status-deactivated = Deactivated
users-status-active = { $count ->
    [one] Active · { $count } session(s)
   *[other] Active · { $count } session(s)
    }
users-reactivate = Reactivate
users-deactivate = Deactivate
users-sign-out-everywhere-help = Ends every session of this user; their devices must sign in again
users-sign-out-everywhere = Sign out everywhere
users-invite-title = Invite a colleague
users-invite-submit = Create invitation link
users-invite-link-help = Send this link to the person; it works once and expires in 7 days.
users-copied = Copied
users-copy-link = Copy link
users-picker-placeholder = Type a partner's name
users-picker-label = Find partners to assign
users-sections-saved = Saved. Devices of these roles stop receiving the denied sections at once.
users-sections-title = Sections per role
users-sections-help = A denied section is never sent to that role's devices. Administrators see everything.
users-may-see = may see
users-sections-save = Save sections

## The partner portal (ui/portal.rs)
portal-staff-only = The portal is for partner contacts. Staff review proposals on each partner's page.
portal-not-linked = This account is not linked to a partner; ask the company for a new invitation.
portal-your-record = Your company's record
portal-waiting = Your company's record has not reached this device yet. It arrives as soon as the device is online.
portal-intro = This is the record the company keeps about you. Propose corrections below: they are saved on this device at once, sent when you are online, and applied once the company accepts them.
portal-proposal-saved = Proposal saved. It is sent to the company when this device is online.
portal-nothing-differs = Nothing differs from the record; nothing was sent.
portal-propose-title = Propose corrections
portal-send-proposal = Send proposal
portal-proposals-staff = Proposed changes from the partner
portal-proposals-contact = Your proposals
portal-no-proposals = No proposals.
portal-field = Field
portal-in-record = In the record
portal-proposed = Proposed
portal-decision = Decision
portal-needs-approval-help = Bank details change only with an explicit decision on this field
portal-needs-approval = needs approval
portal-base-changed = The record changed since the contact saw it.
portal-accepted-by = Accepted by { $name }
portal-rejected-by = Rejected by { $name }
portal-waiting-decision = Waiting for a decision
portal-waiting-company = Waiting for the company
portal-accept = Accept
portal-reject = Reject
portal-requests-contact = Requests from the company
portal-requests-staff = Requests to the partner
portal-no-requests = No requests.
portal-request-document-of = Document: { $kind }
portal-request-document = Document
portal-request-question = Question
portal-file-missing = File: choose the document to upload.
portal-answer-missing = Answer: write your answer first.
portal-asked-by = Asked by { $name }
portal-answered-by = Answered by { $name }
portal-answer-file = file { $name }
portal-upload-document = Upload the document
portal-your-answer = Your answer
portal-send-answer = Send answer
portal-card-title = Partner portal
portal-card-intro = The partner's contacts see this record, propose corrections and answer requests; nothing they propose changes the record until someone here accepts it.
portal-card-sign-in = Sign in to invite the partner's contacts.
portal-invite-title = Invite a contact
portal-invite-name = Name
portal-invite-email = Email
portal-invite-submit = Create portal link
portal-request-missing = Request: say what you need from the partner.
portal-ask-title = Ask the partner
portal-request-kind = Kind
portal-request-text = Request
portal-send-request = Send request

## The team side of the app state (ui/state/team.rs)
team-section-denied = { $section } is not available to your role
team-admin-only = Only administrators can change this
team-sign-in-first = sign in first
team-refused-index = the team's partner index
team-refused-settings = the workspace settings
team-refused-finance = { $name }: finance
team-refused-banking = { $name }: bank accounts
team-refused-activity = { $name }: activity
team-refused-portal = { $name }: portal proposals
team-refused-document = document { $id }
team-request-question = A question
team-request-document = A document to upload

## Signing out and importing (ui/state.rs)
state-unsynced-files = { $count ->
    [one] { $count } attached file(s) on this device are not on the server yet.
   *[other] { $count } attached file(s) on this device are not on the server yet.
    }
state-unsynced-changes = { $count ->
    [one] { $count } change(s) made on this device are not on the server yet.
   *[other] { $count } change(s) made on this device are not on the server yet.
    }
state-unconfirmed = Partnero could not confirm with the server that every change made on this device reached it.
state-import-stopped = { $total ->
    [one] Stopped after storing { $stored } of { $total } partners; { $name } failed: { $error }
   *[other] Stopped after storing { $stored } of { $total } partners; { $name } failed: { $error }
    }
