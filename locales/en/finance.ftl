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

## Importing invoices, payments and purchase orders (src/report/exchange.rs): what is wrong with
## a file, shown after the line and column (invoices-import-error-line-field). Column names and
## codes stay as the file writes them. $what: column (CSV) or key (JSON); $kind: a
## label-exchange-kind-* message; $found: a validate-exchange-json-* message, or a value of the
## file as JSON writes it.
validate-exchange-quote-unclosed = a quoted field is never closed; add the closing "
validate-exchange-quote-text-after = text after a closing quote; quote the whole field and double the quotes inside it
validate-exchange-quote-inside = a quote inside an unquoted field; quote the whole field and double the quotes inside it
validate-exchange-column-twice = { $what ->
        [key] the key
       *[column] the column
    } appears twice
validate-exchange-column-unknown = { $what ->
        [key] unknown key
       *[column] unknown column
    }; { $kind } files have { $columns }
validate-exchange-column-required = { $what ->
        [key] required key is missing
       *[column] required column is missing
    }
validate-exchange-column-partner = { $what ->
        [key] required key is missing
       *[column] required column is missing
    }: give partner_id or partner_tax_id
validate-exchange-empty = the file is empty; the first line must name the columns: { $columns }
validate-exchange-field-count = { $expected ->
        [one] expected { $expected } field
       *[other] expected { $expected } fields
    } as in the header, found { $found }
validate-exchange-json-invalid = not valid JSON at line { $line }, column { $column }: { $reason }
validate-exchange-json-not-object = expected an object with "format": "{ $format }", found { $found }
validate-exchange-format-wrong = expected "{ $format }", found { $found }
validate-exchange-format-missing = missing; a Partnero finance file has "format": "{ $format }"
validate-exchange-version = version { $version } is not supported; this app reads version { $supported }
validate-exchange-missing = missing
validate-exchange-kind-wrong = the file holds { $found }, but { $kind } were chosen
validate-exchange-rows-not-array = expected an array, found { $found }
validate-exchange-row-not-object = expected an object, found { $found }
validate-exchange-value-not-string = expected a string (amounts too, such as "12.50"), found { $found }
validate-exchange-json-null = null
validate-exchange-json-bool = true or false
validate-exchange-json-number = a number
validate-exchange-json-string = a string
validate-exchange-json-array = an array
validate-exchange-json-object = an object
validate-exchange-allocation-json = allocation { $index }: expected { "{" }"invoice_id": "…", "amount": "12.50"{ "}" } with both as strings
validate-exchange-allocation-csv = allocation { $index } { $value }: write invoice_id:amount, several separated by ;
validate-exchange-flag = { $value } is neither true nor false
validate-exchange-direction-unknown = unknown direction { $value }; use issued or received
validate-exchange-method-unknown = unknown method { $value }; use bank_transfer, direct_debit, card, cash, cheque or nothing
validate-exchange-status-unknown = unknown status { $value }; use draft, sent, received or cancelled
validate-exchange-partner-missing = give the partner's partner_id or partner_tax_id
validate-exchange-row-id = row ids use letters, digits, '-', '_' and '.', at most { $max }
validate-exchange-partner-unknown-id = no partner has id { $id }; give an existing partner_id or the partner_tax_id
validate-exchange-partner-ambiguous = { $count ->
        [one] { $count } partner has
       *[other] { $count } partners have
    } tax id { $tax_id } ({ $names }); give the partner_id
validate-exchange-partner-unknown-tax-id = no partner has tax id { $tax_id }
validate-exchange-row-twice = the same row as on line { $first }; each row may appear once
validate-exchange-allocation-unknown = Allocation { $index }: no invoice { $invoice } of this partner, stored or in this import
validate-exchange-allocation-ambiguous = Allocation { $index }: { $count ->
        [one] { $count } invoice is
       *[other] { $count } invoices are
    } numbered { $invoice }; use the invoice_id
# A form's error without its label, which the column already names ("Amount: …" under amount).
validate-exchange-problem = { $problem }
validate-exchange-direction-choose = choose issued or received
validate-exchange-method-choose = choose one of the list
validate-exchange-status-choose = choose draft, sent, received or cancelled
validate-exchange-date-invalid = enter a real date as YYYY-MM-DD
validate-exchange-currency-unknown = { $code } is not an ISO 4217 currency code such as EUR
validate-exchange-amount-zero = enter an amount greater than zero

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
