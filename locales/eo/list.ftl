# La listo de partneroj, la avertoj, la kunfandado de duoblaĵoj kaj la akcepto de invitoj, en Esperanto (ui/list.rs, ui/alerts.rs, ui/merge.rs, ui/invite.rs).

## La listo de partneroj (ui/list.rs)
list-title = Partneroj
list-register = Registri partneron
list-import-export = Importi aŭ eksporti
list-empty-title = Ankoraŭ neniuj partneroj
list-empty-text = Registru vian unuan klienton aŭ provizanton. Ĉio estas konservata en ĉi tiu aparato, do ĝi funkcias ankaŭ sen konekto.
list-empty-register = Registri vian unuan partneron
list-search-label = Serĉi partnerojn
list-search-placeholder = Serĉu nomon, impostan numeron, urbon, retpoŝtadreson, telefonon…
list-kind = Speco
list-kind-all = Klientoj kaj provizantoj
list-kind-clients = Klientoj
list-kind-suppliers = Provizantoj
list-status = Stato
list-status-active = Aktivaj
list-status-archived = Arĥivitaj
list-status-all = Aktivaj kaj arĥivitaj
list-category = Kategorio
list-category-any = Ĉiu kategorio
list-tag = Etikedo
list-tag-any = Ĉiu etikedo
list-industry = Branĉo
list-industry-any = Ĉiu branĉo
list-region = Regiono
list-region-any = Ĉiu regiono
list-custom-field = Propra kampo
list-custom-field-any = Ĉiu propra kampo
list-custom-value = Valoro de la propra kampo
list-custom-value-placeholder = La valoro enhavas…
list-verification = Kontrolo
list-verification-any = Ĉiu kontrolstato
list-sort-by = Ordigi laŭ
list-sort = Ordo: { $order }
list-saved-searches = Konservitaj serĉoj
list-saved-searches-choose = Konservitaj serĉoj…
list-save-name = Nomo por ĉi tiu serĉo
list-save-name-placeholder = Nomu ĉi tiun serĉon
list-save = Konservi la serĉon
list-delete = Forigi la konservitan serĉon
list-saved = „{ $name }“ konservita en ĉi tiu aparato.
list-deleted = Forigita.
list-count-best = la { $shown } plej bonaj trafoj
list-count = { $count ->
    [one] { $shown } el 1 partnero
   *[other] { $shown } el { $count } partneroj
    }
list-no-match = Neniu partnero kongruas kun ĉi tiu serĉo kaj ĉi tiuj filtriloj.
list-preparing = Preparante la serĉon en ĉi tiu aparato…
list-expiring-title = Kontrola dokumento baldaŭ eksvalidiĝos
list-expiring = Dokumento eksvalidiĝonta
list-archived = Arĥivita

## Avertoj (ui/alerts.rs)
alerts-link = Avertoj
alerts-open-count = { $count ->
    [one] { $count } malfermita averto
   *[other] { $count } malfermitaj avertoj
    }
alerts-more = { $more ->
    [one] Ankoraŭ { $more } averto atendas en la avertejo.
   *[other] Ankoraŭ { $more } avertoj atendas en la avertejo.
    }
alerts-title = Avertoj
alerts-no-notifications = Ĉi tiu retumilo ne povas montri sciigojn; la avertoj aperas ĉi tie.
alerts-notifications-on = Novaj avertoj aperas ankaŭ kiel sciigoj en ĉi tiu aparato.
alerts-notifications-blocked = Sciigoj de Partnero estas blokitaj en la agordoj de ĉi tiu retumilo.
alerts-notify-me = Sciigi min en ĉi tiu aparato
alerts-nothing = Nenio bezonas atenton.
alerts-snooze-bad-date = Prokrasti ĝis: skribu la daton kiel JJJJ-MM-TT
alerts-open = Malfermi
alerts-done = Farita
alerts-snooze-until = Prokrasti ĝis
alerts-snooze = Prokrasti

## Kunfandi duoblaĵon (ui/merge.rs)
merge-not-found = Partnero ne trovita
merge-back-to-list = Reen al la listo de partneroj
merge-likely-duplicate = { $name } — verŝajna duoblaĵo: { $reasons }
merge-choose-record = Elektu la slipon kunfandotan en ĉi tiun
merge-back = ← Reen al la partnero
merge-title = Kunfandi duoblaĵon en { $name }
merge-help = La kontaktpersonoj, adresoj, bankkontoj, retpoŝtadresoj, telefonoj, dokumentoj kaj ligiloj de ambaŭ slipoj estas konservataj. La alia slipo estas arĥivata kaj montras al ĉi tiu, do ĝia historio kaj ligiloj restas validaj.
merge-other = Slipo kunfandota en ĉi tiun
merge-choose = Elektu…
merge-no-conflicts = La du slipoj ne malsamas en iu ajn kampo; ĉio estas kunigita.
merge-keep = Kie ili malsamas, konservi:
merge-this-record = (ĉi tiu slipo)
merge-other-record = (la alia slipo)
merge-merging = Kunfandante…
merge-button = Kunfandi en ĉi tiun slipon

## Akcepti inviton (ui/invite.rs)
invite-name-missing = Nomo: enigu la nomon, kiun viaj kolegoj vidos.
invite-password-short = Pasvorto: uzu almenaŭ 8 signojn.
invite-title = Aliĝi al Partnero
invite-checking = Kontrolante la inviton…
invite-member = Membro
invite-invited-as = Vi estas invitita kiel
invite-with-email = kun la retpoŝtadreso
invite-signed-in-as = Ĉi tiu aparato estas ensalutinta kiel { $email }. Unue elsalutu (Konto), poste malfermu ĉi tiun ligilon denove: ĉiu konto tenas siajn proprajn datumojn en la aparato.
invite-your-name = Via nomo
invite-password = Elektu pasvorton
invite-password-hint = Almenaŭ 8 signoj.
invite-creating = Kreante vian konton…
invite-create = Krei mian konton
