# Partnero's workspace settings screen in English (ui/settings.rs, ui/settings_lists.rs, ui/settings_templates.rs).

## Rules and alerts (ui/settings.rs)
settings-back = ← Partners
settings-title = Workspace settings
settings-device-link = This device: storage, backup and restore
settings-import-link = Import and export partners: CSV, JSON, vCard
settings-read-only = { $reason }. You can read the settings.
settings-intro = What every client and supplier record must have. A partner that is both a client and a supplier needs what either needs. Forms refuse to save a record that misses required data; required documents decide the verification state.
settings-clients = Clients
settings-suppliers = Suppliers
settings-rule-tax-id = Tax id required
settings-rule-email = Email required
settings-rule-phone = Phone required
settings-rule-address = Address required
settings-rule-contact = Contact person required
settings-rule-bank-account = Bank account required
settings-documents-required = Verification documents required (verified and in date):
settings-expiring = Expiring documents
settings-expiry-days = Flag documents that expire within (days)
settings-alerts = Alerts (computed on every device, offline too)
settings-alert-due = Invoice or bill due within (days; empty: never)
settings-alert-overdue = Overdue invoices and bills
settings-alert-expiring = Verification document expiring within (days; empty: never)
settings-alert-follow-ups = Reminders that are due
settings-alert-missing = Partners missing required data
settings-expiry-invalid = Expiry warning: enter a whole number of days from 0 to 365
settings-due-invalid = Invoice due alert: enter a whole number of days from 0 to 365, or leave it empty for never
settings-expiring-invalid = Expiring document alert: enter a whole number of days from 0 to 365, or leave it empty for never
settings-saved = Settings saved; they apply on every device.
settings-not-saved = Not saved: { $reason }
settings-saving = Saving…
settings-save = Save settings
settings-lists = Fields and classification

## Custom fields, classification lists and payment-term presets (ui/settings_lists.rs)
settings-rename = Rename
settings-add = Add
settings-remove = Remove
settings-custom-fields = Custom fields
settings-custom-fields-help = Extra fields on partner records. Renaming keeps the values; archiving hides the field from forms but keeps every stored value on the partner pages.
settings-field-new = New field
settings-field-placeholder = e.g. Supplier code
settings-field-type = Type
settings-field-choices = Choices (comma-separated)
settings-field-applies = Applies to
settings-field-required = Required
settings-field-add = Add field
settings-field-added = Custom field added.
settings-field-label-required = Custom field: the label is required
settings-field-choices-required = Custom field: a choice list needs its choices, separated by commas
settings-field-duplicate = Custom field: there is already a field called { $label }
settings-field-gone = that field no longer exists
settings-field-renamed = Field renamed; its values are kept.
settings-field-restored = Field restored.
settings-field-archived = Field archived; stored values are kept.
settings-field-order-saved = Order saved.
settings-field-is-required = required
settings-field-is-archived = archived
settings-field-label = Field label
settings-field-move-up = Move up
settings-field-move-up-title = Show this field earlier in forms
settings-field-restore = Restore
settings-field-archive = Archive
settings-term-new = New { $list }
settings-term-added = Added.
settings-term-renamed = Renamed; partners keep it.
settings-term-merged = Merged; its partners were reassigned.
settings-term-deleted = Deleted; removed from its partners.
settings-term-moved = Moved.
settings-term-name = { $list } name
settings-term-used = { $count ->
    [one] { $count } partner(s)
   *[other] { $count } partner(s)
    }
settings-term-parent = Parent category
settings-term-top-level = Top level
settings-term-under = Under { $name }
settings-term-merge = Merge into
settings-term-delete = Delete (remove from partners)
settings-term-merge-into = Merge into { $name }
settings-term-apply = Apply
settings-presets = Payment-term presets
settings-preset-days = { $days ->
    [one] { $days } days
   *[other] { $days } days
    }
settings-preset-new = New preset
settings-preset-placeholder = e.g. 60 days, transfer
settings-preset-days-label = Days
settings-preset-method = Method
settings-preset-add = Add preset
settings-preset-added = Preset added.
settings-preset-removed = Preset removed.
settings-preset-days-invalid = Payment preset: days must be a whole number from 0 to 365
settings-preset-label-required = Payment preset: the label is required

## Message templates (ui/settings_templates.rs)
settings-templates = Message templates
settings-templates-help = Placeholders: { $placeholders }. A message opened from a partner's page has them filled in.
settings-template-new = New template
settings-template-name = Name
settings-template-language = Language
settings-template-language-help = Amounts and dates are filled in as this language writes them.
settings-template-subject = Subject
settings-template-text = Text
settings-template-save = Save template
settings-template-add = Add template
settings-template-delete = Delete
settings-template-saved = Template saved.
settings-template-deleted = Template deleted.
settings-template-name-required = Template: the name is required
settings-template-text-required = Template: the text is required
