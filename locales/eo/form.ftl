# La partnera formularo (registri kaj redakti partneron, ui/form.rs kaj ui/fields.rs) kaj la
# ensaluta ekrano (ui/account.rs), en Esperanto.

## Registri kaj redakti partneron (ui/form.rs)
form-back-to-partners = ← Partneroj
form-register-title = Registri partneron
form-register-submit = Registri la partneron
form-back-to-partner = ← Reen al la partnero
form-edit-title = Redakti la partneron
form-save-changes = Konservi la ŝanĝojn
form-not-found = Partnero ne trovita
form-back-to-list = Reen al la listo de partneroj
form-errors = { $count ->
    [one] Unu kampo bezonas atenton:
   *[other] { $count } kampoj bezonas atenton:
    }
form-identification = Identigo
form-kind = Speco
form-choose = Elektu…
form-legal-name = Oficiala nomo
form-trade-name = Komerca nomo
form-tax-country = Lando de la imposta numero
form-tax-number = Imposta numero
form-two-letters = Du literoj, ekz. ES
form-duplicates = { $count ->
    [one] Eble ĉi tiu partnero jam estas registrita:
   *[other] Eble ĉi tiu partnero jam estas registrita ({ $count } kandidatoj):
    }
form-industry = Branĉo
form-region-territory = Regiono / teritorio
form-addresses = Adresoj
form-address-number = Adreso { $number }
form-remove = Forigi
form-address-type = Tipo
form-street = Strato
form-postal-code = Poŝtkodo
form-city = Urbo
form-region = Regiono
form-country = Lando
form-add-address = Aldoni adreson
form-contacts = Kontaktoj
form-contact-number = Kontakto { $number }
form-name = Nomo
form-role = Funkcio
form-email = Retpoŝtadreso
form-phone = Telefono
form-add-contact = Aldoni kontakton
form-general-emails = Ĝeneralaj retpoŝtadresoj
form-general-phones = Ĝeneralaj telefonoj
form-one-per-line = Po unu en ĉiu linio
form-website = Retejo
form-payment = Pago
form-apply-preset = Apliki antaŭdifinitajn pagokondiĉojn
form-choose-preset = Elektu antaŭdifinitajn kondiĉojn…
form-payment-days = Pagotempo (tagoj)
form-payment-method = Pagmaniero
form-bank-account-number = Bankkonto { $number }
form-iban = IBAN
form-bic = BIC
form-holder = Posedanto
form-add-bank-account = Aldoni bankkonton
form-notes = Notoj
form-internal-notes = Internaj notoj
form-not-saved = Ne konservita: { $reason }
form-saving = Konservante…

## La listoj kaj propraj kampoj de la laborejo en la formularo (ui/form.rs)
form-classification = Klasado
form-categories = Kategorioj
form-industry-list = Branĉo (el la listo)
form-region-list = Regiono / teritorio (el la listo)
form-tags = Etikedoj
form-none = Neniu
form-more-details = Pliaj detaloj
form-yes = Jes
form-no = Ne
form-hint-date = Dato en la formo JJJJ-MM-TT
form-hint-number = Nombro

## Ensaluti (ui/account.rs)
sign-in-title = Ensaluti
sign-in-intro = Ensaluto sinkronigas ĉi tiun aparaton kun via teamo. Vi bezonas la servilon unufoje; poste Partnero malfermiĝas ankaŭ senkonekte.
sign-in-already = Vi estas ensalutinta kiel { $email }. Unue elsalutu por uzi alian konton.
sign-in-email = Retpoŝtadreso
sign-in-password = Pasvorto
sign-in-missing = Entajpu vian retpoŝtadreson kaj pasvorton.
sign-in-signing-in = Ensalutante…
sign-in-button = Ensaluti
