# Importing partners from a file and exporting the registry, in English (ui/import.rs).

## The screen
import-back = ← Partners
import-title = Import and export partners

## Reading a file
import-heading = Import
import-help = A CSV from a spreadsheet or an ERP (Excel, LibreOffice, Odoo, Dolibarr, ERPNext) or a Partnero JSON export. Nothing is stored until you press Import; rows with errors and probable duplicates are listed first.
# $reason: why this device may not change the registry.
import-refused = { $reason }. You can check a file, but not import it.
import-file = File (CSV, TSV, TXT or JSON)
import-reading-label = Reading the file
import-reading = Reading and checking the file…
# $problem: the browser's description of the problem.
import-unreadable = The file could not be read: { $problem }
# $problem: one of the validate-import-file-* messages below.
import-cannot-import = This file cannot be imported: { $problem }
import-choose-mapping = Choose what each column holds first.
# $encoding: "UTF-8", "Windows-1252"…
import-read-json = Read as { $encoding }, a Partnero JSON export.
# $delimiter: "';'" or the name of the tab; $rows: import-rows.
import-read-csv = Read as { $encoding }, delimiter { $delimiter }, { $rows } under the header on line { $line }.
import-rows = { $count ->
    [one] 1 row
   *[other] { $shown } rows
    }
import-delimiter-tab = tab
import-preamble-skipped = { $count ->
    [one] One line above the header row was skipped.
   *[other] { $shown } lines above the header row were skipped.
    }
import-lossy = Some bytes could not be read and show as �.

## What is wrong with a file as a whole (src/report/partner_import.rs), shown in
## import-cannot-import. $shown: $count as the language writes numbers ("50,000").
validate-import-file-too-big = the file is { $size } MB; files up to { $max } MB can be imported, split it into smaller files
validate-import-file-over = the file is over { $max } MB; split it into smaller files
validate-import-file-empty = the file is empty; the first line must name the columns
validate-import-file-rows = the file has more than { $count ->
        [one] { $shown } row
       *[other] { $shown } rows
    }; split it into files of at most { $count ->
        [one] { $shown } row
       *[other] { $shown } rows
    }
validate-import-file-not-json = not a Partnero partners file (JSON with "format": "{ $format }"): { $reason }
validate-import-file-format = expected "format": "{ $format }", found { $found }
validate-import-file-version = version { $version } is not supported; this app reads version { $supported }
validate-import-file-partners = the file has more than { $count ->
        [one] { $shown } partner
       *[other] { $shown } partners
    }; split it

## The columns
import-columns = Columns
import-column-header = Column in the file (samples)
import-imported-into = Imported into
import-column-number = Column { $number }
import-column-empty = (empty)
import-column-field = Field for column { $column }
import-ignore = — ignore —
import-default-kind = Kind of rows that do not say
import-default-country = Country of rows that do not say
import-no-country = — none —
import-check = Check rows
import-stale = The mapping changed: press Check rows to see what it does.

## What a column can fill
import-target-external-id = External id (finds duplicates, not stored)
import-target-kind = Kind (client, supplier, both)
import-target-is-client = Is a client (yes/no)
import-target-is-supplier = Is a supplier (yes/no)
import-target-legal-name = Legal name
import-target-trade-name = Trade name
import-target-tax-country = Tax id country
import-target-tax-number = Tax id (number or VAT)
# $part: one of the import-part-* messages.
import-target-address = Address { $number }: { $part }
import-target-contact = Contact { $number }: { $part }
import-target-bank = Bank account { $number }: { $part }
import-target-emails = Emails
import-target-phones = Phones
import-target-website = Website
import-target-payment-days = Payment days
import-target-payment-method = Payment method
import-target-industry = Industry (free text)
import-target-region = Region (free text)
import-target-industry-term = Industry (from the list)
import-target-region-term = Region (from the list)
import-target-categories = Categories
import-target-tags = Tags
import-target-notes = Notes
import-target-custom = Custom: { $name }
import-part-kind = kind
import-part-street = street
import-part-street2 = street, second line
import-part-city = city
import-part-postal-code = postal code
import-part-region = province or state
import-part-country = country
import-part-name = name
import-part-role = role
import-part-email = email
import-part-phone = phone
import-part-holder = holder

## What the import will do
import-plan-heading = What the import will do
import-plan-no-rows = The file has no rows to import.
# $ready, $duplicates and $rows: import-plan-ready, import-plan-duplicates, import-plan-rows.
import-plan-summary = { $ready }, { $duplicates }, { $invalid } with errors (of { $rows }).
import-plan-ready = { $count ->
    [one] { $shown } ready
   *[other] { $shown } ready
    }
import-plan-duplicates = { $count ->
    [one] { $shown } probable duplicate
   *[other] { $shown } probable duplicates
    }
import-plan-rows = { $count ->
    [one] { $shown } row
   *[other] { $shown } rows
    }
import-invalid-heading = Rows with errors ({ $count }), not imported
import-duplicates-heading = Probable duplicates ({ $count }), skipped unless you choose
import-line = Line { $line }
import-line-name = Line { $line }: { $name }
# $reason: the core's words, e.g. "same tax id".
import-duplicate-existing = Probably already registered as { $name } ({ $reason })
import-duplicate-line = Probably the same partner as line { $line } ({ $reason })
import-open-it = Open it
import-anyway = Import anyway
import-run = { $count ->
    [one] Import 1 partner
   *[other] Import { $shown } partners
    }
import-progress-label = Partners imported
import-progress = Imported { $done } of { $total }

## After an import
import-report-heading = Import report
import-result = { $count ->
    [one] Imported 1 partner.
   *[other] Imported { $shown } partners.
    }
import-result-skipped = { $count ->
    [one] 1 row was not imported (below).
   *[other] { $shown } rows were not imported (below).
    }
# $error: why storing stopped, in the registry's words.
import-stopped = The import stopped after { $imported } of { $planned } partners: { $error }
import-nothing-imported = Nothing was imported.
# $lines: line numbers and ranges, "2–201, 205".
import-imported-lines = Imported: lines { $lines }.
import-missing-lines = Not imported: lines { $lines }. Import the same file again to add them; the rows already imported will show as duplicates.
import-not-imported = Not imported
import-download-skipped = Download the skipped rows (CSV)
import-download-skipped-help = The rows as they were, with an error column: fix them in a spreadsheet and import the file again.
import-save-failed = The file could not be saved: { $problem }

## Exporting
import-export-heading = Export
import-export-help = CSV and JSON hold every field, archived partners too (with their status), and import back into Partnero. The vCard file holds the contacts, for an address book.
import-export-all = Export all partners ({ $count })
import-export-filtered = Export the current search ({ $count })
import-export-search = Export the current search: “{ $query }” ({ $count })
import-export-vcard = Contacts as vCard
import-export-saved = { $count ->
    [one] Saved { $name }: { $shown } partner.
   *[other] Saved { $name }: { $shown } partners.
    }
import-export-failed = The export could not be saved: { $problem }
