# The reports screen and its charts, in English (ui/reports.rs, ui/chart.rs).

## The reports screen (ui/reports.rs)
reports-title = Reports
reports-print = Print
reports-print-failed = Could not open printing: { $reason }
reports-period-legend = Period for new partners and top clients and suppliers
reports-period-from = From
reports-period-to = To
reports-period-reversed = The start of the period is after its end.
reports-period-unreadable = Enter both dates as YYYY-MM-DD.
reports-period-print = Period { $from } to { $to }; aging as of { $today }.
reports-export-csv = Export CSV
reports-exported = Exported { $file }.
reports-export-failed = Could not export { $file }: { $reason }
reports-by-kind = Partners by kind
reports-kind = Kind
reports-by-category = Partners by category
reports-category = Category
reports-no-category = No category
reports-by-industry = Partners by industry
reports-industry = Industry
reports-no-industry = No industry
reports-by-region = Partners by region
reports-region = Region
reports-no-region = No region
reports-new-partners = New partners per month
reports-month = Month
reports-new-partners-no-period = Choose a valid period to see new partners per month.
reports-receivables = Receivables aging today (clients owe us)
reports-receivables-empty = No client owes anything right now.
reports-payables = Payables aging today (we owe suppliers)
reports-payables-empty = Nothing is owed to suppliers right now.
reports-aging-caption = Open amounts in { $currency } by days past due
reports-partner = Partner
reports-aging-current = Current
reports-aging-1-30 = 1–30 days
reports-aging-31-60 = 31–60 days
reports-aging-61-90 = 61–90 days
reports-aging-over-90 = Over 90 days
reports-total = Total
reports-total-currency = Total { $currency }
reports-top-clients = Top clients by amount invoiced in the period
reports-top-clients-empty = No invoices issued in this period.
reports-top-suppliers = Top suppliers by purchases in the period
reports-top-suppliers-empty = No supplier invoices received in this period.
reports-top-invoiced = Invoiced ({ $currency })
reports-top-purchased = Purchased ({ $currency })
reports-invoices = Invoices
reports-choose-period = Choose a valid period.

## Charts (ui/chart.rs)
chart-no-data = No data.
# $values: "Client: 5; Supplier: 3", every label with its count.
chart-summary = { $values }. Total { $total }.
chart-show-table = Show as table
chart-partners = Partners
chart-total = Total
chart-share = { $count } ({ $percent }%)
