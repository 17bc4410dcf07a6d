//! The command line: global options, objects and verbs. The words after a
//! verb are read iproute2's way by each object's module ([`crate::Words`]);
//! completions and the man page are generated from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "nlctl",
    version,
    about = "Show and change the kernel's network state over netlink, like ip",
    long_about = "Show and change the kernel's network state over netlink: links, addresses, routes, \
neighbours, rules, nexthops and namespaces, with the words of iproute2's ip and its JSON (-j); watch \
changes (monitor); decode captured netlink messages (decode).",
    infer_subcommands = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// JSON output, key-compatible with `ip -j`.
    #[arg(short = 'j', long, global = true)]
    pub json: bool,
    /// Pretty-printed JSON.
    #[arg(short = 'p', long, global = true)]
    pub pretty: bool,
    /// Run inside the named network namespace (`/run/netns/NAME`).
    #[arg(short = 'n', long, global = true, value_name = "NAME")]
    pub netns: Option<String>,
    /// IPv4 only.
    #[arg(short = '4', global = true, conflicts_with = "ipv6")]
    pub ipv4: bool,
    /// IPv6 only.
    #[arg(short = '6', global = true)]
    pub ipv6: bool,
    /// More detail (link kinds and their settings, ...).
    #[arg(short = 'd', long, global = true)]
    pub details: bool,
    /// Statistics (twice: more).
    #[arg(short = 's', long = "stats", global = true, action = clap::ArgAction::Count)]
    pub stats: u8,
    /// Read commands from FILE (`-` for stdin), one per line as after
    /// `nlctl`; changes are sent batched, many per message.
    #[arg(short = 'b', long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    /// The socket's receive buffer in bytes (as `ip -rcvbuf`): more lets
    /// `monitor` ride out bursts; the kernel doubles it and caps it at
    /// `net.core.rmem_max` unless run as root.
    #[arg(long, value_name = "BYTES", global = true)]
    pub rcvbuf: Option<usize>,
    /// When to color text output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
    /// The object and what to do with it.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When stdout is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// One line of a batch file (`-b FILE`): a command, without the global
/// options, which the command line gives once for every line. Parsing
/// without them is several times cheaper (clap copies every global option
/// into every subcommand's matches).
#[derive(Debug, Parser)]
#[command(name = "nlctl", infer_subcommands = true)]
pub struct BatchLine {
    /// The object and what to do with it.
    #[command(subcommand)]
    pub command: Command,
}

/// The objects.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Network devices.
    #[command(visible_alias = "l")]
    Link(Object<crate::link::Verb>),
    /// IPv4 and IPv6 addresses.
    #[command(visible_aliases = ["addr", "a"])]
    Address(Object<crate::address::Verb>),
    /// Routes.
    #[command(visible_alias = "r")]
    Route(Object<crate::route::Verb>),
    /// Neighbours (ARP, NDP).
    #[command(visible_aliases = ["neigh", "neighbor", "n"])]
    Neighbour(Object<crate::neighbour::Verb>),
    /// Routing policy rules.
    #[command(visible_alias = "ru")]
    Rule(Object<crate::rule::Verb>),
    /// Nexthops and nexthop groups.
    #[command(visible_alias = "nh")]
    Nexthop(Object<crate::nexthop::Verb>),
    /// Named network namespaces.
    Netns(Object<crate::netns::Verb>),
    /// Print changes as they happen: monitor [link|address|route|neigh|rule|nexthop|all]...
    Monitor(Words),
    /// Decode netlink messages (hex or raw bytes) into a named tree.
    Decode(crate::decode::DecodeArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// An object's verb; `show` when none is given.
#[derive(Debug, Clone, Args)]
pub struct Object<V: Subcommand> {
    /// What to do.
    #[command(subcommand)]
    pub verb: Option<V>,
}

/// The words after a verb, read iproute2's way.
#[derive(Debug, Clone, Args)]
pub struct Words {
    /// Keywords and values, as for `ip`.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "WORDS"
    )]
    pub words: Vec<String>,
}

/// A verb whose words follow it (every object's verbs: `route add WORDS`).
pub(crate) trait VerbWords {
    /// The words after the verb.
    fn words_mut(&mut self) -> &mut Vec<String>;
}

/// Implements [`VerbWords`] for the `Verb` of the module it is used in,
/// given every variant (each holds the verb's words; one left out is a
/// compile error).
macro_rules! verb_words {
    ($($variant:ident),+ $(,)?) => {
        impl $crate::cli::VerbWords for Verb {
            fn words_mut(&mut self) -> &mut Vec<String> {
                match self {
                    $(Verb::$variant(args))|+ => &mut args.words,
                }
            }
        }
    };
}
pub(crate) use verb_words;

impl Command {
    /// The words after the verb of an object's command (`route add ...`);
    /// `None` for the other commands and for an object without a verb.
    pub(crate) fn verb_words_mut(&mut self) -> Option<&mut Vec<String>> {
        fn of<V: Subcommand + VerbWords>(object: &mut Object<V>) -> Option<&mut Vec<String>> {
            object.verb.as_mut().map(VerbWords::words_mut)
        }
        match self {
            Command::Link(object) => of(object),
            Command::Address(object) => of(object),
            Command::Route(object) => of(object),
            Command::Neighbour(object) => of(object),
            Command::Rule(object) => of(object),
            Command::Nexthop(object) => of(object),
            Command::Netns(object) => of(object),
            Command::Monitor(_)
            | Command::Decode(_)
            | Command::Completions { .. }
            | Command::Man => None,
        }
    }
}
