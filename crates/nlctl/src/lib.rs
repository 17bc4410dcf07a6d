//! `nlctl`: the kernel's network state in a person's hands, the way `ip`
//! does it, and in a script's, with `ip -j`-compatible JSON.
//!
//! ```text
//! nlctl link show                       nlctl -j -d link show dev v0
//! nlctl link add v0 type veth peer name v1
//! nlctl address add 192.0.2.1/24 dev v0
//! nlctl route add 10.0.0.0/8 via 192.0.2.2 table 10
//! nlctl -n blue monitor link address route
//! nlctl decode --protocol route --hex capture.hex
//! ```
//!
//! Exit status: 0 on success, 1 when the kernel (or the system) refuses,
//! 2 for a wrong command line. Nothing is printed to stdout on failure;
//! errors go to stderr with the failing command and the kernel's extended
//! ACK message.
//!
//! The binary is a thin shell over [`main`]; the library exists so that
//! tests and benchmarks can drive the same code.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The verbs' doc comments are their clap help text, where `[WORD]` is
// iproute2's optional-word syntax, not an intra-doc link.
#![allow(rustdoc::broken_intra_doc_links)]

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};

pub mod address;
pub mod cli;
pub mod context;
pub mod decode;
mod error;
pub(crate) mod json_writer;
pub mod link;
pub mod monitor;
pub(crate) mod names;
pub mod neighbour;
pub mod netns;
pub mod nexthop;
pub mod output;
pub mod route;
pub mod rule;
mod words;

pub use context::{Context, Family, Options};
pub use error::CliError;
pub use words::Words;

use cli::{BatchLine, Cli, ColorWhen, Command};

/// Runs `nlctl` with `args` (the program name first) and returns the exit
/// status, having printed the output and any error.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; usage errors to
            // stderr with status 2.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("nlctl: {error}");
            error.exit_code()
        }
    }
}

fn options(cli: &Cli) -> Options {
    let family = match (cli.ipv4, cli.ipv6) {
        (true, _) => Family::V4,
        (_, true) => Family::V6,
        _ => Family::Any,
    };
    let color = match cli.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => std::io::stdout().is_terminal(),
    };
    Options {
        json: cli.json,
        pretty: cli.pretty,
        details: cli.details,
        stats: cli.stats,
        family,
        color,
        netns: cli.netns.clone(),
        rcvbuf: cli.rcvbuf,
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let options = options(&cli);
    match (cli.batch, cli.command) {
        (Some(file), None) => run_batch(options, &file),
        (Some(_), Some(_)) => Err(CliError::usage(
            "-b/--batch reads its commands from the file: give no command after it",
        )),
        (None, Some(Command::Completions { shell })) => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "nlctl", &mut std::io::stdout());
            Ok(())
        }
        (None, Some(Command::Man)) => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map_err(|e| CliError::failed(format!("man: {e}"))),
        (None, Some(Command::Decode(args))) => decode::run(&options, args),
        (None, Some(command)) => {
            let mut ctx = Context::new(options)?;
            dispatch(&mut ctx, command)?;
            print(&mut ctx)
        }
        (None, None) => Err(CliError::usage("an object is needed (see nlctl --help)")),
    }
}

fn print(ctx: &mut Context) -> Result<(), CliError> {
    let text = ctx.out.take();
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| CliError::failed(format!("stdout: {e}")))
}

/// Runs one command in `ctx`; what it prints is left in `ctx.out`.
pub fn dispatch(ctx: &mut Context, command: Command) -> Result<(), CliError> {
    match command {
        Command::Link(object) => link::run(ctx, object.verb),
        Command::Address(object) => address::run(ctx, object.verb),
        Command::Route(object) => route::run(ctx, object.verb),
        Command::Neighbour(object) => neighbour::run(ctx, object.verb),
        Command::Rule(object) => rule::run(ctx, object.verb),
        Command::Nexthop(object) => nexthop::run(ctx, object.verb),
        Command::Netns(object) => netns::run(ctx, object.verb),
        Command::Monitor(words) => monitor::run(ctx, words.words),
        Command::Decode(_) | Command::Completions { .. } | Command::Man => Err(CliError::usage(
            "decode, completions and man cannot run inside a batch",
        )),
    }
}

/// The commands of batch lines parsed so far, by their first two words
/// (object and verb, as typed), without their other words: a line that
/// starts like an earlier one is that command with its own words, and
/// clap (some 30,000 instructions a line, most of a batch's time) is not
/// run again. Only lines whose other words clap would take as they are
/// (none starts with `-`) are looked up or kept.
#[derive(Default)]
struct ParsedVerbs(HashMap<(String, String), Command>);

impl ParsedVerbs {
    /// The words after the object and verb, if the line can be looked up.
    fn rest<'a>(words: &'a [&'a str]) -> Option<&'a [&'a str]> {
        let rest = words.get(2..)?;
        rest.iter().all(|w| !w.starts_with('-')).then_some(rest)
    }

    /// The command of `words`, if a line starting like it was parsed.
    fn reuse(&self, words: &[&str]) -> Option<Command> {
        let rest = Self::rest(words)?;
        let key = (words[0].to_owned(), words[1].to_owned());
        let mut command = self.0.get(&key)?.clone();
        *command.verb_words_mut()? = rest.iter().map(|w| (*w).to_owned()).collect();
        Some(command)
    }

    /// Keeps `command`, parsed from `words`, if its object and verb are
    /// the first two words and every other word is the verb's.
    fn remember(&mut self, words: &[&str], command: &Command) {
        let Some(rest) = Self::rest(words) else {
            return;
        };
        let mut kept = command.clone();
        let Some(verb_words) = kept.verb_words_mut() else {
            return;
        };
        if verb_words
            .iter()
            .map(String::as_str)
            .ne(rest.iter().copied())
        {
            return;
        }
        verb_words.clear();
        self.0
            .insert((words[0].to_owned(), words[1].to_owned()), kept);
    }
}

/// `-b FILE`: every line a command; changes are queued and sent batched,
/// flushed before anything that reads state (a show, a name lookup) and at
/// the end. Every failing line is reported; the status is that of the
/// first failure.
fn run_batch(options: Options, file: &std::path::Path) -> Result<(), CliError> {
    let lines: Vec<String> = if file.as_os_str() == "-" {
        std::io::stdin().lock().lines().collect::<Result<_, _>>()
    } else {
        std::fs::File::open(file).and_then(|f| std::io::BufReader::new(f).lines().collect())
    }
    .map_err(|e| CliError::failed(format!("cannot read {}: {e}", file.display())))?;

    let mut ctx = Context::new(options)?;
    ctx.start_batching();
    let mut parser = BatchLine::command();
    let mut parsed_before = ParsedVerbs::default();
    let mut failures: Vec<CliError> = Vec::new();
    for (number, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() || words[0].starts_with('#') {
            continue;
        }
        let at = |e: CliError| match e {
            CliError::Usage(m) => CliError::Usage(format!("line {}: {m}", number + 1)),
            CliError::Failed(m) => CliError::Failed(format!("line {}: {m}", number + 1)),
            CliError::Kernel { command, error } => CliError::Kernel {
                command: format!("line {}: {command}", number + 1),
                error,
            },
        };
        let command = match parsed_before.reuse(&words) {
            Some(command) => command,
            None => {
                // One clap command for every line: building it is most of
                // the cost of parsing a short line.
                let parsed = parser
                    .try_get_matches_from_mut(std::iter::once("nlctl").chain(words.iter().copied()))
                    .and_then(|mut matches| BatchLine::from_arg_matches_mut(&mut matches));
                match parsed {
                    Ok(line) => {
                        parsed_before.remember(&words, &line.command);
                        line.command
                    }
                    Err(error) => {
                        failures.push(at(CliError::usage(
                            error.render().to_string().trim().to_owned(),
                        )));
                        continue;
                    }
                }
            }
        };
        ctx.set_line(number + 1);
        if let Err(error) = dispatch(&mut ctx, command) {
            failures.push(at(error));
        }
        print(&mut ctx)?;
    }
    ctx.flush()?;
    // Queued changes name their own line (see `Context::change`).
    failures.extend(ctx.take_failures());
    let mut first = None;
    for failure in failures {
        eprintln!("nlctl: {failure}");
        first.get_or_insert(failure);
    }
    match first {
        Some(failure) => Err(CliError::Failed(format!("batch: {failure}"))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clap(words: &[&str]) -> Command {
        let matches = BatchLine::command()
            .try_get_matches_from(std::iter::once("nlctl").chain(words.iter().copied()))
            .unwrap();
        BatchLine::from_arg_matches(&matches).unwrap().command
    }

    #[test]
    fn a_batch_line_starting_like_an_earlier_one_is_its_command_with_its_words() {
        let mut parsed = ParsedVerbs::default();
        let first = ["route", "add", "10.0.0.0/24", "dev", "v0"];
        parsed.remember(&first, &clap(&first));
        for line in [
            &[
                "route",
                "add",
                "10.1.0.0/24",
                "via",
                "192.0.2.2",
                "metric",
                "7",
            ][..],
            &["route", "add"][..],
        ] {
            let reused = parsed.reuse(line).unwrap();
            assert_eq!(format!("{reused:?}"), format!("{:?}", clap(line)));
        }
        // Another verb, another object, a word clap might read as an
        // option, a line with no verb: parsed by clap.
        assert!(parsed.reuse(&["route", "del", "10.0.0.0/24"]).is_none());
        assert!(parsed.reuse(&["link", "add", "v9"]).is_none());
        assert!(parsed.reuse(&["route", "add", "--help"]).is_none());
        assert!(parsed.reuse(&["route"]).is_none());
        // An alias is its own key, taken as typed.
        let alias = ["r", "d", "10.2.0.0/24", "dev", "v0"];
        parsed.remember(&alias, &clap(&alias));
        let reused = parsed.reuse(&["r", "d", "10.3.0.0/24"]).unwrap();
        assert_eq!(
            format!("{reused:?}"),
            format!("{:?}", clap(&["route", "del", "10.3.0.0/24"]))
        );
        // A command whose words are not all the verb's is not kept.
        let mut other = ParsedVerbs::default();
        let monitor = ["monitor", "route", "link"];
        other.remember(&monitor, &clap(&monitor));
        assert!(other.0.is_empty());
    }
}
