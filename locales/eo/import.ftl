# Importi partnerojn el dosiero kaj eksporti la registron, en Esperanto (ui/import.rs).

## La ekrano
import-back = ← Partneroj
import-title = Importi kaj eksporti partnerojn

## Legi dosieron
import-heading = Importi
import-help = CSV el kalkultabelo aŭ el ERP (Excel, LibreOffice, Odoo, Dolibarr, ERPNext) aŭ JSON-eksporto de Partnero. Nenio estas konservata antaŭ ol vi premas Importi; unue listiĝas la vicoj kun eraroj kaj la verŝajnaj duoblaĵoj.
# $reason: kial ĉi tiu aparato ne rajtas ŝanĝi la registron.
import-refused = { $reason }. Vi povas kontroli dosieron, sed ne importi ĝin.
import-file = Dosiero (CSV, TSV, TXT aŭ JSON)
import-reading-label = Legado de la dosiero
import-reading = Legado kaj kontrolado de la dosiero…
# $problem: la priskribo de la problemo de la retumilo.
import-unreadable = Ne eblis legi la dosieron: { $problem }
# $problem: unu el la mesaĝoj validate-import-file-* sube.
import-cannot-import = Ĉi tiu dosiero ne estas importebla: { $problem }
import-choose-mapping = Unue elektu, kion enhavas ĉiu kolumno.
# $encoding: „UTF-8“, „Windows-1252“…
import-read-json = Legita kiel { $encoding }; ĝi estas JSON-eksporto de Partnero.
# $delimiter: „';'“ aŭ la nomo de la taba signo; $rows: import-rows.
import-read-csv = Legita kiel { $encoding }, apartigilo { $delimiter }, { $rows } sub la kaplinio, kiu estas sur linio { $line }.
import-rows = { $count ->
    [one] 1 vico
   *[other] { $shown } vicoj
    }
import-delimiter-tab = tabo
import-preamble-skipped = { $count ->
    [one] Unu linio super la kaplinio estis preterlasita.
   *[other] { $shown } linioj super la kaplinio estis preterlasitaj.
    }
import-lossy = Kelkaj bajtoj ne estis legeblaj kaj aperas kiel �.

## Kio malĝustas en la dosiero kiel tuto (src/report/partner_import.rs), en
## import-cannot-import. $shown: $count kiel la lingvo skribas nombrojn („50 000“).
validate-import-file-too-big = la dosiero havas { $size } MB; eblas importi dosierojn ĝis { $max } MB, do dividu ĝin en pli malgrandajn dosierojn
validate-import-file-over = la dosiero havas pli ol { $max } MB; dividu ĝin en pli malgrandajn dosierojn
validate-import-file-empty = la dosiero estas malplena; la unua linio devas nomi la kolumnojn
validate-import-file-rows = la dosiero havas pli ol { $count ->
        [one] { $shown } vicon
       *[other] { $shown } vicojn
    }; dividu ĝin en dosierojn de maksimume { $count ->
        [one] { $shown } vico
       *[other] { $shown } vicoj
    }
validate-import-file-not-json = ne estas dosiero de partneroj de Partnero (JSON kun "format": "{ $format }"): { $reason }
validate-import-file-format = atendiĝis "format": "{ $format }", sed troviĝis { $found }
validate-import-file-version = la versio { $version } ne estas subtenata; ĉi tiu aplikaĵo legas la version { $supported }
validate-import-file-partners = la dosiero havas pli ol { $count ->
        [one] { $shown } partneron
       *[other] { $shown } partnerojn
    }; dividu ĝin

## La kolumnoj
import-columns = Kolumnoj
import-column-header = Kolumno en la dosiero (ekzemploj)
import-imported-into = Importata en
import-column-number = Kolumno { $number }
import-column-empty = (malplena)
import-column-field = Kampo por la kolumno { $column }
import-ignore = — ignori —
import-default-kind = Speco de vicoj, kiuj ne indikas ĝin
import-default-country = Lando de vicoj, kiuj ne indikas ĝin
import-no-country = — neniu —
import-check = Kontroli la vicojn
import-stale = La kolumna asigno ŝanĝiĝis: premu Kontroli la vicojn por vidi, kion ĝi faras.

## Kion kolumno povas plenigi
import-target-external-id = Ekstera identigilo (trovas duoblaĵojn, ne konservata)
import-target-kind = Speco (kliento, provizanto, ambaŭ)
import-target-is-client = Estas kliento (jes/ne)
import-target-is-supplier = Estas provizanto (jes/ne)
import-target-legal-name = Oficiala nomo
import-target-trade-name = Komerca nomo
import-target-tax-country = Lando de la imposta numero
import-target-tax-number = Imposta numero (numero aŭ VAT)
# $part: unu el la mesaĝoj import-part-*.
import-target-address = Adreso { $number }: { $part }
import-target-contact = Kontakto { $number }: { $part }
import-target-bank = Bankkonto { $number }: { $part }
import-target-emails = Retpoŝtadresoj
import-target-phones = Telefonoj
import-target-website = Retejo
import-target-payment-days = Pagotempo (tagoj)
import-target-payment-method = Pagmaniero
import-target-industry = Branĉo (libera teksto)
import-target-region = Regiono (libera teksto)
import-target-industry-term = Branĉo (el la listo)
import-target-region-term = Regiono (el la listo)
import-target-categories = Kategorioj
import-target-tags = Etikedoj
import-target-notes = Notoj
import-target-custom = Propra: { $name }
import-part-kind = tipo
import-part-street = strato
import-part-street2 = strato, dua linio
import-part-city = urbo
import-part-postal-code = poŝtkodo
import-part-region = provinco aŭ ŝtato
import-part-country = lando
import-part-name = nomo
import-part-role = funkcio
import-part-email = retpoŝtadreso
import-part-phone = telefono
import-part-holder = posedanto

## Kion la importo faros
import-plan-heading = Kion la importo faros
import-plan-no-rows = La dosiero havas neniun vicon por importi.
# $ready, $duplicates kaj $rows: import-plan-ready, import-plan-duplicates, import-plan-rows.
import-plan-summary = { $ready }, { $duplicates }, { $invalid } kun eraroj (el { $rows }).
import-plan-ready = { $count ->
    [one] { $shown } preta
   *[other] { $shown } pretaj
    }
import-plan-duplicates = { $count ->
    [one] { $shown } verŝajna duoblaĵo
   *[other] { $shown } verŝajnaj duoblaĵoj
    }
import-plan-rows = { $count ->
    [one] { $shown } vico
   *[other] { $shown } vicoj
    }
import-invalid-heading = Vicoj kun eraroj ({ $count }), ne importataj
import-duplicates-heading = Verŝajnaj duoblaĵoj ({ $count }), preterlasataj krom se vi elektas ilin
import-line = Linio { $line }
import-line-name = Linio { $line }: { $name }
# $reason: la vortoj de la kerno, ekz. „same tax id“.
import-duplicate-existing = Verŝajne jam registrita kiel { $name } ({ $reason })
import-duplicate-line = Verŝajne la sama partnero kiel linio { $line } ({ $reason })
import-open-it = Malfermi ĝin
import-anyway = Tamen importi
import-run = { $count ->
    [one] Importi 1 partneron
   *[other] Importi { $shown } partnerojn
    }
import-progress-label = Importitaj partneroj
import-progress = Importado: { $done } el { $total }

## Post importo
import-report-heading = Raporto de la importo
import-result = { $count ->
    [one] 1 partnero importita.
   *[other] { $shown } partneroj importitaj.
    }
import-result-skipped = { $count ->
    [one] 1 vico ne estis importita (sube).
   *[other] { $shown } vicoj ne estis importitaj (sube).
    }
# $error: kial la konservado haltis, per la vortoj de la registro.
import-stopped = La importo haltis post { $imported } el { $planned } partneroj: { $error }
import-nothing-imported = Nenio estis importita.
# $lines: liniaj numeroj kaj intervaloj, „2–201, 205“.
import-imported-lines = Importitaj: linioj { $lines }.
import-missing-lines = Ne importitaj: linioj { $lines }. Importu la saman dosieron denove por aldoni ilin; la jam importitaj vicoj aperos kiel duoblaĵoj.
import-not-imported = Ne importitaj
import-download-skipped = Elŝuti la preterlasitajn vicojn (CSV)
import-download-skipped-help = La vicoj kiel ili estis, kun erara kolumno: korektu ilin en kalkultabelo kaj importu la dosieron denove.
import-save-failed = Ne eblis konservi la dosieron: { $problem }

## Eksporti
import-export-heading = Eksporti
import-export-help = CSV kaj JSON enhavas ĉiujn kampojn, ankaŭ de arĥivitaj partneroj (kun ilia stato), kaj estas reimporteblaj en Partneron. La vCard-dosiero enhavas la kontaktojn, por adresaro.
import-export-all = Eksporti ĉiujn partnerojn ({ $count })
import-export-filtered = Eksporti la nunan serĉon ({ $count })
import-export-search = Eksporti la nunan serĉon: „{ $query }“ ({ $count })
import-export-vcard = Kontaktoj kiel vCard
import-export-saved = { $count ->
    [one] { $name } konservita: { $shown } partnero.
   *[other] { $name } konservita: { $shown } partneroj.
    }
import-export-failed = Ne eblis konservi la eksporton: { $problem }
