//! The words after a verb, read the way iproute2 reads them: keywords
//! followed by values, in any order.

use std::str::FromStr;

use crate::CliError;

/// A cursor over a command's words.
#[derive(Debug, Clone)]
pub struct Words {
    words: Vec<String>,
    position: usize,
    command: String,
}

impl Words {
    /// The words of `command` (`"link add"`, for messages).
    pub fn new(command: impl Into<String>, words: Vec<String>) -> Self {
        Words {
            words,
            position: 0,
            command: command.into(),
        }
    }

    /// The command these words belong to (`"link add"`).
    pub fn command(&self) -> &str {
        &self.command
    }

    /// The whole command line as typed after the program name, for error
    /// messages: `"link add v0 type veth"`.
    pub fn line(&self) -> String {
        let mut line = self.command.clone();
        for word in &self.words {
            line.push(' ');
            line.push_str(word);
        }
        line
    }

    /// The next word, consumed.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<&str> {
        let word = self.words.get(self.position)?;
        self.position += 1;
        Some(word)
    }

    /// The next word, not consumed.
    pub fn peek(&self) -> Option<&str> {
        self.words.get(self.position).map(String::as_str)
    }

    /// Consumes the next word if it is `word`.
    pub fn eat(&mut self, word: &str) -> bool {
        if self.peek() == Some(word) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    /// Whether every word was consumed.
    pub fn is_done(&self) -> bool {
        self.position >= self.words.len()
    }

    /// The value after `keyword`, which was just consumed.
    pub fn value(&mut self, keyword: &str) -> Result<String, CliError> {
        let command = self.command.clone();
        self.next()
            .map(str::to_owned)
            .ok_or_else(|| CliError::usage(format!("{command}: \"{keyword}\" needs a value")))
    }

    /// The value after `keyword` parsed as `T`; `what` describes what is
    /// expected (`"a number"`, `"an IPv4 address"`).
    pub fn parse<T: FromStr>(&mut self, keyword: &str, what: &str) -> Result<T, CliError> {
        let value = self.value(keyword)?;
        value.parse().map_err(|_| {
            CliError::usage(format!(
                "{}: invalid value \"{value}\" for \"{keyword}\": expected {what}",
                self.command
            ))
        })
    }

    /// The error for a word this command does not take.
    pub fn unknown(&self, word: &str) -> CliError {
        CliError::usage(format!(
            "{}: unknown word \"{word}\" (see `nlctl {} --help`)",
            self.command, self.command
        ))
    }

    /// The error for a missing argument.
    pub fn missing(&self, what: &str) -> CliError {
        CliError::usage(format!("{}: {what} is missing", self.command))
    }

    /// Fails if words are left over.
    pub fn finish(&mut self) -> Result<(), CliError> {
        match self.peek().map(str::to_owned) {
            Some(word) => Err(self.unknown(&word)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Words {
        Words::new(
            "link set",
            line.split_whitespace().map(str::to_owned).collect(),
        )
    }

    #[test]
    fn errors_name_the_word() {
        let mut w = words("mtu abc");
        assert!(w.eat("mtu"));
        let error = w.parse::<u32>("mtu", "a number").unwrap_err();
        assert_eq!(
            error.to_string(),
            "usage: link set: invalid value \"abc\" for \"mtu\": expected a number"
        );
        let mut w = words("mtu");
        w.next();
        assert_eq!(
            w.value("mtu").unwrap_err().to_string(),
            "usage: link set: \"mtu\" needs a value"
        );
        let mut w = words("frobnicate");
        assert!(w
            .finish()
            .unwrap_err()
            .to_string()
            .contains("\"frobnicate\""));
        assert_eq!(words("dev v0 up").line(), "link set dev v0 up");
    }
}
