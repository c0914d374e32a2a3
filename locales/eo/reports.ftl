# La ekrano de raportoj kaj ĝiaj diagramoj, en Esperanto (ui/reports.rs, ui/chart.rs).

## La ekrano de raportoj (ui/reports.rs)
reports-title = Raportoj
reports-print = Presi
reports-print-failed = Ne eblis malfermi la presadon: { $reason }
reports-period-legend = Periodo por novaj partneroj kaj la ĉefaj klientoj kaj provizantoj
reports-period-from = De
reports-period-to = Ĝis
reports-period-reversed = La komenco de la periodo estas post ĝia fino.
reports-period-unreadable = Skribu ambaŭ datojn kiel JJJJ-MM-TT.
reports-period-print = Periodo de { $from } ĝis { $to }; aĝoj de ŝuldoj je { $today }.
reports-export-csv = Eksporti CSV
reports-exported = { $file } estas eksportita.
reports-export-failed = Ne eblis eksporti { $file }: { $reason }
reports-by-kind = Partneroj laŭ speco
reports-kind = Speco
reports-by-category = Partneroj laŭ kategorio
reports-category = Kategorio
reports-no-category = Sen kategorio
reports-by-industry = Partneroj laŭ branĉo
reports-industry = Branĉo
reports-no-industry = Sen branĉo
reports-by-region = Partneroj laŭ regiono
reports-region = Regiono
reports-no-region = Sen regiono
reports-new-partners = Novaj partneroj monate
reports-month = Monato
reports-new-partners-no-period = Elektu validan periodon por vidi la novajn partnerojn monate.
reports-receivables = Aĝoj de ricevotaĵoj hodiaŭ (klientoj ŝuldas al ni)
reports-receivables-empty = Neniu kliento ŝuldas ion nun.
reports-payables = Aĝoj de pagotaĵoj hodiaŭ (ni ŝuldas al provizantoj)
reports-payables-empty = Nenio estas ŝuldata al provizantoj nun.
reports-aging-caption = Nepagitaj sumoj en { $currency } laŭ tagoj post la limdato
reports-partner = Partnero
reports-aging-current = Ne ankoraŭ pagendaj
reports-aging-1-30 = 1–30 tagoj
reports-aging-31-60 = 31–60 tagoj
reports-aging-61-90 = 61–90 tagoj
reports-aging-over-90 = Pli ol 90 tagoj
reports-total = Sumo
reports-total-currency = Sumo { $currency }
reports-top-clients = Ĉefaj klientoj laŭ fakturita sumo en la periodo
reports-top-clients-empty = Neniu fakturo elsendita en ĉi tiu periodo.
reports-top-suppliers = Ĉefaj provizantoj laŭ aĉetoj en la periodo
reports-top-suppliers-empty = Neniu fakturo de provizanto ricevita en ĉi tiu periodo.
reports-top-invoiced = Fakturite ({ $currency })
reports-top-purchased = Aĉetite ({ $currency })
reports-invoices = Fakturoj
reports-choose-period = Elektu validan periodon.

## Diagramoj (ui/chart.rs)
chart-no-data = Neniuj datumoj.
# $values: „Kliento: 5; Provizanto: 3“, ĉiu etikedo kun sia nombro.
chart-summary = { $values }. Sume { $total }.
chart-show-table = Montri kiel tabelon
chart-partners = Partneroj
chart-total = Sumo
chart-share = { $count } ({ $percent } %)
