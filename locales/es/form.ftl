# El formulario de socios (dar de alta y editar un socio, ui/form.rs y ui/fields.rs) y la
# pantalla de inicio de sesión (ui/account.rs), en español.

## Dar de alta y editar un socio (ui/form.rs)
form-back-to-partners = ← Socios
form-register-title = Dar de alta un socio
form-register-submit = Dar de alta el socio
form-back-to-partner = ← Volver al socio
form-edit-title = Editar el socio
form-save-changes = Guardar los cambios
form-not-found = Socio no encontrado
form-back-to-list = Volver a la lista de socios
form-errors = { $count ->
    [one] Un campo necesita atención:
   *[other] { $count } campos necesitan atención:
    }
form-identification = Identificación
form-kind = Tipo
form-choose = Elige…
form-legal-name = Razón social
form-trade-name = Nombre comercial
form-tax-country = País de la identificación fiscal
form-tax-number = Número de identificación fiscal
form-two-letters = Dos letras, p. ej., ES
form-duplicates = { $count ->
    [one] Puede que este socio ya esté dado de alta:
   *[other] Puede que este socio ya esté dado de alta ({ $count } candidatos):
    }
form-industry = Sector
form-region-territory = Región / territorio
form-addresses = Direcciones
form-address-number = Dirección { $number }
form-remove = Quitar
form-address-type = Tipo
form-street = Calle
form-postal-code = Código postal
form-city = Ciudad
form-region = Región
form-country = País
form-add-address = Añadir una dirección
form-contacts = Contactos
form-contact-number = Contacto { $number }
form-name = Nombre
form-role = Cargo
form-email = Correo electrónico
form-phone = Teléfono
form-add-contact = Añadir un contacto
form-general-emails = Correos electrónicos generales
form-general-phones = Teléfonos generales
form-one-per-line = Uno por línea
form-website = Sitio web
form-payment = Pago
form-apply-preset = Aplicar unas condiciones de pago predefinidas
form-choose-preset = Elige unas condiciones predefinidas…
form-payment-days = Plazo de pago (días)
form-payment-method = Forma de pago
form-bank-account-number = Cuenta bancaria { $number }
form-iban = IBAN
form-bic = BIC
form-holder = Titular
form-add-bank-account = Añadir una cuenta bancaria
form-notes = Notas
form-internal-notes = Notas internas
form-not-saved = No guardado: { $reason }
form-saving = Guardando…

## Las listas y los campos personalizados del espacio de trabajo en el formulario (ui/form.rs)
form-classification = Clasificación
form-categories = Categorías
form-industry-list = Sector (de la lista)
form-region-list = Región / territorio (de la lista)
form-tags = Etiquetas
form-none = Ninguno
form-more-details = Más datos
form-yes = Sí
form-no = No
form-hint-date = Fecha en formato AAAA-MM-DD
form-hint-number = Un número

## Iniciar sesión (ui/account.rs)
sign-in-title = Iniciar sesión
sign-in-intro = Al iniciar sesión, este dispositivo se sincroniza con tu equipo. Necesitas el servidor una vez; después, Partnero también se abre sin conexión.
sign-in-already = Has iniciado sesión como { $email }. Cierra la sesión antes de usar otra cuenta.
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-missing = Escribe tu correo electrónico y tu contraseña.
sign-in-signing-in = Iniciando sesión…
sign-in-button = Iniciar sesión
