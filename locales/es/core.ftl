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

core-server-wrong-credentials = correo electrónico o contraseña incorrectos
core-server-account-disabled = esta cuenta está desactivada
core-server-unreachable = no se puede contactar con el servidor; comprueba la conexión y vuelve a intentarlo

core-readable-none = (nada)
core-readable-payment-terms = { $days ->
        [one] 1 día
       *[other] { $days } días
    }, { $method }
