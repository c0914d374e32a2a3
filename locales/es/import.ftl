# Importar socios desde un archivo y exportar el registro, en español (ui/import.rs).

## La pantalla
import-back = ← Socios
import-title = Importar y exportar socios

## Leer un archivo
import-heading = Importar
import-help = Un CSV de una hoja de cálculo o de un ERP (Excel, LibreOffice, Odoo, Dolibarr, ERPNext) o una exportación JSON de Partnero. No se guarda nada hasta que pulses Importar; antes se muestran las filas con errores y los duplicados probables.
# $reason: por qué este dispositivo no puede cambiar el registro.
import-refused = { $reason }. Puedes comprobar un archivo, pero no importarlo.
import-file = Archivo (CSV, TSV, TXT o JSON)
import-reading-label = Leyendo el archivo
import-reading = Leyendo y comprobando el archivo…
# $problem: la descripción del problema que da el navegador.
import-unreadable = No se pudo leer el archivo: { $problem }
# $problem: uno de los mensajes validate-import-file-* de abajo.
import-cannot-import = Este archivo no se puede importar: { $problem }
import-choose-mapping = Primero elige qué contiene cada columna.
# $encoding: «UTF-8», «Windows-1252»…
import-read-json = Leído como { $encoding }; es una exportación JSON de Partnero.
# $delimiter: «';'» o el nombre del tabulador; $rows: import-rows.
import-read-csv = Leído como { $encoding }, delimitador { $delimiter }, { $rows } bajo la cabecera de la línea { $line }.
import-rows = { $count ->
    [one] 1 fila
   *[other] { $shown } filas
    }
import-delimiter-tab = tabulador
import-preamble-skipped = { $count ->
    [one] Se ha omitido una línea situada encima de la fila de cabecera.
   *[other] Se han omitido { $shown } líneas situadas encima de la fila de cabecera.
    }
import-lossy = Algunos bytes no se pudieron leer y aparecen como �.

## Qué falla en el archivo entero (src/report/partner_import.rs), dentro de
## import-cannot-import. $shown: $count como el idioma escribe los números («50.000»).
validate-import-file-too-big = el archivo ocupa { $size } MB; se pueden importar archivos de hasta { $max } MB, así que divídelo en archivos más pequeños
validate-import-file-over = el archivo ocupa más de { $max } MB; divídelo en archivos más pequeños
validate-import-file-empty = el archivo está vacío; la primera línea debe nombrar las columnas
validate-import-file-rows = el archivo tiene más de { $count ->
        [one] { $shown } fila
       *[other] { $shown } filas
    }; divídelo en archivos de { $count ->
        [one] { $shown } fila
       *[other] { $shown } filas
    } como máximo
validate-import-file-not-json = no es un archivo de socios de Partnero (JSON con "format": "{ $format }"): { $reason }
validate-import-file-format = se esperaba "format": "{ $format }" y hay { $found }
validate-import-file-version = la versión { $version } no es compatible; esta aplicación lee la versión { $supported }
validate-import-file-partners = el archivo tiene más de { $count ->
        [one] { $shown } socio
       *[other] { $shown } socios
    }; divídelo

## Las columnas
import-columns = Columnas
import-column-header = Columna del archivo (ejemplos)
import-imported-into = Se importa en
import-column-number = Columna { $number }
import-column-empty = (vacía)
import-column-field = Campo para la columna { $column }
import-ignore = — ignorar —
import-default-kind = Tipo de las filas que no lo indican
import-default-country = País de las filas que no lo indican
import-no-country = — ninguno —
import-check = Comprobar filas
import-stale = Ha cambiado la asignación de columnas: pulsa Comprobar filas para ver qué hace.

## Lo que puede llenar una columna
import-target-external-id = Id. externo (detecta duplicados, no se guarda)
import-target-kind = Tipo (cliente, proveedor, ambos)
import-target-is-client = Es cliente (sí/no)
import-target-is-supplier = Es proveedor (sí/no)
import-target-legal-name = Razón social
import-target-trade-name = Nombre comercial
import-target-tax-country = País de la identificación fiscal
import-target-tax-number = Identificación fiscal (número o NIF-IVA)
# $part: uno de los mensajes import-part-*.
import-target-address = Dirección { $number }: { $part }
import-target-contact = Contacto { $number }: { $part }
import-target-bank = Cuenta bancaria { $number }: { $part }
import-target-emails = Correos electrónicos
import-target-phones = Teléfonos
import-target-website = Sitio web
import-target-payment-days = Plazo de pago (días)
import-target-payment-method = Forma de pago
import-target-industry = Sector (texto libre)
import-target-region = Región (texto libre)
import-target-industry-term = Sector (de la lista)
import-target-region-term = Región (de la lista)
import-target-categories = Categorías
import-target-tags = Etiquetas
import-target-notes = Notas
import-target-custom = Personalizado: { $name }
import-part-kind = tipo
import-part-street = calle
import-part-street2 = calle, segunda línea
import-part-city = ciudad
import-part-postal-code = código postal
import-part-region = provincia o estado
import-part-country = país
import-part-name = nombre
import-part-role = cargo
import-part-email = correo electrónico
import-part-phone = teléfono
import-part-holder = titular

## Lo que hará la importación
import-plan-heading = Lo que hará la importación
import-plan-no-rows = El archivo no tiene filas que importar.
# $ready, $duplicates y $rows: import-plan-ready, import-plan-duplicates, import-plan-rows.
import-plan-summary = { $ready }, { $duplicates }, { $invalid } con errores (de { $rows }).
import-plan-ready = { $count ->
    [one] { $shown } lista
   *[other] { $shown } listas
    }
import-plan-duplicates = { $count ->
    [one] { $shown } duplicado probable
   *[other] { $shown } duplicados probables
    }
import-plan-rows = { $count ->
    [one] { $shown } fila
   *[other] { $shown } filas
    }
import-invalid-heading = Filas con errores ({ $count }): no se importan
import-duplicates-heading = Duplicados probables ({ $count }): se omiten salvo que elijas lo contrario
import-line = Línea { $line }
import-line-name = Línea { $line }: { $name }
# $reason: las palabras del núcleo, p. ej. «same tax id».
import-duplicate-existing = Probablemente ya registrado como { $name } ({ $reason })
import-duplicate-line = Probablemente el mismo socio que la línea { $line } ({ $reason })
import-open-it = Abrirlo
import-anyway = Importar de todos modos
import-run = { $count ->
    [one] Importar 1 socio
   *[other] Importar { $shown } socios
    }
import-progress-label = Socios importados
import-progress = Se han importado { $done } de { $total }

## Después de una importación
import-report-heading = Informe de la importación
import-result = { $count ->
    [one] Se ha importado 1 socio.
   *[other] Se han importado { $shown } socios.
    }
import-result-skipped = { $count ->
    [one] 1 fila no se ha importado (ver abajo).
   *[other] { $shown } filas no se han importado (ver abajo).
    }
# $error: por qué se detuvo el guardado, en palabras del registro.
import-stopped = La importación se detuvo tras { $imported } de { $planned } socios: { $error }
import-nothing-imported = No se importó nada.
# $lines: números y rangos de línea, «2–201, 205».
import-imported-lines = Importadas: líneas { $lines }.
import-missing-lines = No importadas: líneas { $lines }. Vuelve a importar el mismo archivo para añadirlas; las filas ya importadas aparecerán como duplicados.
import-not-imported = No importadas
import-download-skipped = Descargar las filas omitidas (CSV)
import-download-skipped-help = Las filas tal como estaban, con una columna de error: corrígelas en una hoja de cálculo y vuelve a importar el archivo.
import-save-failed = No se pudo guardar el archivo: { $problem }

## Exportar
import-export-heading = Exportar
import-export-help = CSV y JSON contienen todos los campos, también los socios archivados (con su estado), y se pueden volver a importar en Partnero. El archivo vCard contiene los contactos, para una libreta de direcciones.
import-export-all = Exportar todos los socios ({ $count })
import-export-filtered = Exportar la búsqueda actual ({ $count })
import-export-search = Exportar la búsqueda actual: «{ $query }» ({ $count })
import-export-vcard = Contactos como vCard
import-export-saved = { $count ->
    [one] Guardado { $name }: { $shown } socio.
   *[other] Guardado { $name }: { $shown } socios.
    }
import-export-failed = No se pudo guardar la exportación: { $problem }
