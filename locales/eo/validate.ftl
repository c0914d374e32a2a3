# La validigaj eraroj de Partnero en Esperanto (src/validate, la financaj formularoj de
# src/model/finance.rs kaj la kadro de importitaj vicoj de src/report/partner_import.rs). Variablo,
# kies valoro estas `@` kaj ŝlosilo, estas tiu mesaĝo, tradukita antaŭe (vidu `FieldError` en
# src/validate/mod.rs): `$problem` estas tio, kio malĝustas en la valoro ene de la kadro de kampo.

## La partnera formularo (src/validate/mod.rs)
validate-kind-choose = Speco: elektu klienton, provizanton aŭ ambaŭ
validate-legal-name-required = La oficiala nomo estas deviga
validate-tax-country-code = Lando de la imposta numero: uzu duliteran landokodon, ekzemple ES
validate-tax-country-required = La lando de la imposta numero estas deviga, kiam oni donas impostan numeron
validate-tax-id = Imposta numero: { $problem }
validate-address-kind = Adreso { $index }: elektu fakturadon, sendadon aŭ alian
validate-address-city-required = Adreso { $index }: la urbo estas deviga
validate-address-country-required = Adreso { $index }: la lando estas deviga
validate-address-country-code = Adreso { $index }: la lando devas esti dulitera kodo, ekzemple ES
validate-address-postal-code = Adreso { $index }: poŝtkodo: { $problem }
validate-contact-name-required = Kontakto { $index }: la nomo estas deviga
validate-contact-email = Kontakto { $index }: retpoŝtadreso: { $problem }
validate-contact-phone = Kontakto { $index }: telefono: { $problem }
validate-emails-line = Retpoŝtadreso { $index } ({ $typed }): { $problem }
validate-phones-line = Telefono { $index } ({ $typed }): { $problem }
validate-website = Retejo: { $problem }
validate-payment-days = La pagotempo devas esti entjera nombro de tagoj de 0 ĝis { $max }
validate-payment-method = Pagmaniero: elektu unu el la listo
validate-bank-iban-required = Bankkonto { $index }: la IBAN estas deviga
validate-bank-iban = Bankkonto { $index }: IBAN: { $problem }
validate-bank-bic = Bankkonto { $index }: BIC: { $problem }

## Kion la laborspaco postulas de speco de partneroj (Agordoj)
validate-required-tax-id = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi impostan numeron en ĉi tiu laborspaco (vidu Agordojn)
validate-required-email = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi retpoŝtadreson en ĉi tiu laborspaco (vidu Agordojn)
validate-required-phone = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi telefonnumeron en ĉi tiu laborspaco (vidu Agordojn)
validate-required-address = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi adreson en ĉi tiu laborspaco (vidu Agordojn)
validate-required-contact = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi kontakton en ĉi tiu laborspaco (vidu Agordojn)
validate-required-bank-account = { $kind ->
        [client] Klientoj devas
        [supplier] Provizantoj devas
       *[both] Klientoj kaj provizantoj devas
    } havi bankkonton en ĉi tiu laborspaco (vidu Agordojn)
validate-term-unknown = { $list ->
        [categories] Kategorioj
        [industries] Branĉoj
        [regions] Regionoj
       *[tags] Etikedoj
    }: { $id } ne estas en la listo de la laborspaco (vidu Agordojn)

## Propraj kampoj (src/validate/custom.rs); $label estas la nomo de la kampo, kiel la laborspaco skribis ĝin
validate-custom-required = { $label }: ĉi tiu kampo estas deviga
validate-custom-number = { $label }: skribu nombron
validate-custom-date = { $label }: skribu daton en la formo JJJJ-MM-TT
validate-custom-yes-no = { $label }: respondu jes aŭ ne
validate-custom-no-choices = { $label }: ĉi tiu kampo ankoraŭ ne havas elekteblojn (vidu Agordojn)
validate-custom-choose = { $label }: elektu unu el { $choices }
validate-custom-value = { $label }: { $problem }

## Impostaj numeroj (src/validate/tax_id.rs)
validate-tax-id-empty = la imposta numero estas malplena
validate-tax-id-no-country = elektu la landon, kiu eldonis la impostan numeron
validate-tax-id-unknown-country = ne ekzistas regulo pri impostaj numeroj por la lando { $country }
validate-tax-id-format = { $expected }
validate-tax-format-es-dni = hispana NIF (DNI) havas 8 ciferojn kaj kontrolliteron, ekz. 12345678Z
validate-tax-format-es-nie = hispana NIE havas X, Y aŭ Z, 7 ciferojn kaj kontrolliteron, ekz. X2482300W
validate-tax-format-es-klm = hispana NIF por personoj sen DNI havas K, L aŭ M, 7 ciferojn kaj kontrolliteron, ekz. M1234567L
validate-tax-format-es-cif = hispana CIF havas literon, 7 ciferojn kaj kontrolsignon, ekz. B12345674
validate-tax-format-es = hispana imposta numero estas NIF (8 ciferoj kaj litero, ekz. 12345678Z), NIE (X, Y aŭ Z, 7 ciferoj kaj litero) aŭ CIF (litero, 7 ciferoj kaj kontrolsigno, ekz. B12345674)
validate-tax-format-us = usona EIN havas 9 ciferojn, skribitajn NN-NNNNNNN, ekz. 04-2103594
validate-tax-format-mx = meksika RFC havas 3 literojn (firmaoj) aŭ 4 literojn (personoj), daton JJMMTT kaj 3 signojn, ekz. MAB9307148T4 aŭ GODE561231GR8
validate-tax-format-ar = argentina CUIT havas 11 ciferojn, skribitajn NN-NNNNNNNN-N, ekz. 20-26756539-3
validate-tax-format-br = brazila CNPJ havas 14 signojn (ekz. 16.727.230/0001-97) kaj CPF 11 ciferojn (ekz. 390.533.447-05)
validate-tax-format-cl = ĉilia RUT havas 7 aŭ 8 ciferojn kaj kontrolciferon aŭ K, ekz. 76.086.428-5
validate-tax-format-co = kolombia NIT havas 7 ĝis 15 ciferojn kaj kontrolciferon, ekz. 890.903.938-8
validate-tax-format-at = aŭstra AVI-numero (UID) estas U kaj 8 ciferoj, ekz. ATU13585627
validate-tax-format-be = belga AVI-numero (entreprena numero) havas 10 ciferojn kaj komenciĝas per 0 aŭ 1, ekz. BE0403019261
validate-tax-format-bg = bulgara AVI-numero havas 9 ciferojn (juraj personoj) aŭ 10 ciferojn (fizikaj personoj), ekz. BG175074752
validate-tax-format-cy = kipra AVI-numero havas 8 ciferojn kaj kontrolliteron, ekz. CY10259033P
validate-tax-format-cz = ĉeĥa AVI-numero (DIČ) havas 8 ciferojn (juraj personoj) aŭ 9 ĝis 10 ciferojn (fizikaj personoj, ilia naskiĝnumero), ekz. CZ25123891
validate-tax-format-de = germana AVI-numero (USt-IdNr.) havas 9 ciferojn kaj ne komenciĝas per 0, ekz. DE136695976
validate-tax-format-dk = dana AVI-numero (CVR) havas 8 ciferojn kaj ne komenciĝas per 0, ekz. DK13585628
validate-tax-format-ee = estona AVI-numero (KMKR) havas 9 ciferojn, ekz. EE100931558
validate-tax-format-gr = greka AVI-numero (ΑΦΜ) havas 9 ciferojn, ekz. EL094259216
validate-tax-format-fi = finna AVI-numero (ALV) havas 8 ciferojn, la Business ID sen ĝia streketo, ekz. FI20774740
validate-tax-format-fr = franca AVI-numero (n° TVA) havas 2-signan ŝlosilon kaj la 9-ciferan SIREN, ekz. FR40303265045
validate-tax-format-hr = kroata AVI-numero (OIB) havas 11 ciferojn, ekz. HR33392005961
validate-tax-format-hu = hungara AVI-numero (ANUM) havas 8 ciferojn, ekz. HU12892312
validate-tax-format-ie = irlanda AVI-numero havas 7 ciferojn kaj 1 aŭ 2 literojn (ekz. IE6433435F aŭ IE3628739UA) aŭ, laŭ la malnova formo, ciferon, literon, 5 ciferojn kaj literon (ekz. IE8D79739I)
validate-tax-format-it = itala AVI-numero (partita IVA) havas 11 ciferojn, ekz. IT00743110157
validate-tax-format-lt = litova AVI-numero (PVM) havas 9 ciferojn kun 1 en la oka loko, aŭ 12 ciferojn kun 1 en la dek-unua loko, ekz. LT119511515
validate-tax-format-lu = luksemburga AVI-numero havas 8 ciferojn, ekz. LU15027442
validate-tax-format-lv = latva AVI-numero (PVN) havas 11 ciferojn, ekz. LV40003521600
validate-tax-format-mt = malta AVI-numero havas 8 ciferojn kaj ne komenciĝas per 0, ekz. MT11679112
validate-tax-format-nl = nederlanda AVI-numero havas 9 ciferojn, B kaj 2 ciferojn, ekz. NL004495445B01
validate-tax-format-pl = pola AVI-numero (NIP) havas 10 ciferojn, ekz. PL8567346215
validate-tax-format-pt = portugala AVI-numero (NIF) havas 9 ciferojn kaj ne komenciĝas per 0, ekz. PT501964843
validate-tax-format-ro = rumana AVI-numero havas 2 ĝis 10 ciferojn (CUI, ekz. RO18547290) aŭ 13 ciferojn (la CNP de persono)
validate-tax-format-se = sveda AVI-numero havas 12 ciferojn, la 10-ciferan organizan numeron kaj 01, ekz. SE556012579001
validate-tax-format-si = slovena AVI-numero (ID za DDV) havas 8 ciferojn kaj ne komenciĝas per 0, ekz. SI50223054
validate-tax-format-sk = slovaka AVI-numero (IČ DPH) havas 10 ciferojn, ekz. SK2022749619
validate-tax-format-gb = brita AVI-numero havas 9 ciferojn (12 kun filio), ekz. GB980780684, aŭ GD/HA kaj 3 ciferojn; UTR havas 10 ciferojn
validate-tax-format-ch = svisa UID estas CHE kaj 9 ciferoj, ekz. CHE-100.155.212
validate-tax-format-no = norvega organiza numero havas 9 ciferojn, ekz. 988 077 917 (aŭ NO988077917MVA)
validate-tax-id-check = { $part ->
        [digits] la kontrolciferoj de la { $name } estas malĝustaj
        [letter] la kontrollitero de la { $name } estas malĝusta
        [control] la kontrolsigno de la { $name } estas malĝusta
        [key] la ŝlosilo de la { $name } estas malĝusta
        [first-digit] la kontrolcifero (la unua cifero) de la { $name } estas malĝusta
       *[digit] la kontrolcifero de la { $name } estas malĝusta
    }
validate-tax-id-check-expected = { $part ->
        [digits] la kontrolciferoj de la { $name } estas malĝustaj (atendiĝis { $expected })
        [letter] la kontrollitero de la { $name } estas malĝusta (atendiĝis { $expected })
        [control] la kontrolsigno de la { $name } estas malĝusta (atendiĝis { $expected })
        [key] la ŝlosilo de la { $name } estas malĝusta (atendiĝis { $expected })
        [first-digit] la kontrolcifero (la unua cifero) de la { $name } estas malĝusta (atendiĝis { $expected })
       *[digit] la kontrolcifero de la { $name } estas malĝusta (atendiĝis { $expected })
    }
validate-tax-id-check-either = { $part ->
        [digits] la kontrolciferoj de la { $name } estas malĝustaj (atendiĝis { $expected } aŭ { $alternative })
        [letter] la kontrollitero de la { $name } estas malĝusta (atendiĝis { $expected } aŭ { $alternative })
        [control] la kontrolsigno de la { $name } estas malĝusta (atendiĝis { $expected } aŭ { $alternative })
        [key] la ŝlosilo de la { $name } estas malĝusta (atendiĝis { $expected } aŭ { $alternative })
        [first-digit] la kontrolcifero (la unua cifero) de la { $name } estas malĝusta (atendiĝis { $expected } aŭ { $alternative })
       *[digit] la kontrolcifero de la { $name } estas malĝusta (atendiĝis { $expected } aŭ { $alternative })
    }
validate-tax-id-invalid = ĉi tio ne estas valida { $name }: { $reason }
validate-tax-invalid-us-prefix = ĉi tio ne estas valida usona EIN: la IRS ne atribuas la prefikson { $prefix }
validate-tax-invalid-mx-start = ĉi tio ne estas valida meksika RFC: la SAT neniam eldonas RFC, kiu komenciĝas per { $start }
validate-tax-invalid-mx-date = ĉi tio ne estas valida meksika RFC: la dato en ĝi ne ekzistas
validate-tax-invalid-mx-homoclave = ĉi tio ne estas valida meksika RFC: la homoclave (la lastaj 3 signoj) ne povas ekzisti
validate-tax-invalid-ar-type = ĉi tio ne estas valida argentina CUIT: { $type } ne estas speco de CUIT
validate-tax-invalid-br-cnpj-same = ĉi tio ne estas valida brazila CNPJ: ĉiuj ĝiaj ciferoj estas samaj
validate-tax-invalid-br-cpf-same = ĉi tio ne estas valida brazila CPF: ĉiuj ĝiaj ciferoj estas samaj
validate-tax-invalid-cy-12 = ĉi tio ne estas valida kipra AVI-numero: neniu numero komenciĝas per 12
validate-tax-invalid-cz-9 = ĉi tio ne estas valida ĉeĥa AVI-numero: neniu 8-cifera numero komenciĝas per 9
validate-tax-invalid-cz-birth-1953 = ĉi tio ne estas valida ĉeĥa naskiĝnumero: 9-ciferaj numeroj estis eldonataj nur ĝis 1953
validate-tax-invalid-sk-birth-1953 = ĉi tio ne estas valida slovaka naskiĝnumero: 9-ciferaj numeroj estis eldonataj nur ĝis 1953
validate-tax-invalid-cz-birth-date = ĉi tio ne estas valida ĉeĥa naskiĝnumero: la naskiĝdato en ĝi ne ekzistas
validate-tax-invalid-sk-birth-date = ĉi tio ne estas valida slovaka naskiĝnumero: la naskiĝdato en ĝi ne ekzistas
validate-tax-invalid-lv-date = ĉi tio ne estas valida latva persona kodo: la naskiĝdato en ĝi ne ekzistas
validate-tax-invalid-ro-date = ĉi tio ne estas valida rumana persona kodo (CNP): la naskiĝdato en ĝi ne ekzistas
validate-tax-invalid-ro-zero = ĉi tio ne estas valida rumana persona kodo (CNP): ĝi ne povas komenciĝi per 0
validate-tax-invalid-it-zeros = ĉi tio ne estas valida itala AVI-numero: la firmaonumero en ĝi konsistas nur el nuloj
validate-tax-invalid-it-office = ĉi tio ne estas valida itala AVI-numero: { $office } ne estas oficejkodo
validate-tax-invalid-gb-gd-ha = ĉi tio ne estas valida brita AVI-numero: GD-numeroj iras de 000 ĝis 499 kaj HA-numeroj de 500 ĝis 999

## Nomoj de impostaj numeroj en la mesaĝoj pri kontrolciferoj ($name, post «de»)
validate-tax-name-at = aŭstra AVI-numero
validate-tax-name-be = belga AVI-numero
validate-tax-name-bg = bulgara AVI-numero
validate-tax-name-cy = kipra AVI-numero
validate-tax-name-cz = ĉeĥa AVI-numero
validate-tax-name-cz-birth = ĉeĥa naskiĝnumero
validate-tax-name-de = germana AVI-numero
validate-tax-name-dk = dana AVI-numero
validate-tax-name-ee = estona AVI-numero
validate-tax-name-gr = greka AVI-numero
validate-tax-name-fi = finna AVI-numero
validate-tax-name-fr = franca AVI-numero
validate-tax-name-hr = kroata AVI-numero (OIB)
validate-tax-name-hu = hungara AVI-numero
validate-tax-name-ie = irlanda AVI-numero
validate-tax-name-it = itala AVI-numero
validate-tax-name-lt = litova AVI-numero
validate-tax-name-lu = luksemburga AVI-numero
validate-tax-name-lv = latva AVI-numero
validate-tax-name-mt = malta AVI-numero
validate-tax-name-nl = nederlanda AVI-numero
validate-tax-name-pl = pola AVI-numero
validate-tax-name-pt = portugala AVI-numero
validate-tax-name-ro = rumana AVI-numero (CUI)
validate-tax-name-ro-cnp = rumana CNP
validate-tax-name-se = sveda AVI-numero
validate-tax-name-si = slovena AVI-numero
validate-tax-name-sk = slovaka AVI-numero
validate-tax-name-sk-birth = slovaka naskiĝnumero
validate-tax-name-gb = brita AVI-numero
validate-tax-name-ch = svisa UID
validate-tax-name-no = norvega organiza numero

## Retpoŝtadresoj kaj retejoj (src/validate/formats/contact.rs)
validate-email-empty = la retpoŝtadreso estas malplena
validate-email-angle-brackets = donu nur la adreson, sen nomo aŭ angulaj krampoj
validate-email-spaces = retpoŝtadreso ne enhavas spacetojn
validate-email-domain-dot = la domajno post la @ bezonas punkton, ekzemple example.com
validate-email-domain-character = la domajno post la @ enhavas { $character }, kiu ne estas permesata tie
validate-email-no-at = retpoŝtadreso bezonas @ inter nomo kaj domajno
validate-email-no-name = retpoŝtadreso bezonas nomon antaŭ la @
validate-email-name-too-long = la parto antaŭ la @ estas pli longa ol 64 signoj
validate-email-no-domain = retpoŝtadreso bezonas domajnon post la @, ekzemple example.com
validate-email-domain-too-long = la domajno post la @ estas pli longa ol 254 signoj
validate-email-domain-dots = la domajno post la @ havas du punktojn sinsekve, aŭ punkton ĉe sia komenco aŭ fino
validate-email-domain-part-too-long = parto de la domajno estas pli longa ol 63 signoj
validate-email-quotes = la citiloj en la retpoŝtadreso ne estas ekvilibraj
validate-email-domain-ip = la domajno post la @ devas esti nomo, ne IP-adreso
validate-email-character = la retpoŝtadreso enhavas signon, kiu ne estas permesata tie
validate-url-empty = la retadreso estas malplena
validate-url-spaces = retadreso ne enhavas spacetojn
validate-url-control = la retadreso enhavas stirsignon
validate-url-too-long = retadreso havas maksimume { $max } signojn (ĉi tiu havas { $got })
validate-url-scheme = nur retadresoj http:// kaj https:// estas akceptataj (skribita: { $scheme })
validate-url-user = retadreso kun uzantnomo aŭ pasvorto (@) ne estas akceptata
validate-url-port = la pordo post la : devas esti nombro de 1 ĝis 65535 (skribita: { $port })
validate-url-no-domain = la retadreso ne havas domajnon, ekzemple example.com
validate-url-domain-dot = la domajno { $host } bezonas punkton, ekzemple example.com
validate-url-domain-dots = la domajno { $host } havas du punktojn sinsekve, aŭ punkton ĉe sia komenco aŭ fino
validate-url-domain-part-too-long = parto de la domajno { $host } estas pli longa ol 63 signoj
validate-url-domain-character = la domajno { $host } enhavas { $character }, kiu ne estas permesata en domajno
validate-url-domain-hyphen = parto de la domajno { $host } komenciĝas aŭ finiĝas per streketo
validate-url-domain-number = la domajno { $host } devas finiĝi per nomo kiel .com, ne per nombro

## IBAN kaj BIC (src/validate/formats/bank.rs); $country estas la nomo kaj kodo de la lando
## (validate-country-label, sube) aŭ, se la kodo ne estas lando, la kodo inter citiloj
validate-iban-empty = la IBAN estas malplena
validate-iban-characters = IBAN havas nur literojn kaj ciferojn (trovita: { $character })
validate-iban-country = IBAN komenciĝas per dulitera landokodo, ekzemple ES
validate-iban-check-position = IBAN havas du kontrolciferojn post la landokodo
validate-iban-not-used = { $country } ne uzas IBAN (ĝi ne estas en la IBAN-registro)
validate-iban-length = IBAN el { $country } havas { $length } signojn (ĉi tiu havas { $got })
validate-iban-checksum = la kontrolciferoj de la IBAN ne kongruas: verŝajne iu signo estas mistajpita
validate-iban-account = la kontonumero ne sekvas la IBAN-formon de { $country }
validate-iban-invalid = ĉi tio ne estas valida IBAN
validate-bic-empty = la BIC estas malplena
validate-bic-characters = BIC havas nur literojn kaj ciferojn (trovita: { $character })
validate-bic-length = BIC havas 8 aŭ 11 signojn (ĉi tiu havas { $got })
validate-bic-bank = BIC komenciĝas per kvar literoj por la banko (skribita: { $bank })
validate-bic-country = la signoj 5 kaj 6 de BIC estas landokodo, kaj { $country } ne estas landokodo

## Lando nomita kiel en «Hispanio (ES)» (src/validate/formats/codes.rs): $country_name estas ĝia
## nomo (country-<kodo>, countries.ftl), $country_code ĝia kodo; sen artikolo, do la elekto (tiu
## de la angla, kiu metas «the» antaŭ kelkaj nomoj) havas nur unu varianton
validate-country-label = { $country_code ->
       *[other] { $country_name }
    } ({ $country_code })

## Telefonnumeroj (src/validate/formats/phone.rs)
validate-phone-empty = la telefonnumero estas malplena
validate-phone-characters = telefonnumero havas nur ciferojn, spacetojn, punktojn, streketojn, krampojn kaj komencan + (trovita: { $character })
validate-phone-no-digits = telefonnumero bezonas ciferojn
validate-phone-code-zero = la landa telefonkodo post + ne povas komenciĝi per 0
validate-phone-international-length = internacia numero havas { $min } ĝis { $max } ciferojn kun la landa kodo (ĉi tiu havas { $got })
validate-phone-prefix-needed = komencu la numeron per + kaj la landa telefonkodo, ekzemple +34 por Hispanio
validate-phone-prefix-needed-country = komencu la numeron per + kaj la landa telefonkodo (numeroj el { $country } ne estas rekoneblaj sen ĝi)
validate-phone-length = { $plan } havas { $digits } ciferojn post +{ $code } (ĉi tiu havas { $got })
validate-phone-length-range = { $plan } havas { $min } ĝis { $max } ciferojn post +{ $code } (ĉi tiu havas { $got })
validate-phone-nanp = en nordamerika numero la regiona kodo kaj la sekvaj tri ciferoj komenciĝas per 2 ĝis 9
validate-phone-plan-es = hispana numero
validate-phone-plan-pt = portugala numero
validate-phone-plan-fr = franca numero
validate-phone-plan-de = germana numero
validate-phone-plan-it = itala numero
validate-phone-plan-gb = brita numero
validate-phone-plan-ie = irlanda numero
validate-phone-plan-nl = nederlanda numero
validate-phone-plan-be = belga numero
validate-phone-plan-lu = luksemburga numero
validate-phone-plan-at = aŭstra numero
validate-phone-plan-ch = svisa numero
validate-phone-plan-no = norvega numero
validate-phone-plan-se = sveda numero
validate-phone-plan-dk = dana numero
validate-phone-plan-fi = finna numero
validate-phone-plan-pl = pola numero
validate-phone-plan-cz = ĉeĥa numero
validate-phone-plan-sk = slovaka numero
validate-phone-plan-hu = hungara numero
validate-phone-plan-ro = rumana numero
validate-phone-plan-bg = bulgara numero
validate-phone-plan-gr = greka numero
validate-phone-plan-hr = kroata numero
validate-phone-plan-si = slovena numero
validate-phone-plan-ee = estona numero
validate-phone-plan-lv = latva numero
validate-phone-plan-lt = litova numero
validate-phone-plan-cy = kipra numero
validate-phone-plan-mt = malta numero
validate-phone-plan-nanp = nordamerika numero
validate-phone-plan-mx = meksika numero
validate-phone-plan-ar = argentina numero
validate-phone-plan-br = brazila numero
validate-phone-plan-cl = ĉilia numero
validate-phone-plan-co = kolombia numero

## Poŝtkodoj (src/validate/formats/postal.rs)
validate-postal-empty = la poŝtkodo estas malplena
validate-postal-too-long = poŝtkodo havas maksimume { $max } signojn (ĉi tiu havas { $got })
validate-postal-shape = poŝtkodo en { $country } aspektas kiel { $example }
validate-postal-shape-either = poŝtkodo en { $country } aspektas kiel { $example } aŭ { $alternative }
validate-postal-es-province = poŝtkodoj en Hispanio komenciĝas per provinca numero de 01 ĝis 52 (skribita: { $province })
validate-postal-nl-start = poŝtkodoj en Nederlando komenciĝas ĉe 1000
validate-postal-nl-letters = { $letters } ne estas uzata kiel la literoj de nederlanda poŝtkodo
validate-postal-start-1000 = poŝtkodoj en { $country } komenciĝas ĉe 1000
validate-postal-ca-letters = kanadaj poŝtkodoj neniam uzas la literojn D, F, I, O, Q aŭ U
validate-postal-ca-start = kanadaj poŝtkodoj neniam komenciĝas per W aŭ Z
validate-postal-gb-unit = la lastaj du literoj de brita poŝtkodo neniam estas C, I, K, M, O aŭ V (skribita: { $unit })
validate-postal-ie-routing = { $routing } ne estas Eircode-vojkodo
validate-postal-ie-letter = Eircode-oj neniam uzas la literon { $letter }

## La landoj en la mesaĝoj pri poŝtkodoj ($country, post «en»)
validate-postal-country-es = Hispanio
validate-postal-country-pt = Portugalio
validate-postal-country-fr = Francio
validate-postal-country-de = Germanio
validate-postal-country-it = Italio
validate-postal-country-gb = Britio
validate-postal-country-ie = Irlando
validate-postal-country-nl = Nederlando
validate-postal-country-be = Belgio
validate-postal-country-lu = Luksemburgio
validate-postal-country-at = Aŭstrio
validate-postal-country-ch = Svislando
validate-postal-country-no = Norvegio
validate-postal-country-se = Svedio
validate-postal-country-dk = Danio
validate-postal-country-fi = Finnlando
validate-postal-country-pl = Pollando
validate-postal-country-cz = Ĉeĥio
validate-postal-country-sk = Slovakio
validate-postal-country-hu = Hungario
validate-postal-country-ro = Rumanio
validate-postal-country-bg = Bulgario
validate-postal-country-gr = Grekio
validate-postal-country-hr = Kroatio
validate-postal-country-si = Slovenio
validate-postal-country-ee = Estonio
validate-postal-country-lv = Latvio
validate-postal-country-lt = Litovio
validate-postal-country-cy = Kipro
validate-postal-country-mt = Malto
validate-postal-country-us = Usono
validate-postal-country-ca = Kanado
validate-postal-country-mx = Meksiko
validate-postal-country-ar = Argentino
validate-postal-country-br = Brazilo
validate-postal-country-cl = Ĉilio
validate-postal-country-co = Kolombio

## Fakturoj, pagoj kaj aĉetmendoj (src/model/finance.rs)
validate-invoice-direction = Direkto: elektu elsenditan aŭ ricevitan
validate-invoice-number-required = La fakturnumero estas deviga
validate-date-required = { $date ->
        [issue] La elsenda dato
        [due] La pagodato
        [payment] La dato de la pago
       *[order] La dato de la mendo
    } estas deviga
validate-date-invalid = { $date ->
        [issue] Elsenda dato
        [due] Pagodato
        [payment] Dato de la pago
       *[order] Dato de la mendo
    }: skribu ekzistantan daton en la formo JJJJ-MM-TT
validate-due-before-issue = La pagodato ne povas esti antaŭ la elsenda dato
validate-currency-required = La valuto estas deviga
validate-currency-unknown = Valuto: { $code } ne estas ISO 4217-valutokodo kiel EUR
validate-amount-required = La sumo estas deviga
validate-amount-zero = Sumo: skribu sumon pli grandan ol nulo
validate-amount = Sumo: { $problem }
validate-allocation-amount-required = Asigno { $index }: la sumo estas deviga
validate-allocation-amount-zero = Asigno { $index }: skribu sumon pli grandan ol nulo
validate-allocation-amount = Asigno { $index }: { $problem }
validate-amount-currency = { $currency } ne estas ISO 4217-valutokodo
validate-amount-empty = skribu sumon
validate-amount-negative = skribu pozitivan sumon
validate-amount-not-number = skribu nombron kiel 1234,56
validate-amount-separators = uzu nur unu decimalan apartigilon
validate-amount-fraction-empty = skribu ciferojn post la decimala apartigilo
validate-amount-decimals = { $decimals ->
        [0] sumoj en { $currency } ne havas decimalojn
        [one] sumoj en { $currency } havas maksimume 1 decimalon
       *[other] sumoj en { $currency } havas maksimume { $decimals } decimalojn
    }
validate-amount-groups = miloj devas esti en grupoj de tri ciferoj, ekz. 1.234.567,89
validate-amount-too-large = la sumo estas tro granda
validate-payment-method-choose = Pagmaniero: elektu unu el la listo
validate-allocation-invoice = Asigno { $index }: elektu fakturon de ĉi tiu partnero
validate-allocation-cancelled = Asigno { $index }: la fakturo { $invoice } estas nuligita
validate-allocation-twice = Asigno { $index }: la fakturo { $invoice } estas asignita dufoje; uzu unu vicon por ĉiu fakturo
validate-allocation-direction = Asigno { $index }: fakturo { $invoice }: unu pago ne povas kvitigi samtempe elsenditajn kaj ricevitajn fakturojn
validate-allocation-currency = Asigno { $index }: la fakturo { $invoice } estas en { $invoice_currency }, la pago en { $currency }
validate-allocation-over-open = Asigno { $index }: { $amount } { $currency } estas pli ol la { $open } { $currency }, kiuj ankoraŭ estas nepagitaj de la fakturo { $invoice }
validate-allocations-over = Asignoj: la asignita sumo, { $allocated } { $currency }, superas la pagon de { $amount } { $currency }
validate-order-number-required = La mendonumero estas deviga
validate-order-status = Stato: elektu malneton, senditan, ricevitan aŭ nuligitan

## Importi partnerojn (src/report/partner_import.rs); $error estas la problemo de la vico
validate-import-row = { $row ->
        [partner] Partnero
       *[line] Linio
    } { $line }: { $error }
validate-import-row-column = { $row ->
        [partner] Partnero
       *[line] Linio
    } { $line }, kolumno „{ $column }“: { $error }
validate-import-field-count = atendiĝis { $expected } kampoj kiel en la kaplinio (linio { $header }), sed estas { $found }
validate-import-quote-unclosed = kampo inter citiloj neniam fermiĝas; aldonu la fermajn citilojn (") aŭ forigu la malfermajn
validate-import-quote-text-after = estas teksto post la fermaj citiloj de kampo (aŭ citiloj neniam fermiĝas); metu la tutan kampon inter citilojn kaj duobligu la citilojn en ĝi
validate-import-kind = nekonata speco { $value }; uzu kliento, liveranto aŭ ambaŭ
validate-import-flag = { $value } estas nek jes nek ne (uzu 1/0, true/false, jes/ne)
validate-import-payment-method = nekonata pagmaniero { $value }; uzu transigo, debeto, karto, kontante aŭ ĉeko, aŭ lasu la ĉelon malplena
validate-import-not-object = ne estas partnera objekto: { $reason }
