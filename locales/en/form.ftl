# The partner form (registering and editing a partner, ui/form.rs and ui/fields.rs) and the
# sign-in screen (ui/account.rs), in English.

## Registering and editing a partner (ui/form.rs)
form-back-to-partners = ← Partners
form-register-title = Register a partner
form-register-submit = Register partner
form-back-to-partner = ← Back to the partner
form-edit-title = Edit partner
form-save-changes = Save changes
form-not-found = Partner not found
form-back-to-list = Back to the partner list
form-errors = { $count ->
    [one] One field needs attention:
   *[other] { $count } fields need attention:
    }
form-identification = Identification
form-kind = Kind
form-choose = Choose…
form-legal-name = Legal name
form-trade-name = Trade name
form-tax-country = Tax id country
form-tax-number = Tax id number
form-two-letters = Two letters, e.g. ES
form-duplicates = { $count ->
    [one] This partner may already be registered:
   *[other] This partner may already be registered ({ $count } candidates):
    }
form-industry = Industry
form-region-territory = Region / territory
form-addresses = Addresses
form-address-number = Address { $number }
form-remove = Remove
form-address-type = Type
form-street = Street
form-postal-code = Postal code
form-city = City
form-region = Region
form-country = Country
form-add-address = Add address
form-contacts = Contacts
form-contact-number = Contact { $number }
form-name = Name
form-role = Role
form-email = Email
form-phone = Phone
form-add-contact = Add contact
form-general-emails = General emails
form-general-phones = General phones
form-one-per-line = One per line
form-website = Website
form-payment = Payment
form-apply-preset = Apply a payment preset
form-choose-preset = Choose a preset…
form-payment-days = Payment terms (days)
form-payment-method = Payment method
form-bank-account-number = Bank account { $number }
form-iban = IBAN
form-bic = BIC
form-holder = Holder
form-add-bank-account = Add bank account
form-notes = Notes
form-internal-notes = Internal notes
form-not-saved = Not saved: { $reason }
form-saving = Saving…

## The workspace's lists and custom fields in the partner form (ui/form.rs)
form-classification = Classification
form-categories = Categories
form-industry-list = Industry (from the list)
form-region-list = Region / territory (from the list)
form-tags = Tags
form-none = None
form-more-details = More details
form-yes = Yes
form-no = No
form-hint-date = Date as YYYY-MM-DD
form-hint-number = A number

## Signing in (ui/account.rs)
sign-in-title = Sign in
sign-in-intro = Signing in syncs this device with your team. You need the server once; after that Partnero also opens offline.
sign-in-already = Signed in as { $email }. Sign out first to use another account.
sign-in-email = Email
sign-in-password = Password
sign-in-missing = Enter your email and password.
sign-in-signing-in = Signing in…
sign-in-button = Sign in
