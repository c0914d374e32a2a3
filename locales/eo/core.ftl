# Frazoj, kiujn la interfaco konstruas el datumoj de la kerno: avertoj kaj tio, kio mankas al
# partnero (src/ui/alerts.rs).

core-alert-invoice-issued = Fakturo { $number } al { $name }
core-alert-invoice-received = Fakturo { $number } de { $name }
core-alert-overdue = { $what } estas posttempa de { $days ->
        [one] 1 tago
       *[other] { $days } tagoj
    }: { $open } malfermitaj ekde { $date }
core-alert-due = { $what } estas pagenda je { $date }: { $open } malfermitaj
core-alert-document = { $kind } de { $name } eksvalidiĝos je { $date }
core-alert-reminder = Sekvu kun { $name }: { $text }
core-alert-missing = Al { $name } mankas: { $items }

core-missing-tax-id = imposta numero
core-missing-email = retpoŝtadreso
core-missing-phone = telefonnumero
core-missing-address = adreso
core-missing-contact = kontaktulo
core-missing-bank-account = bankkonto
core-missing-document = { $kind } (valida)

core-refusal-viewer = Rigardantoj povas legi, sed ne ŝanĝi ion ajn
core-refusal-sales = Vendistoj ŝanĝas nur la partnerojn asignitajn al ili aŭ registritajn de ili
core-refusal-portal = Kontaktuloj de partnero proponas ŝanĝojn; la personaro aplikas ilin
core-refusal-role = Ne permesata por la rolo { $role }
core-refusal-signed-out = Ensalutu por ŝanĝi tion

core-field-legal_name = Jura nomo
core-field-trade_name = Komerca nomo
core-field-tax_id = Imposta numero
core-field-addresses = Adresoj
core-field-contacts = Kontaktuloj
core-field-emails = Retpoŝtadresoj
core-field-phones = Telefonnumeroj
core-field-website = Retejo
core-field-payment_terms = Pagkondiĉoj
core-field-bank_accounts = Bankkontoj

core-event-registered = Registrita
core-event-document-added = { $kind } aldonita de { $person }
core-event-document-reviewed = { $kind } { $status } de { $person }
core-event-invoice-recorded = Fakturo { $number } registrita: { $amount }, pagenda je { $date }
core-event-bill-recorded = Ricevita fakturo { $number } registrita: { $amount }, pagenda je { $date }
core-event-payment-recorded = Pago de { $amount } registrita ({ $date })
core-event-order-recorded = Aĉetmendo { $number } registrita

core-duplicate-tax-id = sama imposta numero
core-duplicate-email = sama retpoŝtadreso { $email }
core-duplicate-phone = sama telefonnumero { $phone }
core-duplicate-name = simila nomo ({ $percent } %)

core-server-wrong-credentials = malĝusta retpoŝtadreso aŭ pasvorto
core-server-account-disabled = ĉi tiu konto estas malaktivigita
core-server-unreachable = la servilo ne estas atingebla; kontrolu la konekton kaj reprovu

core-readable-none = (nenio)
core-readable-payment-terms = { $days ->
        [one] 1 tago
       *[other] { $days } tagoj
    }, { $method }
