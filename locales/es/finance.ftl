# Las pantallas de dinero y seguimiento en español: la tarjeta de dinero de un socio
# (ui/finance.rs), la pantalla de facturas con su exportación e importación (ui/invoices.rs) y
# la tarjeta de seguimiento de un socio (ui/activity.rs).

## La tarjeta de dinero de un socio (ui/finance.rs)
finance-title = Dinero
finance-nothing = Aún no hay nada registrado.
finance-they-owe = Nos deben { $amount }
finance-we-owe = Les debemos { $amount }
finance-overdue = Vencido { $amount }
finance-invoiced = Facturado
finance-purchased = Comprado
finance-they-pay-in = Nos pagan en
finance-we-pay-in = Les pagamos en
finance-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
    }
finance-days-decimal = { $days } días
finance-interactions = Interacciones
finance-invoices-title = Facturas emitidas y recibidas
finance-no-invoices = Aún no hay facturas.
finance-number = Número
finance-kind = Tipo
finance-due = Vencimiento
finance-amount = Importe
finance-open = Pendiente
finance-status = Estado
finance-file = Archivo
finance-issued = Emitida
finance-bill = Recibida
finance-days-overdue = { $days ->
    [one] ({ $days } día)
   *[other] ({ $days } días)
    }
finance-cancel = Anular
finance-invoice-cancelled = Factura anulada y guardada en este dispositivo.
finance-invoice-gone = esa factura ya no está en este dispositivo
finance-due-hint-terms = Vacío: se calcula con las condiciones de pago del socio.
finance-due-hint-none = Vacío: vence en la fecha de emisión (el socio no tiene condiciones de pago).
finance-invoice-saved = Factura guardada en este dispositivo.
finance-direction-received = Factura del proveedor
finance-direction-issued = Factura al cliente
finance-invoice-form = Registrar una factura emitida o recibida
finance-issue-date = Fecha de emisión (AAAA-MM-DD)
finance-due-date = Fecha de vencimiento (AAAA-MM-DD)
finance-currency = Moneda
finance-reference = Referencia
finance-attach = Adjuntar un escaneo o un PDF
finance-save-invoice = Guardar factura
finance-on-account-option = Ninguna (un pago a cuenta)
finance-settles-option = { $number } — { $amount } pendiente, vence el { $due }
finance-payment-saved = Pago guardado en este dispositivo.
finance-payment-form = Registrar un pago
finance-date = Fecha (AAAA-MM-DD)
finance-method = Forma de pago
finance-settles = Salda
finance-note = Nota
finance-save-payment = Guardar pago
finance-on-account = a cuenta
finance-paid-for = de { $invoices }
finance-order-saved = Pedido de compra guardado en este dispositivo.
finance-order-gone = ese pedido de compra ya no está en este dispositivo
finance-orders-title = Pedidos de compra
finance-order-form = Registrar un pedido de compra
finance-save-order = Guardar pedido de compra
finance-unnamed-file = archivo

## La pantalla de facturas (ui/invoices.rs)
invoices-title = Facturas
invoices-direction = Sentido
invoices-status = Estado
invoices-currency = Moneda
invoices-any-currency = Cualquier moneda
invoices-totals = Totales por moneda
invoices-count = { $count ->
    [one] { $count } factura
   *[other] { $count } facturas
    }
invoices-open = pendiente
invoices-overdue = vencido
invoices-no-match = Ninguna factura coincide con estos filtros.
invoices-empty = Aún no hay facturas. Aquí aparecen las facturas emitidas y recibidas que se registran en la página de un socio.
invoices-partner = Socio
invoices-number = Número
invoices-type = Tipo
invoices-due = Vencimiento
invoices-amount = Importe
invoices-open-amount = Pendiente
invoices-days-overdue = Días de retraso
invoices-to-client = Al cliente
invoices-from-supplier = Del proveedor
invoices-exchange = Exportar e importar
invoices-export = Exportar
invoices-export-failed = No se pudo guardar la exportación: { $reason }
invoices-import = Importar
invoices-importing = Importando…
invoices-import-hint = Las filas con un id conocido sustituyen a la fila guardada, así que volver a importar una exportación no cambia nada. No se guarda nada a menos que todas las filas sean válidas.
invoices-import-kind = Qué contiene el archivo
invoices-import-file = Archivo (CSV o JSON)
invoices-import-choose = Elige primero un archivo CSV o JSON.
invoices-import-unreadable = No se pudo leer el archivo: { $reason }
invoices-import-not-utf8 = El archivo no es texto UTF-8; guárdalo como "CSV UTF-8" o como JSON
invoices-import-error-line = línea { $line }: { $message }
invoices-import-error-line-field = línea { $line }, { $field }: { $message }
invoices-import-invoices = { $count ->
    [one] { $count } factura
   *[other] { $count } facturas
    }
invoices-import-payments = { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
    }
invoices-import-orders = { $count ->
    [one] { $count } pedido de compra
   *[other] { $count } pedidos de compra
    }
invoices-import-unchanged = { $count ->
    [one] { $count } fila ya estaba al día
   *[other] { $count } filas ya estaban al día
    }
invoices-import-done = { $partners ->
    [one] Importado: { $what } de { $partners } socio
   *[other] Importado: { $what } de { $partners } socios
    }
invoices-import-no-rows = Nada que importar: el archivo no tiene filas.
invoices-import-nothing = Nada que importar: { $unchanged }.

## Importar facturas, pagos y pedidos de compra (src/report/exchange.rs): qué falla en un
## archivo, tras la línea y la columna (invoices-import-error-line-field). Los nombres de
## columna y los códigos se quedan como los escribe el archivo. $what: column (CSV) o key
## (JSON); $kind: un mensaje label-exchange-kind-*; $found: un mensaje validate-exchange-json-*
## o un valor del archivo tal como lo escribe JSON.
validate-exchange-quote-unclosed = un campo entre comillas no se cierra nunca; añade las comillas de cierre (")
validate-exchange-quote-text-after = hay texto tras unas comillas de cierre; pon todo el campo entre comillas y duplica las comillas que contenga
validate-exchange-quote-inside = hay comillas dentro de un campo sin comillas; pon todo el campo entre comillas y duplica las comillas que contenga
validate-exchange-column-twice = { $what ->
        [key] la clave
       *[column] la columna
    } aparece dos veces
validate-exchange-column-unknown = { $what ->
        [key] clave desconocida
       *[column] columna desconocida
    }; los archivos de { $kind } tienen { $columns }
validate-exchange-column-required = { $what ->
        [key] falta una clave obligatoria
       *[column] falta una columna obligatoria
    }
validate-exchange-column-partner = { $what ->
        [key] falta una clave obligatoria
       *[column] falta una columna obligatoria
    }: indica partner_id o partner_tax_id
validate-exchange-empty = el archivo está vacío; la primera línea debe nombrar las columnas: { $columns }
validate-exchange-field-count = { $expected ->
        [one] se esperaba { $expected } campo
       *[other] se esperaban { $expected } campos
    }, como en la cabecera, y hay { $found }
validate-exchange-json-invalid = JSON no válido en la línea { $line }, columna { $column }: { $reason }
validate-exchange-json-not-object = se esperaba un objeto con "format": "{ $format }" y hay { $found }
validate-exchange-format-wrong = se esperaba "{ $format }" y hay { $found }
validate-exchange-format-missing = falta; un archivo de finanzas de Partnero tiene "format": "{ $format }"
validate-exchange-version = la versión { $version } no es compatible; esta aplicación lee la versión { $supported }
validate-exchange-missing = falta
validate-exchange-kind-wrong = el archivo contiene { $found }, pero se eligieron { $kind }
validate-exchange-rows-not-array = se esperaba un array y hay { $found }
validate-exchange-row-not-object = se esperaba un objeto y hay { $found }
validate-exchange-value-not-string = se esperaba una cadena (también en los importes, como "12.50") y hay { $found }
validate-exchange-json-null = null
validate-exchange-json-bool = true o false
validate-exchange-json-number = un número
validate-exchange-json-string = una cadena
validate-exchange-json-array = un array
validate-exchange-json-object = un objeto
validate-exchange-allocation-json = asignación { $index }: se esperaba { "{" }"invoice_id": "…", "amount": "12.50"{ "}" }, los dos como cadenas
validate-exchange-allocation-csv = asignación { $index } { $value }: escribe invoice_id:importe, y separa varias con ;
validate-exchange-flag = { $value } no es ni true ni false
validate-exchange-direction-unknown = sentido desconocido { $value }; usa issued o received
validate-exchange-method-unknown = forma de pago desconocida { $value }; usa bank_transfer, direct_debit, card, cash o cheque, o deja la celda vacía
validate-exchange-status-unknown = estado desconocido { $value }; usa draft, sent, received o cancelled
validate-exchange-partner-missing = indica el partner_id o el partner_tax_id del socio
validate-exchange-row-id = los identificadores de fila solo pueden tener letras, cifras, «-», «_» y «.», { $max } como máximo
validate-exchange-partner-unknown-id = ningún socio tiene el id { $id }; indica un partner_id existente o el partner_tax_id
validate-exchange-partner-ambiguous = { $count ->
        [one] { $count } socio tiene
       *[other] { $count } socios tienen
    } la identificación fiscal { $tax_id } ({ $names }); indica el partner_id
validate-exchange-partner-unknown-tax-id = ningún socio tiene la identificación fiscal { $tax_id }
validate-exchange-row-twice = es la misma fila que la de la línea { $first }; cada fila solo puede aparecer una vez
validate-exchange-allocation-unknown = Asignación { $index }: este socio no tiene ninguna factura { $invoice }, ni guardada ni en esta importación
validate-exchange-allocation-ambiguous = Asignación { $index }: { $count ->
        [one] { $count } factura tiene
       *[other] { $count } facturas tienen
    } el número { $invoice }; usa el invoice_id
# El error de un formulario sin su etiqueta, que ya nombra la columna («Importe: …» bajo amount).
validate-exchange-problem = { $problem }
validate-exchange-direction-choose = elige issued o received
validate-exchange-method-choose = elige una de la lista
validate-exchange-status-choose = elige draft, sent, received o cancelled
validate-exchange-date-invalid = escribe una fecha real como AAAA-MM-DD
validate-exchange-currency-unknown = { $code } no es un código de moneda ISO 4217 como EUR
validate-exchange-amount-zero = escribe un importe mayor que cero

## La tarjeta de seguimiento de un socio (ui/activity.rs)
activity-title = Seguimiento
activity-timeline = Cronología
activity-position = en { $latitude }, { $longitude } (±{ $accuracy } m)
activity-summary-required = Resumen: cuenta de qué se habló
activity-logged = Registrado y guardado en este dispositivo.
activity-no-position = Registrado sin ubicación: { $reason }
activity-log-form = Registrar una llamada, visita, correo, reunión o nota
activity-kind = Tipo
activity-template = A partir de una plantilla
activity-no-template = Sin plantilla
activity-summary = Resumen
activity-template-missing = Completa antes de enviar: { $fields }
activity-open-mail = Abrir en la aplicación de correo
activity-copy = Copiar
activity-share = Compartir
activity-record-position = Guardar dónde estoy (el navegador lo pregunta antes)
activity-save = Guardar en la cronología
activity-reminder-due-invalid = Fecha: escríbela como AAAA-MM-DD
activity-reminder-text-missing = Recordatorio: di qué hay que hacer
activity-reminder-saved = Recordatorio guardado en este dispositivo.
activity-reminder-gone = ese recordatorio ya no está en este dispositivo
activity-reminders = Recordatorios
activity-snoozed = (pospuesto hasta el { $date })
activity-reminder-due = Fecha (AAAA-MM-DD)
activity-reminder-what = Qué
activity-reminder-placeholder = Volver a llamar por la oferta
activity-add-reminder = Añadir recordatorio
