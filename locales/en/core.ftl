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

core-server-wrong-credentials = wrong email or password
core-server-account-disabled = this account is disabled
core-server-unreachable = the server cannot be reached; check the connection and try again

core-readable-none = (none)
core-readable-payment-terms = { $days ->
        [one] 1 day
       *[other] { $days } days
    }, { $method }
