# La teamo en Esperanto: la administrado de uzantoj (ui/users.rs), la partnera portalo por
# kontaktuloj kaj por la personaro (ui/portal.rs), la teama parto de la stato de la aplikaĵo
# (ui/state/team.rs) kaj du mesaĝoj de la stato pri elsaluto kaj importo (ui/state.rs).

## Administrado de uzantoj (ui/users.rs)
users-load-failed = Ne eblis ŝargi la liston de uzantoj: { $reason }
users-title = Uzantoj
users-sign-in = Ensalutu kiel administranto por administri uzantojn.
users-intro = Ŝanĝoj efikas tuj, ankaŭ en konektitaj aparatoj: la servilo ĉesas sendi aŭ akcepti tion, kion uzanto ne plu rajtas legi aŭ ŝanĝi.
users-team = Teamo
users-name = Nomo
users-email = Retpoŝtadreso
users-role = Rolo
users-assigned = Asignitaj partneroj
users-status = Stato
users-actions = Agoj
users-role-changed = Rolo ŝanĝita.
users-reactivated = Uzanto reaktivigita.
users-deactivated = Uzanto malaktivigita; ties seancoj finiĝis.
users-signed-out = Elsalutita en ĉiuj aparatoj.
users-assigned-saved = Asignitaj partneroj konservitaj.
users-portal-role-fixed = La rolo de kontaktulo de partnero estas fiksa; invitu la personaron aparte
users-contact-of = Kontaktulo de { $name }
users-save = Konservi
users-cancel = Nuligi
users-portal-assigned-fixed = Kontaktulo de partnero vidas nur sian propran partneron
users-assigned-help = Vendistoj ŝanĝas la partnerojn asignitajn al ili
users-edit = Redakti
users-status-deactivated = Malaktivigita
users-status-active = { $count ->
    [one] Aktiva · { $count } seanco
   *[other] Aktiva · { $count } seancoj
    }
users-reactivate = Reaktivigi
users-deactivate = Malaktivigi
users-sign-out-everywhere-help = Finas ĉiujn seancojn de ĉi tiu uzanto; ties aparatoj devos denove ensaluti
users-sign-out-everywhere = Elsaluti ĉie
users-invite-title = Inviti kolegon
users-invite-submit = Krei invitan ligilon
users-invite-link-help = Sendu ĉi tiun ligilon al la persono; ĝi funkcias nur unufoje kaj eksvalidiĝas post 7 tagoj.
users-copied = Kopiita
users-copy-link = Kopii la ligilon
users-picker-placeholder = Tajpu la nomon de partnero
users-picker-label = Trovi partnerojn por asigni
users-sections-saved = Konservita. La aparatoj de ĉi tiuj roloj tuj ĉesas ricevi la rifuzitajn sekciojn.
users-sections-title = Sekcioj laŭ rolo
users-sections-help = Rifuzita sekcio neniam estas sendata al la aparatoj de tiu rolo. Administrantoj vidas ĉion.
users-may-see = rajtas vidi
users-sections-save = Konservi la sekciojn

## La partnera portalo (ui/portal.rs)
portal-staff-only = La portalo estas por kontaktuloj de partneroj. La personaro kontrolas proponojn en la paĝo de ĉiu partnero.
portal-not-linked = Ĉi tiu konto ne estas ligita al partnero; petu novan inviton de la firmao.
portal-your-record = La slipo de via firmao
portal-waiting = La slipo de via firmao ankoraŭ ne atingis ĉi tiun aparaton. Ĝi alvenos tuj kiam la aparato estos konektita.
portal-intro = Jen la slipo, kiun la firmao tenas pri vi. Proponu korektojn sube: ili estas tuj konservataj en ĉi tiu aparato, sendataj kiam vi estas konektita, kaj aplikataj post kiam la firmao akceptas ilin.
portal-proposal-saved = Propono konservita. Ĝi estos sendita al la firmao kiam ĉi tiu aparato estos konektita.
portal-nothing-differs = Nenio diferencas de la slipo; nenio estis sendita.
portal-propose-title = Proponi korektojn
portal-send-proposal = Sendi la proponon
portal-proposals-staff = Ŝanĝoj proponitaj de la partnero
portal-proposals-contact = Viaj proponoj
portal-no-proposals = Neniuj proponoj.
portal-field = Kampo
portal-in-record = En la slipo
portal-proposed = Proponita
portal-decision = Decido
portal-needs-approval-help = Bankaj datumoj ŝanĝiĝas nur per eksplicita decido pri ĉi tiu kampo
portal-needs-approval = bezonas aprobon
portal-base-changed = La slipo ŝanĝiĝis post kiam la kontaktulo vidis ĝin.
portal-accepted-by = Akceptita de { $name }
portal-rejected-by = Rifuzita de { $name }
portal-waiting-decision = Atendas decidon
portal-waiting-company = Atendas la firmaon
portal-accept = Akcepti
portal-reject = Rifuzi
portal-requests-contact = Petoj de la firmao
portal-requests-staff = Petoj al la partnero
portal-no-requests = Neniuj petoj.
portal-request-document-of = Dokumento: { $kind }
portal-request-document = Dokumento
portal-request-question = Demando
portal-file-missing = Dosiero: elektu la dokumenton alŝutotan.
portal-answer-missing = Respondo: unue skribu vian respondon.
portal-asked-by = Petita de { $name }
portal-answered-by = Respondita de { $name }
portal-answer-file = dosiero { $name }
portal-upload-document = Alŝutu la dokumenton
portal-your-answer = Via respondo
portal-send-answer = Sendi la respondon
portal-card-title = Partnera portalo
portal-card-intro = La kontaktuloj de la partnero vidas ĉi tiun slipon, proponas korektojn kaj respondas petojn; nenio, kion ili proponas, ŝanĝas la slipon, ĝis iu ĉi tie akceptas ĝin.
portal-card-sign-in = Ensalutu por inviti la kontaktulojn de la partnero.
portal-invite-title = Inviti kontaktulon
portal-invite-name = Nomo
portal-invite-email = Retpoŝtadreso
portal-invite-submit = Krei portalan ligilon
portal-request-missing = Peto: diru, kion vi bezonas de la partnero.
portal-ask-title = Peti de la partnero
portal-request-kind = Speco
portal-request-text = Peto
portal-send-request = Sendi la peton

## La teama parto de la stato (ui/state/team.rs)
team-section-denied = { $section } ne estas disponebla por via rolo
team-admin-only = Nur administrantoj povas ŝanĝi tion
team-sign-in-first = unue ensalutu
team-refused-index = la partnera indekso de la teamo
team-refused-settings = la agordoj de la laborspaco
team-refused-finance = { $name }: financoj
team-refused-banking = { $name }: bankkontoj
team-refused-activity = { $name }: agado
team-refused-portal = { $name }: portalaj proponoj
team-refused-document = dokumento { $id }
team-request-question = Demando
team-request-document = Dokumento alŝutota

## Elsaluto kaj importo (ui/state.rs)
state-unsynced-files = { $count ->
    [one] { $count } kunsendita dosiero en ĉi tiu aparato ankoraŭ ne estas en la servilo.
   *[other] { $count } kunsenditaj dosieroj en ĉi tiu aparato ankoraŭ ne estas en la servilo.
    }
state-unsynced-changes = { $count ->
    [one] { $count } ŝanĝo farita en ĉi tiu aparato ankoraŭ ne estas en la servilo.
   *[other] { $count } ŝanĝoj faritaj en ĉi tiu aparato ankoraŭ ne estas en la servilo.
    }
state-unconfirmed = Partnero ne povis konfirmi kun la servilo, ke ĉiu ŝanĝo farita en ĉi tiu aparato atingis ĝin.
state-import-stopped = { $total ->
    [one] Haltis post konservo de { $stored } el { $total } partnero; { $name } malsukcesis: { $error }
   *[other] Haltis post konservo de { $stored } el { $total } partneroj; { $name } malsukcesis: { $error }
    }
