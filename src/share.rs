//! The link that shares a scenario, and today's date for exports.
//!
//! On a served page the link is the page's own address with the scenario's
//! query. A standalone file opened from disk has a `file:` address, useless to
//! a receiver and revealing the local folder and user name: there the link is
//! the public address given at build time (`WLZ_PUBLIC_URL`, written by
//! `cargo xtask build` into the file as `<meta name="wlz-public-url">`) with the
//! query, or, without one, there is no link: the page says to send the file
//! itself and offers the query alone.

/// The link for `query` on a page at `address` (its location without query and
/// fragment) whose protocol is `protocol` (`https:`, `file:`, …), with the
/// build's public address `public` (may be empty); none when the page has no
/// address a receiver can open.
pub fn link_for(protocol: &str, address: &str, public: &str, query: &str) -> Option<String> {
    let base = if matches!(protocol, "http:" | "https:") {
        address
    } else {
        let public = public.trim();
        let public = public.split(['?', '#']).next().unwrap_or_default();
        if !(public.starts_with("https://") || public.starts_with("http://")) {
            return None;
        }
        public
    };
    Some(if query.is_empty() { base.to_string() } else { format!("{base}?{query}") })
}

/// The content of `<meta name="{name}">` in this page; empty when there is none.
pub fn meta(name: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name={name}]")).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// The link for `query` from this page (see [`link_for`]).
pub fn share_link(query: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let protocol = location.protocol().ok()?;
    let address = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    link_for(&protocol, &address, &meta("wlz-public-url"), query)
}

/// Today's date in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Today's date in words in `lang`: "2 december 2026".
pub fn today_in_words(lang: crate::i18n::Lang) -> String {
    let now = js_sys::Date::new_0();
    let month = wlz_scenario::Month::new(now.get_full_year() as i32, now.get_month() + 1);
    format!("{} {}", now.get_date(), crate::i18n::month_name(lang, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_served_page_shares_its_own_address() {
        let link = link_for("https:", "https://example.org/wlz/", "", "v=1&aid=5");
        assert_eq!(link.as_deref(), Some("https://example.org/wlz/?v=1&aid=5"));
    }

    #[test]
    fn a_file_shares_the_public_address_or_nothing() {
        let file = "file:///home/anna/Bureaublad/wlz.html";
        let public = link_for("file:", file, " https://example.org/wlz/?old=1#x ", "v=1&aid=5");
        assert_eq!(public.as_deref(), Some("https://example.org/wlz/?v=1&aid=5"));
        assert_eq!(link_for("file:", file, "", "v=1&aid=5"), None);
        assert_eq!(link_for("file:", file, "file:///elsewhere", "v=1"), None, "never a file: path");
        assert_eq!(link_for("blob:", "blob:null/x", "javascript:alert(1)", "v=1"), None);
    }
}
