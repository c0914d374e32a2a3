# La pantalla de informes y sus gráficos, en español (ui/reports.rs, ui/chart.rs).

## La pantalla de informes (ui/reports.rs)
reports-title = Informes
reports-print = Imprimir
reports-print-failed = No se pudo abrir la impresión: { $reason }
reports-period-legend = Periodo para los socios nuevos y los principales clientes y proveedores
reports-period-from = Desde
reports-period-to = Hasta
reports-period-reversed = El inicio del periodo es posterior a su final.
reports-period-unreadable = Escribe las dos fechas como AAAA-MM-DD.
reports-period-print = Periodo del { $from } al { $to }; antigüedad de saldos a { $today }.
reports-export-csv = Exportar CSV
reports-exported = Se ha exportado { $file }.
reports-export-failed = No se pudo exportar { $file }: { $reason }
reports-by-kind = Socios por tipo
reports-kind = Tipo
reports-by-category = Socios por categoría
reports-category = Categoría
reports-no-category = Sin categoría
reports-by-industry = Socios por sector
reports-industry = Sector
reports-no-industry = Sin sector
reports-by-region = Socios por región
reports-region = Región
reports-no-region = Sin región
reports-new-partners = Socios nuevos por mes
reports-month = Mes
reports-new-partners-no-period = Elige un periodo válido para ver los socios nuevos por mes.
reports-receivables = Antigüedad de los cobros pendientes a hoy (nos deben los clientes)
reports-receivables-empty = Ahora mismo ningún cliente nos debe nada.
reports-payables = Antigüedad de los pagos pendientes a hoy (debemos a los proveedores)
reports-payables-empty = Ahora mismo no debemos nada a los proveedores.
reports-aging-caption = Importes pendientes en { $currency } por días de retraso
reports-partner = Socio
reports-aging-current = No vencido
reports-aging-1-30 = 1–30 días
reports-aging-31-60 = 31–60 días
reports-aging-61-90 = 61–90 días
reports-aging-over-90 = Más de 90 días
reports-total = Total
reports-total-currency = Total { $currency }
reports-top-clients = Principales clientes por importe facturado en el periodo
reports-top-clients-empty = No se emitió ninguna factura en este periodo.
reports-top-suppliers = Principales proveedores por compras en el periodo
reports-top-suppliers-empty = No se recibió ninguna factura de proveedores en este periodo.
reports-top-invoiced = Facturado ({ $currency })
reports-top-purchased = Comprado ({ $currency })
reports-invoices = Facturas
reports-choose-period = Elige un periodo válido.

## Gráficos (ui/chart.rs)
chart-no-data = Sin datos.
# $values: «Cliente: 5; Proveedor: 3», cada etiqueta con su número.
chart-summary = { $values }. Total: { $total }.
chart-show-table = Ver como tabla
chart-partners = Socios
chart-total = Total
chart-share = { $count } ({ $percent } %)
