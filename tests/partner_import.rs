//! Native tests of the partner import (`report::partner_import`): real-looking exports of Odoo,
//! Dolibarr, ERPNext and spreadsheets (Windows-1252 with `;`, UTF-16 with tabs) in
//! `tests/data/partners/` are decoded, mapped automatically and planned with the expected
//! counts; a generated 1,000-row file with 20 broken rows reports exactly those rows with their
//! lines and columns; duplicates are found in the file and in the registry; the skipped rows
//! come back as a CSV that imports once fixed; limits are refused with a clear message.

use std::collections::BTreeMap;

use partnero::model::*;
use partnero::report::partner_import::{
    decode, parse_csv, plan_partner_import, plan_summary, skipped_rows_csv, suggest_mapping,
    AddressPart, BankPart, DuplicateOf, ImportMapping, PartnerImportPlan, RowOutcome, Table,
    Target, MAX_FILE_BYTES, MAX_ROWS,
};
use partnero::validate::{validate_partner, AddressDraft, PartnerDraft};

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/partners/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("read {path}: {error}"))
}

/// Decodes, parses, maps automatically and plans a sample against an empty registry.
fn import_sample(name: &str) -> (&'static str, Table, ImportMapping, PartnerImportPlan) {
    let decoded = decode(&sample(name)).unwrap();
    let table = parse_csv(&decoded.text).unwrap();
    let settings = WorkspaceSettings::default();
    let mapping = ImportMapping::suggest(&table, &settings);
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    (decoded.encoding, table, mapping, plan)
}

fn ready(plan: &PartnerImportPlan) -> Vec<&PartnerProfile> {
    plan.rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Ready(profile) => Some(profile),
            _ => None,
        })
        .collect()
}

fn assert_all_ready(plan: &PartnerImportPlan, expected: usize) {
    assert_eq!(
        plan.counts.ready,
        expected,
        "errors: {:#?}\nrows: {:#?}",
        plan.errors(),
        plan.rows
    );
    assert_eq!(plan.counts.rows, expected);
    assert_eq!(plan.counts.invalid, 0);
    assert_eq!(plan.counts.duplicates, 0);
}

fn target_of<'m>(table: &Table, mapping: &'m ImportMapping, header: &str) -> Option<&'m Target> {
    let index = table
        .headers
        .iter()
        .position(|name| name == header)
        .unwrap_or_else(|| panic!("no header {header:?} in {:?}", table.headers));
    mapping.columns[index].as_ref()
}

#[test]
fn odoo_export_is_mapped_and_imported() {
    let (encoding, table, mapping, plan) = import_sample("odoo_res_partner.csv");
    assert_eq!(encoding, "UTF-8");
    assert_eq!(table.delimiter, ',');
    assert_eq!(
        target_of(&table, &mapping, "Name"),
        Some(&Target::LegalName)
    );
    assert_eq!(
        target_of(&table, &mapping, "Tax ID"),
        Some(&Target::TaxNumber)
    );
    assert_eq!(target_of(&table, &mapping, "Company Type"), None);
    assert_eq!(
        target_of(&table, &mapping, "Bank Accounts/Account Number"),
        Some(&Target::Bank(0, BankPart::Iban))
    );
    assert_eq!(
        target_of(&table, &mapping, "Customer Rank"),
        Some(&Target::CustomerFlag)
    );
    assert_all_ready(&plan, 5);
    let profiles = ready(&plan);
    let garcia = profiles[0];
    assert_eq!(garcia.legal_name, "Construcciones García S.L.");
    assert_eq!(garcia.kind, PartnerKind::Client);
    assert_eq!(garcia.tax_id.country, "ES");
    assert_eq!(garcia.tax_id.number, "B12345674");
    assert_eq!(garcia.addresses[0].street, "Calle Mayor, 5, 2º B");
    assert_eq!(garcia.addresses[0].country, "ES");
    assert_eq!(garcia.addresses[0].kind, AddressKind::Billing);
    assert_eq!(garcia.bank_accounts[0].iban, "ES9121000418450200051332");
    assert_eq!(garcia.notes, "Cliente desde 2019.\nPaga puntual.");
    let muller = profiles[1];
    assert_eq!(muller.kind, PartnerKind::Both, "ranks 2 and 3");
    assert_eq!(muller.tax_id.country, "DE");
    assert_eq!(muller.addresses[0].country, "DE");
    assert_eq!(muller.website, "https://www.oelwerk-mueller.de");
    // Odoo's "False" for an empty field is nothing.
    assert_eq!(profiles[2].kind, PartnerKind::Supplier);
    assert_eq!(profiles[2].notes, "");
    assert_eq!(profiles[2].phones, vec!["+34954000111".to_owned()]);
    // A person with only a country: no address, but the phone is dialled in Spain.
    let ana = profiles[3];
    assert_eq!(ana.kind, PartnerKind::Both);
    assert!(ana.addresses.is_empty());
    assert!(ana.tax_id.number.is_empty());
    assert_eq!(ana.phones, vec!["+34600123456".to_owned()]);
    assert_eq!(profiles[4].kind, PartnerKind::Supplier);
}

#[test]
fn dolibarr_export_is_mapped_and_imported() {
    let (_, table, mapping, plan) = import_sample("dolibarr_societe.csv");
    assert_eq!(
        target_of(&table, &mapping, "Alias name"),
        Some(&Target::TradeName)
    );
    assert_eq!(
        target_of(&table, &mapping, "VAT ID"),
        Some(&Target::TaxNumber)
    );
    assert_eq!(
        target_of(&table, &mapping, "Professional ID 1"),
        Some(&Target::TaxNumber)
    );
    assert_eq!(
        target_of(&table, &mapping, "Town"),
        Some(&Target::Address(0, AddressPart::City))
    );
    assert_all_ready(&plan, 4);
    let profiles = ready(&plan);
    assert_eq!(profiles[0].trade_name, "Frutas Fer");
    assert_eq!(
        profiles[0].addresses[0].street,
        "Mercado Central, puesto 12"
    );
    assert_eq!(
        profiles[1].kind,
        PartnerKind::Both,
        "customer 3 and supplier 1"
    );
    assert_eq!(profiles[1].notes, "Visita mensual; \"vino\" a granel");
    // The professional id fills in when the VAT is empty; its country is the address's.
    assert_eq!(profiles[2].tax_id.country, "ES");
    assert_eq!(profiles[2].tax_id.number, "B07123458");
    assert_eq!(profiles[2].kind, PartnerKind::Supplier);
    assert_eq!(profiles[2].addresses[0].postal_code, "07002");
    // A prospect (2) is a client.
    assert_eq!(profiles[3].kind, PartnerKind::Client);
    assert_eq!(profiles[3].tax_id.country, "FR");
}

#[test]
fn erpnext_template_with_preamble_is_mapped_and_imported() {
    let (_, table, mapping, plan) = import_sample("erpnext_customer.csv");
    assert_eq!(table.header_line, 9, "the Column Labels row");
    assert_eq!(table.rows[0].line, 15);
    assert_eq!(
        target_of(&table, &mapping, "Customer Name"),
        Some(&Target::LegalName)
    );
    assert_eq!(target_of(&table, &mapping, "ID"), Some(&Target::ExternalId));
    assert_eq!(target_of(&table, &mapping, "Customer Type"), None);
    assert_eq!(mapping.default_kind, PartnerKind::Client);
    assert_all_ready(&plan, 3);
    let profiles = ready(&plan);
    assert_eq!(profiles[0].legal_name, "Hotel Sol y Mar S.L.");
    assert_eq!(profiles[0].tax_id.number, "B07123458");
    assert_eq!(profiles[0].industry, "Commercial");
    assert_eq!(profiles[0].region, "Spain");
    assert_eq!(
        profiles[2].emails,
        vec!["jordi.puig@example.com".to_owned()]
    );

    let (_, _, mapping, plan) = import_sample("erpnext_supplier.csv");
    assert_eq!(mapping.default_kind, PartnerKind::Supplier);
    assert_all_ready(&plan, 2);
    assert!(ready(&plan)
        .iter()
        .all(|profile| profile.kind == PartnerKind::Supplier && profile.tax_id.country == "ES"));
}

#[test]
fn windows_1252_semicolon_spreadsheet_in_spanish_is_imported() {
    let (encoding, table, mapping, plan) = import_sample("excel_windows1252.csv");
    assert_eq!(encoding, "Windows-1252");
    assert_eq!(table.delimiter, ';');
    assert_eq!(table.headers[0], "Razón social");
    assert_eq!(mapping.default_country, "ES", "a NIF column");
    assert_eq!(
        target_of(&table, &mapping, "Días de pago"),
        Some(&Target::PaymentDays)
    );
    assert_all_ready(&plan, 3);
    let profiles = ready(&plan);
    let munoz = profiles[0];
    assert_eq!(munoz.legal_name, "Panadería Muñoz S.L.");
    assert_eq!(munoz.addresses[0].street, "Calle Ñandú, 3");
    assert_eq!(munoz.addresses[0].region, "Sevilla");
    assert_eq!(munoz.addresses[0].country, "ES");
    assert_eq!(munoz.kind, PartnerKind::Client);
    assert_eq!(munoz.payment_terms.method, PaymentMethod::BankTransfer);
    assert_eq!(munoz.payment_terms.days, Some(30));
    assert_eq!(munoz.phones, vec!["+34954123456".to_owned()]);
    let pena = profiles[1];
    assert_eq!(pena.kind, PartnerKind::Supplier);
    assert_eq!(pena.payment_terms.method, PaymentMethod::DirectDebit);
    assert_eq!(pena.payment_terms.days, Some(60));
    let ibanez = profiles[2];
    assert_eq!(ibanez.kind, PartnerKind::Both);
    assert_eq!(ibanez.tax_id.number, "12345678Z");
    assert_eq!(ibanez.payment_terms.method, PaymentMethod::Cash);
    assert_eq!(ibanez.notes, "Cliente \"VIP\"; muy puntual");
}

#[test]
fn utf16_tab_separated_file_with_esperanto_headers_is_imported() {
    let (encoding, table, mapping, plan) = import_sample("esperanto_utf16.txt");
    assert_eq!(encoding, "UTF-16LE");
    assert_eq!(table.delimiter, '\t');
    assert_eq!(
        target_of(&table, &mapping, "Poŝtkodo"),
        Some(&Target::Address(0, AddressPart::PostalCode))
    );
    assert_eq!(
        target_of(&table, &mapping, "Retpoŝto"),
        Some(&Target::Email)
    );
    assert_all_ready(&plan, 2);
    let profiles = ready(&plan);
    assert_eq!(profiles[1].legal_name, "Libroservo Ĉeĥa");
    assert_eq!(profiles[1].tax_id.country, "ES");
}

#[test]
fn decoding_detects_boms_and_falls_back_to_windows_1252() {
    let with_bom = decode(b"\xEF\xBB\xBFName\r\nCaf\xC3\xA9\r\n").unwrap();
    assert_eq!(with_bom.encoding, "UTF-8 with BOM");
    assert_eq!(with_bom.text, "Name\r\nCafé\r\n");
    let big_endian = decode(&[0xFE, 0xFF, 0, b'N', 0, 0xE9]).unwrap();
    assert_eq!(big_endian.encoding, "UTF-16BE");
    assert_eq!(big_endian.text, "Né");
    // UTF-16 without a BOM shows itself by its NUL bytes.
    let no_bom: Vec<u8> = "Name,City\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(decode(&no_bom).unwrap().encoding, "UTF-16LE");
    let legacy = decode(b"Pe\xF1a \x80 \x93x\x94").unwrap();
    assert_eq!(legacy.encoding, "Windows-1252");
    assert_eq!(legacy.text, "Peña € “x”");
}

#[test]
fn mapping_recognises_headers_in_three_languages_and_our_codes() {
    let headers = [
        "Nombre",
        "CIF",
        "Dirección",
        "Ciudad",
        "Código postal",
        "Teléfono",
        "Correo",
        "Nomo",
        "Urbo",
        "Poŝtkodo",
        "Telefono",
        "Retpoŝto",
        "address2.city",
        "custom.supplier-code",
        "Whatever",
        "error",
    ];
    let targets = suggest_mapping(&headers);
    assert_eq!(
        targets,
        vec![
            Some(Target::LegalName),
            Some(Target::TaxNumber),
            Some(Target::Address(0, AddressPart::Street)),
            Some(Target::Address(0, AddressPart::City)),
            Some(Target::Address(0, AddressPart::PostalCode)),
            Some(Target::Phone),
            Some(Target::Email),
            Some(Target::LegalName),
            Some(Target::Address(0, AddressPart::City)),
            Some(Target::Address(0, AddressPart::PostalCode)),
            Some(Target::Phone),
            Some(Target::Email),
            Some(Target::Address(1, AddressPart::City)),
            Some(Target::Custom("supplier-code".into())),
            None,
            None,
        ]
    );
    for target in Target::choices(&WorkspaceSettings::default(), 2) {
        assert_eq!(Target::from_code(&target.code()), Some(target.clone()));
    }
    // A contact role without a contact name is not suggested: a contact needs a name.
    assert_eq!(
        suggest_mapping(&["Name", "Job Position"]),
        vec![Some(Target::LegalName), None]
    );
}

#[test]
fn parsing_handles_quotes_line_breaks_and_blank_lines() {
    let text =
        "name;notes;city\n\"A;B\";\"line one\r\nline \"\"two\"\"\";Madrid\n\n;;\nC;plain;Sevilla\n";
    let table = parse_csv(text).unwrap();
    assert_eq!(table.delimiter, ';');
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        table.rows[0].fields,
        vec!["A;B", "line one\nline \"two\"", "Madrid"]
    );
    assert_eq!(table.rows[0].line, 2);
    assert_eq!(
        table.rows[1].line, 6,
        "after a two-line record and two blank lines"
    );
    assert_eq!(table.rows[1].fields, vec!["C", "plain", "Sevilla"]);
    // Pipes.
    let table = parse_csv("name|city\nA|B\nC|D\n").unwrap();
    assert_eq!(table.delimiter, '|');
}

/// A valid Spanish CIF with letter B for a 7-digit body.
fn cif(body: u32) -> String {
    let digits: Vec<u32> = format!("{body:07}")
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let even = digits[1] + digits[3] + digits[5];
    let odd: u32 = [digits[0], digits[2], digits[4], digits[6]]
        .iter()
        .map(|digit| {
            let double = digit * 2;
            double / 10 + double % 10
        })
        .sum();
    let control = (10 - (even + odd) % 10) % 10;
    format!("B{body:07}{control}")
}

const HEADER: &str =
    "Name,VAT,Street,City,Zip,Country,Email,Phone,IBAN,Customer,Supplier,Website,Payment days";
const CITIES: [&str; 10] = [
    "Madrid", "Sevilla", "Valencia", "Bilbao", "Málaga", "Zaragoza", "Murcia", "Palma", "Córdoba",
    "Vigo",
];

fn good_row(index: usize) -> Vec<String> {
    vec![
        format!("Comercial {index:04} S.L."),
        format!("ES{}", cif(1_000_000 + index as u32 * 7)),
        format!("Calle {index}"),
        CITIES[index % CITIES.len()].to_owned(),
        "28001".to_owned(),
        "ES".to_owned(),
        format!("info{index}@comercial{index}.es"),
        format!("+34 91{index:07}"),
        "ES91 2100 0418 4502 0005 1332".to_owned(),
        "1".to_owned(),
        if index % 3 == 0 { "1" } else { "0" }.to_owned(),
        format!("comercial{index}.es"),
        "30".to_owned(),
    ]
}

/// Column index of a header of [`HEADER`].
fn column(name: &str) -> usize {
    HEADER.split(',').position(|header| header == name).unwrap()
}

/// The broken rows: (row index, how the line is written, the column the error names, "" for
/// the row as a whole). Row `index` is on line `index + 1`.
fn broken_rows() -> Vec<(usize, String, &'static str)> {
    let with = |index: usize, name: &str, value: &str| {
        let mut fields = good_row(index);
        fields[column(name)] = value.to_owned();
        fields.join(",")
    };
    vec![
        (40, with(40, "VAT", "ESB12345670"), "VAT"),
        (
            85,
            with(85, "IBAN", "ES00 2100 0418 4502 0005 1332"),
            "IBAN",
        ),
        (120, with(120, "Email", "info@@example.es"), "Email"),
        (160, with(160, "Name", ""), "Name"),
        (
            200,
            {
                let mut fields = good_row(200);
                fields.pop();
                fields.join(",")
            },
            "",
        ),
        (250, with(250, "Zip", "2801"), "Zip"),
        (300, with(300, "Phone", "+34 12"), "Phone"),
        (350, with(350, "Website", "ftp://comercial.es"), "Website"),
        (400, with(400, "Payment days", "400"), "Payment days"),
        (450, with(450, "Country", "Narnia"), "Country"),
        (500, with(500, "Customer", "maybe"), "Customer"),
        (550, with(550, "Name", "\"Comercial\" 550 S.L."), ""),
        (600, format!("{},extra", good_row(600).join(",")), ""),
        (650, with(650, "VAT", "ES123"), "VAT"),
        (700, with(700, "IBAN", "ES91 2100"), "IBAN"),
        (750, with(750, "Email", "\"ok@example.es; bad@\""), "Email"),
        (800, with(800, "VAT", "12345678A"), "VAT"),
        (850, with(850, "Name", "NULL"), "Name"),
        (900, with(900, "Zip", "ABCDE"), "Zip"),
        // Last, so that the quote never closed runs to the end of the file.
        (950, with(950, "Name", "\"Comercial 950 S.L."), ""),
    ]
}

fn generated_file() -> String {
    let broken: BTreeMap<usize, String> = broken_rows()
        .into_iter()
        .map(|(index, line, _)| (index, line))
        .collect();
    let mut text = format!("{HEADER}\r\n");
    for index in 1..=1000 {
        match broken.get(&index) {
            Some(line) => text.push_str(line),
            None => text.push_str(&good_row(index).join(",")),
        }
        text.push_str("\r\n");
    }
    text
}

#[test]
fn a_thousand_rows_with_twenty_broken_report_exactly_those() {
    let text = generated_file();
    let table = parse_csv(&text).unwrap();
    assert_eq!(table.rows.len(), 1000);
    let settings = WorkspaceSettings::default();
    let mapping = ImportMapping::suggest(&table, &settings);
    assert!(mapping.columns.iter().all(Option::is_some), "{mapping:?}");
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    assert_eq!(plan.counts.rows, 1000);
    assert_eq!(plan.counts.ready, 980, "{:#?}", plan.errors());
    assert_eq!(plan.counts.invalid, 20);
    assert_eq!(plan.counts.duplicates, 0);
    assert_eq!(
        plan_summary(&plan.counts),
        "980 ready, 0 probable duplicates, 20 with errors (of 1,000 rows)."
    );
    let invalid: BTreeMap<usize, &Vec<partnero::validate::FieldError>> = plan
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            RowOutcome::Invalid(errors) => Some((row.line, errors)),
            _ => None,
        })
        .collect();
    for (index, _, expected_column) in broken_rows() {
        let line = index + 1;
        let errors = invalid
            .get(&line)
            .unwrap_or_else(|| panic!("line {line} should be invalid; invalid: {invalid:#?}"));
        assert!(
            errors.iter().any(|error| error.field == expected_column),
            "line {line}: expected an error about column {expected_column:?}, got {errors:#?}"
        );
        for error in errors.iter() {
            let prefix = if error.field.is_empty() {
                format!("Line {line}: ")
            } else {
                format!("Line {line}, column \"{}\": ", error.field)
            };
            assert!(error.message.starts_with(&prefix), "{error:?}");
        }
    }
    assert_eq!(invalid.len(), 20);
    // Kinds from the flags: every third row is also a supplier.
    let third = plan.rows.iter().find(|row| row.line == 4).unwrap();
    assert!(
        matches!(&third.outcome, RowOutcome::Ready(profile) if profile.kind == PartnerKind::Both)
    );
}

#[test]
fn skipped_rows_come_back_as_csv_that_imports_once_fixed() {
    let table = parse_csv(&generated_file()).unwrap();
    let settings = WorkspaceSettings::default();
    let mapping = ImportMapping::suggest(&table, &settings);
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    let skipped = skipped_rows_csv(&table, &plan, &[]);
    let skipped_table = parse_csv(&skipped).unwrap();
    assert_eq!(
        skipped_table.headers.last().map(String::as_str),
        Some("error")
    );
    assert_eq!(skipped_table.rows.len(), 20);
    let error_column = skipped_table.headers.len() - 1;
    for (row, (index, _, _)) in skipped_table.rows.iter().zip(broken_rows()) {
        let message = &row.fields[error_column];
        assert!(
            message.starts_with(&format!("Line {}", index + 1)),
            "{message}"
        );
    }
    // The user fixes every row in a spreadsheet (here: writes the good values back), keeping
    // the error column, and imports the file again.
    let fixed_rows: Vec<Vec<String>> = broken_rows()
        .iter()
        .zip(&skipped_table.rows)
        .map(|((index, _, _), row)| {
            let mut fields = good_row(*index);
            fields.push(row.fields.get(error_column).cloned().unwrap_or_default());
            fields
        })
        .collect();
    let headers: Vec<&str> = skipped_table.headers.iter().map(String::as_str).collect();
    let fixed = partnero::report::to_csv(&headers, &fixed_rows);
    let fixed_table = parse_csv(&fixed).unwrap();
    let mapping = ImportMapping::suggest(&fixed_table, &settings);
    assert_eq!(
        mapping.columns.last(),
        Some(&None),
        "the error column is ignored"
    );
    let again = plan_partner_import(&fixed_table, &mapping, &settings, std::iter::empty());
    assert_eq!(again.counts.ready, 20, "{:#?}", again.errors());
    // Skipped again (say, against a registry that has them now), the error column is reused.
    let twice = skipped_rows_csv(&fixed_table, &PartnerImportPlan::default(), &[]);
    assert_eq!(parse_csv(&twice).unwrap().headers, skipped_table.headers);
}

fn stored(profile: PartnerProfile) -> Partner {
    Partner::new(profile, 1_780_000_000_000)
}

#[test]
fn duplicates_in_the_file_and_in_the_registry() {
    let existing_profile = validate_partner(&PartnerDraft {
        kind: "client".into(),
        legal_name: "Construcciones García S.L.".into(),
        tax_country: "ES".into(),
        tax_number: "B12345674".into(),
        addresses: vec![AddressDraft {
            id: "a1".into(),
            kind: "billing".into(),
            city: "Madrid".into(),
            country: "ES".into(),
            ..AddressDraft::default()
        }],
        payment_method: String::new(),
        ..PartnerDraft::default()
    })
    .unwrap();
    let existing = stored(existing_profile);
    let text = "Name,VAT,City,Country\r\n\
                Construcciones Garcia SL,ESB12345674,Madrid,ES\r\n\
                Hermanos Pérez S.L.,,Sevilla,ES\r\n\
                Talleres Norte S.A.,ESB87654323,Bilbao,ES\r\n\
                HERMANOS PEREZ SL,,Sevilla,ES\r\n\
                Talleres del Norte,B87654323,Vigo,ES\r\n\
                Hermanos Pérez S.L.,,Cádiz,ES\r\n";
    let table = parse_csv(text).unwrap();
    let settings = WorkspaceSettings::default();
    let mapping = ImportMapping::suggest(&table, &settings);
    let plan = plan_partner_import(&table, &mapping, &settings, [("partner-1", &existing)]);
    assert_eq!(plan.counts.ready, 3, "{:#?}", plan.rows);
    assert_eq!(plan.counts.duplicates, 3);
    let outcome = |line: usize| {
        &plan
            .rows
            .iter()
            .find(|row| row.line == line)
            .unwrap()
            .outcome
    };
    match outcome(2) {
        RowOutcome::Duplicate { of, reason, .. } => {
            assert_eq!(
                of,
                &DuplicateOf::Existing {
                    id: "partner-1".into(),
                    name: "Construcciones García S.L.".into()
                }
            );
            assert!(reason.starts_with("same tax id"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    match outcome(5) {
        RowOutcome::Duplicate { of, reason, .. } => {
            assert_eq!(of, &DuplicateOf::Line(3));
            assert!(
                reason.contains("similar name") && reason.contains("same city"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    match outcome(6) {
        RowOutcome::Duplicate { of, reason, .. } => {
            assert_eq!(of, &DuplicateOf::Line(4));
            assert_eq!(reason, "same tax id");
        }
        other => panic!("{other:?}"),
    }
    // The same name in another city is another company.
    assert!(matches!(outcome(7), RowOutcome::Ready(_)));
    // Skipped duplicates go to the skipped rows; those imported anyway do not.
    let skipped = parse_csv(&skipped_rows_csv(&table, &plan, &[5])).unwrap();
    assert_eq!(skipped.rows.len(), 2);
    assert!(skipped.rows[0].fields[4]
        .starts_with("Probably already registered as Construcciones García S.L."));
    assert_eq!(plan.profiles_to_create(&[5]).len(), 4);
}

#[test]
fn required_settings_are_enforced_and_named_by_column() {
    let mut settings = WorkspaceSettings::default();
    settings.client.email = true;
    settings.client.tax_id = true;
    let table = parse_csv("Name,Email,NIF\r\nSin Correo S.L.,,\r\n").unwrap();
    let mapping = ImportMapping::suggest(&table, &settings);
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    let errors = plan.errors();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().any(|error| error.field == "NIF"
        && error
            .message
            .starts_with("Line 2, column \"NIF\": Tax id number is required")));
    assert!(errors.iter().any(|error| error.field == "Email"));
}

#[test]
fn limits_are_refused_with_a_clear_message() {
    let too_big = vec![b'a'; MAX_FILE_BYTES + 1];
    let error = decode(&too_big).unwrap_err();
    assert!(error.message.contains("up to 20 MB"), "{error}");
    let mut many = String::from("Name,City\n");
    for index in 0..=MAX_ROWS {
        many.push_str(&format!("P{index},X\n"));
    }
    let error = parse_csv(&many).unwrap_err();
    assert!(error.message.contains("more than 50,000 rows"), "{error}");
    assert!(parse_csv("\r\n\r\n").unwrap_err().message.contains("empty"));
    // Exactly the limit is fine.
    let mut limit = String::from("Name,City\n");
    for index in 0..MAX_ROWS {
        limit.push_str(&format!("P{index},X\n"));
    }
    assert_eq!(parse_csv(&limit).unwrap().rows.len(), MAX_ROWS);
}

#[test]
fn registry_duplicates_by_name_email_and_id_and_merged_records_are_ignored() {
    let profile = |name: &str, email: &str| {
        validate_partner(&PartnerDraft {
            kind: "supplier".into(),
            legal_name: name.into(),
            emails: email.into(),
            addresses: vec![AddressDraft {
                id: "a1".into(),
                kind: "billing".into(),
                city: "Bilbao".into(),
                country: "ES".into(),
                ..AddressDraft::default()
            }],
            ..PartnerDraft::default()
        })
        .unwrap()
    };
    let talleres = stored(profile("Talleres Norte, S.A.", ""));
    let mailer = stored(profile("Otra Empresa S.L.", "pedidos@acme.es"));
    let mut merged = stored(profile("Fundiciones Vascas S.L.", ""));
    merged.merged_into = Some("partner-9".into());
    let registry = [
        ("partner-1", &talleres),
        ("partner-2", &mailer),
        ("partner-3", &merged),
    ];
    let text = "ID,Name,Email,City,Country\r\n\
                X1,TALLERES NORTE SA,,Bilbao,ES\r\n\
                X2,Acme Ibérica S.L.,Pedidos@ACME.es,Bilbao,ES\r\n\
                partner-1,Renamed Since,,Bilbao,ES\r\n\
                X4,Fundiciones Vascas S.L.,,Bilbao,ES\r\n\
                X5,Talleres Sur S.L.,,Bilbao,ES\r\n";
    let table = parse_csv(text).unwrap();
    let settings = WorkspaceSettings::default();
    let mapping = ImportMapping::suggest(&table, &settings);
    let plan = plan_partner_import(&table, &mapping, &settings, registry);
    let of = |line: usize| match &plan
        .rows
        .iter()
        .find(|row| row.line == line)
        .unwrap()
        .outcome
    {
        RowOutcome::Duplicate { of, reason, .. } => Some((of.clone(), reason.clone())),
        _ => None,
    };
    let existing = |id: &str, name: &str| DuplicateOf::Existing {
        id: id.into(),
        name: name.into(),
    };
    let (first, reason) = of(2).unwrap();
    assert_eq!(first, existing("partner-1", "Talleres Norte, S.A."));
    assert!(reason.starts_with("similar name"), "{reason}");
    let (second, reason) = of(3).unwrap();
    assert_eq!(second, existing("partner-2", "Otra Empresa S.L."));
    assert_eq!(reason, "same email pedidos@acme.es");
    let (third, reason) = of(4).unwrap();
    assert_eq!(third, existing("partner-1", "Talleres Norte, S.A."));
    assert!(reason.starts_with("same id"), "{reason}");
    assert_eq!(
        of(5),
        None,
        "a record merged away is not a duplicate target"
    );
    assert_eq!(of(6), None, "another word is another company");
}
