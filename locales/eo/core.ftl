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

## Kial peto al la servilo malsukcesis (model::ServerError, words::server_error).
server-wrong-credentials = Malĝusta retpoŝtadreso aŭ pasvorto.
server-account-disabled = Ĉi tiu konto estas malaktivigita.
server-not-signed-in = Unue ensalutu.
server-session-ended = Via seanco finiĝis (elsalutita, eksvalidiĝinta aŭ revokita). Ensalutu denove.
server-invalid-email = “{ $email }” ne estas retpoŝtadreso.
server-password-too-short = La pasvorto devas havi almenaŭ { $minimum } signojn.
server-email-taken = Uzanto kun la retpoŝtadreso { $email } jam ekzistas.
server-no-such-user = Ĉi tiu uzanto ne plu ekzistas (numero { $id }).
server-portal-role-fixed = La rolo de kontaktulo de partnero estas fiksa: kontaktuloj estas invitataj kiel kontaktuloj kaj restas tiaj.
server-last-administrator = Ĉi tiu estas la lasta aktiva administranto: unue faru iun alian administranto.
server-administrators-only = Nur administrantoj rajtas fari tion.
server-administrators-invite-staff = Nur administrantoj rajtas inviti dungitojn.
server-writers-invite-contacts = Nur tiuj, kiuj rajtas ŝanĝi ĉi tiun partneron, rajtas inviti ĝiajn kontaktulojn.
server-partner-required = Elektu la partneron, kies kontaktulon vi invitas.
server-not-a-partner = { $partner } ne estas partnero de ĉi tiu laborspaco.
server-staff-have-no-partner = Nur kontaktuloj de partneroj apartenas al partnero.
server-portal-sees-no-settings = Kontaktuloj de partneroj ne vidas la agordojn de la teamo.
server-sections-not-deniable = Sekcioj povas esti rifuzitaj nur al estroj, vendistoj kaj rigardantoj, ne al la rolo { $role }.
server-unusable-invite = Ĉi tiu invita ligilo estas nekonata, jam uzita aŭ eksvalidiĝinta. Petu novan.
server-file-id-invalid = La adreso de la dosiero ne estas la SHA-256 de ĝia enhavo.
server-file-type-missing = La dosiero ne havas tipon; akceptataj: { $allowed }.
server-file-type-refused = Dosieroj de tipo “{ $given }” ne estas akceptataj; akceptataj: { $allowed }.
server-file-too-large = La dosiero estas pli granda ol ĉi tiu servilo akceptas (maksimume { $megabytes } MB).
server-file-unreadable = La dosiero ne legeblis: { $detail }
server-file-hash-mismatch = La dosiero alvenis difektita (ĝia enhavo ne kongruas kun ĝia adreso); nenio estis konservita.
server-file-not-found = La dosiero ne estas konservita en la servilo.
server-failed = La servilo ne povis plenumi la peton. Reprovu poste.
server-bad-request = La servilo rifuzis la peton: { $detail }
server-unreachable = La servilo ne estas atingebla; kontrolu la konekton kaj reprovu.
server-browser = La retumilo ne povis plenumi la peton: { $detail }
server-unexpected-answer = La servilo donis neatenditan respondon ({ $status }).
server-unexpected-answer-detail = La servilo donis neatenditan respondon ({ $status }): { $detail }

core-readable-none = (nenio)
core-readable-payment-terms = { $days ->
        [one] 1 tago
       *[other] { $days } tagoj
    }, { $method }
