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
        "Startmaand, horizon, aantal runs en het startgetal van de toevalsgenerator: samen met de rest van de link bepalen ze de uitkomst tot op het laatste cijfer. Hoogstens 100.000 runs en 240 maanden: meer maakt de uitkomst nauwelijks preciezer, maar een berekening duurt dan seconden en vraagt honderden megabytes geheugen in de browser.",
        "Start month, horizon, number of runs and the random seed: with the rest of the link they fix the result to the last digit. At most 100,000 runs and 240 months: more adds hardly any precision, but a computation would take seconds and hundreds of megabytes of memory in the browser.",
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
    ("chart.baseline", "referentie per maand:", "reference per month:"),
    ("chart.y", "nieuwe cliënten per maand", "new clients per month"),
    ("chart.mean", "gemiddelde", "mean"),
    ("chart.table", "Toon als tabel", "Show as a table"),
    (
        "chart.table.caption",
        "Gesimuleerde instroom per maand (cliënten): percentielen over de runs",
        "Simulated intake per month (clients): percentiles over the runs",
    ),
    (
        "chart.hint",
        "Beweeg over de grafiek of geef haar focus en gebruik de pijltjestoetsen om de waarden van een maand te zien.",
        "Hover over the chart, or focus it and use the arrow keys, to see a month's values.",
    ),
    ("chart.observed", "waargenomen", "observed"),
    (
        "explain.changed",
        "aangepast; de standaardwaarde, waarop de bron slaat, is",
        "changed; the default, to which the source refers, is",
    ),
    (
        "chart.observed.legend",
        "waargenomen vóór de projectie (2022: Kamerbrief 14 april 2023; 2023: Kamerbrief 13 december 2023)",
        "observed before the projection (2022: letter of 14 April 2023; 2023: letter of 13 December 2023)",
    ),
    ("chart.targets", "doelen over hun venster", "targets over their window"),
    ("chart.t1", "doel 1", "target 1"),
    ("chart.t2", "doel 2", "target 2"),
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
    (
        "status.error",
        "De berekening is mislukt. De instellingen zijn bewaard; probeer het opnieuw.",
        "The computation failed. Your settings are kept; try again.",
    ),
    (
        "update.ready",
        "Er is een nieuwe versie van de verkenner. Uw scenario blijft bewaard.",
        "A new version of the explorer is available. Your scenario is kept.",
    ),
    ("update.apply", "Nu bijwerken", "Update now"),
    ("status.retry", "Opnieuw berekenen", "Compute again"),
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
    (
        "problem.observed",
        "{key}: de waargenomen reeks in de link is niet leesbaar en is weggelaten",
        "{key}: the observed series in the link cannot be read and was left out",
    ),
    ("problem.text_long", "{key}: langer dan {max} tekens; ingekort", "{key}: longer than {max} characters; shortened"),
    (
        "problem.pin",
        "Sleutels van scenario A (a.) zonder pin=1; genegeerd",
        "Keys of scenario A (a.) without pin=1; ignored",
    ),
    ("scenario", "Scenario", "Scenario"),
    ("scenario.title", "Titel van dit scenario (optioneel)", "Title of this scenario (optional)"),
    ("scenario.title.hint", "bijvoorbeeld: regio Utrecht, variant B", "for example: region Utrecht, variant B"),
    ("scenario.note", "Notitie (optioneel, gaat mee in de link)", "Note (optional, travels with the link)"),
    ("preset.group", "Voorbeeldscenario's", "Example scenarios"),
    ("preset.none", "Geen beleid", "No policy"),
    ("preset.agreements2023", "Afspraken 2023", "Agreements 2023"),
    ("preset.ambitious", "Ambitieus", "Ambitious"),
    ("preset.illustrative", "ter illustratie", "illustrative"),
    ("compare.pin", "Vergelijk: zet dit scenario vast als A", "Compare: pin this scenario as A"),
    ("compare.unpin", "Stop met vergelijken", "Stop comparing"),
    ("link.copy", "Kopieer link", "Copy link"),
    (
        "compare.title",
        "Vergelijking: A (vastgezet) tegen B (zoals nu ingesteld)",
        "Comparison: A (pinned) against B (as set now)",
    ),
    ("compare.pinned", "Scenario A:", "Scenario A:"),
    (
        "compare.overlay",
        "Instroom per maand in A en B: mediaan en 90%-band",
        "Intake per month in A and B: median and 90% band",
    ),
    (
        "compare.diff",
        "Verschil B min A per maand (zelfde toevalsgetallen): mediaan, 50%- en 90%-band",
        "Difference B minus A per month (same random numbers): median, 50% and 90% bands",
    ),
    ("compare.a", "A (vastgezet)", "A (pinned)"),
    ("compare.b", "B (nu)", "B (now)"),
    (
        "compare.b_lower",
        "Kans dat B over de hele periode minder instroom heeft dan A",
        "Probability that B has less intake than A over the whole period",
    ),
    ("compare.cumulative", "Totale instroom B min A (cliënten)", "Total intake B minus A (clients)"),
    ("compare.median_range", "mediaan; 90%-interval", "median; 90% interval"),
    ("compare.difference", "verschil", "difference"),
    (
        "compare.crn",
        "A en B zijn met dezelfde toevalsgetallen doorgerekend (dezelfde seed en runs): het verschil komt alleen uit de instellingen, niet uit toeval tussen twee berekeningen.",
        "A and B are computed with the same random numbers (same seed and runs): the difference comes from the settings only, not from chance between two computations.",
    ),
    (
        "compare.mismatch",
        "A en B zijn niet te vergelijken: ze moeten dezelfde seed, startmaand en horizon hebben. Verschil in",
        "A and B cannot be compared: they need the same seed, start month and horizon. Different:",
    ),
    ("link.copied", "Link gekopieerd naar het klembord.", "Link copied to the clipboard."),
    (
        "link.copy_failed",
        "Kopiëren lukte niet; kopieer de link uit de adresbalk.",
        "Copying failed; copy the link from the address bar.",
    ),
    ("export.group", "Exporteren", "Export"),
    ("export.svg", "Grafiek (SVG)", "Chart (SVG)"),
    ("export.png", "Grafiek (PNG)", "Chart (PNG)"),
    ("export.print", "Afdrukken (A4)", "Print (A4)"),
    ("export.wait", "Even wachten: de berekening is nog niet klaar.", "One moment: the computation has not finished."),
    ("export.failed", "Exporteren lukte niet.", "The export failed."),
    ("export.standalone", "Los bestand (offline)", "Standalone file (offline)"),
    (
        "export.standalone.hint",
        "Eén HTML-bestand met dit scenario erin; werkt zonder internet, ook vanaf een usb-stick.",
        "One HTML file with this scenario inside; works without internet, even from a USB stick.",
    ),
    (
        "export.standalone.missing",
        "Het losse bestand hoort bij de gepubliceerde versie en is hier niet beschikbaar.",
        "The standalone file comes with the published build and is not available here.",
    ),
    ("export.chart_hidden", "Zet eerst de grafiek weer aan (niet de tabel).", "Show the chart (not the table) first."),
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
    // impact and explanation sections
    ("impact.title", "Effect van de maatregelen", "Effect of the measures"),
    ("impact.source", "Bron: modeluitkomst", "Source: model output"),
    ("impact.runs", "runs", "runs"),
    ("impact.median", "mediaan", "median"),
    ("impact.interval", "90%-interval", "90% interval"),
    ("impact.to", "tot", "to"),
    ("impact.averted", "Cliënten voorkomen ten opzichte van geen beleid", "Clients averted compared with no policy"),
    (
        "impact.averted.note",
        "Minder nieuwe cliënten over de hele periode dan in dezelfde runs zonder maatregelen; negatief betekent meer.",
        "Fewer new clients over the whole period than in the same runs without measures; negative means more.",
    ),
    ("impact.cumulative", "Totale instroom over de periode", "Total intake over the period"),
    (
        "impact.cumulative.note",
        "Som van de nieuwe cliënten per maand over alle geprojecteerde maanden.",
        "Sum of the new clients per month over all projected months.",
    ),
    (
        "impact.contrib.title",
        "Bijdrage per maatregel (cliënten voorkomen)",
        "Contribution per measure (clients averted)",
    ),
    (
        "impact.contrib.desc",
        "Staven vanaf nul: naar rechts minder cliënten, naar links meer.",
        "Bars from zero: to the right fewer clients, to the left more.",
    ),
    (
        "impact.contrib.note",
        "Shapley-verdeling van het verschil in verwachte instroom met en zonder maatregelen; de vier bijdragen tellen daar samen precies op.",
        "Shapley split of the difference in expected intake with and without measures; the four contributions add up to it exactly.",
    ),
    ("impact.lever.longer", "Langere Wmo-beschikkingen", "Longer Wmo decisions"),
    ("impact.lever.aid", "Hulpmiddel", "Assessment aid"),
    ("impact.lever.youth", "Aandeel jongeren", "Youth share"),
    ("impact.lever.region", "Regioaanpak en overige maatregelen", "Regional approach and other measures"),
    (
        "impact.stock",
        "Cliënten met een ggz-wonenindicatie aan het eind van de periode",
        "Clients with a ggz-wonen indication at the end of the period",
    ),
    (
        "impact.stock.note",
        "Beginstand en uitstroom per maand: zie de uitleg hieronder.",
        "Starting number and monthly outflow: see the explanation below.",
    ),
    (
        "impact.stock.chart",
        "Cliënten met een indicatie, gemiddelde per maand",
        "Clients with an indication, mean per month",
    ),
    (
        "impact.stock.desc",
        "De lijn is het gemiddelde over de runs aan het eind van elke maand; rechts het 90%-interval aan het eind van de periode.",
        "The line is the mean over the runs at the end of each month; on the right the 90% interval at the end of the period.",
    ),
    (
        "impact.youth",
        "Aandeel jongeren (26 jaar of jonger) in de verwachte instroom",
        "Share of young people (26 or younger) in the expected intake",
    ),
    ("impact.youth.last", "in de laatste maand", "in the last month"),
    ("impact.youth.first", "in de eerste maand", "in the first month"),
    ("impact.youth.note", "Volgt de maatregel aandeel jongeren.", "Follows the youth share measure."),
    ("explain.title", "Uitleg", "How it works"),
    (
        "explain.intro",
        "Het model schat per maand hoeveel mensen nieuw instromen in de Wlz met een ggz-wonenindicatie. Het begint bij de instroom zonder maatregelen, past daar vier maatregelen op toe en herhaalt dat vele keren met andere waarden voor wat onzeker is (Monte Carlo).",
        "The model estimates, month by month, how many people newly enter the Wlz with a ggz-wonen indication. It starts from the intake without measures, applies four measures to it and repeats that many times with different values for what is uncertain (Monte Carlo).",
    ),
    ("explain.time", "Het rekent in stappen van een maand, van", "It works in monthly steps, from"),
    ("explain.through", "tot en met", "through"),
    (
        "explain.time.m",
        "Hieronder is m het nummer van de maand, 0 voor de eerste.",
        "Below, m is the number of the month, 0 for the first.",
    ),
    ("explain.base.title", "Instroom zonder maatregelen", "Intake without measures"),
    (
        "explain.base.text",
        "De onderliggende instroom L per maand groeit of krimpt met een jaarlijkse trend g:",
        "The underlying monthly intake L grows or shrinks with a yearly trend g:",
    ),
    (
        "explain.cells.text",
        "De instroom bestaat uit vier groepen: met of zonder Wmo-ondersteuning vooraf, en 26 jaar of jonger of ouder.",
        "The intake consists of four groups: with or without Wmo support before, and aged 26 or younger or older.",
    ),
    ("explain.cells.w", "met Wmo-ondersteuning vooraf", "with Wmo support before"),
    ("explain.cells.y0", "26 jaar of jonger, nu", "aged 26 or younger, today"),
    ("explain.levers.title", "Vier maatregelen", "Four measures"),
    (
        "explain.ramp.text",
        "Elke maatregel gaat van de huidige waarde naar uw waarde, in gelijke stappen over een aanloop van R maanden vanaf de startmaand. Elke factor is precies 1 zolang de maatregel op de huidige waarde staat.",
        "Each measure moves from today's value to your value, in equal steps over a ramp of R months from its start month. Each factor is exactly 1 while the measure is at today's value.",
    ),
    ("explain.value", "waarde", "value"),
    ("explain.today", "nu", "today"),
    ("explain.user", "uw waarde", "your value"),
    ("explain.from", "vanaf", "from"),
    ("explain.ramp", "aanloop", "ramp"),
    ("explain.mean", "gemiddeld", "mean"),
    (
        "explain.longer.text",
        "Met minder verlengmomenten zijn er minder momenten waarop iemand met Wmo-ondersteuning doorstroomt naar de Wlz. Rr is het aantal verlengmomenten ten opzichte van nu; ε is het deel van die overgangen dat door een verlenging ontstaat. Geldt voor de groepen met Wmo vooraf.",
        "Fewer renewals mean fewer moments at which someone with Wmo support moves on to the Wlz. Rr is the number of renewal moments relative to today; ε is the share of those transitions set off by a renewal. Applies to the groups with Wmo support before.",
    ),
    ("explain.longer.share", "aandeel langer dan een jaar", "share longer than a year"),
    (
        "explain.aid.text",
        "Bij een deel θ van de verwijzingen waarbij het hulpmiddel wordt gebruikt, volgt geen aanvraag. Geldt voor alle groepen.",
        "In a share θ of the referrals where the aid is used, no application follows. Applies to all groups.",
    ),
    ("explain.adoption", "adoptie", "adoption"),
    (
        "explain.youth.text",
        "De jongerengroepen worden zo geschaald dat het aandeel jongeren in de verwachte instroom precies y is.",
        "The youth groups are scaled so that the youth share of the expected intake is exactly y.",
    ),
    (
        "explain.region.text",
        "Een directe vermindering van de instroom door de regioaanpak en overige maatregelen; de omvang is een aanname. Geldt voor alle groepen.",
        "A direct reduction of the intake by the regional approach and other measures; its size is an assumption. Applies to all groups.",
    ),
    ("explain.reduction", "reductie", "reduction"),
    ("explain.expected.title", "Verwachte instroom", "Expected intake"),
    (
        "explain.expected.text",
        "De verwachte instroom is de som over de vier groepen van hun aandeel maal de factoren die voor hen gelden; samengevat:",
        "The expected intake is the sum over the four groups of their share times the factors that apply to them; in short:",
    ),
    ("explain.expected", "verwacht", "expected"),
    ("explain.uncertainty.title", "Onzekerheid en Monte Carlo", "Uncertainty and Monte Carlo"),
    (
        "explain.uncertainty.text",
        "Elke run trekt eigen waarden voor L, g, ε en θ, en een eigen schommeling van maand tot maand. Het aantal nieuwe cliënten in een maand is een Poisson-trekking rond de verwachte instroom maal die schommeling.",
        "Each run draws its own values of L, g, ε and θ, and its own month-to-month fluctuation. The number of new clients in a month is a Poisson draw around the expected intake times that fluctuation.",
    ),
    ("explain.normal", "Normaal", "Normal"),
    ("explain.fluct", "schommeling", "fluct"),
    ("explain.count", "aantal", "count"),
    ("explain.runs", "De pagina rekent", "The page computes"),
    ("explain.seed", "startgetal", "seed"),
    (
        "explain.runs.text",
        "Medianen, intervallen en kansen komen uit die runs; dezelfde link geeft altijd dezelfde getallen.",
        "Medians, intervals and probabilities come from those runs; the same link always gives the same numbers.",
    ),
    ("explain.stock.title", "Cliënten met een indicatie", "Clients with an indication"),
    (
        "explain.stock.text",
        "Het aantal cliënten met een indicatie groeit met de instroom en neemt elke maand met een klein deel μ af:",
        "The number of clients with an indication grows with the intake and falls each month by a small share μ:",
    ),
    ("explain.targets.title", "Wat de doelen betekenen", "What the targets mean"),
    (
        "explain.targets.text",
        "Een run haalt een doel als de gemiddelde instroom per maand in het venster van het doel op of onder de drempel ligt. De kans is het aandeel runs dat het doel haalt.",
        "A run meets a target when its mean intake per month over the target's window is at or below the threshold. The probability is the share of runs that meet it.",
    ),
    ("explain.target1", "Doel 1", "Target 1"),
    ("explain.target2", "Doel 2", "Target 2"),
    ("explain.window.mean", "gemiddelde per maand over", "mean per month over"),
    ("explain.provenance.title", "Bronnen en aannames", "Sources and assumptions"),
    (
        "explain.provenance.text",
        "Elke instelling staat in één parametertabel, met de huidige waarde. U kunt ze allemaal aanpassen via de link.",
        "Every setting lives in one parameter table, shown with its current value. You can change all of them through the link.",
    ),
    ("explain.sourced", "Onderbouwd met een bron", "Backed by a source"),
    ("explain.assumed", "Aannames (geen gepubliceerd cijfer)", "Assumptions (no published figure)"),
    ("explain.settings", "Instellingen van de simulatie", "Settings of the simulation"),
    ("explain.source", "bron", "source"),
    ("explain.unit.percent_per_year", "% per jaar", "% per year"),
    ("explain.unit.percent_per_month", "% per maand", "% per month"),
    ("explain.unit.clients_per_month", "cliënten per maand", "clients per month"),
    ("explain.unit.clients", "cliënten", "clients"),
    ("explain.unit.months", "maanden", "months"),
    ("explain.unit.runs", "runs", "runs"),
    ("explain.param.seed", "startgetal van de toevalsgenerator", "random seed"),
    ("explain.param.runs", "aantal Monte-Carloruns", "number of Monte Carlo runs"),
    ("explain.param.start", "eerste maand van de projectie", "first projected month"),
    ("explain.param.horizon", "aantal maanden in de projectie", "number of projected months"),
    (
        "explain.param.longer",
        "maatregel 1: aandeel Wmo-beschikkingen langer dan een jaar",
        "measure 1: share of Wmo decisions longer than one year",
    ),
    ("explain.param.longer_from", "maatregel 1: startmaand", "measure 1: start month"),
    ("explain.param.longer_ramp", "maatregel 1: aanloop", "measure 1: ramp"),
    (
        "explain.param.aid",
        "maatregel 2: gebruik van het hulpmiddel (adoptie)",
        "measure 2: use of the assessment aid (adoption)",
    ),
    ("explain.param.aid_from", "maatregel 2: startmaand", "measure 2: start month"),
    ("explain.param.aid_ramp", "maatregel 2: aanloop", "measure 2: ramp"),
    (
        "explain.param.youth",
        "maatregel 3: aandeel 26 jaar of jonger in de instroom",
        "measure 3: share aged 26 or younger in the intake",
    ),
    ("explain.param.youth_from", "maatregel 3: startmaand", "measure 3: start month"),
    ("explain.param.youth_ramp", "maatregel 3: aanloop", "measure 3: ramp"),
    (
        "explain.param.region",
        "maatregel 4: regioaanpak en overige maatregelen (reductie)",
        "measure 4: regional approach and other measures (reduction)",
    ),
    ("explain.param.region_from", "maatregel 4: startmaand", "measure 4: start month"),
    ("explain.param.region_ramp", "maatregel 4: aanloop", "measure 4: ramp"),
    (
        "explain.param.level",
        "L: onderliggende instroom per maand zonder maatregelen (gemiddelde)",
        "L: underlying monthly intake without measures (mean)",
    ),
    ("explain.param.level_sd", "L: standaarddeviatie", "L: standard deviation"),
    ("explain.param.trend", "g: autonome trend per jaar (gemiddelde)", "g: autonomous yearly trend (mean)"),
    ("explain.param.trend_sd", "g: standaarddeviatie", "g: standard deviation"),
    (
        "explain.param.eps",
        "ε: deel van de overgangen van Wmo naar Wlz dat door een verlenging ontstaat (gemiddelde)",
        "ε: share of Wmo-to-Wlz transitions set off by a renewal (mean)",
    ),
    ("explain.param.eps_sd", "ε: standaarddeviatie", "ε: standard deviation"),
    (
        "explain.param.theta",
        "θ: deel van de verwijzingen waarbij het hulpmiddel een aanvraag voorkomt (gemiddelde)",
        "θ: share of referrals where the aid prevents an application (mean)",
    ),
    ("explain.param.theta_sd", "θ: standaarddeviatie", "θ: standard deviation"),
    (
        "explain.param.phi",
        "φ: samenhang van de schommeling van maand tot maand",
        "φ: month-to-month persistence of the fluctuation",
    ),
    ("explain.param.sigma", "σ: spreiding van de schommeling (logschaal)", "σ: spread of the fluctuation (log scale)"),
    (
        "explain.param.wmo",
        "w: aandeel van de instroom met Wmo-ondersteuning vooraf",
        "w: share of the intake with Wmo support before",
    ),
    (
        "explain.param.youth0",
        "y0: aandeel 26 jaar of jonger in de huidige instroom",
        "y0: share aged 26 or younger in today's intake",
    ),
    (
        "explain.param.stock",
        "S(0): cliënten met een ggz-wonenindicatie bij de start",
        "S(0): clients with a ggz-wonen indication at the start",
    ),
    (
        "explain.param.outflow",
        "μ: uitstroom van cliënten met een indicatie, per maand",
        "μ: outflow of clients with an indication, per month",
    ),
    ("explain.param.baseline", "doel 1: referentieniveau", "target 1: reference level"),
    ("explain.param.cut", "doel 1: vermindering onder de referentie", "target 1: reduction below the reference"),
    ("explain.param.t1_from", "doel 1: eerste maand van het venster", "target 1: first month of the window"),
    ("explain.param.t1_to", "doel 1: laatste maand van het venster", "target 1: last month of the window"),
    ("explain.param.t2", "doel 2: drempel", "target 2: threshold"),
    ("explain.param.t2_from", "doel 2: eerste maand van het venster", "target 2: first month of the window"),
    ("explain.param.t2_to", "doel 2: laatste maand van het venster", "target 2: last month of the window"),
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
