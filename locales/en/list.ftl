# The partner list, alerts, merging duplicates and accepting an invitation, in English (ui/list.rs, ui/alerts.rs, ui/merge.rs, ui/invite.rs).

## The partner list (ui/list.rs)
list-title = Partners
list-register = Register partner
list-import-export = Import or export
list-empty-title = No partners yet
list-empty-text = Register your first client or supplier. Everything is saved on this device, so it works with no signal too.
list-empty-register = Register your first partner
list-search-label = Search partners
list-search-placeholder = Search name, tax id, city, email, phone…
list-kind = Kind
list-kind-all = Clients and suppliers
list-kind-clients = Clients
list-kind-suppliers = Suppliers
list-status = Status
list-status-active = Active
list-status-archived = Archived
list-status-all = Active and archived
list-category = Category
list-category-any = Any category
list-tag = Tag
list-tag-any = Any tag
list-industry = Industry
list-industry-any = Any industry
list-region = Region
list-region-any = Any region
list-custom-field = Custom field
list-custom-field-any = Any custom field
list-custom-value = Custom field value
list-custom-value-placeholder = Value contains…
list-verification = Verification
list-verification-any = Any verification state
list-sort-by = Sort by
list-sort = Sort: { $order }
list-saved-searches = Saved searches
list-saved-searches-choose = Saved searches…
list-save-name = Name for this search
list-save-name-placeholder = Name this search
list-save = Save search
list-delete = Delete saved search
list-saved = Saved “{ $name }” on this device.
list-deleted = Deleted.
list-count-best = best { $shown } matches
list-count = { $count ->
    [one] { $shown } of 1 partner
   *[other] { $shown } of { $count } partners
    }
list-no-match = No partner matches this search and these filters.
list-preparing = Preparing search on this device…
list-expiring-title = A verification document expires soon
list-expiring = Document expiring
list-archived = Archived

## Alerts (ui/alerts.rs)
alerts-link = Alerts
alerts-open-count = { $count ->
    [one] { $count } open alerts
   *[other] { $count } open alerts
    }
alerts-more = { $more ->
    [one] { $more } more alerts are waiting in the alert centre.
   *[other] { $more } more alerts are waiting in the alert centre.
    }
alerts-title = Alerts
alerts-no-notifications = This browser cannot show notifications; alerts show here.
alerts-notifications-on = New alerts are also shown as notifications on this device.
alerts-notifications-blocked = Notifications are blocked for Partnero in this browser's settings.
alerts-notify-me = Notify me on this device
alerts-nothing = Nothing needs attention.
alerts-snooze-bad-date = Snooze until: write the date as YYYY-MM-DD
alerts-open = Open
alerts-done = Done
alerts-snooze-until = Snooze until
alerts-snooze = Snooze

## Merging a duplicate (ui/merge.rs)
merge-not-found = Partner not found
merge-back-to-list = Back to the partner list
merge-likely-duplicate = { $name } — likely duplicate: { $reasons }
merge-choose-record = Choose the record to merge into this one
merge-back = ← Back to the partner
merge-title = Merge a duplicate into { $name }
merge-help = Contacts, addresses, bank accounts, emails, phones, documents and links of both records are kept. The other record is archived and points to this one, so its history and links stay valid.
merge-other = Record to merge into this one
merge-choose = Choose…
merge-no-conflicts = The two records do not disagree on any field; everything is combined.
merge-keep = Where they differ, keep:
merge-this-record = (this record)
merge-other-record = (the other record)
merge-merging = Merging…
merge-button = Merge into this record

## Accepting an invitation (ui/invite.rs)
invite-name-missing = Name: enter the name your colleagues will see.
invite-password-short = Password: use at least 8 characters.
invite-title = Join Partnero
invite-checking = Checking the invitation…
invite-member = Member
invite-invited-as = You are invited as
invite-with-email = with the email
invite-signed-in-as = This device is signed in as { $email }. Sign out first (Account), then open this link again: each account keeps its own data on the device.
invite-your-name = Your name
invite-password = Choose a password
invite-password-hint = At least 8 characters.
invite-creating = Creating your account…
invite-create = Create my account
