//! Hex fixtures: one `#` comment line (or more) saying how the bytes were
//! produced, then hex digits (white space ignored).

use std::path::Path;

/// Reads fixture `name` below `dir` (usually
/// `concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")`).
///
/// # Panics
/// When the file is missing or not hex: a test setup error.
pub fn read_fixture(dir: &str, name: &str) -> Vec<u8> {
    let path = Path::new(dir).join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()));
    let digits: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    hex(&digits).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Decodes hex digits, ignoring white space.
pub fn hex(text: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if digits.len() % 2 != 0 {
        return Err("odd number of hex digits".into());
    }
    digits
        .chunks(2)
        .map(|pair| {
            let text = std::str::from_utf8(pair).map_err(|e| e.to_string())?;
            u8::from_str_radix(text, 16).map_err(|_| format!("not hex: {text:?}"))
        })
        .collect()
}

/// Writes `bytes` as a fixture file with a comment saying how they were made.
pub fn write_fixture(path: &Path, how: &str, bytes: &[u8]) -> std::io::Result<()> {
    let mut text = format!("# {how}\n");
    for chunk in bytes.chunks(32) {
        for b in chunk {
            text.push_str(&format!("{b:02x}"));
        }
        text.push('\n');
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}
