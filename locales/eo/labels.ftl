# Nomoj de la enumeroj de la kerno, kiel la interfaco montras ilin (src/text/labels.rs decidas
# la ŝlosilojn; tests/i18n.rs kontrolas, ke ĉiu valoro havas sian).

label-partner-kind-client = Kliento
label-partner-kind-supplier = Provizanto
label-partner-kind-both = Kliento kaj provizanto

label-address-kind-billing = Fakturado
label-address-kind-shipping = Sendado
label-address-kind-other = Alia

label-document-kind-business_licence = Komerca permesilo
label-document-kind-contract = Kontrakto
label-document-kind-certificate = Atestilo
label-document-kind-insurance = Asekuro
label-document-kind-bank_certificate = Banka atestilo
label-document-kind-other = Alia

label-invoice-direction-issued = Eldonita
label-invoice-direction-received = Ricevita

label-purchase-order-status-draft = Malneto
label-purchase-order-status-sent = Sendita
label-purchase-order-status-received = Ricevita
label-purchase-order-status-cancelled = Nuligita

label-interaction-kind-call = Telefonvoko
label-interaction-kind-visit = Vizito
label-interaction-kind-email = Retpoŝto
label-interaction-kind-meeting = Kunveno
label-interaction-kind-note = Noto

label-term-list-categories = Kategorioj
label-term-list-industries = Branĉoj
label-term-list-regions = Regionoj
label-term-list-tags = Etikedoj

label-applies-to-clients = Klientoj
label-applies-to-suppliers = Provizantoj
label-applies-to-both = Klientoj kaj provizantoj

label-custom-field-type-text = Teksto
label-custom-field-type-number = Nombro
label-custom-field-type-date = Dato
label-custom-field-type-yes_no = Jes / ne
label-custom-field-type-choice = Elekto el listo
label-custom-field-type-email = Retpoŝto
label-custom-field-type-phone = Telefono
label-custom-field-type-iban = IBAN
label-custom-field-type-url = Retadreso

label-exchange-kind-invoices = fakturoj
label-exchange-kind-payments = pagoj
label-exchange-kind-purchase_orders = aĉetmendoj

label-direction-filter-all = Eldonitaj kaj ricevitaj fakturoj
label-direction-filter-issued = Eldonitaj al klientoj
label-direction-filter-received = Ricevitaj de provizantoj

label-status-filter-unpaid = Malfermitaj kaj posttempaj
label-status-filter-overdue = Nur posttempaj
label-status-filter-paid = Pagitaj
label-status-filter-all = Ĉiuj, ankaŭ nuligitaj

label-sort-order-relevance = Plej trafaj
label-sort-order-name = Nomo
label-sort-order-recent = Lastatempe ŝanĝitaj

label-payment-method-unspecified = Ne interkonsentita
label-payment-method-bank_transfer = Banka ĝiro
label-payment-method-direct_debit = Rekta debeto
label-payment-method-card = Karto
label-payment-method-cash = Kontanta mono
label-payment-method-cheque = Ĉeko

label-partner-status-active = Aktiva
label-partner-status-archived = Arĥivita

label-review-status-pending = Atendanta
label-review-status-verified = Kontrolita
label-review-status-rejected = Rifuzita

label-role-admin = Administranto
label-role-manager = Estro
label-role-sales = Vendisto
label-role-viewer = Rigardanto
label-role-portal = Kontaktulo de partnero

label-section-finance = Financoj (fakturoj, pagoj, mendoj)
label-section-banking = Bankkontoj
label-section-activity = Agado (vokoj, vizitoj, internaj notoj, memorigoj)

label-orphan-reason-archived = arĥivita kampo
label-orphan-reason-not_applicable = kampo ne uzata por ĉi tiu speco de partnero
label-orphan-reason-unknown = nekonata kampo

label-alert-kind-invoice-due = Fakturo baldaŭ pagenda
label-alert-kind-invoice-overdue = Posttempa fakturo
label-alert-kind-document-expiring = Dokumento baldaŭ eksvalidiĝos
label-alert-kind-reminder = Sekvado atendata
label-alert-kind-data-missing = Mankas devigaj datumoj

label-invoice-status-open = Malfermita
label-invoice-status-partially_paid = Parte pagita
label-invoice-status-paid = Pagita
label-invoice-status-overdue = Posttempa
label-invoice-status-cancelled = Nuligita

label-search-field-name = Nomo
label-search-field-trade_name = Komerca nomo
label-search-field-tax_id = Imposta numero
label-search-field-email = Retpoŝto
label-search-field-phone = Telefono
label-search-field-city = Urbo
label-search-field-postal_code = Poŝtkodo
label-search-field-contact = Kontaktulo
label-search-field-notes = Notoj
label-search-field-custom = Propra kampo

label-verification-incomplete = Nekompleta
label-verification-pending = Atendas kontrolon
label-verification-verified = Kontrolita
