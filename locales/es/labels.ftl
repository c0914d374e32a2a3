# Nombres de los enumerados del núcleo tal como los muestra la interfaz (src/text/labels.rs
# decide las claves; tests/i18n.rs comprueba que cada valor tenga el suyo).

label-partner-kind-client = Cliente
label-partner-kind-supplier = Proveedor
label-partner-kind-both = Cliente y proveedor

label-address-kind-billing = Facturación
label-address-kind-shipping = Envío
label-address-kind-other = Otra

label-document-kind-business_licence = Licencia de actividad
label-document-kind-contract = Contrato
label-document-kind-certificate = Certificado
label-document-kind-insurance = Seguro
label-document-kind-bank_certificate = Certificado bancario
label-document-kind-other = Otro

label-invoice-direction-issued = Emitida
label-invoice-direction-received = Recibida

label-purchase-order-status-draft = Borrador
label-purchase-order-status-sent = Enviado
label-purchase-order-status-received = Recibido
label-purchase-order-status-cancelled = Cancelado

label-interaction-kind-call = Llamada
label-interaction-kind-visit = Visita
label-interaction-kind-email = Correo
label-interaction-kind-meeting = Reunión
label-interaction-kind-note = Nota

label-term-list-categories = Categorías
label-term-list-industries = Sectores
label-term-list-regions = Regiones
label-term-list-tags = Etiquetas

label-applies-to-clients = Clientes
label-applies-to-suppliers = Proveedores
label-applies-to-both = Clientes y proveedores

label-custom-field-type-text = Texto
label-custom-field-type-number = Número
label-custom-field-type-date = Fecha
label-custom-field-type-yes_no = Sí / no
label-custom-field-type-choice = Elección de una lista
label-custom-field-type-email = Correo electrónico
label-custom-field-type-phone = Teléfono
label-custom-field-type-iban = IBAN
label-custom-field-type-url = Dirección web

label-exchange-kind-invoices = facturas
label-exchange-kind-payments = pagos
label-exchange-kind-purchase_orders = pedidos de compra

label-direction-filter-all = Facturas emitidas y recibidas
label-direction-filter-issued = Emitidas a clientes
label-direction-filter-received = Recibidas de proveedores

label-status-filter-unpaid = Pendientes y vencidas
label-status-filter-overdue = Solo vencidas
label-status-filter-paid = Pagadas
label-status-filter-all = Todas, también las anuladas

label-sort-order-relevance = Más relevantes
label-sort-order-name = Nombre
label-sort-order-recent = Cambiados recientemente

label-payment-method-unspecified = Sin acordar
label-payment-method-bank_transfer = Transferencia bancaria
label-payment-method-direct_debit = Domiciliación bancaria
label-payment-method-card = Tarjeta
label-payment-method-cash = Efectivo
label-payment-method-cheque = Cheque

label-partner-status-active = Activo
label-partner-status-archived = Archivado

label-review-status-pending = Pendiente
label-review-status-verified = Verificado
label-review-status-rejected = Rechazado

label-role-admin = Administrador
label-role-manager = Responsable
label-role-sales = Comercial
label-role-viewer = Lector
label-role-portal = Contacto del socio

label-section-finance = Finanzas (facturas, pagos, pedidos)
label-section-banking = Cuentas bancarias
label-section-activity = Actividad (llamadas, visitas, notas internas, recordatorios)

label-orphan-reason-archived = campo archivado
label-orphan-reason-not_applicable = campo que no se usa para este tipo de socio
label-orphan-reason-unknown = campo desconocido

label-alert-kind-invoice-due = Factura a punto de vencer
label-alert-kind-invoice-overdue = Factura vencida
label-alert-kind-document-expiring = Documento a punto de caducar
label-alert-kind-reminder = Seguimiento pendiente
label-alert-kind-data-missing = Faltan datos obligatorios

label-invoice-status-open = Pendiente
label-invoice-status-partially_paid = Pagada en parte
label-invoice-status-paid = Pagada
label-invoice-status-overdue = Vencida
label-invoice-status-cancelled = Anulada

label-search-field-name = Nombre
label-search-field-trade_name = Nombre comercial
label-search-field-tax_id = NIF
label-search-field-email = Correo
label-search-field-phone = Teléfono
label-search-field-city = Ciudad
label-search-field-postal_code = Código postal
label-search-field-contact = Contacto
label-search-field-notes = Notas
label-search-field-custom = Campo personalizado

label-verification-incomplete = Incompleto
label-verification-pending = Pendiente de revisión
label-verification-verified = Verificado
