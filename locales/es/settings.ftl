# La pantalla de ajustes del espacio de trabajo en español (ui/settings.rs, ui/settings_lists.rs, ui/settings_templates.rs).

## Reglas y avisos (ui/settings.rs)
settings-back = ← Socios
settings-title = Ajustes del espacio de trabajo
settings-device-link = Este dispositivo: almacenamiento, copia de seguridad y restauración
settings-import-link = Importar y exportar socios: CSV, JSON, vCard
settings-read-only = { $reason }. Puedes consultar los ajustes.
settings-intro = Lo que debe tener toda ficha de cliente y de proveedor. Un socio que es a la vez cliente y proveedor necesita lo que exija cualquiera de los dos. Los formularios no guardan una ficha a la que le falten datos obligatorios; los documentos obligatorios deciden el estado de verificación.
settings-clients = Clientes
settings-suppliers = Proveedores
settings-rule-tax-id = NIF obligatorio
settings-rule-email = Correo electrónico obligatorio
settings-rule-phone = Teléfono obligatorio
settings-rule-address = Dirección obligatoria
settings-rule-contact = Persona de contacto obligatoria
settings-rule-bank-account = Cuenta bancaria obligatoria
settings-documents-required = Documentos de verificación obligatorios (verificados y vigentes):
settings-expiring = Documentos que caducan
settings-expiry-days = Marcar los documentos que caducan en menos de (días)
settings-alerts = Avisos (calculados en cada dispositivo, también sin conexión)
settings-alert-due = Factura o recibo que vence en menos de (días; vacío: nunca)
settings-alert-overdue = Facturas y recibos vencidos
settings-alert-expiring = Documento de verificación que caduca en menos de (días; vacío: nunca)
settings-alert-follow-ups = Recordatorios pendientes
settings-alert-missing = Socios a los que les faltan datos obligatorios
settings-expiry-invalid = Aviso de caducidad: introduce un número entero de días entre 0 y 365
settings-due-invalid = Aviso de vencimiento de facturas: introduce un número entero de días entre 0 y 365, o déjalo vacío para no avisar nunca
settings-expiring-invalid = Aviso de documentos que caducan: introduce un número entero de días entre 0 y 365, o déjalo vacío para no avisar nunca
settings-saved = Ajustes guardados; se aplican en todos los dispositivos.
settings-not-saved = No se guardó: { $reason }
settings-saving = Guardando…
settings-save = Guardar los ajustes
settings-lists = Campos y clasificación

## Campos personalizados, listas de clasificación y condiciones de pago (ui/settings_lists.rs)
settings-rename = Renombrar
settings-add = Añadir
settings-remove = Quitar
settings-custom-fields = Campos personalizados
settings-custom-fields-help = Campos adicionales en las fichas de los socios. Al renombrar un campo se conservan sus valores; al archivarlo desaparece de los formularios, pero todos sus valores guardados siguen en las páginas de los socios.
settings-field-new = Campo nuevo
settings-field-placeholder = p. ej., Código de proveedor
settings-field-type = Tipo
settings-field-choices = Opciones (separadas por comas)
settings-field-applies = Se aplica a
settings-field-required = Obligatorio
settings-field-add = Añadir el campo
settings-field-added = Campo personalizado añadido.
settings-field-label-required = Campo personalizado: el nombre es obligatorio
settings-field-choices-required = Campo personalizado: una lista de opciones necesita sus opciones, separadas por comas
settings-field-duplicate = Campo personalizado: ya hay un campo llamado { $label }
settings-field-gone = ese campo ya no existe
settings-field-renamed = Campo renombrado; sus valores se conservan.
settings-field-restored = Campo restaurado.
settings-field-archived = Campo archivado; los valores guardados se conservan.
settings-field-order-saved = Orden guardado.
settings-field-is-required = obligatorio
settings-field-is-archived = archivado
settings-field-label = Nombre del campo
settings-field-move-up = Subir
settings-field-move-up-title = Mostrar este campo antes en los formularios
settings-field-restore = Restaurar
settings-field-archive = Archivar
settings-term-new = Nuevo elemento en { $list }
settings-term-added = Añadido.
settings-term-renamed = Renombrado; los socios lo conservan.
settings-term-merged = Fusionado; sus socios se han reasignado.
settings-term-deleted = Eliminado; se ha quitado de sus socios.
settings-term-moved = Movido.
settings-term-name = Nombre ({ $list })
settings-term-used = { $count ->
    [one] { $count } socio
   *[other] { $count } socios
    }
settings-term-parent = Categoría superior
settings-term-top-level = Nivel superior
settings-term-under = Dentro de { $name }
settings-term-merge = Fusionar con
settings-term-delete = Eliminar (quitar de los socios)
settings-term-merge-into = Fusionar con { $name }
settings-term-apply = Aplicar
settings-presets = Condiciones de pago predefinidas
settings-preset-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
    }
settings-preset-new = Condición nueva
settings-preset-placeholder = p. ej., 60 días, transferencia
settings-preset-days-label = Días
settings-preset-method = Forma de pago
settings-preset-add = Añadir la condición
settings-preset-added = Condición añadida.
settings-preset-removed = Condición quitada.
settings-preset-days-invalid = Condición de pago: los días deben ser un número entero entre 0 y 365
settings-preset-label-required = Condición de pago: el nombre es obligatorio

## Plantillas de mensajes (ui/settings_templates.rs)
settings-templates = Plantillas de mensajes
settings-templates-help = Marcadores: { $placeholders }. Un mensaje abierto desde la página de un socio los lleva ya rellenados.
settings-template-new = Plantilla nueva
settings-template-name = Nombre
settings-template-language = Idioma
settings-template-language-help = Los importes y las fechas se rellenan como se escriben en este idioma.
settings-template-subject = Asunto
settings-template-text = Texto
settings-template-save = Guardar la plantilla
settings-template-add = Añadir la plantilla
settings-template-delete = Eliminar
settings-template-saved = Plantilla guardada.
settings-template-deleted = Plantilla eliminada.
settings-template-name-required = Plantilla: el nombre es obligatorio
settings-template-text-required = Plantilla: el texto es obligatorio
