# La ekrano de agordoj de la laborspaco en Esperanto (ui/settings.rs, ui/settings_lists.rs, ui/settings_templates.rs).

## Reguloj kaj avertoj (ui/settings.rs)
settings-back = ← Partneroj
settings-title = Agordoj de la laborspaco
settings-device-link = Ĉi tiu aparato: konservejo, sekurkopio kaj restaŭro
settings-import-link = Importi kaj eksporti partnerojn: CSV, JSON, vCard
settings-read-only = { $reason }. Vi povas legi la agordojn.
settings-intro = Kion ĉiu slipo de kliento kaj de provizanto devas havi. Partnero, kiu estas samtempe kliento kaj provizanto, bezonas tion, kion iu ajn el ambaŭ bezonas. La formularoj rifuzas konservi slipon, al kiu mankas devigaj datumoj; la devigaj dokumentoj decidas la staton de kontrolo.
settings-clients = Klientoj
settings-suppliers = Provizantoj
settings-rule-tax-id = Imposta numero deviga
settings-rule-email = Retpoŝtadreso deviga
settings-rule-phone = Telefono deviga
settings-rule-address = Adreso deviga
settings-rule-contact = Kontaktpersono deviga
settings-rule-bank-account = Bankokonto deviga
settings-documents-required = Devigaj kontroldokumentoj (kontrolitaj kaj validaj):
settings-expiring = Eksvalidiĝantaj dokumentoj
settings-expiry-days = Marki dokumentojn, kiuj eksvalidiĝos ene de (tagoj)
settings-alerts = Avertoj (kalkulataj en ĉiu aparato, ankaŭ senkonekte)
settings-alert-due = Fakturo pagenda ene de (tagoj; malplena: neniam)
settings-alert-overdue = Fakturoj kun pasinta pagolimo
settings-alert-expiring = Kontroldokumento eksvalidiĝanta ene de (tagoj; malplena: neniam)
settings-alert-follow-ups = Memorigoj, kies tempo venis
settings-alert-missing = Partneroj, al kiuj mankas devigaj datumoj
settings-expiry-invalid = Averto pri eksvalidiĝo: entajpu entjeran nombron de tagoj de 0 ĝis 365
settings-due-invalid = Averto pri pagenda fakturo: entajpu entjeran nombron de tagoj de 0 ĝis 365, aŭ lasu ĝin malplena por neniam averti
settings-expiring-invalid = Averto pri eksvalidiĝanta dokumento: entajpu entjeran nombron de tagoj de 0 ĝis 365, aŭ lasu ĝin malplena por neniam averti
settings-saved = Agordoj konservitaj; ili validas en ĉiu aparato.
settings-not-saved = Ne konservita: { $reason }
settings-saving = Konservante…
settings-save = Konservi la agordojn
settings-lists = Kampoj kaj klasado

## Propraj kampoj, klasaj listoj kaj antaŭdifinitaj pagokondiĉoj (ui/settings_lists.rs)
settings-rename = Renomi
settings-add = Aldoni
settings-remove = Forigi
settings-custom-fields = Propraj kampoj
settings-custom-fields-help = Kromaj kampoj en la slipoj de partneroj. Renomado konservas la valorojn; arĥivado kaŝas la kampon en la formularoj, sed ĉiu konservita valoro restas videbla en la paĝoj de la partneroj.
settings-field-new = Nova kampo
settings-field-placeholder = ekz. Kodo de provizanto
settings-field-type = Tipo
settings-field-choices = Elektoj (apartigitaj per komoj)
settings-field-applies = Validas por
settings-field-required = Deviga
settings-field-add = Aldoni kampon
settings-field-added = Propra kampo aldonita.
settings-field-label-required = Propra kampo: la nomo estas deviga
settings-field-choices-required = Propra kampo: elektolisto bezonas siajn elektojn, apartigitajn per komoj
settings-field-duplicate = Propra kampo: jam ekzistas kampo nomata { $label }
settings-field-gone = tiu kampo ne plu ekzistas
settings-field-renamed = Kampo renomita; ĝiaj valoroj restas.
settings-field-restored = Kampo restaŭrita.
settings-field-archived = Kampo arĥivita; la konservitaj valoroj restas.
settings-field-order-saved = Ordo konservita.
settings-field-is-required = deviga
settings-field-is-archived = arĥivita
settings-field-label = Nomo de la kampo
settings-field-move-up = Supren
settings-field-move-up-title = Montri ĉi tiun kampon pli frue en la formularoj
settings-field-restore = Restaŭri
settings-field-archive = Arĥivi
settings-term-new = Nova ero en { $list }
settings-term-added = Aldonita.
settings-term-renamed = Renomita; la partneroj konservas ĝin.
settings-term-merged = Kunfandita; ĝiaj partneroj estis reasignitaj.
settings-term-deleted = Forigita; ĝi estis forprenita de siaj partneroj.
settings-term-moved = Movita.
settings-term-name = Nomo ({ $list })
settings-term-used = { $count ->
    [one] { $count } partnero
   *[other] { $count } partneroj
    }
settings-term-parent = Supera kategorio
settings-term-top-level = Supra nivelo
settings-term-under = Sub { $name }
settings-term-merge = Kunfandi en
settings-term-delete = Forigi (forpreni de la partneroj)
settings-term-merge-into = Kunfandi en { $name }
settings-term-apply = Apliki
settings-presets = Antaŭdifinitaj pagokondiĉoj
settings-preset-days = { $days ->
    [one] { $days } tago
   *[other] { $days } tagoj
    }
settings-preset-new = Nova pagokondiĉo
settings-preset-placeholder = ekz. 60 tagoj, ĝiro
settings-preset-days-label = Tagoj
settings-preset-method = Pagmaniero
settings-preset-add = Aldoni pagokondiĉon
settings-preset-added = Pagokondiĉo aldonita.
settings-preset-removed = Pagokondiĉo forigita.
settings-preset-days-invalid = Pagokondiĉo: la tagoj devas esti entjera nombro de 0 ĝis 365
settings-preset-label-required = Pagokondiĉo: la nomo estas deviga

## Ŝablonoj de mesaĝoj (ui/settings_templates.rs)
settings-templates = Ŝablonoj de mesaĝoj
settings-templates-help = Anstataŭiloj: { $placeholders }. Mesaĝo malfermita el la paĝo de partnero havas ilin jam plenigitaj.
settings-template-new = Nova ŝablono
settings-template-name = Nomo
settings-template-language = Lingvo
settings-template-language-help = Sumoj kaj datoj pleniĝas tiel, kiel ĉi tiu lingvo skribas ilin.
settings-template-subject = Temo
settings-template-text = Teksto
settings-template-save = Konservi la ŝablonon
settings-template-add = Aldoni la ŝablonon
settings-template-delete = Forigi
settings-template-saved = Ŝablono konservita.
settings-template-deleted = Ŝablono forigita.
settings-template-name-required = Ŝablono: la nomo estas deviga
settings-template-text-required = Ŝablono: la teksto estas deviga
