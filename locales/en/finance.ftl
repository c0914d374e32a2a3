# The money and follow-up screens in English: a partner's money card (ui/finance.rs), the
# invoices screen with its export and import (ui/invoices.rs) and a partner's follow-up card
# (ui/activity.rs).

## A partner's money card (ui/finance.rs)
finance-title = Money
finance-nothing = Nothing recorded yet.
finance-they-owe = They owe us { $amount }
finance-we-owe = We owe them { $amount }
finance-overdue = Overdue { $amount }
finance-invoiced = Invoiced
finance-purchased = Purchased
finance-they-pay-in = They pay in
finance-we-pay-in = We pay in
finance-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
    }
finance-days-decimal = { $days } days
finance-interactions = Interactions
finance-invoices-title = Invoices and bills
finance-no-invoices = No invoices or bills yet.
finance-number = Number
finance-kind = Kind
finance-due = Due
finance-amount = Amount
finance-open = Open
finance-status = Status
finance-file = File
finance-issued = Issued
finance-bill = Bill
finance-days-overdue = { $days ->
    [one] ({ $days } days)
   *[other] ({ $days } days)
    }
finance-cancel = Cancel
finance-invoice-cancelled = Invoice cancelled and saved on this device.
finance-invoice-gone = that invoice is no longer on this device
finance-due-hint-terms = Empty: computed from the partner's payment terms.
finance-due-hint-none = Empty: due on the issue date (the partner has no payment terms).
finance-invoice-saved = Invoice saved on this device.
finance-direction-received = Bill from the supplier
finance-direction-issued = Invoice to the client
finance-invoice-form = Record an invoice or a bill
finance-issue-date = Issue date (YYYY-MM-DD)
finance-due-date = Due date (YYYY-MM-DD)
finance-currency = Currency
finance-reference = Reference
finance-attach = Attach a scan or PDF
finance-save-invoice = Save invoice
finance-on-account-option = None (a payment on account)
finance-settles-option = { $number } — { $amount } open, due { $due }
finance-payment-saved = Payment saved on this device.
finance-payment-form = Record a payment
finance-date = Date (YYYY-MM-DD)
finance-method = Method
finance-settles = Settles
finance-note = Note
finance-save-payment = Save payment
finance-on-account = on account
finance-paid-for = for { $invoices }
finance-order-saved = Purchase order saved on this device.
finance-order-gone = that purchase order is no longer on this device
finance-orders-title = Purchase orders
finance-order-form = Record a purchase order
finance-save-order = Save purchase order
finance-unnamed-file = file

## The invoices screen (ui/invoices.rs)
invoices-title = Invoices
invoices-direction = Direction
invoices-status = Status
invoices-currency = Currency
invoices-any-currency = Any currency
invoices-totals = Totals per currency
invoices-count = { $count ->
    [one] { $count } invoice
   *[other] { $count } invoices
    }
invoices-open = open
invoices-overdue = overdue
invoices-no-match = No invoice matches these filters.
invoices-empty = No invoices yet. Invoices and bills recorded on a partner's page appear here.
invoices-partner = Partner
invoices-number = Number
invoices-type = Type
invoices-due = Due
invoices-amount = Amount
invoices-open-amount = Open
invoices-days-overdue = Days overdue
invoices-to-client = To client
invoices-from-supplier = From supplier
invoices-exchange = Export and import
invoices-export = Export
invoices-export-failed = The export could not be saved: { $reason }
invoices-import = Import
invoices-importing = Importing…
invoices-import-hint = Rows with a known id replace the stored row, so importing an export again changes nothing. Nothing is stored unless every row is valid.
invoices-import-kind = What the file holds
invoices-import-file = File (CSV or JSON)
invoices-import-choose = Choose a CSV or JSON file first.
invoices-import-unreadable = The file could not be read: { $reason }
invoices-import-not-utf8 = The file is not UTF-8 text; save it as "CSV UTF-8" or as JSON
invoices-import-error-line = line { $line }: { $message }
invoices-import-error-line-field = line { $line }, { $field }: { $message }
invoices-import-invoices = { $count ->
    [one] { $count } invoice
   *[other] { $count } invoices
    }
invoices-import-payments = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
    }
invoices-import-orders = { $count ->
    [one] { $count } purchase order
   *[other] { $count } purchase orders
    }
invoices-import-unchanged = { $count ->
    [one] { $count } row was already up to date
   *[other] { $count } rows were already up to date
    }
invoices-import-done = { $partners ->
    [one] Imported { $what } for { $partners } partner
   *[other] Imported { $what } for { $partners } partners
    }
invoices-import-no-rows = Nothing to import: the file has no rows.
invoices-import-nothing = Nothing to import: { $unchanged }.

## A partner's follow-up card (ui/activity.rs)
activity-title = Follow-up
activity-timeline = Timeline
activity-position = at { $latitude }, { $longitude } (±{ $accuracy } m)
activity-summary-required = Summary: say what was discussed
activity-logged = Logged and saved on this device.
activity-no-position = Logged without a position: { $reason }
activity-log-form = Log a call, visit, email, meeting or note
activity-kind = Kind
activity-template = From a template
activity-no-template = No template
activity-summary = Summary
activity-template-missing = Fill in before sending: { $fields }
activity-open-mail = Open in mail app
activity-copy = Copy
activity-share = Share
activity-record-position = Record where I am (the browser asks first)
activity-save = Save to the timeline
activity-reminder-due-invalid = Due date: write it as YYYY-MM-DD
activity-reminder-text-missing = Reminder: say what to do
activity-reminder-saved = Reminder saved on this device.
activity-reminder-gone = that reminder is no longer on this device
activity-reminders = Reminders
activity-snoozed = (snoozed until { $date })
activity-reminder-due = Due (YYYY-MM-DD)
activity-reminder-what = What
activity-reminder-placeholder = Call back about the offer
activity-add-reminder = Add reminder
