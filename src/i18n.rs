//! The one NL/EN string catalogue of the page, and number formatting per language.
//!
//! Every visible string comes from [`CATALOGUE`]; [`tr`] looks one up. A test
//! checks that both languages are filled in for every entry and that every
//! key used in the source exists here.

/// A page language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag used for `<html lang>` and in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language for a URL/`lang` code; anything else is Dutch.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::Nl }
    }
}

/// (key, Dutch, English).
pub const CATALOGUE: &[(&str, &str, &str)] = &[
    ("title", "Instroom Wlz ggz-wonen: verkenner", "Wlz ggz-wonen intake: explorer"),
    (
        "lead",
        "Hoe waarschijnlijk worden de doelen voor de maandelijkse instroom gehaald, en wanneer? Verschuif de knoppen; elke berekening is een Monte-Carlosimulatie in uw browser.",
        "How likely are the targets for the monthly intake to be reached, and when? Move the levers; every result is a Monte Carlo simulation in your browser.",
    ),
    ("levers", "Maatregelen", "Measures"),
    (
        "lever.longer",
        "Langere Wmo-beschikkingen (aandeel langer dan 1 jaar)",
        "Longer Wmo decisions (share longer than 1 year)",
    ),
    ("lever.aid", "Gebruik van het hulpmiddel (adoptie)", "Use of the assessment aid (adoption)"),
    (
        "lever.youth",
        "Aandeel jongeren (26 jaar of jonger) in de instroom",
        "Share of young people (26 or younger) in the intake",
    ),
    (
        "lever.region",
        "Regioaanpak en overige maatregelen (reductie)",
        "Regional approach and other measures (reduction)",
    ),
    (
        "lever.longer.today",
        "Nu ongeveer 25% langer dan een jaar (onderzoek Significant, Kamerbrief 13 dec. 2023)",
        "Today about 25% longer than a year (Significant study, letter of 13 Dec 2023)",
    ),
    (
        "lever.aid.today",
        "Nu 0%: het hulpmiddel is in december 2023 gepubliceerd (Kamerbrief 13 dec. 2023)",
        "Today 0%: the aid was published in December 2023 (letter of 13 Dec 2023)",
    ),
    (
        "lever.youth.today",
        "Nu ongeveer 10% (CBS, via Kamerbrief 13 dec. 2023)",
        "Today about 10% (CBS, via letter of 13 Dec 2023)",
    ),
    (
        "lever.region.today",
        "Nu 0%: de omvang van het effect is een aanname",
        "Today 0%: the size of the effect is an assumption",
    ),
    ("number", "getal", "number"),
    ("lever.timing", "Start en aanloop", "Start and ramp"),
    ("lever.from", "Startmaand", "Start month"),
    ("lever.ramp", "Aanloop (maanden tot het volle effect)", "Ramp (months to the full effect)"),
    ("unit.months", "maanden", "months"),
    ("unit.none", "(zonder eenheid)", "(no unit)"),
    ("unit.percent", "%", "%"),
    ("unit.percent_year", "% per jaar", "% per year"),
    ("unit.percent_month", "% per maand", "% per month"),
    ("unit.clients_month", "cliënten per maand", "clients per month"),
    ("unit.clients", "cliënten", "clients"),
    ("unit.month", "maand", "month"),
    ("unit.runs", "runs", "runs"),
    ("badge.source", "Bron:", "Source:"),
    ("badge.assumption", "aanname", "assumption"),
    ("badge.setting", "instelling", "setting"),
    ("range", "bereik", "range"),
    ("reset", "Standaard", "Default"),
    ("reset.one", "Zet terug op de standaardwaarde:", "Reset to the default:"),
    ("reset.all", "Alles in dit blok terug naar standaard", "Reset everything in this block"),
    ("panel.assumptions", "Aannames en onzekerheden", "Assumptions and uncertainties"),
    (
        "panel.assumptions.intro",
        "Deze waarden zijn geen beleidskeuzes maar inschattingen. Bij elk staat of het uit een bron komt of een aanname is. Gemiddelde en spreiding (standaardafwijking) bepalen de onzekerheid in de runs.",
        "These values are not policy choices but estimates. Each says whether it comes from a source or is an assumption. Mean and spread (standard deviation) set the uncertainty across runs.",
    ),
    ("panel.targets", "Doelen en vensters", "Targets and windows"),
    (
        "panel.targets.intro",
        "De doelen uit de Kamerbrief van 13 december 2023; pas ze aan om andere drempels te verkennen.",
        "The targets of the letter to parliament of 13 December 2023; change them to explore other thresholds.",
    ),
    ("panel.simulation", "Simulatie", "Simulation"),
    (
        "panel.simulation.intro",
        "Startmaand, horizon, aantal runs en het startgetal van de toevalsgenerator: samen met de rest van de link bepalen ze de uitkomst tot op het laatste cijfer.",
        "Start month, horizon, number of runs and the random seed: with the rest of the link they fix the result to the last digit.",
    ),
    ("param.seed", "Startgetal toevalsgenerator (seed)", "Random seed"),
    ("param.runs", "Aantal Monte-Carloruns", "Number of Monte Carlo runs"),
    ("param.start", "Eerste maand van de projectie", "First projected month"),
    ("param.horizon", "Horizon", "Horizon"),
    ("param.level", "Onderliggend instroomniveau L (gemiddelde)", "Underlying intake level L (mean)"),
    ("param.level_sd", "Onderliggend instroomniveau L (spreiding)", "Underlying intake level L (spread)"),
    ("param.trend", "Autonome trend g (gemiddelde)", "Autonomous trend g (mean)"),
    ("param.trend_sd", "Autonome trend g (spreiding)", "Autonomous trend g (spread)"),
    (
        "param.eps",
        "Deel van de overgangen Wmo→Wlz dat bij een herbeoordeling ontstaat, ε (gemiddelde)",
        "Share of Wmo→Wlz transitions triggered by a renewal, ε (mean)",
    ),
    (
        "param.eps_sd",
        "Deel van de overgangen bij herbeoordeling, ε (spreiding)",
        "Share of transitions at renewal, ε (spread)",
    ),
    (
        "param.theta",
        "Effect van het hulpmiddel θ: deel van de verwijzingen zonder Wlz-aanvraag (gemiddelde)",
        "Effect of the aid θ: share of referrals without a Wlz application (mean)",
    ),
    ("param.theta_sd", "Effect van het hulpmiddel θ (spreiding)", "Effect of the aid θ (spread)"),
    (
        "param.phi",
        "Schommeling: samenhang tussen opeenvolgende maanden φ",
        "Fluctuation: correlation of consecutive months φ",
    ),
    ("param.sigma", "Schommeling: grootte σ", "Fluctuation: size σ"),
    ("param.wmo", "Deel van de instroom met eerder Wmo-ondersteuning w", "Share of intake with Wmo support before w"),
    (
        "param.youth0",
        "Huidig aandeel jongeren (26 of jonger) in de instroom y0",
        "Current share of young people (26 or younger) in the intake y0",
    ),
    (
        "param.stock",
        "Cliënten met een ggz-wonenindicatie bij de start S(0)",
        "Clients with a ggz-wonen indication at the start S(0)",
    ),
    ("param.outflow", "Uitstroom uit de voorraad μ", "Outflow from the stock μ"),
    ("param.baseline", "Doel 1: referentieniveau", "Target 1: reference level"),
    ("param.cut", "Doel 1: daling ten opzichte van de referentie", "Target 1: reduction from the reference"),
    ("param.t1_from", "Doel 1: eerste maand van het venster", "Target 1: first month of the window"),
    ("param.t1_to", "Doel 1: laatste maand van het venster", "Target 1: last month of the window"),
    ("param.t2", "Doel 2: drempel", "Target 2: threshold"),
    ("param.t2_from", "Doel 2: eerste maand van het venster", "Target 2: first month of the window"),
    ("param.t2_to", "Doel 2: laatste maand van het venster", "Target 2: last month of the window"),
    ("chart.title", "Maandelijkse instroom: verwachting en onzekerheid", "Monthly intake: projection and uncertainty"),
    (
        "chart.desc",
        "Mediaan met 50%- en 90%-band van de gesimuleerde instroom per maand, met de referentie van 300 per maand.",
        "Median with 50% and 90% bands of the simulated intake per month, with the 300 a month reference.",
    ),
    ("chart.median", "mediaan", "median"),
    ("chart.band50", "50%-band", "50% band"),
    ("chart.band90", "90%-band", "90% band"),
    ("chart.baseline", "referentie 300/maand", "reference 300/month"),
    ("chart.y", "nieuwe cliënten per maand", "new clients per month"),
    ("targets", "Doelen", "Targets"),
    (
        "target.t1",
        "Doel 1: 20% onder 300 per maand (eerste kwartaal 2024)",
        "Target 1: 20% below 300 a month (first quarter 2024)",
    ),
    (
        "target.t2",
        "Doel 2: ongeveer 100 per maand op lange termijn (laatste 12 maanden)",
        "Target 2: about 100 a month in the long run (last 12 months)",
    ),
    ("target.chance", "kans", "probability"),
    (
        "target.outside",
        "Het venster valt (deels) buiten de projectie",
        "The window lies (partly) outside the projection",
    ),
    ("status.running", "Bezig met rekenen…", "Computing…"),
    (
        "status.partial",
        "Eerste resultaat uit een deel van de runs; wordt verfijnd",
        "First result from part of the runs; being refined",
    ),
    ("status.done", "runs in", "runs in"),
    ("status.error", "De berekening is mislukt", "The computation failed"),
    ("lang.switch", "English", "Nederlands"),
    ("lang.switch.label", "Switch to English", "Schakel naar Nederlands"),
    (
        "problems",
        "Niet alles in de link kon worden gelezen; deze delen staan op hun standaardwaarde:",
        "Not everything in the link could be read; these parts are at their defaults:",
    ),
    ("model.version", "modelversie", "model version"),
    ("target.interval", "95%-interval", "95% interval"),
    (
        "reach.first",
        "Voor het eerst gehaald (gemiddelde van drie maanden), mediaan:",
        "First reached (three-month mean), median:",
    ),
    ("reach.range", "10–90%:", "10–90%:"),
    ("reach.never", "niet binnen de horizon:", "not within the horizon:"),
    ("reach.none", "In geen enkele run binnen de horizon gehaald.", "Not reached within the horizon in any run."),
    ("likely.very_unlikely", "zeer onwaarschijnlijk", "very unlikely"),
    ("likely.unlikely", "onwaarschijnlijk", "unlikely"),
    ("likely.even", "ongeveer even waarschijnlijk als niet", "about as likely as not"),
    ("likely.likely", "waarschijnlijk", "likely"),
    ("likely.very_likely", "zeer waarschijnlijk", "very likely"),
    ("likely.scale", "Hoe lees ik deze woorden?", "How to read these words?"),
    (
        "likely.source",
        "De woorden volgen de kansschaal die het IPCC gebruikt. De kans is het aandeel van de gesimuleerde runs waarin het gemiddelde over het doelvenster op of onder de drempel ligt; het interval geeft de Monte-Carlo-onzekerheid van die schatting (95%). Aantal runs:",
        "The words follow the likelihood scale used by the IPCC. The probability is the share of simulated runs whose mean over the target window is at or below the threshold; the interval gives the Monte Carlo uncertainty of that estimate (95%). Number of runs:",
    ),
    ("problem.unknown", "{key}: onbekende sleutel, genegeerd", "{key}: unknown key, ignored"),
    (
        "problem.duplicate",
        "{key}={value}: komt meer dan eens voor; de eerste waarde telt",
        "{key}={value}: given more than once; the first value counts",
    ),
    (
        "problem.not_int",
        "{key}={value}: geen geheel getal; toegestaan is {min} tot en met {max}",
        "{key}={value}: not a whole number; allowed is {min} to {max}",
    ),
    (
        "problem.not_number",
        "{key}={value}: geen getal; toegestaan is {min} tot en met {max}",
        "{key}={value}: not a number; allowed is {min} to {max}",
    ),
    (
        "problem.not_month",
        "{key}={value}: geen maand van de vorm JJJJ-MM; toegestaan is {min} tot en met {max}",
        "{key}={value}: not a month written YYYY-MM; allowed is {min} to {max}",
    ),
    (
        "problem.range",
        "{key}={value}: buiten het bereik; toegestaan is {min} tot en met {max}",
        "{key}={value}: out of range; allowed is {min} to {max}",
    ),
    (
        "problem.version",
        "{key}={value}: onbekende versie; gelezen als versie 1",
        "{key}={value}: unknown version; read as version 1",
    ),
    (
        "problem.too_long",
        "De link is te lang ({len} tekens, hoogstens {max}); alles staat op de standaardwaarde.",
        "The link is too long ({len} characters, at most {max}); everything is at its default.",
    ),
    (
        "problem.spread",
        "{key}={value}: te groot bij {mean}; toegestaan is 0 tot onder {max}",
        "{key}={value}: too large for {mean}; allowed is 0 to below {max}",
    ),
    (
        "problem.window",
        "{key}={value}: het venster eindigt vóór {from}; standaardwaarde gebruikt",
        "{key}={value}: the window ends before {from}; default used",
    ),
    ("month.1", "januari", "January"),
    ("month.2", "februari", "February"),
    ("month.3", "maart", "March"),
    ("month.4", "april", "April"),
    ("month.5", "mei", "May"),
    ("month.6", "juni", "June"),
    ("month.7", "juli", "July"),
    ("month.8", "augustus", "August"),
    ("month.9", "september", "September"),
    ("month.10", "oktober", "October"),
    ("month.11", "november", "November"),
    ("month.12", "december", "December"),
];

/// The string for `key` in `lang`; the key itself if it is missing (a test keeps that from happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    CATALOGUE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, nl, en)| if lang == Lang::Nl { *nl } else { *en })
        .unwrap_or("?")
}

/// True when `key` is in the catalogue.
pub fn has(key: &str) -> bool {
    CATALOGUE.iter().any(|(k, _, _)| *k == key)
}

const MONTH_KEYS: [&str; 12] = [
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9", "month.10",
    "month.11", "month.12",
];

/// A calendar month in words: "mei 2026" / "May 2026".
pub fn month_name(lang: Lang, month: wlz_engine::Month) -> String {
    format!("{} {}", tr(lang, MONTH_KEYS[(month.month() as usize - 1) % 12]), month.year())
}

/// `value` with `decimals` decimals, grouped per language: 1.234,5 in Dutch, 1,234.5 in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = if lang == Lang::Nl { ('.', ',') } else { (',', '.') };
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A share 0..1 as a percentage with `decimals` decimals, e.g. "36,5%".
pub fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    format!("{}%", number(lang, share * 100.0, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_and_a_unique_key() {
        for (i, (key, nl, en)) in CATALOGUE.iter().enumerate() {
            assert!(!nl.trim().is_empty(), "Dutch missing for {key}");
            assert!(!en.trim().is_empty(), "English missing for {key}");
            assert!(CATALOGUE[..i].iter().all(|(k, _, _)| k != key), "duplicate key {key}");
        }
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut missing = Vec::new();
        for path in source_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("tr(lang, \"").skip(1) {
                let key = piece.split('"').next().unwrap_or_default();
                if !CATALOGUE.iter().any(|(k, _, _)| *k == key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from the catalogue: {missing:?}");
    }

    fn source_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(source_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn months_in_words() {
        for key in MONTH_KEYS {
            assert!(has(key), "{key}");
        }
        assert_eq!(month_name(Lang::Nl, wlz_engine::Month::new(2026, 5)), "mei 2026");
        assert_eq!(month_name(Lang::En, wlz_engine::Month::new(2030, 12)), "December 2030");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Lang::Nl, 1234.5, 1), "1.234,5");
        assert_eq!(number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Lang::Nl, 1_234_567.0, 0), "1.234.567");
        assert_eq!(number(Lang::En, -0.04, 1), "0.0");
        assert_eq!(number(Lang::En, -12.0, 0), "−12");
        assert_eq!(number(Lang::Nl, f64::NAN, 0), "–");
        assert_eq!(percent(Lang::Nl, 0.365, 1), "36,5%");
    }
}
