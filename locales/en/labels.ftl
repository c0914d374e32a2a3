# Names of the core's enums as the interface shows them (src/text/labels.rs decides the keys;
# tests/i18n.rs checks each value has one, and that English matches the core's own label()).

label-partner-kind-client = Client
label-partner-kind-supplier = Supplier
label-partner-kind-both = Client and supplier

label-address-kind-billing = Billing
label-address-kind-shipping = Shipping
label-address-kind-other = Other

label-document-kind-business_licence = Business licence
label-document-kind-contract = Contract
label-document-kind-certificate = Certificate
label-document-kind-insurance = Insurance
label-document-kind-bank_certificate = Bank certificate
label-document-kind-other = Other

label-invoice-direction-issued = Issued
label-invoice-direction-received = Received

label-purchase-order-status-draft = Draft
label-purchase-order-status-sent = Sent
label-purchase-order-status-received = Received
label-purchase-order-status-cancelled = Cancelled

label-interaction-kind-call = Call
label-interaction-kind-visit = Visit
label-interaction-kind-email = Email
label-interaction-kind-meeting = Meeting
label-interaction-kind-note = Note

label-term-list-categories = Categories
label-term-list-industries = Industries
label-term-list-regions = Regions
label-term-list-tags = Tags

label-applies-to-clients = Clients
label-applies-to-suppliers = Suppliers
label-applies-to-both = Clients and suppliers

label-custom-field-type-text = Text
label-custom-field-type-number = Number
label-custom-field-type-date = Date
label-custom-field-type-yes_no = Yes / no
label-custom-field-type-choice = Choice from a list
label-custom-field-type-email = Email
label-custom-field-type-phone = Phone
label-custom-field-type-iban = IBAN
label-custom-field-type-url = Web address

label-exchange-kind-invoices = invoices
label-exchange-kind-payments = payments
label-exchange-kind-purchase_orders = purchase orders

label-direction-filter-all = Invoices and bills
label-direction-filter-issued = Issued to clients
label-direction-filter-received = Received from suppliers

label-status-filter-unpaid = Open and overdue
label-status-filter-overdue = Overdue only
label-status-filter-paid = Paid
label-status-filter-all = All, cancelled included

label-sort-order-relevance = Best match
label-sort-order-name = Name
label-sort-order-recent = Recently changed

label-payment-method-unspecified = Not agreed
label-payment-method-bank_transfer = Bank transfer
label-payment-method-direct_debit = Direct debit
label-payment-method-card = Card
label-payment-method-cash = Cash
label-payment-method-cheque = Cheque

label-partner-status-active = Active
label-partner-status-archived = Archived

label-review-status-pending = Pending
label-review-status-verified = Verified
label-review-status-rejected = Rejected

label-role-admin = Administrator
label-role-manager = Manager
label-role-sales = Sales rep
label-role-viewer = Viewer
label-role-portal = Partner contact

label-section-finance = Finance (invoices, payments, orders)
label-section-banking = Bank accounts
label-section-activity = Activity (calls, visits, internal notes, reminders)

label-orphan-reason-archived = archived field
label-orphan-reason-not_applicable = field not used for this kind of partner
label-orphan-reason-unknown = unknown field

label-alert-kind-invoice-due = Invoice due soon
label-alert-kind-invoice-overdue = Invoice overdue
label-alert-kind-document-expiring = Document expiring
label-alert-kind-reminder = Follow-up due
label-alert-kind-data-missing = Required data missing

label-invoice-status-open = Open
label-invoice-status-partially_paid = Partially paid
label-invoice-status-paid = Paid
label-invoice-status-overdue = Overdue
label-invoice-status-cancelled = Cancelled

label-search-field-name = Name
label-search-field-trade_name = Trade name
label-search-field-tax_id = Tax id
label-search-field-email = Email
label-search-field-phone = Phone
label-search-field-city = City
label-search-field-postal_code = Postal code
label-search-field-contact = Contact
label-search-field-notes = Notes
label-search-field-custom = Custom field

label-verification-incomplete = Incomplete
label-verification-pending = Pending review
label-verification-verified = Verified
