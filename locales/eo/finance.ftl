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

## Importi fakturojn, pagojn kaj aĉetmendojn (src/report/exchange.rs): kio malĝustas en
## dosiero, post la linio kaj la kolumno (invoices-import-error-line-field). Kolumnaj nomoj kaj
## kodoj restas kiel la dosiero skribas ilin. $what: column (CSV) aŭ key (JSON); $kind: mesaĝo
## label-exchange-kind-*; $found: mesaĝo validate-exchange-json-* aŭ valoro de la dosiero, kiel
## JSON skribas ĝin.
validate-exchange-quote-unclosed = kampo inter citiloj neniam fermiĝas; aldonu la fermajn citilojn (")
validate-exchange-quote-text-after = estas teksto post fermaj citiloj; metu la tutan kampon inter citilojn kaj duobligu la citilojn en ĝi
validate-exchange-quote-inside = estas citilo en kampo sen citiloj; metu la tutan kampon inter citilojn kaj duobligu la citilojn en ĝi
validate-exchange-column-twice = { $what ->
        [key] la ŝlosilo
       *[column] la kolumno
    } aperas dufoje
validate-exchange-column-unknown = { $what ->
        [key] nekonata ŝlosilo
       *[column] nekonata kolumno
    }; dosieroj de { $kind } havas { $columns }
validate-exchange-column-required = { $what ->
        [key] mankas deviga ŝlosilo
       *[column] mankas deviga kolumno
    }
validate-exchange-column-partner = { $what ->
        [key] mankas deviga ŝlosilo
       *[column] mankas deviga kolumno
    }: donu partner_id aŭ partner_tax_id
validate-exchange-empty = la dosiero estas malplena; la unua linio devas nomi la kolumnojn: { $columns }
validate-exchange-field-count = { $expected ->
        [one] atendiĝis { $expected } kampo
       *[other] atendiĝis { $expected } kampoj
    } kiel en la kaplinio, sed estas { $found }
validate-exchange-json-invalid = nevalida JSON ĉe linio { $line }, kolumno { $column }: { $reason }
validate-exchange-json-not-object = atendiĝis objekto kun "format": "{ $format }", sed troviĝis { $found }
validate-exchange-format-wrong = atendiĝis "{ $format }", sed troviĝis { $found }
validate-exchange-format-missing = mankas; financa dosiero de Partnero havas "format": "{ $format }"
validate-exchange-version = la versio { $version } ne estas subtenata; ĉi tiu aplikaĵo legas la version { $supported }
validate-exchange-missing = mankas
validate-exchange-kind-wrong = la dosiero enhavas { $found }, sed { $kind } estis elektitaj
validate-exchange-rows-not-array = atendiĝis tabelo, sed troviĝis { $found }
validate-exchange-row-not-object = atendiĝis objekto, sed troviĝis { $found }
validate-exchange-value-not-string = atendiĝis signoĉeno (ankaŭ por sumoj, ekzemple "12.50"), sed troviĝis { $found }
validate-exchange-json-null = null
validate-exchange-json-bool = true aŭ false
validate-exchange-json-number = nombro
validate-exchange-json-string = signoĉeno
validate-exchange-json-array = tabelo
validate-exchange-json-object = objekto
validate-exchange-allocation-json = asigno { $index }: atendiĝis { "{" }"invoice_id": "…", "amount": "12.50"{ "}" }, ambaŭ kiel signoĉenoj
validate-exchange-allocation-csv = asigno { $index } { $value }: skribu invoice_id:sumo, kaj apartigu plurajn per ;
validate-exchange-flag = { $value } estas nek true nek false
validate-exchange-direction-unknown = nekonata direkto { $value }; uzu issued aŭ received
validate-exchange-method-unknown = nekonata pagmaniero { $value }; uzu bank_transfer, direct_debit, card, cash aŭ cheque, aŭ lasu la ĉelon malplena
validate-exchange-status-unknown = nekonata stato { $value }; uzu draft, sent, received aŭ cancelled
validate-exchange-partner-missing = donu la partner_id aŭ la partner_tax_id de la partnero
validate-exchange-row-id = identigiloj de vicoj konsistas el literoj, ciferoj, „-“, „_“ kaj „.“, maksimume { $max }
validate-exchange-partner-unknown-id = neniu partnero havas la identigilon { $id }; donu ekzistantan partner_id aŭ la partner_tax_id
validate-exchange-partner-ambiguous = { $count ->
        [one] { $count } partnero havas
       *[other] { $count } partneroj havas
    } la impostan numeron { $tax_id } ({ $names }); donu la partner_id
validate-exchange-partner-unknown-tax-id = neniu partnero havas la impostan numeron { $tax_id }
validate-exchange-row-twice = la sama vico kiel en linio { $first }; ĉiu vico rajtas aperi nur unufoje
validate-exchange-allocation-unknown = Asigno { $index }: ĉi tiu partnero havas neniun fakturon { $invoice }, nek konservitan nek en ĉi tiu importo
validate-exchange-allocation-ambiguous = Asigno { $index }: { $count ->
        [one] { $count } fakturo havas
       *[other] { $count } fakturoj havas
    } la numeron { $invoice }; uzu la invoice_id
# Eraro de formularo sen sia etikedo, ĉar la kolumno jam nomas ĝin („Sumo: …“ sub amount).
validate-exchange-problem = { $problem }
validate-exchange-direction-choose = elektu issued aŭ received
validate-exchange-method-choose = elektu unu el la listo
validate-exchange-status-choose = elektu draft, sent, received aŭ cancelled
validate-exchange-date-invalid = skribu ekzistantan daton en la formo JJJJ-MM-TT
validate-exchange-currency-unknown = { $code } ne estas ISO 4217-valutokodo kiel EUR
validate-exchange-amount-zero = skribu sumon pli grandan ol nulo

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
