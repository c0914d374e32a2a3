//! Synthetic registries for the search benchmark (`bash .ci/search-bench`) and its tests: a
//! deterministic generator of realistic partners and the query set run against them.
//!
//! [`generate_partners`] builds Spanish and other European partners (companies with sector words,
//! surnames and legal forms, sole traders and persons) from compact vocabulary tables full of the
//! accents real data has (García, Muñoz, Çelik, Løvstad, Žukauskas; Málaga, Köln, Besançon). Every
//! record goes through the form's own validation ([`validate_partner`]), so tax ids carry real
//! check digits, phones are E.164 and postal codes fit their country, exactly as typed records
//! would be stored. [`query_set`] derives queries of several kinds from those records, each with
//! the partner it was meant to find where that is known, so recall can be measured.
//!
//! Pure: randomness is a seeded splitmix64 stream, so one seed always gives the same registry on
//! every machine and in the browser (the benchmark generates its data inside the wasm module).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{DocumentId, PartnerProfile};
use crate::text::fold;
use crate::validate::tax_id::check_tax_id;
use crate::validate::{validate_partner, AddressDraft, ContactDraft, PartnerDraft};

/// splitmix64 (Steele, Lea and Flood): tiny, fast, and statistically good enough to pick words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `bound` (the modulo bias is irrelevant for bounds this small).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn percent(&mut self, chance: usize) -> bool {
        self.below(100) < chance
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// One country's vocabulary and formats.
struct Country {
    code: &'static str,
    /// Share of partners, in percent (the table sums to 100).
    weight: usize,
    tld: &'static str,
    /// Calling code, the leading digits of a mobile and of a landline number, and the length of
    /// the national significant number.
    calling: &'static str,
    mobile: &'static str,
    landline: &'static str,
    number_length: usize,
    /// Trunk prefix dialled at home before the national number ("" for none).
    trunk: &'static str,
    /// Postal code pattern: `#` a digit, `@` a letter, anything else literal; a city's prefix
    /// fills the first digits.
    postal: &'static str,
    /// Legal forms, repeated by how common they are.
    forms: &'static [&'static str],
    /// "Construcciones García" (Romance order) or "Müller Logistik" (Germanic order).
    sector_first: bool,
    and: &'static str,
    sectors: &'static [&'static str],
    surnames: &'static [&'static str],
    given: &'static [&'static str],
    /// City and the first digits of its postal codes.
    cities: &'static [(&'static str, &'static str)],
    streets: &'static [&'static str],
}

// Kept compact by hand: rustfmt would spread every table to one word a line.
#[rustfmt::skip]
const COUNTRIES: &[Country] = &[
    Country {
        code: "ES",
        weight: 45,
        tld: "es",
        calling: "34",
        mobile: "6",
        landline: "9",
        number_length: 9,
        trunk: "",
        postal: "#####",
        forms: &["S.L.", "S.L.", "S.L.", "S.A.", "S.L.U.", "S.Coop."],
        sector_first: true,
        and: "y",
        sectors: &[
            "Construcciones", "Transportes", "Distribuciones", "Talleres", "Suministros",
            "Inmobiliaria", "Frutas", "Panadería", "Carpintería", "Ferretería", "Asesoría",
            "Cerámicas", "Electricidad", "Reformas", "Climatización", "Logística",
        ],
        surnames: &[
            "García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Muñoz",
            "Peña", "Jiménez", "Álvarez", "Romero", "Núñez", "Ibáñez", "Domínguez", "Gutiérrez",
            "Ortiz", "Castaño", "Rodríguez", "Díaz", "Navarro", "Ruiz", "Morán", "Cañete", "Sáez",
            "Echeverría", "Zubizarreta", "Ordóñez",
        ],
        given: &[
            "José", "María", "Ángel", "Inés", "Álvaro", "Lucía", "Jesús", "Begoña", "Iñaki",
            "Raúl", "Sofía", "Martín", "Nuria", "Joaquín", "Ramón",
        ],
        cities: &[
            ("Madrid", "28"), ("Málaga", "29"), ("Córdoba", "14"), ("A Coruña", "15"),
            ("Sevilla", "41"), ("València", "46"), ("Cádiz", "11"), ("León", "24"), ("Ávila", "05"),
            ("Logroño", "26"), ("Jaén", "23"), ("Alcalá de Henares", "28"),
            ("Castelló de la Plana", "12"), ("Bilbao", "48"), ("Zaragoza", "50"),
            ("Barcelona", "08"), ("Donostia-San Sebastián", "20"), ("Almería", "04"),
            ("Cáceres", "10"), ("Móstoles", "28"),
        ],
        streets: &[
            "Calle Mayor,", "Avenida de Andalucía,", "Calle de Alcalá,", "Rúa do Príncipe,",
            "Polígono Industrial El Viso, nave",
        ],
    },
    Country {
        code: "PT",
        weight: 8,
        tld: "pt",
        calling: "351",
        mobile: "9",
        landline: "2",
        number_length: 9,
        trunk: "",
        postal: "####-###",
        forms: &["Lda.", "Lda.", "S.A.", "Unipessoal Lda."],
        sector_first: true,
        and: "e",
        sectors: &[
            "Construções", "Transportes", "Comércio", "Têxteis", "Vinhos", "Metalomecânica",
            "Padaria", "Serralharia",
        ],
        surnames: &[
            "Gonçalves", "Conceição", "Simões", "Magalhães", "Araújo", "Brandão", "Loureiro",
            "Fonseca", "Gusmão", "Assunção",
        ],
        given: &[
            "João", "Conceição", "Tomás", "Inês", "Gonçalo", "Sebastião", "Leonor",
        ],
        cities: &[
            ("Lisboa", "1"), ("Porto", "4"), ("Braga", "4"), ("Coimbra", "3"), ("Évora", "7"),
            ("Setúbal", "2"), ("Guimarães", "4"), ("Faro", "8"), ("Póvoa de Varzim", "4"),
        ],
        streets: &[
            "Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina",
        ],
    },
    Country {
        code: "FR",
        weight: 10,
        tld: "fr",
        calling: "33",
        mobile: "6",
        landline: "4",
        number_length: 9,
        trunk: "0",
        postal: "#####",
        forms: &["SARL", "SARL", "SAS", "S.A.", "EURL"],
        sector_first: true,
        and: "et",
        sectors: &[
            "Boulangerie", "Transports", "Menuiserie", "Bâtiment", "Électricité", "Fromagerie",
            "Plomberie", "Métallerie", "Librairie",
        ],
        surnames: &[
            "Lefèvre", "Dupré", "Mercier", "Gaillard", "Beaulieu", "Lécuyer", "Chevalier", "Rémy",
            "Bézier", "Moreau", "Girard", "Féraud",
        ],
        given: &[
            "François", "Hélène", "Jérôme", "Zoé", "Noël", "Cécile", "Théo", "Agnès",
        ],
        cities: &[
            ("Paris", "75"), ("Lyon", "69"), ("Besançon", "25"), ("Orléans", "45"), ("Nîmes", "30"),
            ("Béziers", "34"), ("Évreux", "27"), ("Saint-Étienne", "42"), ("Angoulême", "16"),
            ("Montbéliard", "25"), ("Marseille", "13"), ("Nantes", "44"),
        ],
        streets: &[
            "Rue de la République", "Avenue Jean-Jaurès", "Boulevard Gambetta",
        ],
    },
    Country {
        code: "DE",
        weight: 10,
        tld: "de",
        calling: "49",
        mobile: "15",
        landline: "221",
        number_length: 11,
        trunk: "0",
        postal: "#####",
        forms: &["GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."],
        sector_first: false,
        and: "&",
        sectors: &[
            "Bäckerei", "Maschinenbau", "Logistik", "Elektrotechnik", "Holzbau", "Getränke",
            "Metallbau", "Gebäudereinigung", "Schlüsseldienst",
        ],
        surnames: &[
            "Müller", "Schäfer", "Köhler", "Schröder", "Weiß", "Krüger", "Jürgens", "Hölzl",
            "Bäumer", "Schmidt", "Fischer", "Wagner", "Groß",
        ],
        given: &[
            "Jürgen", "Björn", "Jörg", "Günter", "Käthe", "Sören", "Lena", "Uwe",
        ],
        cities: &[
            ("Köln", "50"), ("München", "80"), ("Düsseldorf", "40"), ("Nürnberg", "90"),
            ("Lübeck", "23"), ("Würzburg", "97"), ("Göttingen", "37"), ("Osnabrück", "49"),
            ("Saarbrücken", "66"), ("Berlin", "10"), ("Hamburg", "20"), ("Mönchengladbach", "41"),
        ],
        streets: &[
            "Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Industriestraße",
        ],
    },
    Country {
        code: "IT",
        weight: 9,
        tld: "it",
        calling: "39",
        mobile: "3",
        landline: "0",
        number_length: 10,
        trunk: "",
        postal: "#####",
        forms: &["S.r.l.", "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."],
        sector_first: true,
        and: "e",
        sectors: &[
            "Trasporti", "Costruzioni", "Ceramiche", "Salumificio", "Pasticceria", "Meccanica",
            "Caffè", "Falegnameria", "Tessitura",
        ],
        surnames: &[
            "Rossi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco",
            "De Luca", "Cantù", "Mosè", "Santoro", "Lombardi", "Pellè",
        ],
        given: &[
            "Niccolò", "Giulia", "Lorenzo", "Chiara", "Mattia", "Francesca",
        ],
        cities: &[
            ("Milano", "20"), ("Roma", "00"), ("Torino", "10"), ("Napoli", "80"), ("Forlì", "47"),
            ("Cantù", "22"), ("Canicattì", "92"), ("Bologna", "40"), ("Genova", "16"),
            ("Palermo", "90"), ("Paternò", "95"),
        ],
        streets: &["Via Roma", "Corso Garibaldi", "Via Giuseppe Verdi"],
    },
    Country {
        code: "NL",
        weight: 5,
        tld: "nl",
        calling: "31",
        mobile: "6",
        landline: "10",
        number_length: 9,
        trunk: "0",
        postal: "#### @@",
        forms: &["B.V.", "B.V.", "N.V.", "V.O.F."],
        sector_first: false,
        and: "&",
        sectors: &[
            "Bouwbedrijf", "Transport", "Installatietechniek", "Bloemen", "Handelsonderneming",
            "Schilderwerken", "Bakkerij",
        ],
        surnames: &[
            "de Vries", "van Dijk", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Jong",
            "van den Berg",
        ],
        given: &["Daan", "Sanne", "Anouk", "Bram", "Sem", "Noor", "Joëlle"],
        cities: &[
            ("Amsterdam", "10"), ("Rotterdam", "30"), ("Utrecht", "35"), ("Den Haag", "25"),
            ("Eindhoven", "56"), ("Groningen", "97"), ("Tilburg", "50"), ("'s-Hertogenbosch", "52"),
        ],
        streets: &["Kerkstraat", "Stationsweg", "Dorpsstraat"],
    },
    Country {
        code: "PL",
        weight: 5,
        tld: "pl",
        calling: "48",
        mobile: "5",
        landline: "22",
        number_length: 9,
        trunk: "",
        postal: "##-###",
        forms: &["Sp. z o.o.", "Sp. z o.o.", "S.A.", "Sp.j."],
        sector_first: true,
        and: "i",
        sectors: &[
            "Budownictwo", "Transport", "Handel", "Usługi", "Przetwórstwo", "Piekarnia",
            "Ślusarstwo", "Hurtownia",
        ],
        surnames: &[
            "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Woźniak",
            "Dąbrowski", "Kozłowski", "Jabłoński", "Żukowski", "Nowak",
        ],
        given: &[
            "Łukasz", "Michał", "Małgorzata", "Paweł", "Zofia", "Wojciech", "Jędrzej",
        ],
        cities: &[
            ("Łódź", "90"), ("Kraków", "30"), ("Gdańsk", "80"), ("Wrocław", "50"), ("Poznań", "60"),
            ("Białystok", "15"), ("Toruń", "87"), ("Częstochowa", "42"), ("Warszawa", "00"),
            ("Rzeszów", "35"),
        ],
        streets: &["ul. Marszałkowska", "ul. Piotrkowska", "ul. Długa"],
    },
    Country {
        code: "AT",
        weight: 3,
        tld: "at",
        calling: "43",
        mobile: "664",
        landline: "1",
        number_length: 10,
        trunk: "0",
        postal: "####",
        forms: &["GmbH", "GmbH", "KG", "OG"],
        sector_first: false,
        and: "&",
        sectors: &[
            "Bäckerei", "Holzbau", "Elektrotechnik", "Tischlerei", "Gastronomie", "Spedition",
        ],
        surnames: &[
            "Gruber", "Huber", "Pölzl", "Wögerer", "Hofbauer", "Mayrhofer", "Fürst", "Strauß",
        ],
        given: &["Lukas", "Anna", "Jörg", "Theresa", "Florian", "Jürgen"],
        cities: &[
            ("Wien", "1"), ("Graz", "8"), ("Linz", "4"), ("Innsbruck", "6"), ("Salzburg", "5"),
            ("Klagenfurt am Wörthersee", "9"), ("Sankt Pölten", "3"), ("Mödling", "2"),
        ],
        streets: &["Mariahilfer Straße", "Hauptplatz", "Landstraße"],
    },
    Country {
        code: "DK",
        weight: 3,
        tld: "dk",
        calling: "45",
        mobile: "2",
        landline: "3",
        number_length: 8,
        trunk: "",
        postal: "####",
        forms: &["ApS", "ApS", "A/S", "I/S"],
        sector_first: false,
        and: "&",
        sectors: &[
            "Tømrer", "Vognmand", "Bageri", "Elektriker", "Maskinfabrik", "Møbler",
        ],
        surnames: &[
            "Bølling", "Sørensen", "Jørgensen", "Mølgaard", "Kjær", "Nørgaard", "Ødegaard",
            "Løvstad", "Søndergaard",
        ],
        given: &["Søren", "Bjørn", "Åse", "Jens", "Mette", "Morten"],
        cities: &[
            ("København", "1"), ("Aarhus", "8"), ("Odense", "5"), ("Aalborg", "9"),
            ("Ærøskøbing", "59"), ("Køge", "46"), ("Næstved", "47"), ("Helsingør", "30"),
        ],
        streets: &["Østergade", "Søndergade", "Vestergade"],
    },
    Country {
        code: "LT",
        weight: 2,
        tld: "lt",
        calling: "370",
        mobile: "6",
        landline: "5",
        number_length: 8,
        trunk: "8",
        postal: "LT-#####",
        forms: &["UAB", "UAB", "AB", "MB"],
        sector_first: true,
        and: "ir",
        sectors: &["Statyba", "Transportas", "Prekyba", "Baldai", "Kepykla"],
        surnames: &[
            "Žukauskas", "Kazlauskas", "Petrauskas", "Jankauskas", "Šimkus", "Vaitkus", "Žemaitis",
            "Kairys", "Stankevičius",
        ],
        given: &["Jonas", "Rūta", "Šarūnas", "Aušra", "Dovydas", "Eglė"],
        cities: &[
            ("Vilnius", "0"), ("Kaunas", "4"), ("Klaipėda", "9"), ("Šiauliai", "7"),
            ("Panevėžys", "3"), ("Alytus", "6"),
        ],
        streets: &["Gedimino pr.", "Laisvės al.", "Vilniaus g."],
    },
];

/// Surnames of people living anywhere in Europe, mixed into every country's names.
#[rustfmt::skip]
const EUROPEAN_SURNAMES: &[&str] = &[
    "Çelik", "Yılmaz", "Öztürk", "Dvořák", "Kovač", "Nagy", "Łukasiewicz", "Popescu", "Bălan",
    "Løvstad", "Žukauskas", "Ødegaard", "Müller", "García", "Ionescu",
];

/// Syllables of invented brand names ("Alvenor", "Marisña"), which make most names distinct.
#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "al", "ven", "or", "mar", "ti", "na", "ré", "lo", "ber", "ga", "zu", "mi", "ol", "ta", "ri",
    "ña", "sa", "ká", "dor", "lux", "vi", "te", "ra", "cö", "lin", "quo", "ne", "xa",
];

#[rustfmt::skip]
const ROLES: &[&str] = &[
    "Gerente", "Compras", "Administración", "Contabilidad", "Ventas", "Logística", "Dirección",
];

const MAILBOXES: &[&str] = &["info", "admin", "pedidos", "contact", "office", "facturas"];

#[rustfmt::skip]
const MAIL_HOSTS: &[&str] = &[
    "gmail.com", "hotmail.com", "outlook.com", "yahoo.es", "gmx.de", "orange.fr", "libero.it",
    "wp.pl", "web.de",
];

const NOTES: &[&str] = &[
    "Entrega solo por la mañana.",
    "Pago a 60 días; pedir factura electrónica.",
    "Avisar al encargado antes de descargar.",
    "Cliente desde 2018, descuento del 5 %.",
    "Almacén en el polígono, muelle 3.",
    "Prefiere contacto por correo.",
    "Pedido mínimo de 200 €.",
    "Cierra en agosto.",
    "Lieferung nur werktags.",
    "Livraison le mardi, quai n° 2.",
];

const PAYMENT_DAYS: &[&str] = &["", "30", "30", "45", "60", "90"];
const PAYMENT_METHODS: &[&str] = &["", "bank_transfer", "bank_transfer", "direct_debit", "card"];

/// `count` valid partners with their document ids, the same for the same seed everywhere.
/// About 80 % are companies, the rest sole traders and persons; 45 % are Spanish.
///
/// # Panics
///
/// If a generated record does not validate, which is a bug of the generator's tables
/// (`tests/search_generate.rs` checks every record of several seeds).
pub fn generate_partners(seed: u64, count: usize) -> Vec<(String, PartnerProfile)> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|index| {
            let draft = partner_draft(&mut rng, index);
            let profile = validate_partner(&draft).unwrap_or_else(|errors| {
                panic!("generated partner {index} is invalid: {errors:?} ({draft:?})")
            });
            (document_id(seed, index), profile)
        })
        .collect()
}

/// A document id from the seed and the position: distinct for distinct positions (the index
/// fills the last 8 bytes), random-looking like the real ones (the first 8 are a hash).
fn document_id(seed: u64, index: usize) -> String {
    let mut bytes = [0u8; 16];
    let hash = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407)).next();
    bytes[..8].copy_from_slice(&hash.to_le_bytes());
    bytes[8..].copy_from_slice(&(index as u64).to_be_bytes());
    DocumentId::from_random_bytes(bytes).to_string()
}

fn pick_country(rng: &mut Rng) -> &'static Country {
    let mut roll = rng.below(100);
    for country in COUNTRIES {
        if roll < country.weight {
            return country;
        }
        roll -= country.weight;
    }
    &COUNTRIES[0]
}

fn surname(rng: &mut Rng, country: &Country) -> &'static str {
    let list: &'static [&'static str] = if rng.percent(12) {
        EUROPEAN_SURNAMES
    } else {
        country.surnames
    };
    let name: &&'static str = rng.pick(list);
    name
}

/// An invented brand name of two or three syllables, capitalised.
fn brand(rng: &mut Rng) -> String {
    let syllables = rng.range(2, 3);
    let word: String = (0..syllables).map(|_| *rng.pick(SYLLABLES)).collect();
    capitalise(&word)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case ASCII letters and digits of `text`, for mail boxes and domains.
fn slug(text: &str, separator: &str) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|word| !word.is_empty()).collect();
    let mut slug = words.join(separator);
    slug.retain(|c| c.is_ascii_alphanumeric() || separator.contains(c));
    slug.truncate(40);
    slug.trim_end_matches(|c| separator.contains(c)).to_owned()
}

/// A national significant number starting with `lead`, typed the international way with the
/// spaces people put in it.
fn phone(rng: &mut Rng, country: &Country, lead: &str) -> String {
    let number = format!("{lead}{}", rng.digits(country.number_length - lead.len()));
    let (head, tail) = number.split_at(3);
    format!("+{} {head} {tail}", country.calling)
}

fn postal_code(rng: &mut Rng, country: &Country, prefix: &str) -> String {
    // Letters of Dutch postal codes; the pairs PostNL does not use (SA, SD, SS) need an S first.
    const LETTERS: &[u8] = b"ABCEGHJKLMNPRTVWXZ";
    let mut prefix = prefix.chars();
    country
        .postal
        .chars()
        .map(|slot| match slot {
            '#' => prefix
                .next()
                .unwrap_or_else(|| char::from(b'0' + rng.below(10) as u8)),
            '@' => char::from(*rng.pick(LETTERS)),
            literal => literal,
        })
        .collect()
}

/// The first candidate that passes the country's tax id rule, trying a few fresh bodies: the
/// check digits are found by asking the validator itself, so the generator cannot drift from it.
fn valid_tax_id(rng: &mut Rng, country: &str, body: impl Fn(&mut Rng) -> String) -> String {
    for _ in 0..16 {
        let stem = body(rng);
        for check in "0123456789TRWAGMYFPDXBNJZSQVHLCKE".chars() {
            let candidate = stem.replace('?', &check.to_string());
            if let Ok(canonical) = check_tax_id(country, &candidate) {
                return canonical;
            }
        }
    }
    String::new()
}

/// A company's VAT number (CIF in Spain), with real check digits. `?` marks the check character.
fn company_tax_id(rng: &mut Rng, country: &Country, form: &str, province: &str) -> String {
    let code = country.code;
    valid_tax_id(rng, code, |rng| match code {
        // The entity letter follows the legal form: A for S.A., F for cooperatives, B otherwise.
        "ES" => {
            let entity = match form {
                "S.A." => 'A',
                "S.Coop." => 'F',
                _ => 'B',
            };
            format!("{entity}{province:0>2}{}?", rng.digits(5))
        }
        "PT" => format!("5{}?", rng.digits(7)),
        "FR" => {
            // The SIREN's Luhn digit is searched like the others; the key in front is computed
            // from the whole SIREN, so every candidate carries its own key.
            let stem = rng.digits(8);
            let mut found = String::new();
            for last in 0..10u64 {
                let siren: u64 = format!("{stem}{last}").parse().unwrap_or(0);
                let key = (siren * 100 + 12) % 97;
                let candidate = format!("{key:02}{siren:09}");
                if check_tax_id("FR", &candidate).is_ok() {
                    found = candidate;
                    break;
                }
            }
            found
        }
        "DE" => format!("{}{}?", rng.range(1, 9), rng.digits(7)),
        "IT" => format!("{}{:03}?", rng.digits(7), rng.range(1, 100)),
        "NL" => format!("{}?B01", rng.digits(8)),
        "PL" => format!("{}{}?", rng.range(1, 9), rng.digits(8)),
        "AT" => format!("U{}?", rng.digits(7)),
        "DK" => format!("{}{}?", rng.range(1, 9), rng.digits(6)),
        "LT" => format!("{}1?", rng.digits(7)),
        _ => String::new(),
    })
}

fn partner_draft(rng: &mut Rng, index: usize) -> PartnerDraft {
    let country = pick_country(rng);
    let (city, prefix) = *rng.pick(country.cities);
    let company = rng.percent(80);
    let mut draft = PartnerDraft {
        kind: match rng.below(20) {
            0..=10 => "client",
            11..=16 => "supplier",
            _ => "both",
        }
        .into(),
        payment_days: (*rng.pick(PAYMENT_DAYS)).into(),
        payment_method: (*rng.pick(PAYMENT_METHODS)).into(),
        ..PartnerDraft::default()
    };
    let domain;
    if company {
        let sector = *rng.pick(country.sectors);
        let family = surname(rng, country);
        let ordered = |first: &str, second: &str| {
            if country.sector_first {
                format!("{first} {second}")
            } else {
                format!("{second} {first}")
            }
        };
        let stem = match rng.below(10) {
            0..=2 => ordered(sector, family),
            3..=4 => format!("{family} {} {}", country.and, surname(rng, country)),
            5..=7 => ordered(sector, &brand(rng)),
            8 => ordered(sector, city),
            _ => ordered(sector, &format!("{family} {}", surname(rng, country))),
        };
        let form = *rng.pick(country.forms);
        draft.legal_name = format!("{stem} {form}");
        if rng.percent(30) {
            draft.trade_name = if rng.percent(50) {
                brand(rng)
            } else {
                ordered(sector, &brand(rng))
            };
        }
        domain = format!("{}.{}", slug(&stem, ""), country.tld);
        if rng.percent(90) {
            draft.tax_country = country.code.into();
            draft.tax_number = company_tax_id(rng, country, form, prefix);
        }
        draft.emails = format!("{}@{domain}", rng.pick(MAILBOXES));
        if rng.percent(50) {
            draft.website = format!("https://www.{domain}");
        }
        for contact in 0..rng.below(3) {
            let given = *rng.pick(country.given);
            let family = surname(rng, country);
            draft.contacts.push(ContactDraft {
                id: format!("c{contact}"),
                name: format!("{given} {family}"),
                role: (*rng.pick(ROLES)).into(),
                email: format!("{}@{domain}", slug(&format!("{given} {family}"), ".")),
                phone: if rng.percent(50) {
                    phone(rng, country, country.mobile)
                } else {
                    String::new()
                },
            });
        }
        draft.phones = phone(rng, country, country.landline);
        if rng.percent(40) {
            draft.phones.push('\n');
            draft.phones.push_str(&phone(rng, country, country.mobile));
        }
    } else {
        // Sole traders and persons: Spanish and Portuguese people carry two surnames.
        let given = *rng.pick(country.given);
        let mut name = format!("{given} {}", surname(rng, country));
        if matches!(country.code, "ES" | "PT") {
            name = format!("{name} {}", surname(rng, country));
        }
        if rng.percent(25) {
            draft.trade_name = format!("{} {}", rng.pick(country.sectors), brand(rng));
        }
        domain = (*rng.pick(MAIL_HOSTS)).to_owned();
        draft.emails = format!("{}{}@{domain}", slug(&name, "."), rng.below(100));
        draft.phones = phone(rng, country, country.mobile);
        if country.code == "ES" && rng.percent(90) {
            // A DNI number and its check letter.
            draft.tax_country = "ES".into();
            draft.tax_number = valid_tax_id(rng, "ES", |rng| {
                format!("{}{}?", rng.range(1, 9), rng.digits(7))
            });
        }
        draft.legal_name = name;
    }
    draft.addresses.push(AddressDraft {
        id: "a0".into(),
        kind: "billing".into(),
        street: format!("{} {}", rng.pick(country.streets), rng.range(1, 200)),
        city: city.into(),
        postal_code: postal_code(rng, country, prefix),
        region: String::new(),
        country: country.code.into(),
    });
    if rng.percent(20) {
        let (city, prefix) = *rng.pick(country.cities);
        draft.addresses.push(AddressDraft {
            id: "a1".into(),
            kind: "shipping".into(),
            street: format!("{} {}", rng.pick(country.streets), rng.range(1, 200)),
            city: city.into(),
            postal_code: postal_code(rng, country, prefix),
            region: String::new(),
            country: country.code.into(),
        });
    }
    if rng.percent(35) {
        draft.notes = (*rng.pick(NOTES)).into();
    }
    // Keeps the draft's row ids distinct across partners, as the app's random ones are.
    for contact in &mut draft.contacts {
        contact.id = format!("{index}-{}", contact.id);
    }
    for address in &mut draft.addresses {
        address.id = format!("{index}-{}", address.id);
    }
    draft
}

/// What a benchmark query imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QueryKind {
    /// The legal name exactly as stored.
    ExactName,
    /// The first 2 to 4 letters of a word of a name, as typed while the list narrows.
    Prefix,
    /// The name without its legal form, with one typo in one word of 5 letters or more.
    OneTypo,
    /// The name without its legal form, with a typo in each of two words of 5 letters or more
    /// (or two typos in one word of 8 or more when the name has only one long word).
    TwoTypos,
    /// The name without its legal form, lower case and without accents ("munoz y pena").
    Unaccented,
    /// The tax id with spaces, dots or hyphens, sometimes with its country prefix.
    TaxIdWithSeparators,
    /// The last 6 digits of a phone number, or its start in national form ("612 345").
    PhoneFragment,
}

impl QueryKind {
    pub const ALL: [QueryKind; 7] = [
        QueryKind::ExactName,
        QueryKind::Prefix,
        QueryKind::OneTypo,
        QueryKind::TwoTypos,
        QueryKind::Unaccented,
        QueryKind::TaxIdWithSeparators,
        QueryKind::PhoneFragment,
    ];

    /// Stable machine name, used in the benchmark's JSON and tables.
    pub fn label(self) -> &'static str {
        match self {
            QueryKind::ExactName => "exact_name",
            QueryKind::Prefix => "prefix",
            QueryKind::OneTypo => "one_typo",
            QueryKind::TwoTypos => "two_typos",
            QueryKind::Unaccented => "unaccented",
            QueryKind::TaxIdWithSeparators => "tax_id_with_separators",
            QueryKind::PhoneFragment => "phone_fragment",
        }
    }

    /// Share of the query set, in percent (sums to 100): typos and accents, where engines
    /// differ most, get the largest shares.
    pub fn share(self) -> usize {
        match self {
            QueryKind::ExactName => 15,
            QueryKind::Prefix => 15,
            QueryKind::OneTypo => 20,
            QueryKind::TwoTypos => 10,
            QueryKind::Unaccented => 20,
            QueryKind::TaxIdWithSeparators => 10,
            QueryKind::PhoneFragment => 10,
        }
    }
}

/// One benchmark query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchQuery {
    pub text: String,
    pub kind: QueryKind,
    /// The partner the query was derived from and should find, where one partner is meant
    /// (`None` for prefixes, which match many partners by design).
    pub expected: Option<String>,
}

/// How many partners at most may share every word of a name for it to be the source of a typo
/// or unaccented query: with more, no engine could put the intended one in its top 10.
const MAX_NAME_SHARERS: usize = 3;

/// Tries per query to find a partner that suits the kind before taking the last one tried.
const TRIES: usize = 64;

/// `count` queries over `partners`, in the fixed mix of [`QueryKind::share`] (exact counts,
/// rounded with the remainder going to the first kinds) and shuffled so kinds interleave.
pub fn query_set(
    partners: &[(String, PartnerProfile)],
    seed: u64,
    count: usize,
) -> Vec<BenchQuery> {
    if partners.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed ^ 0x5EA2_C4BE_7C40_0E11);
    let words = NameWords::new(partners);
    let mut counts: Vec<usize> = QueryKind::ALL
        .iter()
        .map(|kind| count * kind.share() / 100)
        .collect();
    let missing = count - counts.iter().sum::<usize>();
    for slot in counts.iter_mut().take(missing) {
        *slot += 1;
    }
    let mut queries = Vec::with_capacity(count);
    for (kind, &how_many) in QueryKind::ALL.iter().zip(&counts) {
        for _ in 0..how_many {
            queries.push(one_query(&mut rng, partners, &words, *kind));
        }
    }
    // Fisher–Yates, so latency is not measured kind after kind.
    for index in (1..queries.len()).rev() {
        let other = rng.below(index + 1);
        queries.swap(index, other);
    }
    queries
}

/// Every legal form of the tables, longest first, so "Unipessoal Lda." wins over "Lda.".
fn legal_forms() -> Vec<&'static str> {
    let mut forms: Vec<&str> = COUNTRIES
        .iter()
        .flat_map(|country| country.forms.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    forms
}

/// The folded words of every partner's name without its legal form, with the partners that
/// use each word, to tell how distinctive a name is and whether a typo made a real word.
struct NameWords {
    forms: Vec<&'static str>,
    postings: BTreeMap<String, Vec<usize>>,
}

impl NameWords {
    fn new(partners: &[(String, PartnerProfile)]) -> Self {
        let forms = legal_forms();
        let mut postings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, (_, profile)) in partners.iter().enumerate() {
            let stem = strip_form(&forms, &profile.legal_name);
            for word in fold(stem).split(' ').filter(|word| !word.is_empty()) {
                let list = postings.entry(word.to_owned()).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        Self { forms, postings }
    }

    fn stem<'a>(&self, name: &'a str) -> &'a str {
        strip_form(&self.forms, name)
    }

    /// How many partners have every folded word of `stem` in their name.
    fn sharers(&self, stem: &str) -> usize {
        let folded = fold(stem);
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        for word in folded.split(' ').filter(|word| !word.is_empty()) {
            match self.postings.get(word) {
                Some(list) => lists.push(list),
                None => return 0,
            }
        }
        lists.sort_by_key(|list| list.len());
        let Some((first, rest)) = lists.split_first() else {
            return 0;
        };
        first
            .iter()
            .filter(|index| rest.iter().all(|list| list.binary_search(index).is_ok()))
            .count()
    }

    fn is_word(&self, word: &str) -> bool {
        self.postings.contains_key(&fold(word))
    }
}

fn strip_form<'a>(forms: &[&str], name: &'a str) -> &'a str {
    forms
        .iter()
        .find_map(|form| name.strip_suffix(form)?.strip_suffix(' '))
        .unwrap_or(name)
}

fn one_query(
    rng: &mut Rng,
    partners: &[(String, PartnerProfile)],
    words: &NameWords,
    kind: QueryKind,
) -> BenchQuery {
    let mut last = None;
    for _ in 0..TRIES {
        let (id, profile) = rng.pick(partners);
        if let Some(text) = query_text(rng, words, profile, kind) {
            let expected = (kind != QueryKind::Prefix).then(|| id.clone());
            let query = BenchQuery {
                text,
                kind,
                expected,
            };
            // Typo and accent queries are only kept from distinctive names (see
            // `MAX_NAME_SHARERS`); the last candidate is kept anyway rather than looping forever.
            let distinctive = !matches!(
                kind,
                QueryKind::OneTypo | QueryKind::TwoTypos | QueryKind::Unaccented
            ) || words.sharers(words.stem(&profile.legal_name))
                <= MAX_NAME_SHARERS;
            if distinctive {
                return query;
            }
            last = Some(query);
        }
    }
    last.unwrap_or_else(|| {
        // No partner suits the kind (a tiny registry): an exact name always exists.
        let (id, profile) = rng.pick(partners);
        BenchQuery {
            text: profile.legal_name.clone(),
            kind,
            expected: Some(id.clone()),
        }
    })
}

fn query_text(
    rng: &mut Rng,
    words: &NameWords,
    profile: &PartnerProfile,
    kind: QueryKind,
) -> Option<String> {
    let stem = words.stem(&profile.legal_name);
    match kind {
        QueryKind::ExactName => Some(profile.legal_name.clone()),
        QueryKind::Prefix => {
            let candidates: Vec<&str> = stem
                .split(' ')
                .filter(|word| word.chars().count() >= 4)
                .collect();
            if candidates.is_empty() {
                return None;
            }
            let word = rng.pick(&candidates).to_lowercase();
            Some(word.chars().take(rng.range(2, 4)).collect())
        }
        QueryKind::OneTypo | QueryKind::TwoTypos => typo_query(rng, words, stem, kind),
        QueryKind::Unaccented => (!stem.is_ascii()).then(|| fold(stem)),
        QueryKind::TaxIdWithSeparators => {
            let number = &profile.tax_id.number;
            (!number.is_empty()).then(|| with_separators(rng, &profile.tax_id.country, number))
        }
        QueryKind::PhoneFragment => {
            let phone = profile.phones.first().or_else(|| {
                profile
                    .contacts
                    .iter()
                    .map(|c| &c.phone)
                    .find(|p| !p.is_empty())
            })?;
            phone_fragment(rng, phone)
        }
    }
}

/// The stem with one typo (or two) at positions ≥ 1 of its long words, or `None` when the name
/// has no word long enough.
fn typo_query(rng: &mut Rng, words: &NameWords, stem: &str, kind: QueryKind) -> Option<String> {
    let mut parts: Vec<String> = stem.split(' ').map(str::to_owned).collect();
    let long: Vec<usize> = (0..parts.len())
        .filter(|&index| parts[index].chars().count() >= 5)
        .collect();
    let targets: Vec<(usize, usize)> = match (kind, long.len()) {
        (_, 0) => return None,
        (QueryKind::OneTypo, _) => vec![(*rng.pick(&long), 1)],
        (_, 1) if parts[long[0]].chars().count() >= 8 => vec![(long[0], 2)],
        (_, 1) => return None,
        _ => {
            let first = rng.below(long.len());
            let second = (first + 1 + rng.below(long.len() - 1)) % long.len();
            vec![(long[first], 1), (long[second], 1)]
        }
    };
    for (index, typos) in targets {
        parts[index] = misspell(rng, words, &parts[index], typos)?;
    }
    Some(parts.join(" "))
}

/// `word` with `typos` random substitutions, deletions or transpositions at positions ≥ 1 (people
/// rarely get the first letter wrong), retried until the result is neither the word, nor a
/// prefix of it, nor another word of the registry.
fn misspell(rng: &mut Rng, words: &NameWords, word: &str, typos: usize) -> Option<String> {
    let original = fold(word);
    for _ in 0..16 {
        let mut chars: Vec<char> = word.chars().collect();
        for _ in 0..typos {
            let position = rng.range(1, chars.len() - 1);
            match rng.below(3) {
                0 => chars[position] = char::from(b'a' + rng.below(26) as u8),
                1 => {
                    chars.remove(position);
                }
                _ if position + 1 < chars.len() => chars.swap(position, position + 1),
                _ => chars.swap(position - 1, position),
            }
        }
        let typed: String = chars.into_iter().collect();
        // Replacing "í" with "i" is an accent left out, and dropping the last letter leaves a
        // prefix: neither is a typo.
        if !original.starts_with(&fold(&typed)) && !words.is_word(&typed) {
            return Some(typed);
        }
    }
    None
}

/// A tax id as people copy it from letterheads: grouped with spaces, dots or hyphens, sometimes
/// behind its country's VAT prefix.
fn with_separators(rng: &mut Rng, country: &str, number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let body = match rng.below(3) {
        0 => groups(&chars, " "),
        1 => groups(&chars, "."),
        _ => {
            let (head, tail) = chars.split_at(1);
            format!(
                "{}-{}",
                head.iter().collect::<String>(),
                tail.iter().collect::<String>()
            )
        }
    };
    if rng.percent(30) {
        format!("{country} {body}")
    } else {
        body
    }
}

fn groups(chars: &[char], separator: &str) -> String {
    chars
        .chunks(3)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The last six digits of an E.164 number, or the start of its national form with the trunk
/// prefix and a space ("612 345", "0151 234").
fn phone_fragment(rng: &mut Rng, phone: &str) -> Option<String> {
    let digits = phone.strip_prefix('+')?;
    let country = COUNTRIES
        .iter()
        .find(|country| digits.starts_with(country.calling))?;
    let national = &digits[country.calling.len()..];
    if rng.percent(50) {
        return Some(national[national.len().saturating_sub(6)..].to_owned());
    }
    let national = format!("{}{national}", country.trunk);
    let split = national
        .len()
        .min(3 + usize::from(!country.trunk.is_empty()));
    Some(format!(
        "{} {}",
        &national[..split],
        &national[split..split + 3]
    ))
}
