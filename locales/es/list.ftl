# La lista de socios, los avisos, la fusión de duplicados y la aceptación de invitaciones, en español (ui/list.rs, ui/alerts.rs, ui/merge.rs, ui/invite.rs).

## La lista de socios (ui/list.rs)
list-title = Socios
list-register = Dar de alta un socio
list-import-export = Importar o exportar
list-empty-title = Aún no hay socios
list-empty-text = Da de alta tu primer cliente o proveedor. Todo se guarda en este dispositivo, así que también funciona sin cobertura.
list-empty-register = Da de alta tu primer socio
list-search-label = Buscar socios
list-search-placeholder = Busca por nombre, NIF, ciudad, correo, teléfono…
list-kind = Tipo
list-kind-all = Clientes y proveedores
list-kind-clients = Clientes
list-kind-suppliers = Proveedores
list-status = Estado
list-status-active = Activos
list-status-archived = Archivados
list-status-all = Activos y archivados
list-category = Categoría
list-category-any = Cualquier categoría
list-tag = Etiqueta
list-tag-any = Cualquier etiqueta
list-industry = Sector
list-industry-any = Cualquier sector
list-region = Región
list-region-any = Cualquier región
list-custom-field = Campo personalizado
list-custom-field-any = Cualquier campo personalizado
list-custom-value = Valor del campo personalizado
list-custom-value-placeholder = El valor contiene…
list-verification = Verificación
list-verification-any = Cualquier estado de verificación
list-sort-by = Ordenar por
list-sort = Orden: { $order }
list-saved-searches = Búsquedas guardadas
list-saved-searches-choose = Búsquedas guardadas…
list-save-name = Nombre de esta búsqueda
list-save-name-placeholder = Ponle nombre a esta búsqueda
list-save = Guardar búsqueda
list-delete = Borrar la búsqueda guardada
list-saved = «{ $name }» guardada en este dispositivo.
list-deleted = Borrada.
list-count-best = los { $shown } mejores resultados
list-count = { $count ->
    [one] { $shown } de 1 socio
   *[other] { $shown } de { $count } socios
    }
list-no-match = Ningún socio coincide con esta búsqueda y estos filtros.
list-preparing = Preparando la búsqueda en este dispositivo…
list-expiring-title = Un documento de verificación caduca pronto
list-expiring = Documento por caducar
list-archived = Archivado

## Avisos (ui/alerts.rs)
alerts-link = Avisos
alerts-open-count = { $count ->
    [one] { $count } aviso pendiente
   *[other] { $count } avisos pendientes
    }
alerts-more = { $more ->
    [one] Hay { $more } aviso más esperando en el centro de avisos.
   *[other] Hay { $more } avisos más esperando en el centro de avisos.
    }
alerts-title = Avisos
alerts-no-notifications = Este navegador no puede mostrar notificaciones; los avisos aparecen aquí.
alerts-notifications-on = Los avisos nuevos también se muestran como notificaciones en este dispositivo.
alerts-notifications-blocked = Las notificaciones de Partnero están bloqueadas en los ajustes de este navegador.
alerts-notify-me = Avisarme en este dispositivo
alerts-nothing = No hay nada que requiera tu atención.
alerts-snooze-bad-date = Posponer hasta: escribe la fecha como AAAA-MM-DD
alerts-open = Abrir
alerts-done = Hecho
alerts-snooze-until = Posponer hasta
alerts-snooze = Posponer

## Fusionar un duplicado (ui/merge.rs)
merge-not-found = Socio no encontrado
merge-back-to-list = Volver a la lista de socios
merge-likely-duplicate = { $name } — probable duplicado: { $reasons }
merge-choose-record = Elige la ficha que quieres fusionar con esta
merge-back = ← Volver al socio
merge-title = Fusionar un duplicado con { $name }
merge-help = Se conservan los contactos, direcciones, cuentas bancarias, correos, teléfonos, documentos y vínculos de ambas fichas. La otra ficha se archiva y apunta a esta, así que su historial y sus vínculos siguen siendo válidos.
merge-other = Ficha que se fusionará con esta
merge-choose = Elige…
merge-no-conflicts = Las dos fichas no difieren en ningún campo; se combina todo.
merge-keep = Donde difieren, conservar:
merge-this-record = (esta ficha)
merge-other-record = (la otra ficha)
merge-merging = Fusionando…
merge-button = Fusionar con esta ficha

## Aceptar una invitación (ui/invite.rs)
invite-name-missing = Nombre: escribe el nombre que verán tus compañeros.
invite-password-short = Contraseña: usa al menos 8 caracteres.
invite-title = Únete a Partnero
invite-checking = Comprobando la invitación…
invite-member = Miembro
invite-invited-as = Te han invitado como
invite-with-email = con el correo
invite-signed-in-as = Este dispositivo tiene abierta la sesión de { $email }. Cierra antes la sesión (Cuenta) y vuelve a abrir este enlace: cada cuenta guarda sus propios datos en el dispositivo.
invite-your-name = Tu nombre
invite-password = Elige una contraseña
invite-password-hint = Al menos 8 caracteres.
invite-creating = Creando tu cuenta…
invite-create = Crear mi cuenta
