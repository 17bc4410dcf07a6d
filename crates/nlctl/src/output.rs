//! What a command prints: JSON objects (printed as one array, like
//! `ip -j`) or text lines, held until the command succeeds so that nothing
//! reaches stdout on failure.

use std::io::Write;

use serde_json::Value;

/// Text colors, as `ip -c` uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Interface names.
    Ifname,
    /// Link-layer addresses.
    Mac,
    /// IPv4 addresses.
    Inet,
    /// IPv6 addresses.
    Inet6,
    /// An up state.
    Up,
    /// A down state.
    Down,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Ifname => "\x1b[36m",
            Paint::Mac => "\x1b[33m",
            Paint::Inet => "\x1b[35m",
            Paint::Inet6 => "\x1b[34m",
            Paint::Up => "\x1b[32m",
            Paint::Down => "\x1b[31m",
        }
    }
}

/// The output of a command being built.
#[derive(Debug, Default)]
pub struct Output {
    json: bool,
    pretty: bool,
    color: bool,
    /// Pretty JSON: the objects, laid out together at the end.
    objects: Vec<Value>,
    /// Compact JSON: the objects serialized as they came, comma-separated
    /// (no `Value` outlives its `object` call).
    serialized: Vec<u8>,
    count: usize,
    text: String,
    listing: bool,
}

impl Output {
    /// An empty output; `json` selects which of the two forms is kept.
    pub fn new(json: bool, pretty: bool, color: bool) -> Self {
        Output {
            json,
            pretty,
            color: color && !json,
            ..Default::default()
        }
    }

    /// Whether JSON is wanted.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Says the command lists objects: with `-j` an array is printed even
    /// when empty (`[]`), as `ip -j` does. Changes print nothing.
    pub fn listing(&mut self) {
        self.listing = true;
    }

    /// Adds one JSON object (an element of the printed array).
    pub fn object(&mut self, value: Value) {
        self.listing = true;
        self.count += 1;
        if self.pretty {
            self.objects.push(value);
            return;
        }
        self.serialized
            .push(if self.count == 1 { b'[' } else { b',' });
        // Writing a `Value` into memory cannot fail: its keys are strings.
        let _ = serde_json::to_writer(&mut self.serialized, &value);
    }

    /// Adds one object already written as compact JSON (by
    /// `json_writer`): copied as it is, or parsed back for `-p`.
    pub fn json_text(&mut self, object: &str) {
        if self.pretty {
            if let Ok(value) = serde_json::from_str(object) {
                self.object(value);
            }
            return;
        }
        self.listing = true;
        self.count += 1;
        self.serialized
            .push(if self.count == 1 { b'[' } else { b',' });
        self.serialized.extend_from_slice(object.as_bytes());
    }

    /// Adds text (no newline added).
    pub fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Adds a line of text.
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// `text` in `paint`'s color when coloring.
    pub fn paint(&self, paint: Paint, text: &str) -> String {
        if self.color {
            format!("{}{text}\x1b[0m", paint.code())
        } else {
            text.to_owned()
        }
    }

    /// Renders what was collected: the JSON array (one line, or pretty), or
    /// the text; then clears it.
    pub fn take(&mut self) -> String {
        if self.json && !std::mem::take(&mut self.listing) {
            return String::new();
        }
        if self.json {
            self.count = 0;
            let mut text = if self.pretty {
                let objects = Value::Array(std::mem::take(&mut self.objects));
                serde_json::to_string_pretty(&objects).unwrap_or_default()
            } else {
                let mut bytes = std::mem::take(&mut self.serialized);
                if bytes.is_empty() {
                    bytes.push(b'[');
                }
                bytes.push(b']');
                // serde_json writes UTF-8 only.
                String::from_utf8(bytes).unwrap_or_default()
            };
            text.push('\n');
            text
        } else {
            std::mem::take(&mut self.text)
        }
    }

    /// Whether nothing was collected.
    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.text.is_empty()
    }

    /// Writes one JSON object or text line straight away (for streams such
    /// as `monitor`, which print as events come).
    pub fn emit_now(&self, json: &Value, text: &str) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        if self.json {
            writeln!(stdout, "{json}")?;
        } else {
            writeln!(stdout, "{text}")?;
        }
        stdout.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compact_and_pretty_json_hold_the_same_array() {
        for pretty in [false, true] {
            let mut out = Output::new(true, pretty, false);
            out.listing();
            assert_eq!(out.take().trim(), "[]");
            out.object(json!({"ifname": "v0", "mtu": 1500}));
            out.object(json!({"ifname": "v1", "flags": ["UP"]}));
            assert!(!out.is_empty());
            let text = out.take();
            assert!(text.ends_with('\n'));
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                parsed,
                json!([{"ifname": "v0", "mtu": 1500}, {"ifname": "v1", "flags": ["UP"]}])
            );
            assert!(out.is_empty(), "take clears");
            // A change lists nothing: no array at all.
            assert_eq!(out.take(), "");
        }
    }
}
