//! Tests of text folding: accents of the Latin ranges, punctuation, other scripts left as
//! lower-cased text, and name keys without legal forms.

use partnero::text::{fold, name_key, split_legal_form};

#[test]
fn fold_lower_cases_and_removes_accents() {
    let cases = [
        ("Construcciones García", "construcciones garcia"),
        ("ÁÉÍÓÚ áéíóú ÀÈÌÒÙ àèìòù", "aeiou aeiou aeiou aeiou"),
        ("Ñandú Peña", "nandu pena"),
        ("Façade Garçon", "facade garcon"),
        ("Müller Straße", "muller strasse"),
        ("Ørsted Ålborg", "orsted alborg"),
        ("Ærø Cæsar", "aero caesar"),
        ("Œuvre cœur", "oeuvre coeur"),
        ("Łódź Wałęsa", "lodz walesa"),
        ("Đorđević", "dordevic"),
        ("Þór Ðóra", "thor dora"),
        ("Čeština Šťastný Žluťoučký", "cestina stastny zlutoucky"),
        ("İstanbul Iğdır Şişli", "istanbul igdir sisli"),
        ("Őrség Űr", "orseg ur"),
        ("Ģirts Ķemeri Ļaudona Ņina", "girts kemeri laudona nina"),
        ("Ħamrun Ġnien Żebbuġ", "hamrun gnien zebbug"),
        ("IJsselĳ", "ijsselij"),
        ("Ÿvoire Ýr", "yvoire yr"),
        // Romanian comma-below letters and Vietnamese live outside Latin-1 and Extended-A.
        ("Timișoara Constanța", "timisoara constanta"),
        ("Nguyễn Thị Phương", "nguyen thi phuong"),
    ];
    for (text, folded) in cases {
        assert_eq!(fold(text), folded, "fold({text:?})");
    }
}

#[test]
fn fold_treats_decomposed_accents_like_precomposed_ones() {
    // "García" and "Peña" typed with combining accents, as macOS pastes them.
    assert_eq!(fold("Garci\u{301}a Pen\u{303}a"), "garcia pena");
    assert_eq!(fold("Garci\u{301}a Pen\u{303}a"), fold("García Peña"));
}

#[test]
fn fold_turns_punctuation_into_single_spaces() {
    let cases = [
        (
            "  Construcciones   García,  S.L.  ",
            "construcciones garcia s l",
        ),
        ("Hewlett-Packard (España)", "hewlett packard espana"),
        ("Smith & Jones / Partners", "smith jones partners"),
        ("«Comercial» “Norte” — Sur…", "comercial norte sur"),
        ("a\tb\nc\u{a0}d", "a b c d"),
        ("info@iberia.example", "info iberia example"),
        ("+34 (976) 000-000", "34 976 000 000"),
        ("¡Hola! ¿Qué tal?", "hola que tal"),
        ("Precio: 10 € × 2 ÷ 3", "precio 10 2 3"),
        ("Café ☕ Bar 🍺", "cafe bar"),
        ("", ""),
        (" .,;- ", ""),
    ];
    for (text, folded) in cases {
        assert_eq!(fold(text), folded, "fold({text:?})");
    }
}

#[test]
fn fold_drops_apostrophes_and_the_catalan_middle_dot() {
    assert_eq!(fold("McDonald's"), "mcdonalds");
    assert_eq!(fold("L’Oréal"), "loreal");
    assert_eq!(fold("O`Brien"), "obrien");
    assert_eq!(fold("Col·legi d'Arquitectes"), "collegi darquitectes");
}

#[test]
fn fold_handles_ligatures_ordinals_and_full_width_letters() {
    assert_eq!(fold("Oﬃce Suﬀolk"), "office suffolk");
    assert_eq!(fold("1ª Planta, 2º"), "1a planta 2o");
    assert_eq!(fold("ＡＢＣ　Ｌｔｄ．"), "abc ltd");
}

#[test]
fn fold_only_lower_cases_other_scripts() {
    assert_eq!(fold("ΑΘΗΝΑ Ltd"), "αθηνα ltd");
    // Final sigma folds like sigma, so a word typed in capitals matches it typed in lower case.
    assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
    assert_eq!(fold("ООО «Ромашка»"), "ооо ромашка");
    assert_eq!(fold("東京商事株式会社"), "東京商事株式会社");
    assert_eq!(fold("株式会社、東京"), "株式会社 東京");
    assert_eq!(fold("שלום-עולם"), "שלום עולם");
    // Virama and vowel signs are not alphanumeric but belong to the word.
    assert_eq!(fold("हिन्दी कंपनी"), "हिन्दी कंपनी");
    assert_eq!(fold("ไทยพาณิชย์"), "ไทยพาณิชย์");
}

#[test]
fn name_key_drops_legal_forms_and_their_punctuation() {
    let cases = [
        ("Construcciones García, S.L.", "construcciones garcia"),
        ("CONSTRUCCIONES GARCIA SL", "construcciones garcia"),
        ("Construcciones García S. L.", "construcciones garcia"),
        ("Construcciones García S.L.U.", "construcciones garcia"),
        ("Construcciones García SLU", "construcciones garcia"),
        ("Banco Ejemplo, S.A.", "banco ejemplo"),
        ("Banco Ejemplo S.A.U.", "banco ejemplo"),
        ("Cooperativa Olivarera S.Coop.", "cooperativa olivarera"),
        ("Talleres Pérez S.C.", "talleres perez"),
        ("Hermanos Ruiz C.B.", "hermanos ruiz"),
        ("Laboral Norte S.L.L.", "laboral norte"),
        ("García y Cía., S.L.", "garcia"),
        ("Müller GmbH", "muller"),
        ("Müller GmbH & Co. KG", "muller"),
        ("Schmidt KG", "schmidt"),
        ("Siemens AG", "siemens"),
        ("Bäckerei Huber e.K.", "backerei huber"),
        ("Start UG (haftungsbeschränkt)", "start"),
        ("Acme Ltd.", "acme"),
        ("Acme Limited", "acme"),
        ("Acme PLC", "acme"),
        ("Acme LLP", "acme"),
        ("Acme, LLC", "acme"),
        ("Acme, Inc.", "acme"),
        ("Acme Corp.", "acme"),
        ("Smith & Co.", "smith"),
        ("Smith and Co Ltd", "smith"),
        ("Dupont SARL", "dupont"),
        ("Dupont S.A.S.", "dupont"),
        ("Dupont SA", "dupont"),
        ("Dupont EURL", "dupont"),
        ("Dupont et Cie SNC", "dupont"),
        ("Rossi S.r.l.", "rossi"),
        ("Rossi S.p.A.", "rossi"),
        ("Rossi SpA", "rossi"),
        ("Lugano Sagl", "lugano"),
        ("Jansen B.V.", "jansen"),
        ("Jansen NV", "jansen"),
        ("Jansen VOF", "jansen"),
        ("Nokia Oyj", "nokia"),
        ("Oy Karl Fazer Ab", "karl fazer"),
        ("AB Volvo", "volvo"),
        ("Equinor ASA", "equinor"),
        ("Maersk A/S", "maersk"),
        ("Lego ApS", "lego"),
        ("Kowalski Sp. z o.o.", "kowalski"),
        ("Novák s.r.o.", "novak"),
        ("Novák spol. s r.o.", "novak"),
        ("Novák a.s.", "novak"),
        ("Szabó Kft.", "szabo"),
        ("Szabó Zrt.", "szabo"),
        ("Horvat d.o.o.", "horvat"),
        ("Tamm OÜ", "tamm"),
        ("OÜ Tamm", "tamm"),
        ("SIA Bērziņš", "berzins"),
        ("UAB Jonaitis", "jonaitis"),
        ("Silva Lda.", "silva"),
        ("Silva Unipessoal Lda", "silva"),
        ("Silva EIRL", "silva"),
        ("Silva LTDA", "silva"),
        ("Silva EIRELI", "silva"),
        ("Silva ME", "silva"),
        ("López S. de R.L.", "lopez"),
        ("López S.A. de C.V.", "lopez"),
        ("López S. de R.L. de C.V.", "lopez"),
        ("López SAS", "lopez"),
    ];
    for (name, key) in cases {
        assert_eq!(name_key(name), key, "name_key({name:?})");
    }
}

#[test]
fn name_key_matches_legal_forms_on_whole_words_only() {
    // "sa", "ag" or "co" inside a word, or in the middle of a name, stay.
    assert_eq!(name_key("Salvesa Agro"), "salvesa agro");
    assert_eq!(name_key("Costa Sa Nostra Hotel"), "costa sa nostra hotel");
    assert_eq!(name_key("Cosmetica"), "cosmetica");
    // A name that is only a legal form keeps it rather than becoming empty.
    assert_eq!(name_key("S.A."), "sa");
    assert_eq!(name_key("Co Ltd"), "co");
    assert_eq!(name_key(""), "");
}

#[test]
fn name_key_joins_initials() {
    assert_eq!(name_key("I.B.M."), "ibm");
    assert_eq!(name_key("I B M Corp"), "ibm");
    assert_eq!(name_key("A.B.C. Logística S.L."), "abc logistica");
    assert_eq!(name_key("J. García e Hijos"), "j garcia e hijos");
}

#[test]
fn legal_forms_are_split_off_in_the_order_written() {
    for (name, key, form) in [
        ("Frutas Fernández, S.L.U.", "frutas fernandez", "slu"),
        (
            "Müller Logistik GmbH & Co. KG",
            "muller logistik",
            "gmbhcokg",
        ),
        ("AB Volvo", "volvo", "ab"),
        ("Cooperativa Ruiz S. Coop.", "cooperativa ruiz", "scoop"),
        ("Cécile Dupré", "cecile dupre", ""),
        ("S.A.", "sa", ""),
    ] {
        assert_eq!(
            split_legal_form(name),
            (key.to_owned(), form.to_owned()),
            "{name}"
        );
        assert_eq!(name_key(name), key);
    }
}
