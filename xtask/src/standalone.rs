//! The standalone file: one self-contained HTML page (styles, both wasm
//! binaries, their glue, the worker and the languages' texts inlined) that opens from disk
//! (file://) and works offline. The parts are gzip-compressed and
//! base64-encoded; `static/standalone_boot.js` unpacks and starts them.

use std::path::Path;
use std::process::{Command, Stdio};

/// Name of the standalone file in dist/ (and of its download).
pub const STANDALONE: &str = "wlz-ggz-wonen-verkenner.html";

/// The start-up script of the standalone file.
const BOOT: &str = include_str!("../../static/standalone_boot.js");

fn read(dist: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))
}

/// Runs `program args` with `input` on stdin and returns its stdout.
fn pipe(program: &str, args: &[&str], input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input = input.to_vec();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
    let out = child.wait_with_output().map_err(|e| format!("{program}: {e}"))?;
    writer.join().map_err(|_| format!("{program}: writer panicked"))?.map_err(|e| format!("{program}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{program} failed"));
    }
    Ok(out.stdout)
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `bytes` through gzip -9, without name or time stamp (so the build is reproducible).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    pipe("gzip", &["-9", "-n", "-c"], bytes)
}

/// gzip, then base64.
fn pack(bytes: &[u8]) -> Result<String, String> {
    Ok(base64(&gzip(bytes)?))
}

/// The CSP source expression of an inline element's text: 'sha256-…'.
fn hash(text: &str) -> Result<String, String> {
    let hex = String::from_utf8(pipe("sha256sum", &[], text.as_bytes())?).map_err(|e| e.to_string())?;
    let digest: Vec<u8> = (0..32)
        .map(|i| hex.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or("sha256sum output"))
        .collect::<Result<_, _>>()?;
    Ok(format!("'sha256-{}'", base64(&digest)))
}

fn payload(id: &str, extra: &str, packed: &str) -> String {
    format!("<script type=\"application/octet-stream\" id=\"{id}\"{extra}>\n{packed}\n</script>\n")
}

/// The environment variable naming the explorer's public address, written into
/// the standalone file so that its "Kopieer link" gives a link a receiver can
/// open (never the file's own `file:` path).
pub const PUBLIC_URL_VAR: &str = "WLZ_PUBLIC_URL";

/// The public address from [`PUBLIC_URL_VAR`], HTML-escaped for an attribute;
/// empty when it is not set. Fails on anything but an `http(s)://` address.
fn public_url() -> Result<String, String> {
    let Ok(url) = std::env::var(PUBLIC_URL_VAR) else { return Ok(String::new()) };
    let url = url.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.chars().any(|c| c.is_whitespace()) {
        return Err(format!("{PUBLIC_URL_VAR}={url}: not an http(s):// address"));
    }
    Ok(url.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;"))
}

/// Writes dist/[`STANDALONE`] from the release build in `dist`.
pub fn write_standalone(dist: &Path) -> Result<(), String> {
    let css = String::from_utf8(read(dist, "app.css")?).map_err(|e| e.to_string())?;
    let mut snippets = Vec::new();
    crate::steps::files_below(&dist.join("snippets"), "./snippets/", &mut snippets)?;
    let mut parts = payload("wlz-page-wasm", "", &pack(&read(dist, "wlz-app_bg.wasm")?)?);
    parts += &payload("wlz-page-js", "", &pack(&read(dist, "wlz-app.js")?)?);
    for (i, path) in snippets.iter().enumerate() {
        let bytes = read(dist, path.trim_start_matches("./"))?;
        parts += &payload(&format!("wlz-snippet-{i}"), &format!(" data-snippet=\"{path}\""), &pack(&bytes)?);
    }
    for (code, texts) in crate::catalogue::texts() {
        parts += &payload(&format!("wlz-texts-{code}"), "", &pack(texts.as_bytes())?);
    }
    parts += &payload("wlz-worker-wasm", "", &pack(&read(dist, "worker_bg.wasm")?)?);
    parts += &payload("wlz-worker-js", "", &pack(&read(dist, "worker.js")?)?);
    let icon = base64(&read(dist, "icon.svg")?);
    let public = public_url()?;
    let boot = format!("{}\n{BOOT}", crate::steps::boot_page()?);
    let csp = format!(
        "default-src 'none'; script-src {} blob: 'wasm-unsafe-eval'; worker-src blob:; style-src {}; \
         img-src data: blob:; connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; \
         form-action 'none'",
        hash(&boot)?,
        hash(&css)?
    );
    let html = format!(
        "<!doctype html>
<html lang=\"nl\">
<head>
<meta charset=\"utf-8\">
<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>__TITLE__</title>
<meta name=\"description\" content=\"__DESCRIPTION__\">
<meta name=\"wlz-scenario\" content=\"\">
<meta name=\"wlz-public-url\" content=\"{public}\">
<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">
<style>{css}</style>
{parts}<script type=\"module\">{boot}</script>
</head>
<body>
<noscript>__NOSCRIPT__</noscript>
</body>
</html>
"
    );
    let html = crate::catalogue::fill(&html, "meta.description.standalone")?;
    std::fs::write(dist.join(STANDALONE), &html).map_err(|e| e.to_string())?;
    eprintln!("    {STANDALONE}: {:.0} KiB", html.len() as f64 / 1024.0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_standard_vectors() {
        let cases =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
    }
}
