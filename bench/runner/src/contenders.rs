//! The workloads and the contenders: which namespace each workload runs
//! in, and the command line of each contender for each workload (see
//! bench/README.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::measure::Counting;

/// A workload of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// Every IPv4 route, in `nlbench-routes`.
    RouteDump,
    /// Every link, in `nlbench-links`.
    LinkDump,
    /// Every IPv4 address, in `nlbench-addrs`.
    AddressDump,
    /// R route adds then R deletes, one at a time, in `nlbench-churn`.
    RouteAddDel,
    /// The same, many requests per `sendmsg`.
    RouteAddDelBatched,
}

impl Workload {
    /// Every workload, in the order they are run and reported.
    pub const ALL: [Workload; 5] = [
        Workload::RouteDump,
        Workload::LinkDump,
        Workload::AddressDump,
        Workload::RouteAddDel,
        Workload::RouteAddDelBatched,
    ];

    /// The name on command lines and in tables.
    pub fn name(self) -> &'static str {
        match self {
            Workload::RouteDump => "route-dump",
            Workload::LinkDump => "link-dump",
            Workload::AddressDump => "address-dump",
            Workload::RouteAddDel => "route-add-del",
            Workload::RouteAddDelBatched => "route-add-del-batched",
        }
    }

    /// The workload called `name`.
    pub fn from_name(name: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.name() == name)
    }

    /// The namespace `bench/setup` made for it.
    pub fn netns(self) -> &'static str {
        match self {
            Workload::RouteDump => "nlbench-routes",
            Workload::LinkDump => "nlbench-links",
            Workload::AddressDump => "nlbench-addrs",
            Workload::RouteAddDel | Workload::RouteAddDelBatched => "nlbench-churn",
        }
    }

    /// Whether it changes the routing table (and must find it clean).
    pub fn is_add_del(self) -> bool {
        matches!(self, Workload::RouteAddDel | Workload::RouteAddDelBatched)
    }
}

/// How a contender is started.
#[derive(Debug, Clone)]
enum How {
    /// A program keeping the contract: `PROGRAM [ARGS] --netns NAME
    /// WORKLOAD [--count R]`.
    Contract { program: PathBuf, args: Vec<String> },
    /// `ip`, whose output the runner counts (`-j`: JSON).
    Ip { json: bool },
    /// `nlctl`, likewise.
    Nlctl { program: PathBuf, mode: NlctlMode },
    /// The raw loop doing the batched workload's changes one at a time: in
    /// the batched table, the one-at-a-time floor measured in the same
    /// rounds (a batch must beat it).
    Unbatched { program: PathBuf },
}

/// How `nlctl` is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NlctlMode {
    /// Text, one line per route.
    Text,
    /// `-j`.
    Json,
    /// `-b FILE`: commands read from a file, changes sent batched.
    Batch,
}

/// A contender, and whether it can run here.
#[derive(Debug, Clone)]
pub struct Contender {
    /// The name in `--contenders` and in tables.
    pub name: &'static str,
    how: How,
    /// Why it cannot run (not built, not installed), if it cannot.
    pub missing: Option<String>,
}

/// What the runner needs to start a contender on a workload.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// The program.
    pub program: String,
    /// Its arguments.
    pub args: Vec<String>,
    /// How its count is read.
    pub counting: Counting,
    /// Whether it keeps the contract (exit status 3: not offered).
    pub contract: bool,
}

/// Every contender, in the order of the tables: the floor, ours, the
/// peers, then the command-line tools. Missing ones are marked, not left
/// out. `root` is the repository.
pub fn all(root: &Path) -> Vec<Contender> {
    let bench_bin = |name: &str| root.join("bench/target/release").join(name);
    let built = |path: &Path| {
        let shown = path.strip_prefix(root).unwrap_or(path);
        (!path.is_file()).then(|| format!("not built ({} is missing)", shown.display()))
    };
    let contract = |name: &'static str| {
        let program = bench_bin(name);
        Contender {
            name,
            missing: built(&program),
            how: How::Contract {
                program,
                args: vec![],
            },
        }
    };
    let script = root.join("bench/contenders/pyroute2/contender.py");
    let (python, missing) = if script.is_file() {
        match python_with("pyroute2") {
            Ok(python) => (python, None),
            Err(why) => (PathBuf::from("python3"), Some(why)),
        }
    } else {
        let shown = script.strip_prefix(root).unwrap_or(&script);
        let why = format!("not written ({} is missing)", shown.display());
        (PathBuf::from("python3"), Some(why))
    };
    let pyroute2 = Contender {
        name: "pyroute2",
        missing,
        how: How::Contract {
            program: python,
            args: vec![script.display().to_string()],
        },
    };
    let nlctl = root.join("target/release/nlctl");
    let nlctl = |name: &'static str, mode: NlctlMode| Contender {
        name,
        missing: built(&nlctl),
        how: How::Nlctl {
            program: nlctl.clone(),
            mode,
        },
    };
    let ip = |name: &'static str, json: bool| Contender {
        name,
        missing: None,
        how: How::Ip { json },
    };
    let raw = bench_bin("raw");
    let raw_unbatched = Contender {
        name: "raw-unbatched",
        missing: built(&raw),
        how: How::Unbatched { program: raw },
    };
    vec![
        contract("raw"),
        raw_unbatched,
        contract("ours-view"),
        contract("ours-owned"),
        contract("ours-tokio"),
        contract("peer-rtnetlink"),
        contract("peer-neli"),
        pyroute2,
        ip("ip", false),
        ip("ip-j", true),
        nlctl("nlctl", NlctlMode::Text),
        nlctl("nlctl-j", NlctlMode::Json),
        nlctl("nlctl-b", NlctlMode::Batch),
    ]
}

/// The interpreter `python3` runs (`sys.executable`), if it can import
/// `module`. The contender is run through it, not through `python3`, which
/// may be a launcher (pyenv's shim runs bash and pyenv first, 60 ms and
/// more, before Python starts).
fn python_with(module: &str) -> Result<PathBuf, String> {
    let output = Command::new("python3")
        .args([
            "-c",
            &format!("import sys, {module}; print(sys.executable)"),
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(output) if output.status.success() => {
            let path = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            if path.is_empty() {
                Err("not installed (python3 does not name its interpreter)".to_owned())
            } else {
                Ok(PathBuf::from(path))
            }
        }
        Ok(_) => Err(format!(
            "not installed (python3 cannot import {module}: run bench/setup)"
        )),
        Err(error) => Err(format!("not installed (python3: {error})")),
    }
}

impl Contender {
    /// Whether it has a row in `workload`'s table at all: the one-at-a-time
    /// floor of the batched table is no contender elsewhere (not even one
    /// that "does not offer" the workload).
    pub fn has_row(&self, workload: Workload) -> bool {
        !matches!(self.how, How::Unbatched { .. }) || workload == Workload::RouteAddDelBatched
    }

    /// How to run it on `workload` with R = `count`; `ip_batch` is the
    /// file of `route add`/`route del` lines for `ip -batch`. `None` for a
    /// workload the runner knows it does not offer (the command-line
    /// tools); contract contenders say so themselves (exit status 3).
    pub fn invocation(
        &self,
        workload: Workload,
        count: u32,
        ip_batch: &Path,
    ) -> Option<Invocation> {
        let netns = workload.netns().to_owned();
        let words = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        match &self.how {
            How::Contract { program, args } => {
                let mut args = args.clone();
                args.extend(["--netns".to_owned(), netns, workload.name().to_owned()]);
                if workload.is_add_del() {
                    args.extend(["--count".to_owned(), count.to_string()]);
                }
                Some(Invocation {
                    program: program.display().to_string(),
                    args,
                    counting: Counting::Printed,
                    contract: true,
                })
            }
            How::Ip { json } => {
                let (rest, counting) = match (workload, json) {
                    (Workload::RouteDump, false) => (
                        words(&["-4", "route", "show", "table", "all"]),
                        Counting::Lines,
                    ),
                    (Workload::RouteDump, true) => (
                        words(&["-j", "-4", "route", "show", "table", "all"]),
                        Counting::JsonArray,
                    ),
                    (Workload::LinkDump, false) => {
                        (words(&["-o", "link", "show"]), Counting::Lines)
                    }
                    (Workload::LinkDump, true) => {
                        (words(&["-j", "link", "show"]), Counting::JsonArray)
                    }
                    // `ip -j address show` has one object per link.
                    (Workload::AddressDump, false) => {
                        (words(&["-o", "-4", "address", "show"]), Counting::Lines)
                    }
                    // One request at a time, each waiting for its ACK.
                    (Workload::RouteAddDel, false) => (
                        vec!["-batch".to_owned(), ip_batch.display().to_string()],
                        Counting::Fixed(u64::from(count)),
                    ),
                    _ => return None,
                };
                let mut args = vec!["-n".to_owned(), netns];
                args.extend(rest);
                Some(Invocation {
                    program: "ip".to_owned(),
                    args,
                    counting,
                    contract: false,
                })
            }
            How::Unbatched { program } => {
                (workload == Workload::RouteAddDelBatched).then(|| Invocation {
                    program: program.display().to_string(),
                    args: vec![
                        "--netns".to_owned(),
                        netns,
                        Workload::RouteAddDel.name().to_owned(),
                        "--count".to_owned(),
                        count.to_string(),
                    ],
                    counting: Counting::Printed,
                    contract: true,
                })
            }
            How::Nlctl { program, mode } => {
                let route_show = ["-4", "route", "show", "table", "all"];
                let (rest, counting) = match (workload, mode) {
                    (Workload::RouteDump, NlctlMode::Text) => (words(&route_show), Counting::Lines),
                    (Workload::RouteDump, NlctlMode::Json) => {
                        let mut rest = vec!["-j".to_owned()];
                        rest.extend(words(&route_show));
                        (rest, Counting::JsonArray)
                    }
                    // Text is two lines or more per link; JSON one object.
                    (Workload::LinkDump, NlctlMode::Json) => {
                        (words(&["-j", "link", "show"]), Counting::JsonArray)
                    }
                    // The same file as `ip -batch`; nlctl batches changes.
                    (Workload::RouteAddDelBatched, NlctlMode::Batch) => (
                        vec!["-b".to_owned(), ip_batch.display().to_string()],
                        Counting::Fixed(u64::from(count)),
                    ),
                    _ => return None,
                };
                let mut args = vec!["-n".to_owned(), netns];
                args.extend(rest);
                Some(Invocation {
                    program: program.display().to_string(),
                    args,
                    counting,
                    contract: false,
                })
            }
        }
    }
}

/// The lines `ip -batch` runs for `route-add-del` (and `nlctl -b` for
/// `route-add-del-batched`): the R adds of the
/// contract (protocol static, scope link, main table; `ip route add` asks
/// `NLM_F_CREATE | NLM_F_EXCL`), then the R deletes.
pub fn ip_batch_text(count: u32) -> String {
    let dst = |i: u32| format!("198.18.{}.{}/32", i / 256, i % 256);
    let mut text = String::new();
    for i in 0..count {
        text.push_str(&format!(
            "route add {} dev bench0 proto static scope link\n",
            dst(i)
        ));
    }
    for i in 0..count {
        text.push_str(&format!("route del {} dev bench0\n", dst(i)));
    }
    text
}
