# La interfaco de Partnero en Esperanto (la ŝlosiloj, angle: vidu locales/en/main.ftl).

## La aplikaĵo (ui/mod.rs)
nav-main = Ĉefa
nav-your-record = Via slipo
nav-invoices = Fakturoj
nav-reports = Raportoj
nav-settings = Agordoj
nav-users = Uzantoj
app-opening = Malfermante vian registron de partneroj…
app-open-failed = Partnero ne povas malfermi la registron konservitan en ĉi tiu aparato.
app-unreadable = { $count ->
    [one] Unu konservita slipo ne malfermiĝis; la aliaj estas en ordo.
   *[other] { $count } konservitaj slipoj ne malfermiĝis; la aliaj estas en ordo.
    }
app-unreadable-kept = Iliaj konservitaj datumoj restas netuŝitaj por ke oni povu restaŭri ilin; ili ne aperas sube.
app-refused-title = La servilo ne akceptas kelkajn ŝanĝojn faritajn en ĉi tiu aparato.
app-refused-why = Via konto ne rajtas (aŭ ne plu rajtas) ŝanĝi ĉi tiujn slipojn. Ĝis vi forĵetos la ŝanĝojn, ĉi tiu aparato montras version, kiun neniu alia vidas.
app-refused-backup = Por unue konservi kopion de viaj ŝanĝoj,
app-refused-backup-link = elŝutu kompletan sekurkopion
app-refused-discard = Forĵeti miajn ŝanĝojn kaj preni la version de la servilo
app-session-ended = Via seanco finiĝis (administranto elsalutigis vin, la konto estis malaktivigita aŭ la seanco eksvalidiĝis). Kio estas en ĉi tiu aparato restas legebla;
app-session-sign-out = elsalutu
app-session-again = kaj ensalutu denove por sinkronigi.
app-not-found = Paĝo ne trovita
app-back-to-list = Reen al la listo de partneroj

## Stato de la sinkronigo kaj konto (ui/account.rs)
sync-local = Ne ensalutinta: la ŝanĝoj restas en ĉi tiu aparato
sync-connecting = Konektante…
sync-offline = Senkonekte · konservita en ĉi tiu aparato
sync-syncing = Sinkronigante { $count } dokumento(j)n
sync-up-to-date = Ĝisdata ekde { $time }
sync-pending = { $count } ŝanĝo(j) ankoraŭ ne en la servilo
sync-progress = Sinkronigante kun la servilo: { $done } el { $total } dokumentoj
account-sign-in = Ensaluti
account-account = Konto
account-title = Konto
account-device-link = Ĉi tiu aparato: konservejo, sekurkopio kaj restaŭro
account-language = Lingvo
account-language-help = Partnero sekvas la lingvon de via retumilo, ĝis vi elektas iun ĉi tie; la elekto estas memorata en ĉi tiu aparato.

account-not-signed-in = Ne ensalutinta.
account-to-sync = por sinkronigi kun via teamo.
account-signed-in-as = Ensalutinta kiel
account-sign-out-help = Elsaluto forigas la registron de partneroj el ĉi tiu aparato. Ĝi restas en la servilo por via sekva ensaluto.
account-sign-out = Elsaluti
account-not-signed-out = Ne elsalutinta.
account-stay-or-backup = Restu ensalutinta kaj konektita ĝis la stato diras „Ĝisdata“, aŭ unue konservu ilin en dosiero:
account-then-discard = (ĝi enhavas ĉiujn ŝanĝojn de ĉi tiu aparato), poste forĵetu ilin.
account-discard-and-sign-out = Forĵeti la nesinkronigitajn ŝanĝojn kaj elsaluti

## Ĉi tiu aparato (ui/device.rs)
device-update-ready = Nova versio de Partnero estas preta.
device-update-kept = Ĉio, kion vi enigis, estas konservita en ĉi tiu aparato kaj restas tie.
device-update-now = Ĝisdatigi nun
device-update-failed = Ne eblis ĝisdatigi: { $reason }
device-storage-low = Al ĉi tiu aparato mankas spaco por Partnero.
device-storage-may-fail = Novaj ŝanĝoj eble ne konserviĝos.
device-storage-may-clear = La retumilo rajtas forigi datumojn, kiujn ĝi ne promesis konservi, inkluzive de ŝanĝoj ankoraŭ ne en la servilo.
device-storage-link = Elŝutu sekurkopion kaj vidu la uzatan spacon
device-title = Ĉi tiu aparato
device-back = ← Partneroj
device-storage = Konservejo
device-storage-unknown = Ĉi tiu retumilo ne diras, kiom da spaco Partnero uzas.
device-storage-used = Partnero uzas { $used } el la { $quota }, kiujn ĉi tiu retumilo permesas.
device-storage-meter = Uzata spaco
device-persisted = La retumilo konservas ĉi tiujn datumojn eĉ kiam mankas spaco.
device-not-persisted = La retumilo rajtas forigi ĉi tiujn datumojn kiam mankas spaco. Instali Partnero aŭ ofte uzi ĝin igas ĝin promesi konservi ilin.
device-keep = Konservi la datumojn en ĉi tiu aparato
device-backup = Sekurkopio
device-backup-help = Unu dosiero kun ĉiuj dokumentoj kaj kunsenditaj dosieroj de ĉi tiu aparato, inkluzive de ŝanĝoj ankoraŭ ne en la servilo. Konservu ĝin en sekura loko: ĝi enhavas bankkontojn kaj notojn.
device-backup-download = Elŝuti kompletan sekurkopion
device-backup-reading = Legante ĉiujn dokumentojn kaj dosierojn de ĉi tiu aparato…
device-backup-done = Sekurkopio elŝutita: { $summary }.
device-backup-summary = { $documents } dokumentoj kaj { $files } dosieroj, { $size }
device-restore = Restaŭri sekurkopion
device-restore-needs-empty = Sekurkopio estas restaŭrata nur en malplenan laborspacon, por ke nenio estu anstataŭigita. Elsalutu (tio forigas la kopion de ĉi tiu aparato) aŭ uzu novan profilon de la retumilo, poste restaŭru.
device-restore-file = Sekurkopia dosiero
device-restore-checking = Kontrolante { $name }…
device-restore-holds = Ĉi tiu sekurkopio enhavas { $summary }.
device-restore-confirm = Restaŭri ĝin en ĉi tiu aparato
device-restore-working = Restaŭrante { $summary }…
