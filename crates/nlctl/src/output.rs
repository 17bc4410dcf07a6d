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
    objects: Vec<Value>,
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
        self.objects.push(value);
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
            let objects = Value::Array(std::mem::take(&mut self.objects));
            let mut text = if self.pretty {
                serde_json::to_string_pretty(&objects)
            } else {
                serde_json::to_string(&objects)
            }
            .unwrap_or_default();
            text.push('\n');
            text
        } else {
            std::mem::take(&mut self.text)
        }
    }

    /// Whether nothing was collected.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty() && self.text.is_empty()
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
