# La interfaz de Partnero en español (las claves, en inglés: ver locales/en/main.ftl).

## La aplicación (ui/mod.rs)
nav-main = Principal
nav-your-record = Tu ficha
nav-invoices = Facturas
nav-reports = Informes
nav-settings = Ajustes
nav-users = Usuarios
app-opening = Abriendo tu registro de socios…
app-open-failed = Partnero no puede abrir el registro guardado en este dispositivo.
app-unreadable = { $count ->
    [one] No se pudo abrir una ficha guardada; las demás están bien.
   *[other] No se pudieron abrir { $count } fichas guardadas; las demás están bien.
    }
app-unreadable-kept = Sus datos guardados no se tocan, para poder recuperarlos; no aparecen abajo.
app-refused-title = El servidor no acepta algunos cambios hechos en este dispositivo.
app-refused-why = Tu cuenta no puede cambiar estas fichas (o ya no puede). Hasta que descartes los cambios, este dispositivo muestra una versión que nadie más ve.
app-refused-backup = Para guardar antes una copia de tus cambios,
app-refused-backup-link = descarga una copia de seguridad completa
app-refused-discard = Descartar mis cambios y traer la versión del servidor
app-session-ended = Tu sesión ha terminado (la cerró un administrador, se desactivó o caducó). Lo que hay en este dispositivo sigue pudiéndose leer;
app-session-sign-out = cierra la sesión
app-session-again = y vuelve a entrar para sincronizar.
app-not-found = Página no encontrada
app-back-to-list = Volver a la lista de socios

## Estado de la sincronización y cuenta (ui/account.rs)
sync-local = Sin sesión: los cambios se quedan en este dispositivo
sync-connecting = Conectando…
sync-offline = Sin conexión · guardado en este dispositivo
sync-syncing = Sincronizando { $count } documento(s)
sync-up-to-date = Al día desde las { $time }
sync-pending = { $count } cambio(s) aún no están en el servidor
sync-progress = Sincronizando con el servidor: { $done } de { $total } documentos
account-sign-in = Entrar
account-account = Cuenta
account-title = Cuenta
account-device-link = Este dispositivo: almacenamiento, copia de seguridad y restauración
account-language = Idioma
account-language-help = Partnero sigue el idioma de tu navegador hasta que elijas uno aquí; la elección se recuerda en este dispositivo.

account-not-signed-in = Sin sesión.
account-to-sync = para sincronizar con tu equipo.
account-signed-in-as = Sesión iniciada como
account-sign-out-help = Cerrar la sesión borra el registro de socios de este dispositivo. Sigue en el servidor para la próxima vez que entres.
account-sign-out = Cerrar sesión
account-not-signed-out = La sesión sigue abierta.
account-stay-or-backup = Sigue con la sesión abierta y con conexión hasta que el estado diga «Al día», o guárdalos antes en un archivo:
account-then-discard = (contiene todos los cambios de este dispositivo), y luego descártalos.
account-discard-and-sign-out = Descartar los cambios sin sincronizar y cerrar sesión

## Este dispositivo (ui/device.rs)
device-update-ready = Hay una versión nueva de Partnero.
device-update-kept = Todo lo que has introducido está guardado en este dispositivo y sigue ahí.
device-update-now = Actualizar ahora
device-update-failed = No se pudo actualizar: { $reason }
device-storage-low = A este dispositivo le queda poco espacio para Partnero.
device-storage-may-fail = Puede que los cambios nuevos no se guarden.
device-storage-may-clear = El navegador puede borrar los datos que no ha prometido conservar, incluidos los cambios que aún no están en el servidor.
device-storage-link = Descarga una copia de seguridad y mira el espacio usado
device-title = Este dispositivo
device-back = ← Socios
device-storage = Almacenamiento
device-storage-unknown = Este navegador no dice cuánto espacio usa Partnero.
device-storage-used = Partnero usa { $used } de los { $quota } que este navegador le permite.
device-storage-meter = Espacio usado
device-persisted = El navegador conserva estos datos aunque falte espacio.
device-not-persisted = El navegador puede borrar estos datos si falta espacio. Instalar Partnero o usarlo a menudo hace que prometa conservarlos.
device-keep = Conservar los datos en este dispositivo
device-backup = Copia de seguridad
device-backup-help = Un archivo con todos los documentos y archivos adjuntos de este dispositivo, incluidos los cambios que aún no están en el servidor. Guárdalo en un lugar seguro: contiene cuentas bancarias y notas.
device-backup-download = Descargar una copia de seguridad completa
device-backup-reading = Leyendo todos los documentos y archivos de este dispositivo…
device-backup-done = Copia de seguridad descargada: { $summary }.
device-backup-summary = { $documents } documentos y { $files } archivos, { $size }
device-restore = Restaurar una copia de seguridad
device-restore-needs-empty = Una copia de seguridad solo se restaura en un espacio de trabajo vacío, para no sobrescribir nada. Cierra la sesión (lo que borra la copia de este dispositivo) o usa un perfil nuevo del navegador y luego restaura.
device-restore-file = Archivo de copia de seguridad
device-restore-checking = Comprobando { $name }…
device-restore-holds = Esta copia de seguridad contiene { $summary }.
device-restore-confirm = Restaurarla en este dispositivo
device-restore-working = Restaurando { $summary }…
