# El equipo en español: la gestión de usuarios (ui/users.rs), el portal de socios para sus
# contactos y para el personal (ui/portal.rs), la parte del estado de la aplicación que toca al
# equipo (ui/state/team.rs) y dos mensajes del estado sobre cerrar sesión e importar
# (ui/state.rs).

## Gestión de usuarios (ui/users.rs)
users-load-failed = No se pudo cargar la lista de usuarios: { $reason }
users-title = Usuarios
users-sign-in = Inicia sesión como administrador para gestionar los usuarios.
users-intro = Los cambios se aplican al instante, también en los dispositivos que están conectados: el servidor deja de enviar o de aceptar lo que un usuario ya no puede leer o cambiar.
users-team = Equipo
users-name = Nombre
users-email = Correo electrónico
users-role = Rol
users-assigned = Socios asignados
users-status = Estado
users-actions = Acciones
users-role-changed = Rol cambiado.
users-reactivated = Usuario reactivado.
users-deactivated = Usuario desactivado; sus sesiones se han cerrado.
users-signed-out = Sesión cerrada en todos los dispositivos.
users-assigned-saved = Socios asignados guardados.
users-portal-role-fixed = El rol de un contacto de un socio no se puede cambiar; invita al personal por separado
users-contact-of = Contacto de { $name }
users-save = Guardar
users-cancel = Cancelar
users-portal-assigned-fixed = Un contacto de un socio solo ve su propio socio
users-assigned-help = Los comerciales cambian los socios que tienen asignados
users-edit = Editar
users-status-deactivated = Desactivado
users-status-active = { $count ->
    [one] Activo · { $count } sesión
   *[other] Activo · { $count } sesiones
    }
users-reactivate = Reactivar
users-deactivate = Desactivar
users-sign-out-everywhere-help = Cierra todas las sesiones de este usuario; sus dispositivos tendrán que volver a iniciar sesión
users-sign-out-everywhere = Cerrar sesión en todas partes
users-invite-title = Invitar a un compañero
users-invite-submit = Crear enlace de invitación
users-invite-link-help = Envía este enlace a la persona; solo funciona una vez y caduca en 7 días.
users-copied = Copiado
users-copy-link = Copiar enlace
users-picker-placeholder = Escribe el nombre de un socio
users-picker-label = Buscar socios para asignar
users-sections-saved = Guardado. Los dispositivos de estos roles dejan de recibir al instante las secciones denegadas.
users-sections-title = Secciones por rol
users-sections-help = Una sección denegada nunca se envía a los dispositivos de ese rol. Los administradores lo ven todo.
users-may-see = puede ver
users-sections-save = Guardar secciones

## El portal de socios (ui/portal.rs)
portal-staff-only = El portal es para los contactos de los socios. El personal revisa las propuestas en la página de cada socio.
portal-not-linked = Esta cuenta no está vinculada a ningún socio; pide a la empresa una nueva invitación.
portal-your-record = La ficha de tu empresa
portal-waiting = La ficha de tu empresa aún no ha llegado a este dispositivo. Llegará en cuanto el dispositivo tenga conexión.
portal-intro = Esta es la ficha que la empresa guarda sobre vosotros. Propón correcciones aquí abajo: se guardan al instante en este dispositivo, se envían cuando tengas conexión y se aplican cuando la empresa las acepte.
portal-proposal-saved = Propuesta guardada. Se enviará a la empresa cuando este dispositivo tenga conexión.
portal-nothing-differs = Nada difiere de la ficha; no se ha enviado nada.
portal-propose-title = Proponer correcciones
portal-send-proposal = Enviar propuesta
portal-proposals-staff = Cambios propuestos por el socio
portal-proposals-contact = Tus propuestas
portal-no-proposals = No hay propuestas.
portal-field = Campo
portal-in-record = En la ficha
portal-proposed = Propuesto
portal-decision = Decisión
portal-needs-approval-help = Los datos bancarios solo cambian con una decisión expresa sobre este campo
portal-needs-approval = requiere aprobación
portal-base-changed = La ficha ha cambiado desde que el contacto la vio.
portal-accepted-by = Aceptado por { $name }
portal-rejected-by = Rechazado por { $name }
portal-waiting-decision = Pendiente de decisión
portal-waiting-company = Pendiente de la empresa
portal-accept = Aceptar
portal-reject = Rechazar
portal-requests-contact = Solicitudes de la empresa
portal-requests-staff = Solicitudes al socio
portal-no-requests = No hay solicitudes.
portal-request-document-of = Documento: { $kind }
portal-request-document = Documento
portal-request-question = Pregunta
portal-file-missing = Archivo: elige el documento que quieres subir.
portal-answer-missing = Respuesta: escribe primero tu respuesta.
portal-asked-by = Solicitado por { $name }
portal-answered-by = Respondido por { $name }
portal-answer-file = archivo { $name }
portal-upload-document = Sube el documento
portal-your-answer = Tu respuesta
portal-send-answer = Enviar respuesta
portal-card-title = Portal del socio
portal-card-intro = Los contactos del socio ven esta ficha, proponen correcciones y responden a las solicitudes; nada de lo que proponen cambia la ficha hasta que alguien de aquí lo acepta.
portal-card-sign-in = Inicia sesión para invitar a los contactos del socio.
portal-invite-title = Invitar a un contacto
portal-invite-name = Nombre
portal-invite-email = Correo electrónico
portal-invite-submit = Crear enlace al portal
portal-request-missing = Solicitud: indica qué necesitas del socio.
portal-ask-title = Pedir algo al socio
portal-request-kind = Tipo
portal-request-text = Solicitud
portal-send-request = Enviar solicitud

## La parte del estado que toca al equipo (ui/state/team.rs)
team-section-denied = { $section } no está disponible para tu rol
team-admin-only = Solo los administradores pueden cambiar esto
team-sign-in-first = inicia sesión primero
team-refused-index = el índice de socios del equipo
team-refused-settings = los ajustes del espacio de trabajo
team-refused-finance = { $name }: finanzas
team-refused-banking = { $name }: cuentas bancarias
team-refused-activity = { $name }: actividad
team-refused-portal = { $name }: propuestas del portal
team-refused-document = documento { $id }
team-request-question = Una pregunta
team-request-document = Un documento para subir

## Cerrar sesión e importar (ui/state.rs)
state-unsynced-files = { $count ->
    [one] { $count } archivo adjunto de este dispositivo aún no está en el servidor.
   *[other] { $count } archivos adjuntos de este dispositivo aún no están en el servidor.
    }
state-unsynced-changes = { $count ->
    [one] { $count } cambio hecho en este dispositivo aún no está en el servidor.
   *[other] { $count } cambios hechos en este dispositivo aún no están en el servidor.
    }
state-unconfirmed = Partnero no ha podido confirmar con el servidor que le llegaron todos los cambios hechos en este dispositivo.
state-import-stopped = { $total ->
    [one] Se detuvo tras guardar { $stored } de { $total } socio; falló { $name }: { $error }
   *[other] Se detuvo tras guardar { $stored } de { $total } socios; falló { $name }: { $error }
    }
