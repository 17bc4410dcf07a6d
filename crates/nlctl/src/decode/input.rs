//! Reading the bytes to decode: hex text (white space and `#` comments
//! ignored) or raw bytes, and telling the two apart.

use std::fmt;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Hex digits; white space and `#` comments (to the end of the line)
    /// are ignored.
    Hex,
    /// The bytes themselves.
    Raw,
}

/// Hex text that is not valid: where (line and column, counted from 1)
/// and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexError {
    /// Line of the problem.
    pub line: usize,
    /// Column (in characters) of the problem.
    pub column: usize,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "hex input, line {} column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

impl std::error::Error for HexError {}

/// Whether `input` looks like hex text: valid UTF-8 made only of hex
/// digits, white space and `#` comments, with at least one digit.
pub fn looks_like_hex(input: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(input) else {
        return false;
    };
    let mut digits = false;
    for line in text.lines() {
        let code = line.split('#').next().unwrap_or("");
        for c in code.chars() {
            if c.is_ascii_hexdigit() {
                digits = true;
            } else if !c.is_whitespace() {
                return false;
            }
        }
    }
    digits
}

/// Decodes hex text: pairs of hex digits, white space anywhere (also
/// between the two digits of a byte), `#` starting a comment that runs to
/// the end of its line. An odd number of digits or any other character is
/// an error naming its line and column.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, HexError> {
    let mut bytes = Vec::with_capacity(text.len() / 2);
    let mut pending: Option<(u8, usize, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        for (col, c) in code.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            let Some(value) = c.to_digit(16).and_then(|d| u8::try_from(d).ok()) else {
                return Err(HexError {
                    line: index + 1,
                    column: col + 1,
                    reason: format!("{c:?} is not a hex digit"),
                });
            };
            match pending.take() {
                Some((high, _, _)) => bytes.push(high << 4 | value),
                None => pending = Some((value, index + 1, col + 1)),
            }
        }
    }
    match pending {
        Some((_, line, column)) => Err(HexError {
            line,
            column,
            reason: format!(
                "odd number of hex digits: this last digit has no pair ({} whole bytes before it)",
                bytes.len()
            ),
        }),
        None => Ok(bytes),
    }
}

/// The bytes `input` stands for in `format`, or, without a format, in the
/// one it looks like (hex if [`looks_like_hex`], else raw).
pub fn bytes_of(input: &[u8], format: Option<InputFormat>) -> Result<Vec<u8>, HexError> {
    let format = format.unwrap_or(if looks_like_hex(input) {
        InputFormat::Hex
    } else {
        InputFormat::Raw
    });
    match format {
        InputFormat::Raw => Ok(input.to_vec()),
        InputFormat::Hex => match std::str::from_utf8(input) {
            Ok(text) => parse_hex(text),
            Err(e) => {
                let before = &input[..e.valid_up_to()];
                let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
                let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
                Err(HexError {
                    line,
                    column,
                    reason: format!(
                        "not UTF-8 text (byte {} of the input); use --raw for binary input",
                        e.valid_up_to()
                    ),
                })
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_with_comments_and_spaces() {
        let text = "# a comment\n01 02\n0a0B # trailing\n  f\nf\n";
        assert!(looks_like_hex(text.as_bytes()));
        assert_eq!(parse_hex(text), Ok(vec![1, 2, 0x0a, 0x0b, 0xff]));
    }

    #[test]
    fn bad_hex_names_line_and_column() {
        let error = parse_hex("0102\n03zz\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 3));
        let odd = parse_hex("010\n").unwrap_err();
        assert_eq!((odd.line, odd.column), (1, 3));
        assert!(odd.to_string().contains("odd number"), "{odd}");
    }

    #[test]
    fn binary_is_not_hex() {
        assert!(!looks_like_hex(&[0x24, 0, 0, 0]));
        assert!(!looks_like_hex(b"# only a comment\n"));
        assert_eq!(bytes_of(&[0xff, 0], None), Ok(vec![0xff, 0]));
        assert!(bytes_of(&[0xff, 0], Some(InputFormat::Hex)).is_err());
    }
}
