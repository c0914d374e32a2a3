# Frases que la interfaz construye con datos del núcleo: avisos y lo que le falta a un socio
# (src/ui/alerts.rs).

core-alert-invoice-issued = Factura { $number } a { $name }
core-alert-invoice-received = Factura { $number } de { $name }
core-alert-overdue = { $what }: vencida hace { $days ->
        [one] 1 día
       *[other] { $days } días
    }; { $open } pendientes desde el { $date }
core-alert-due = { $what }: vence el { $date }; { $open } pendientes
core-alert-document = { $kind } de { $name }: caduca el { $date }
core-alert-reminder = Seguimiento con { $name }: { $text }
core-alert-missing = A { $name } le falta: { $items }

core-missing-tax-id = NIF
core-missing-email = correo electrónico
core-missing-phone = teléfono
core-missing-address = dirección
core-missing-contact = contacto
core-missing-bank-account = cuenta bancaria
core-missing-document = { $kind } (vigente)

core-refusal-viewer = Los lectores pueden consultar, pero no cambiar nada
core-refusal-sales = Los comerciales solo cambian los socios que tienen asignados o que registraron ellos
core-refusal-portal = Los contactos de un socio proponen cambios; el personal los aplica
core-refusal-role = No está permitido para el rol { $role }
core-refusal-signed-out = Inicia sesión para cambiar esto

core-field-legal_name = Razón social
core-field-trade_name = Nombre comercial
core-field-tax_id = NIF
core-field-addresses = Direcciones
core-field-contacts = Contactos
core-field-emails = Correos electrónicos
core-field-phones = Teléfonos
core-field-website = Sitio web
core-field-payment_terms = Condiciones de pago
core-field-bank_accounts = Cuentas bancarias

core-event-registered = Registrado
core-event-document-added = { $kind }: añadido por { $person }
core-event-document-reviewed = { $kind }: { $status } por { $person }
core-event-invoice-recorded = Factura { $number } registrada: { $amount }, vence el { $date }
core-event-bill-recorded = Factura recibida { $number } registrada: { $amount }, vence el { $date }
core-event-payment-recorded = Pago de { $amount } registrado ({ $date })
core-event-order-recorded = Pedido de compra { $number } registrado

core-duplicate-tax-id = mismo NIF
core-duplicate-email = mismo correo { $email }
core-duplicate-phone = mismo teléfono { $phone }
core-duplicate-name = nombre parecido ({ $percent } %)

## Por qué falló una petición al servidor (model::ServerError, words::server_error).
server-wrong-credentials = Correo electrónico o contraseña incorrectos.
server-account-disabled = Esta cuenta está desactivada.
server-not-signed-in = Inicia sesión primero.
server-session-ended = Tu sesión ha terminado (cerrada, caducada o revocada). Vuelve a iniciar sesión.
server-invalid-email = «{ $email }» no es una dirección de correo electrónico.
server-password-too-short = La contraseña debe tener al menos { $minimum } caracteres.
server-email-taken = Ya existe un usuario con el correo electrónico { $email }.
server-no-such-user = Este usuario ya no existe (número { $id }).
server-portal-role-fixed = El rol de un contacto de socio es fijo: los contactos se invitan como contactos y siguen siéndolo.
server-last-administrator = Es el último administrador activo: nombra antes a otra persona administradora.
server-administrators-only = Solo los administradores pueden hacer esto.
server-administrators-invite-staff = Solo los administradores pueden invitar a personal.
server-writers-invite-contacts = Solo quien puede modificar este socio puede invitar a sus contactos.
server-partner-required = Elige el socio cuyo contacto invitas.
server-not-a-partner = { $partner } no es un socio de este espacio de trabajo.
server-staff-have-no-partner = Solo los contactos de socios pertenecen a un socio.
server-portal-sees-no-settings = Los contactos de socios no ven la configuración del equipo.
server-sections-not-deniable = Las secciones solo se pueden denegar a responsables, comerciales y lectores, no al rol { $role }.
server-unusable-invite = Este enlace de invitación es desconocido, ya se usó o ha caducado. Pide uno nuevo.
server-file-id-invalid = La dirección del archivo no es el SHA-256 de su contenido.
server-file-type-missing = El archivo no tiene tipo; se aceptan: { $allowed }.
server-file-type-refused = No se aceptan archivos de tipo «{ $given }»; se aceptan: { $allowed }.
server-file-too-large = El archivo supera lo que acepta este servidor ({ $megabytes } MB como máximo).
server-file-unreadable = No se pudo leer el archivo: { $detail }
server-file-hash-mismatch = El archivo llegó dañado (su contenido no coincide con su dirección); no se guardó nada.
server-file-not-found = El archivo no está guardado en el servidor.
server-failed = El servidor no pudo completar la petición. Inténtalo más tarde.
server-bad-request = El servidor rechazó la petición: { $detail }
server-unreachable = No se puede contactar con el servidor; comprueba la conexión y vuelve a intentarlo.
server-browser = El navegador no pudo completar la petición: { $detail }
server-unexpected-answer = El servidor dio una respuesta inesperada ({ $status }).
server-unexpected-answer-detail = El servidor dio una respuesta inesperada ({ $status }): { $detail }

core-readable-none = (nada)
core-readable-payment-terms = { $days ->
        [one] 1 día
       *[other] { $days } días
    }, { $method }
