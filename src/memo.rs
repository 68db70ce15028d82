//! The picture for a memo: the fan chart with a title, its legend, both
//! targets' probabilities in words and numbers, the model version, the date,
//! the sources line and the link (as text, and as a QR code where it fits), as
//! one SVG document (also turned into the PNG). Built from the chart's own
//! markup (styles inlined by `src/js/export.js`) and the page's catalogue; no
//! network, everything local.

use crate::components::freshness::freshness_text;
use crate::components::scorecard::{interval95, likelihood_key};
use crate::i18n::{Lang, number, percent, tr};
use crate::t;
use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;
use wlz_scenario::output::Report;
use wlz_scenario::sources::SourceId;

/// Width of the picture (SVG user units; the PNG is twice as large).
pub const WIDTH: f64 = 760.0;
/// Left and right margin.
const MARGIN: f64 = 20.0;
/// Height of the embedded chart (its own frame is 720 by 340).
const CHART_H: f64 = 340.0;
/// Top of the embedded chart.
const CHART_TOP: f64 = 72.0;
/// Side of the QR code, quiet zone included.
const QR_SIDE: f64 = 120.0;
/// Largest QR version drawn (97 modules): beyond it the code is too fine to scan from paper.
const QR_MAX_VERSION: i32 = 15;
/// Text colours: ink and muted (contrast >= 4.5:1 on white), as in the page.
const INK: &str = "#1b1b1b";
const MUTED: &str = "#4a4a4a";

/// What the picture shows.
pub struct Picture<'a> {
    /// Page language.
    pub lang: Lang,
    /// The scenario's title (may be empty).
    pub title: &'a str,
    /// The result shown.
    pub report: &'a Report,
    /// The targets' reference level (clients/month).
    pub baseline: f64,
    /// The fan chart as a standalone SVG document (`js_bindings::svg_markup`).
    pub chart: &'a str,
    /// The link to the scenario; none in a standalone file without a public address.
    pub link: Option<&'a str>,
    /// The scenario's query (shown when there is no link).
    pub query: &'a str,
    /// The date, in words.
    pub date: &'a str,
}

/// `text` escaped for XML text and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `text` in lines of at most `width` characters, broken at spaces; a word
/// longer than a line (a link) is cut into pieces of `width`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        while word.chars().count() > width {
            // A word longer than a line fills the rest of the current one, then whole lines.
            let used = line.chars().count();
            let room = if used == 0 { width } else { width.saturating_sub(used + 1) };
            if room == 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            if used > 0 {
                line.push(' ');
            }
            line.extend(word.chars().take(room));
            word = word.chars().skip(room).collect();
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `label` and `link` in lines of at most `width` characters: the link starts
/// on the label's line and is cut anywhere, so the lines joined give `label link`.
pub fn wrap_link(label: &str, link: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = format!("{label} {link}").chars().collect();
    chars.chunks(width.max(1)).map(|c| c.iter().collect()).collect()
}

/// The QR code of `link` as an SVG path of its dark modules (one unit a
/// module, a quiet zone of 4), with its side in modules; none when it does not
/// fit in [`QR_MAX_VERSION`].
pub fn qr_path(link: &str) -> Option<(String, i32)> {
    let code = QrCode::encode_text(link, QrCodeEcc::Medium).ok()?;
    if code.version().value() > QR_MAX_VERSION as u8 {
        return None;
    }
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + 4, y + 4);
            }
        }
    }
    Some((path, size + 8))
}

/// One line of text at (`x`, `y`).
fn text(out: &mut String, x: f64, y: f64, size: f64, weight: &str, fill: &str, content: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{x}" y="{y}" font-family="system-ui, sans-serif" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
        escape(content)
    );
}

/// The legend: each key's swatch and words, left to right, wrapping; returns the height used.
fn legend(out: &mut String, lang: Lang, baseline: f64, top: f64) -> f64 {
    let items: [(&str, String); 6] = [
        (
            r##"<line x1="0" y1="6" x2="18" y2="6" stroke="#0b5394" stroke-width="3"/>"##,
            t!(lang, "chart.median").into(),
        ),
        (r##"<rect width="18" height="12" fill="#8dbde6"/>"##, t!(lang, "chart.band50").into()),
        (r##"<rect width="18" height="12" fill="#cfe3f5"/>"##, t!(lang, "chart.band90").into()),
        (
            r##"<line x1="0" y1="6" x2="18" y2="6" stroke="#a14d00" stroke-width="2" stroke-dasharray="6 4"/>"##,
            format!("{} {}", t!(lang, "chart.baseline"), number(lang, baseline, 0)),
        ),
        (
            r##"<line x1="0" y1="6" x2="18" y2="6" stroke="#00704f" stroke-width="3"/>"##,
            t!(lang, "chart.targets").into(),
        ),
        (
            r##"<rect width="18" height="12" fill="#6b6b6b" fill-opacity="0.35"/>"##,
            t!(lang, "chart.observed.legend").into(),
        ),
    ];
    let (mut x, mut y) = (MARGIN, top);
    for (swatch, words) in items {
        let width = 26.0 + words.chars().count() as f64 * 6.6 + 18.0;
        if x + width > WIDTH - MARGIN {
            (x, y) = (MARGIN, y + 20.0);
        }
        let _ = writeln!(out, r#"<g transform="translate({x},{})">{swatch}</g>"#, y - 10.0);
        text(out, x + 26.0, y, 12.0, "normal", INK, &words);
        x += width;
    }
    y - top + 20.0
}

/// The picture as an SVG document.
pub fn picture(p: &Picture) -> String {
    let lang = p.lang;
    let title = if p.title.trim().is_empty() { t!(lang, "title") } else { p.title.trim() };
    let mut body = String::new();
    text(&mut body, MARGIN, 32.0, 20.0, "bold", INK, title);
    text(&mut body, MARGIN, 54.0, 13.0, "normal", MUTED, t!(lang, "chart.title"));
    let chart = p.chart.trim_start().strip_prefix("<svg").unwrap_or_default();
    // The chart's own document (width 720, height CHART_H) nested at its place.
    let _ = writeln!(body, r#"<svg x="{MARGIN}" y="{CHART_TOP}"{chart}"#);
    let mut y = CHART_TOP + CHART_H + 22.0;
    y += legend(&mut body, lang, p.baseline, y) + 8.0;
    for t in &p.report.targets {
        let t = &t.result;
        text(&mut body, MARGIN, y, 13.0, "normal", INK, tr(lang, t.id.row().label));
        let verdict = match (t.probability, t.std_error) {
            (Some(prob), Some(se)) => {
                let (low, high) = interval95(prob, se);
                format!(
                    "{} — {} ({} {}–{})",
                    tr(lang, likelihood_key(prob)),
                    percent(lang, prob, 1),
                    t!(lang, "target.interval"),
                    percent(lang, low, 1),
                    percent(lang, high, 1)
                )
            }
            _ => match (t.observed_reached(), t.observed_mean) {
                // A wholly observed window: a fact, as in the scorecard.
                (Some(reached), Some(mean)) => format!(
                    "{} {}",
                    tr(lang, if reached { "target.observed.reached" } else { "target.observed.missed" }),
                    t!(lang, "target.observed.mean").replace("{mean}", &number(lang, mean, 1))
                ),
                _ => t!(lang, "target.outside").to_string(),
            },
        };
        text(&mut body, MARGIN, y + 19.0, 15.0, "bold", INK, &verdict);
        y += 44.0;
    }
    let qr = p.link.and_then(qr_path);
    let width_chars = if qr.is_some() { 96 } else { 118 };
    let runs = number(lang, f64::from(p.report.runs), 0);
    // The freshness line as on the page (model version, last observed month, sources' date), then the date and the runs.
    let mut footer = wrap(
        &format!(
            "{} · {} · {runs} {} · {} {}",
            freshness_text(lang, p.report),
            p.date,
            t!(lang, "impact.runs"),
            t!(lang, "explain.seed"),
            p.report.seed
        ),
        width_chars,
    );
    let sources: Vec<&str> =
        [SourceId::Nr651, SourceId::Nr676, SourceId::BureauLenz].map(|s| tr(lang, s.row().label)).into();
    footer.extend(wrap(
        &format!("{} {}. {}", t!(lang, "memo.sources"), sources.join("; "), t!(lang, "memo.computed")),
        width_chars,
    ));
    match p.link {
        Some(link) => footer.extend(wrap_link(t!(lang, "memo.link"), link, width_chars)),
        None => footer.extend(wrap_link(t!(lang, "memo.no_link"), p.query, width_chars)),
    }
    let footer_top = y + 6.0;
    for (i, line) in footer.iter().enumerate() {
        text(&mut body, MARGIN, footer_top + 15.0 * i as f64, 11.0, "normal", MUTED, line);
    }
    let mut height = footer_top + 15.0 * footer.len() as f64 + 8.0;
    if let Some((path, side)) = qr {
        let top = footer_top - 14.0;
        let _ = writeln!(
            body,
            r##"<svg x="{}" y="{top}" width="{QR_SIDE}" height="{QR_SIDE}" viewBox="0 0 {side} {side}" role="img" aria-label="{}"><rect width="{side}" height="{side}" fill="#ffffff"/><path d="{path}" fill="#000000"/></svg>"##,
            WIDTH - MARGIN - QR_SIDE,
            escape(t!(lang, "memo.qr"))
        );
        height = height.max(top + QR_SIDE + 8.0);
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}"><title>{}</title><rect width="100%" height="100%" fill="#ffffff"/>
{body}</svg>"##,
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn report() -> Rc<Report> {
        let scenario = wlz_scenario::codec::decode("v=1&runs=300&aid=40").scenario;
        let params = scenario.model_params();
        let projection = wlz_engine::simulate::project(&params);
        Rc::new(Report::new(&wlz_scenario::codec::encode(&scenario), &params, &projection, 1.0))
    }

    #[test]
    fn the_picture_says_what_a_memo_needs() {
        let report = report();
        let chart = r#"<svg xmlns="http://www.w3.org/2000/svg" width="720" height="340" viewBox="0 0 720 340"><path d="M0,0"/></svg>"#;
        let link = "https://example.org/wlz/?v=1&runs=300&aid=40";
        let p = Picture {
            lang: Lang::Nl,
            title: "Regio <Utrecht> & co",
            report: &report,
            baseline: 300.0,
            chart,
            link: Some(link),
            query: "v=1&runs=300&aid=40",
            date: "2 december 2026",
        };
        let svg = picture(&p);
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
        assert!(svg.contains("Regio &lt;Utrecht&gt; &amp; co"), "the title, escaped");
        assert!(svg.contains(r#"<svg x="20" y="72" xmlns="#), "the chart inside");
        for t in &report.targets {
            let prob = percent(Lang::Nl, t.result.probability.unwrap(), 1);
            assert!(svg.contains(&format!(
                ">{} — {prob} (95%-interval",
                tr(Lang::Nl, likelihood_key(t.result.probability.unwrap()))
            )));
            assert!(svg.contains(&format!(">{}</text>", escape(tr(Lang::Nl, t.result.id.row().label)))));
        }
        assert!(svg.contains("https://example.org/wlz/?v=1&amp;runs=300&amp;aid=40"), "the link as text");
        let fresh = freshness_text(Lang::Nl, &report);
        assert!(fresh.contains(&report.model_version) && fresh.contains("geen waarnemingen na 2023"), "{fresh}");
        let text: String =
            svg.split("</text>").filter_map(|t| t.rsplit_once('>').map(|(_, s)| s)).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&escape(&fresh)), "the freshness line, wrapped: {text}");
        assert!(svg.contains("2 december 2026"));
        assert!(svg.contains("Kamerbrief 13 december 2023"), "the sources line");
        assert!(svg.contains(r#"aria-label="QR-code"#), "a QR code for a short link");
        let without = picture(&Picture { link: None, ..p });
        assert!(!without.contains("QR-code") && without.contains("stuur het bestand zelf mee"));
    }

    #[test]
    fn the_picture_names_the_last_observed_month() {
        let mut observed = (*report()).clone();
        observed.last_observed = Some(wlz_scenario::Month::new(2025, 6));
        let chart = r#"<svg xmlns="http://www.w3.org/2000/svg" width="720" height="340"></svg>"#;
        let p = Picture {
            lang: Lang::Nl,
            title: "",
            report: &observed,
            baseline: 300.0,
            chart,
            link: None,
            query: "v=2",
            date: "2 december 2026",
        };
        let svg = picture(&p);
        assert!(svg.contains("waarnemingen tot en met juni 2025"), "{svg}");
        assert!(!svg.contains("geen waarnemingen na 2023"));
    }

    #[test]
    fn a_qr_code_only_where_it_fits() {
        let (path, side) = qr_path("https://example.org/?v=1").expect("fits");
        assert!(path.starts_with("M4,4h1v1h-1z"), "the finder pattern's corner is dark");
        assert_eq!(side, 25 + 8, "version 2 with a quiet zone");
        assert!(qr_path(&"x".repeat(600)).is_none(), "too long to scan from paper");
    }

    #[test]
    fn long_links_wrap() {
        assert_eq!(wrap("Link: abcdefghij", 8), vec!["Link: ab", "cdefghij"]);
        assert_eq!(wrap("Link: abcdefghijklmnopq", 8), vec!["Link: ab", "cdefghij", "klmnopq"]);
        assert_eq!(wrap("een twee drie", 8), vec!["een twee", "drie"]);
        assert_eq!(wrap_link("Link:", "https://x/?v=1", 8), vec!["Link: ht", "tps://x/", "?v=1"]);
    }
}
