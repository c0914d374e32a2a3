# La ekranoj pri mono kaj sekvado en Esperanto: la mona karto de partnero (ui/finance.rs), la
# ekrano de fakturoj kun ĝiaj eksporto kaj importo (ui/invoices.rs) kaj la sekva karto de
# partnero (ui/activity.rs).

## La mona karto de partnero (ui/finance.rs)
finance-title = Mono
finance-nothing = Ankoraŭ nenio registrita.
finance-they-owe = Ili ŝuldas al ni { $amount }
finance-we-owe = Ni ŝuldas al ili { $amount }
finance-overdue = Posttempe { $amount }
finance-invoiced = Fakturite
finance-purchased = Aĉetite
finance-they-pay-in = Ili pagas post
finance-we-pay-in = Ni pagas post
finance-days = { $count ->
    [one] { $count } tago
   *[other] { $count } tagoj
    }
finance-days-decimal = { $days } tagoj
finance-interactions = Kontaktoj
finance-invoices-title = Elsenditaj kaj ricevitaj fakturoj
finance-no-invoices = Ankoraŭ neniu fakturo.
finance-number = Numero
finance-kind = Speco
finance-due = Pagotempo
finance-amount = Sumo
finance-open = Nepagita
finance-status = Stato
finance-file = Dosiero
finance-issued = Elsendita
finance-bill = Ricevita
finance-days-overdue = { $days ->
    [one] ({ $days } tago)
   *[other] ({ $days } tagoj)
    }
finance-cancel = Nuligi
finance-invoice-cancelled = Fakturo nuligita kaj konservita en ĉi tiu aparato.
finance-invoice-gone = tiu fakturo ne plu estas en ĉi tiu aparato
finance-due-hint-terms = Malplena: kalkulita laŭ la pagokondiĉoj de la partnero.
finance-due-hint-none = Malplena: pagenda je la elsenda dato (la partnero ne havas pagokondiĉojn).
finance-invoice-saved = Fakturo konservita en ĉi tiu aparato.
finance-direction-received = Fakturo de la provizanto
finance-direction-issued = Fakturo al la kliento
finance-invoice-form = Registri elsenditan aŭ ricevitan fakturon
finance-issue-date = Elsenda dato (JJJJ-MM-TT)
finance-due-date = Pagodato (JJJJ-MM-TT)
finance-currency = Valuto
finance-reference = Referenco
finance-attach = Aldoni skanaĵon aŭ PDF
finance-save-invoice = Konservi fakturon
finance-on-account-option = Neniu (antaŭpago)
finance-settles-option = { $number } — { $amount } nepagitaj, pagenda je { $due }
finance-payment-saved = Pago konservita en ĉi tiu aparato.
finance-payment-form = Registri pagon
finance-date = Dato (JJJJ-MM-TT)
finance-method = Pagmaniero
finance-settles = Pagas
finance-note = Noto
finance-save-payment = Konservi pagon
finance-on-account = antaŭpago
finance-paid-for = por { $invoices }
finance-order-saved = Aĉetmendo konservita en ĉi tiu aparato.
finance-order-gone = tiu aĉetmendo ne plu estas en ĉi tiu aparato
finance-orders-title = Aĉetmendoj
finance-order-form = Registri aĉetmendon
finance-save-order = Konservi aĉetmendon
finance-unnamed-file = dosiero

## La ekrano de fakturoj (ui/invoices.rs)
invoices-title = Fakturoj
invoices-direction = Direkto
invoices-status = Stato
invoices-currency = Valuto
invoices-any-currency = Ajna valuto
invoices-totals = Sumoj laŭ valuto
invoices-count = { $count ->
    [one] { $count } fakturo
   *[other] { $count } fakturoj
    }
invoices-open = nepagitaj
invoices-overdue = posttempaj
invoices-no-match = Neniu fakturo kongruas kun ĉi tiuj filtriloj.
invoices-empty = Ankoraŭ neniu fakturo. Ĉi tie aperas la fakturoj registritaj en la paĝo de partnero.
invoices-partner = Partnero
invoices-number = Numero
invoices-type = Speco
invoices-due = Pagotempo
invoices-amount = Sumo
invoices-open-amount = Nepagita
invoices-days-overdue = Tagoj posttempe
invoices-to-client = Al kliento
invoices-from-supplier = De provizanto
invoices-exchange = Eksporti kaj importi
invoices-export = Eksporti
invoices-export-failed = Ne eblis konservi la eksporton: { $reason }
invoices-import = Importi
invoices-importing = Importante…
invoices-import-hint = Vico kun konata identigilo anstataŭas la konservitan vicon, do reimporti eksporton ŝanĝas nenion. Nenio estas konservita, krom se ĉiuj vicoj validas.
invoices-import-kind = Kion la dosiero enhavas
invoices-import-file = Dosiero (CSV aŭ JSON)
invoices-import-choose = Unue elektu dosieron CSV aŭ JSON.
invoices-import-unreadable = Ne eblis legi la dosieron: { $reason }
invoices-import-not-utf8 = La dosiero ne estas teksto UTF-8; konservu ĝin kiel "CSV UTF-8" aŭ kiel JSON
invoices-import-error-line = linio { $line }: { $message }
invoices-import-error-line-field = linio { $line }, { $field }: { $message }
invoices-import-invoices = { $count ->
    [one] { $count } fakturo
   *[other] { $count } fakturoj
    }
invoices-import-payments = { $count ->
    [one] { $count } pago
   *[other] { $count } pagoj
    }
invoices-import-orders = { $count ->
    [one] { $count } aĉetmendo
   *[other] { $count } aĉetmendoj
    }
invoices-import-unchanged = { $count ->
    [one] { $count } vico jam estis aktuala
   *[other] { $count } vicoj jam estis aktualaj
    }
invoices-import-done = { $partners ->
    [one] Importite: { $what } por { $partners } partnero
   *[other] Importite: { $what } por { $partners } partneroj
    }
invoices-import-no-rows = Nenio por importi: la dosiero ne havas vicojn.
invoices-import-nothing = Nenio por importi: { $unchanged }.

## La sekva karto de partnero (ui/activity.rs)
activity-title = Sekvado
activity-timeline = Kronologio
activity-position = ĉe { $latitude }, { $longitude } (±{ $accuracy } m)
activity-summary-required = Resumo: diru, pri kio oni parolis
activity-logged = Registrita kaj konservita en ĉi tiu aparato.
activity-no-position = Registrita sen loko: { $reason }
activity-log-form = Registri vokon, viziton, retleteron, kunvenon aŭ noton
activity-kind = Speco
activity-template = El ŝablono
activity-no-template = Neniu ŝablono
activity-summary = Resumo
activity-template-missing = Plenigu antaŭ sendi: { $fields }
activity-open-mail = Malfermi en retpoŝta aplikaĵo
activity-copy = Kopii
activity-share = Kunhavigi
activity-record-position = Registri, kie mi estas (la retumilo unue demandas)
activity-save = Konservi en la kronologio
activity-reminder-due-invalid = Dato: skribu ĝin kiel JJJJ-MM-TT
activity-reminder-text-missing = Memorigo: diru, kion fari
activity-reminder-saved = Memorigo konservita en ĉi tiu aparato.
activity-reminder-gone = tiu memorigo ne plu estas en ĉi tiu aparato
activity-reminders = Memorigoj
activity-snoozed = (prokrastita ĝis { $date })
activity-reminder-due = Dato (JJJJ-MM-TT)
activity-reminder-what = Kio
activity-reminder-placeholder = Revoki pri la oferto
activity-add-reminder = Aldoni memorigon
