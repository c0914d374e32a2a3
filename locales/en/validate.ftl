# Partnero's validation errors in English (src/validate, the finance forms in src/model/finance.rs
# and the import's row framing in src/report/partner_import.rs). Each message renders exactly the
# English `message` of the error for the same variables (tests/validate_messages.rs). A variable
# whose value is `@` and a key is that message, translated first (see `FieldError` in
# src/validate/mod.rs): `$problem` is what is wrong with the value inside a field's framing.

## The partner form (src/validate/mod.rs)
validate-kind-choose = Kind: choose client, supplier or both
validate-legal-name-required = Legal name is required
validate-tax-country-code = Tax id country: use a two-letter country code such as ES
validate-tax-country-required = Tax id country is required when a tax number is given
validate-tax-id = Tax id: { $problem }
validate-address-kind = Address { $index }: choose billing, shipping or other
validate-address-city-required = Address { $index }: city is required
validate-address-country-required = Address { $index }: country is required
validate-address-country-code = Address { $index }: country must be a two-letter code such as ES
validate-address-postal-code = Address { $index }: postal code: { $problem }
validate-contact-name-required = Contact { $index }: name is required
validate-contact-email = Contact { $index }: email: { $problem }
validate-contact-phone = Contact { $index }: phone: { $problem }
validate-emails-line = Email { $index } ({ $typed }): { $problem }
validate-phones-line = Phone { $index } ({ $typed }): { $problem }
validate-website = Website: { $problem }
validate-payment-days = Payment days must be a whole number from 0 to { $max }
validate-payment-method = Payment method: choose one from the list
validate-bank-iban-required = Bank account { $index }: IBAN is required
validate-bank-iban = Bank account { $index }: IBAN: { $problem }
validate-bank-bic = Bank account { $index }: BIC: { $problem }

## What the workspace requires of a kind of partner (Settings)
validate-required-tax-id = Tax id number is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-required-email = An email is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-required-phone = A phone number is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-required-address = An address is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-required-contact = A contact is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-required-bank-account = A bank account is required for { $kind ->
        [client] clients
        [supplier] suppliers
       *[both] clients and suppliers
    } in this workspace (see Settings)
validate-term-unknown = { $list ->
        [categories] Categories
        [industries] Industries
        [regions] Regions
       *[tags] Tags
    }: { $id } is not in the workspace's list (see Settings)

## Custom fields (src/validate/custom.rs); $label is the field's name as the workspace wrote it
validate-custom-required = { $label } is required
validate-custom-number = { $label }: enter a number
validate-custom-date = { $label }: enter a date as YYYY-MM-DD
validate-custom-yes-no = { $label }: answer yes or no
validate-custom-no-choices = { $label }: this field has no choices yet (see Settings)
validate-custom-choose = { $label }: choose one of { $choices }
validate-custom-value = { $label }: { $problem }

## Tax ids (src/validate/tax_id.rs)
validate-tax-id-empty = the tax id is empty
validate-tax-id-no-country = choose the country that issued the tax id
validate-tax-id-unknown-country = there is no tax id rule for the country { $country }
validate-tax-id-format = { $expected }
validate-tax-format-es-dni = a Spanish NIF (DNI) has 8 digits and a check letter, e.g. 12345678Z
validate-tax-format-es-nie = a Spanish NIE has X, Y or Z, 7 digits and a check letter, e.g. X2482300W
validate-tax-format-es-klm = a Spanish NIF for persons without DNI has K, L or M, 7 digits and a check letter, e.g. M1234567L
validate-tax-format-es-cif = a Spanish CIF has a letter, 7 digits and a control character, e.g. B12345674
validate-tax-format-es = a Spanish tax id is a NIF (8 digits and a letter, e.g. 12345678Z), a NIE (X, Y or Z, 7 digits and a letter) or a CIF (a letter, 7 digits and a control character, e.g. B12345674)
validate-tax-format-us = a US EIN has 9 digits, written NN-NNNNNNN, e.g. 04-2103594
validate-tax-format-mx = a Mexican RFC has 3 letters (companies) or 4 letters (persons), a date YYMMDD and 3 characters, e.g. MAB9307148T4 or GODE561231GR8
validate-tax-format-ar = an Argentine CUIT has 11 digits, written NN-NNNNNNNN-N, e.g. 20-26756539-3
validate-tax-format-br = a Brazilian CNPJ has 14 characters (e.g. 16.727.230/0001-97) and a CPF 11 digits (e.g. 390.533.447-05)
validate-tax-format-cl = a Chilean RUT has 7 or 8 digits and a check digit or K, e.g. 76.086.428-5
validate-tax-format-co = a Colombian NIT has 7 to 15 digits and a check digit, e.g. 890.903.938-8
validate-tax-format-at = an Austrian VAT number (UID) is U and 8 digits, e.g. ATU13585627
validate-tax-format-be = a Belgian VAT number (enterprise number) has 10 digits starting with 0 or 1, e.g. BE0403019261
validate-tax-format-bg = a Bulgarian VAT number has 9 digits (legal entities) or 10 digits (persons), e.g. BG175074752
validate-tax-format-cy = a Cypriot VAT number has 8 digits and a check letter, e.g. CY10259033P
validate-tax-format-cz = a Czech VAT number (DIČ) has 8 digits (legal entities) or 9 to 10 digits (persons, their birth number), e.g. CZ25123891
validate-tax-format-de = a German VAT number (USt-IdNr.) has 9 digits not starting with 0, e.g. DE136695976
validate-tax-format-dk = a Danish VAT number (CVR) has 8 digits not starting with 0, e.g. DK13585628
validate-tax-format-ee = an Estonian VAT number (KMKR) has 9 digits, e.g. EE100931558
validate-tax-format-gr = a Greek VAT number (ΑΦΜ) has 9 digits, e.g. EL094259216
validate-tax-format-fi = a Finnish VAT number (ALV) has 8 digits, the Business ID without its hyphen, e.g. FI20774740
validate-tax-format-fr = a French VAT number (n° TVA) has a 2-character key and the 9-digit SIREN, e.g. FR40303265045
validate-tax-format-hr = a Croatian VAT number (OIB) has 11 digits, e.g. HR33392005961
validate-tax-format-hu = a Hungarian VAT number (ANUM) has 8 digits, e.g. HU12892312
validate-tax-format-ie = an Irish VAT number has 7 digits and 1 or 2 letters (e.g. IE6433435F or IE3628739UA), or in the old style a digit, a letter, 5 digits and a letter (e.g. IE8D79739I)
validate-tax-format-it = an Italian VAT number (partita IVA) has 11 digits, e.g. IT00743110157
validate-tax-format-lt = a Lithuanian VAT number (PVM) has 9 digits with 1 in 8th place, or 12 digits with 1 in 11th place, e.g. LT119511515
validate-tax-format-lu = a Luxembourg VAT number has 8 digits, e.g. LU15027442
validate-tax-format-lv = a Latvian VAT number (PVN) has 11 digits, e.g. LV40003521600
validate-tax-format-mt = a Maltese VAT number has 8 digits not starting with 0, e.g. MT11679112
validate-tax-format-nl = a Dutch VAT number has 9 digits, B and 2 digits, e.g. NL004495445B01
validate-tax-format-pl = a Polish VAT number (NIP) has 10 digits, e.g. PL8567346215
validate-tax-format-pt = a Portuguese VAT number (NIF) has 9 digits not starting with 0, e.g. PT501964843
validate-tax-format-ro = a Romanian VAT number has 2 to 10 digits (CUI, e.g. RO18547290) or 13 digits (a person's CNP)
validate-tax-format-se = a Swedish VAT number has 12 digits, the 10-digit organisation number and 01, e.g. SE556012579001
validate-tax-format-si = a Slovenian VAT number (ID za DDV) has 8 digits not starting with 0, e.g. SI50223054
validate-tax-format-sk = a Slovak VAT number (IČ DPH) has 10 digits, e.g. SK2022749619
validate-tax-format-gb = a UK VAT number has 9 digits (12 with a branch), e.g. GB980780684, or GD/HA and 3 digits; a UTR has 10 digits
validate-tax-format-ch = a Swiss UID is CHE and 9 digits, e.g. CHE-100.155.212
validate-tax-format-no = a Norwegian organisation number has 9 digits, e.g. 988 077 917 (or NO988077917MVA)
validate-tax-id-check = { $part ->
        [digits] the { $name } check digits are wrong
        [letter] the { $name } check letter is wrong
        [control] the { $name } control character is wrong
        [key] the { $name } key is wrong
        [first-digit] the { $name } check digit (the first digit) is wrong
       *[digit] the { $name } check digit is wrong
    }
validate-tax-id-check-expected = { $part ->
        [digits] the { $name } check digits are wrong (expected { $expected })
        [letter] the { $name } check letter is wrong (expected { $expected })
        [control] the { $name } control character is wrong (expected { $expected })
        [key] the { $name } key is wrong (expected { $expected })
        [first-digit] the { $name } check digit (the first digit) is wrong (expected { $expected })
       *[digit] the { $name } check digit is wrong (expected { $expected })
    }
validate-tax-id-check-either = { $part ->
        [digits] the { $name } check digits are wrong (expected { $expected } or { $alternative })
        [letter] the { $name } check letter is wrong (expected { $expected } or { $alternative })
        [control] the { $name } control character is wrong (expected { $expected } or { $alternative })
        [key] the { $name } key is wrong (expected { $expected } or { $alternative })
        [first-digit] the { $name } check digit (the first digit) is wrong (expected { $expected } or { $alternative })
       *[digit] the { $name } check digit is wrong (expected { $expected } or { $alternative })
    }
validate-tax-id-invalid = this is not a valid { $name }: { $reason }
validate-tax-invalid-us-prefix = this is not a valid US EIN: the IRS does not assign the prefix { $prefix }
validate-tax-invalid-mx-start = this is not a valid Mexican RFC: the SAT never issues an RFC starting with { $start }
validate-tax-invalid-mx-date = this is not a valid Mexican RFC: the date in it does not exist
validate-tax-invalid-mx-homoclave = this is not a valid Mexican RFC: the homoclave (last 3 characters) cannot exist
validate-tax-invalid-ar-type = this is not a valid Argentine CUIT: { $type } is not a CUIT type
validate-tax-invalid-br-cnpj-same = this is not a valid Brazilian CNPJ: all its digits are the same
validate-tax-invalid-br-cpf-same = this is not a valid Brazilian CPF: all its digits are the same
validate-tax-invalid-cy-12 = this is not a valid Cypriot VAT number: no number starts with 12
validate-tax-invalid-cz-9 = this is not a valid Czech VAT number: no 8-digit number starts with 9
validate-tax-invalid-cz-birth-1953 = this is not a valid Czech birth number: 9-digit numbers were only issued until 1953
validate-tax-invalid-sk-birth-1953 = this is not a valid Slovak birth number: 9-digit numbers were only issued until 1953
validate-tax-invalid-cz-birth-date = this is not a valid Czech birth number: the birth date in it does not exist
validate-tax-invalid-sk-birth-date = this is not a valid Slovak birth number: the birth date in it does not exist
validate-tax-invalid-lv-date = this is not a valid Latvian personal code: the birth date in it does not exist
validate-tax-invalid-ro-date = this is not a valid Romanian personal code (CNP): the birth date in it does not exist
validate-tax-invalid-ro-zero = this is not a valid Romanian personal code (CNP): it cannot start with 0
validate-tax-invalid-it-zeros = this is not a valid Italian VAT number: the company number in it is all zeros
validate-tax-invalid-it-office = this is not a valid Italian VAT number: { $office } is not an office code
validate-tax-invalid-gb-gd-ha = this is not a valid UK VAT number: GD numbers go from 000 to 499 and HA numbers from 500 to 999

## Names of tax identifiers inside the check-digit messages ($name)
validate-tax-name-at = Austrian VAT
validate-tax-name-be = Belgian VAT
validate-tax-name-bg = Bulgarian VAT
validate-tax-name-cy = Cypriot VAT
validate-tax-name-cz = Czech VAT
validate-tax-name-cz-birth = Czech birth number
validate-tax-name-de = German VAT
validate-tax-name-dk = Danish VAT
validate-tax-name-ee = Estonian VAT
validate-tax-name-gr = Greek VAT
validate-tax-name-fi = Finnish VAT
validate-tax-name-fr = French VAT
validate-tax-name-hr = Croatian VAT (OIB)
validate-tax-name-hu = Hungarian VAT
validate-tax-name-ie = Irish VAT
validate-tax-name-it = Italian VAT
validate-tax-name-lt = Lithuanian VAT
validate-tax-name-lu = Luxembourg VAT
validate-tax-name-lv = Latvian VAT
validate-tax-name-mt = Maltese VAT
validate-tax-name-nl = Dutch VAT
validate-tax-name-pl = Polish VAT
validate-tax-name-pt = Portuguese VAT
validate-tax-name-ro = Romanian VAT (CUI)
validate-tax-name-ro-cnp = Romanian CNP
validate-tax-name-se = Swedish VAT
validate-tax-name-si = Slovenian VAT
validate-tax-name-sk = Slovak VAT
validate-tax-name-sk-birth = Slovak birth number
validate-tax-name-gb = UK VAT
validate-tax-name-ch = Swiss UID
validate-tax-name-no = Norwegian organisation number

## Email addresses and websites (src/validate/formats/contact.rs)
validate-email-empty = the email address is empty
validate-email-angle-brackets = give only the address, without a name or angle brackets
validate-email-spaces = an email address has no spaces
validate-email-domain-dot = the domain after the @ needs a dot, like example.com
validate-email-domain-character = the domain after the @ contains { $character }, which is not allowed there
validate-email-no-at = an email address needs an @ between name and domain
validate-email-no-name = an email address needs a name before the @
validate-email-name-too-long = the part before the @ is longer than 64 characters
validate-email-no-domain = an email address needs a domain after the @, like example.com
validate-email-domain-too-long = the domain after the @ is longer than 254 characters
validate-email-domain-dots = the domain after the @ has two dots in a row, or a dot at its start or end
validate-email-domain-part-too-long = a part of the domain is longer than 63 characters
validate-email-quotes = the quotes in the email address are unbalanced
validate-email-domain-ip = the domain after the @ must be a name, not an IP address
validate-email-character = the email address contains a character that is not allowed there
validate-url-empty = the web address is empty
validate-url-spaces = a web address has no spaces
validate-url-control = the web address contains a control character
validate-url-too-long = a web address has at most { $max } characters (got { $got })
validate-url-scheme = only http:// and https:// web addresses are accepted (got { $scheme })
validate-url-user = a web address with a user name or password (@) is not accepted
validate-url-port = the port after the : must be a number from 1 to 65535 (got { $port })
validate-url-no-domain = the web address has no domain, like example.com
validate-url-domain-dot = the domain { $host } needs a dot, like example.com
validate-url-domain-dots = the domain { $host } has two dots in a row, or a dot at its start or end
validate-url-domain-part-too-long = a part of the domain { $host } is longer than 63 characters
validate-url-domain-character = the domain { $host } contains { $character }, which is not allowed in a domain
validate-url-domain-hyphen = a part of the domain { $host } starts or ends with a hyphen
validate-url-domain-number = the domain { $host } must end in a name like .com, not a number

## IBAN and BIC (src/validate/formats/bank.rs); $country is the country's name and code
## (validate-country-label below) or, for a code that is no country, the code in quotes
validate-iban-empty = the IBAN is empty
validate-iban-characters = an IBAN has only letters and digits (found { $character })
validate-iban-country = an IBAN starts with a two-letter country code, like ES
validate-iban-check-position = an IBAN has two check digits after the country code
validate-iban-not-used = { $country } does not use IBANs (it is not in the IBAN registry)
validate-iban-length = an IBAN from { $country } has { $length } characters (got { $got })
validate-iban-checksum = the IBAN check digits do not match: a character is probably mistyped
validate-iban-account = the account number does not follow the IBAN format of { $country }
validate-iban-invalid = this is not a valid IBAN
validate-bic-empty = the BIC is empty
validate-bic-characters = a BIC has only letters and digits (found { $character })
validate-bic-length = a BIC has 8 or 11 characters (got { $got })
validate-bic-bank = a BIC starts with four letters for the bank (got { $bank })
validate-bic-country = characters 5 and 6 of a BIC are a country code, and { $country } is not one

## A country named as in "Spain (ES)" (src/validate/formats/codes.rs): $country_name is its name
## (country-<code>, countries.ftl), $country_code its code; "the" before the names that take it
## in the core's sentences
validate-country-label = { $country_code ->
        [AE] the { $country_name }
        [AX] the { $country_name }
        [BQ] the { $country_name }
        [BS] the { $country_name }
        [CC] the { $country_name }
        [CD] the { $country_name }
        [CF] the { $country_name }
        [CK] the { $country_name }
        [DO] the { $country_name }
        [FK] the { $country_name }
        [FO] the { $country_name }
        [GB] the { $country_name }
        [GM] the { $country_name }
        [GS] the { $country_name }
        [HM] the { $country_name }
        [KM] the { $country_name }
        [KY] the { $country_name }
        [MH] the { $country_name }
        [MP] the { $country_name }
        [MV] the { $country_name }
        [NL] the { $country_name }
        [PH] the { $country_name }
        [PN] the { $country_name }
        [SB] the { $country_name }
        [SC] the { $country_name }
        [TC] the { $country_name }
        [UM] the { $country_name }
        [US] the { $country_name }
        [VG] the { $country_name }
        [VI] the { $country_name }
       *[other] { $country_name }
    } ({ $country_code })

## Phone numbers (src/validate/formats/phone.rs)
validate-phone-empty = the phone number is empty
validate-phone-characters = a phone number has only digits, spaces, dots, hyphens, parentheses and a leading + (found { $character })
validate-phone-no-digits = a phone number needs digits
validate-phone-code-zero = the country calling code after + cannot start with 0
validate-phone-international-length = an international number has { $min } to { $max } digits counting the country code (got { $got })
validate-phone-prefix-needed = start the number with + and the country calling code, like +34 for Spain
validate-phone-prefix-needed-country = start the number with + and the country calling code (numbers from { $country } are not recognised without it)
validate-phone-length = { $plan } has { $digits } digits after +{ $code } (got { $got })
validate-phone-length-range = { $plan } has { $min } to { $max } digits after +{ $code } (got { $got })
validate-phone-nanp = in a North American number the area code and the next three digits start with 2 to 9
validate-phone-plan-es = a Spanish number
validate-phone-plan-pt = a Portuguese number
validate-phone-plan-fr = a French number
validate-phone-plan-de = a German number
validate-phone-plan-it = an Italian number
validate-phone-plan-gb = a British number
validate-phone-plan-ie = an Irish number
validate-phone-plan-nl = a Dutch number
validate-phone-plan-be = a Belgian number
validate-phone-plan-lu = a Luxembourg number
validate-phone-plan-at = an Austrian number
validate-phone-plan-ch = a Swiss number
validate-phone-plan-no = a Norwegian number
validate-phone-plan-se = a Swedish number
validate-phone-plan-dk = a Danish number
validate-phone-plan-fi = a Finnish number
validate-phone-plan-pl = a Polish number
validate-phone-plan-cz = a Czech number
validate-phone-plan-sk = a Slovak number
validate-phone-plan-hu = a Hungarian number
validate-phone-plan-ro = a Romanian number
validate-phone-plan-bg = a Bulgarian number
validate-phone-plan-gr = a Greek number
validate-phone-plan-hr = a Croatian number
validate-phone-plan-si = a Slovenian number
validate-phone-plan-ee = an Estonian number
validate-phone-plan-lv = a Latvian number
validate-phone-plan-lt = a Lithuanian number
validate-phone-plan-cy = a Cypriot number
validate-phone-plan-mt = a Maltese number
validate-phone-plan-nanp = a North American number
validate-phone-plan-mx = a Mexican number
validate-phone-plan-ar = an Argentine number
validate-phone-plan-br = a Brazilian number
validate-phone-plan-cl = a Chilean number
validate-phone-plan-co = a Colombian number

## Postal codes (src/validate/formats/postal.rs)
validate-postal-empty = the postal code is empty
validate-postal-too-long = a postal code has at most { $max } characters (got { $got })
validate-postal-shape = a postal code in { $country } looks like { $example }
validate-postal-shape-either = a postal code in { $country } looks like { $example } or { $alternative }
validate-postal-es-province = postal codes in Spain start with a province number from 01 to 52 (got { $province })
validate-postal-nl-start = postal codes in the Netherlands start at 1000
validate-postal-nl-letters = { $letters } is not used as the letters of a Dutch postal code
validate-postal-start-1000 = postal codes in { $country } start at 1000
validate-postal-ca-letters = Canadian postal codes never use the letters D, F, I, O, Q or U
validate-postal-ca-start = Canadian postal codes never start with W or Z
validate-postal-gb-unit = the last two letters of a UK postcode never include C, I, K, M, O or V (got { $unit })
validate-postal-ie-routing = { $routing } is not an Eircode routing key
validate-postal-ie-letter = Eircodes never use the letter { $letter }

## The countries inside the postal code messages ($country)
validate-postal-country-es = Spain
validate-postal-country-pt = Portugal
validate-postal-country-fr = France
validate-postal-country-de = Germany
validate-postal-country-it = Italy
validate-postal-country-gb = the United Kingdom
validate-postal-country-ie = Ireland
validate-postal-country-nl = the Netherlands
validate-postal-country-be = Belgium
validate-postal-country-lu = Luxembourg
validate-postal-country-at = Austria
validate-postal-country-ch = Switzerland
validate-postal-country-no = Norway
validate-postal-country-se = Sweden
validate-postal-country-dk = Denmark
validate-postal-country-fi = Finland
validate-postal-country-pl = Poland
validate-postal-country-cz = Czechia
validate-postal-country-sk = Slovakia
validate-postal-country-hu = Hungary
validate-postal-country-ro = Romania
validate-postal-country-bg = Bulgaria
validate-postal-country-gr = Greece
validate-postal-country-hr = Croatia
validate-postal-country-si = Slovenia
validate-postal-country-ee = Estonia
validate-postal-country-lv = Latvia
validate-postal-country-lt = Lithuania
validate-postal-country-cy = Cyprus
validate-postal-country-mt = Malta
validate-postal-country-us = the United States
validate-postal-country-ca = Canada
validate-postal-country-mx = Mexico
validate-postal-country-ar = Argentina
validate-postal-country-br = Brazil
validate-postal-country-cl = Chile
validate-postal-country-co = Colombia

## Invoices, payments and purchase orders (src/model/finance.rs)
validate-invoice-direction = Direction: choose issued or received
validate-invoice-number-required = Invoice number is required
validate-date-required = { $date ->
        [issue] Issue date
        [due] Due date
        [payment] Payment date
       *[order] Order date
    } is required
validate-date-invalid = { $date ->
        [issue] Issue date
        [due] Due date
        [payment] Payment date
       *[order] Order date
    }: enter a real date as YYYY-MM-DD
validate-due-before-issue = Due date cannot be before the issue date
validate-currency-required = Currency is required
validate-currency-unknown = Currency: { $code } is not an ISO 4217 currency code such as EUR
validate-amount-required = Amount is required
validate-amount-zero = Amount: enter an amount greater than zero
validate-amount = Amount: { $problem }
validate-allocation-amount-required = Allocation { $index } is required
validate-allocation-amount-zero = Allocation { $index }: enter an amount greater than zero
validate-allocation-amount = Allocation { $index }: { $problem }
validate-amount-currency = { $currency } is not an ISO 4217 currency code
validate-amount-empty = enter an amount
validate-amount-negative = enter a positive amount
validate-amount-not-number = enter a number such as 1234.56
validate-amount-separators = use one decimal separator
validate-amount-fraction-empty = enter digits after the decimal separator
validate-amount-decimals = { $decimals ->
        [0] { $currency } amounts have no decimals
        [one] { $currency } amounts have at most 1 decimal
       *[other] { $currency } amounts have at most { $decimals } decimals
    }
validate-amount-groups = thousands must come in groups of three digits, e.g. 1.234.567,89
validate-amount-too-large = the amount is too large
validate-payment-method-choose = Payment method: choose one of the list
validate-allocation-invoice = Allocation { $index }: choose an invoice of this partner
validate-allocation-cancelled = Allocation { $index }: invoice { $invoice } is cancelled
validate-allocation-twice = Allocation { $index }: invoice { $invoice } is allocated twice; use one row per invoice
validate-allocation-direction = Allocation { $index }: invoice { $invoice }: one payment cannot settle both issued and received invoices
validate-allocation-currency = Allocation { $index }: invoice { $invoice } is in { $invoice_currency }, the payment in { $currency }
validate-allocation-over-open = Allocation { $index }: { $amount } { $currency } is more than the { $open } { $currency } still open on invoice { $invoice }
validate-allocations-over = Allocations: { $allocated } { $currency } allocated is more than the payment of { $amount } { $currency }
validate-order-number-required = Order number is required
validate-order-status = Status: choose draft, sent, received or cancelled

## Importing partners (src/report/partner_import.rs); $error is the row's problem
validate-import-row = { $row ->
        [partner] Partner
       *[line] Line
    } { $line }: { $error }
validate-import-row-column = { $row ->
        [partner] Partner
       *[line] Line
    } { $line }, column "{ $column }": { $error }
validate-import-field-count = expected { $expected } fields as in the header (line { $header }), found { $found }
validate-import-quote-unclosed = a quoted field is never closed; add the closing " or remove the opening one
validate-import-quote-text-after = text after the closing quote of a field (or a quote never closed); quote the whole field and double the quotes inside it
validate-import-kind = unknown kind { $value }; use client, supplier or both
validate-import-flag = { $value } is neither yes nor no (use 1/0, true/false, yes/no)
validate-import-payment-method = unknown payment method { $value }; use bank transfer, direct debit, card, cash, cheque or nothing
validate-import-not-object = not a partner object: { $reason }
