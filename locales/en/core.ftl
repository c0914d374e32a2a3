# Sentences the interface builds from the core's data: alerts and what a partner is missing
# (src/ui/alerts.rs). English reads exactly as the core's own English text.

core-alert-invoice-issued = Invoice { $number } to { $name }
core-alert-invoice-received = Invoice { $number } from { $name }
core-alert-overdue = { $what } is { $days ->
        [one] 1 day
       *[other] { $days } days
    } overdue: { $open } open since { $date }
core-alert-due = { $what } is due on { $date }: { $open } open
core-alert-document = { $kind } of { $name } expires on { $date }
core-alert-reminder = Follow up with { $name }: { $text }
core-alert-missing = { $name } is missing { $items }

core-missing-tax-id = tax id
core-missing-email = email
core-missing-phone = phone
core-missing-address = address
core-missing-contact = contact
core-missing-bank-account = bank account
core-missing-document = { $kind } (valid)

core-refusal-viewer = Viewers can read but not change anything
core-refusal-sales = Sales reps change only the partners assigned to them or registered by them
core-refusal-portal = Partner contacts propose changes; staff apply them
core-refusal-role = Not allowed for the { $role } role
core-refusal-signed-out = Sign in to change this

core-field-legal_name = Legal name
core-field-trade_name = Trade name
core-field-tax_id = Tax id
core-field-addresses = Addresses
core-field-contacts = Contacts
core-field-emails = Emails
core-field-phones = Phones
core-field-website = Website
core-field-payment_terms = Payment terms
core-field-bank_accounts = Bank accounts

core-event-registered = Registered
core-event-document-added = { $kind } added by { $person }
core-event-document-reviewed = { $kind } { $status } by { $person }
core-event-invoice-recorded = Invoice { $number } recorded: { $amount }, due { $date }
core-event-bill-recorded = Bill { $number } recorded: { $amount }, due { $date }
core-event-payment-recorded = Payment of { $amount } recorded ({ $date })
core-event-order-recorded = Purchase order { $number } recorded

core-duplicate-tax-id = same tax id
core-duplicate-email = same email { $email }
core-duplicate-phone = same phone { $phone }
core-duplicate-name = similar name ({ $percent } %)

## Why a request to the server failed (model::ServerError, words::server_error). The server's
## own English sentence (its `error` field) is for logs and scripts; these are for the screen.
server-wrong-credentials = Wrong email or password.
server-account-disabled = This account is disabled.
server-not-signed-in = Sign in first.
server-session-ended = Your session has ended (signed out, expired or revoked). Sign in again.
server-invalid-email = “{ $email }” is not an email address.
server-password-too-short = The password must have at least { $minimum } characters.
server-email-taken = A user with the email { $email } already exists.
server-no-such-user = This user no longer exists (number { $id }).
server-portal-role-fixed = A partner contact's role is fixed: contacts are invited as contacts and stay contacts.
server-last-administrator = This is the last active administrator: make someone else an administrator first.
server-administrators-only = Only administrators may do this.
server-administrators-invite-staff = Only administrators may invite staff.
server-writers-invite-contacts = Only people who may change this partner may invite its contacts.
server-partner-required = Choose the partner whose contact you invite.
server-not-a-partner = { $partner } is not a partner of this workspace.
server-staff-have-no-partner = Only partner contacts belong to a partner.
server-portal-sees-no-settings = Partner contacts do not see the team's settings.
server-sections-not-deniable = Sections can be denied to managers, sales reps and viewers only, not to the { $role } role.
server-unusable-invite = This invitation link is unknown, used or expired. Ask for a new one.
server-file-id-invalid = The file's address is not the SHA-256 of its content.
server-file-type-missing = The file has no type; accepted: { $allowed }.
server-file-type-refused = Files of type “{ $given }” are not accepted; accepted: { $allowed }.
server-file-too-large = The file is larger than this server accepts ({ $megabytes } MB at most).
server-file-unreadable = The file could not be read: { $detail }
server-file-hash-mismatch = The file arrived damaged (its content does not match its address); nothing was stored.
server-file-not-found = The file is not stored on the server.
server-failed = The server could not complete the request. Try again later.
server-bad-request = The server refused the request: { $detail }
server-unreachable = The server cannot be reached; check the connection and try again.
server-browser = The browser could not complete the request: { $detail }
server-unexpected-answer = The server gave an unexpected answer ({ $status }).
server-unexpected-answer-detail = The server gave an unexpected answer ({ $status }): { $detail }

core-readable-none = (none)
core-readable-payment-terms = { $days ->
        [one] 1 day
       *[other] { $days } days
    }, { $method }
