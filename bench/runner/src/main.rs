//! The benchmark runner (bench/README.md). For each workload it takes the
//! contenders that offer it (a warm-up round doubles as the probe: exit
//! status 3 leaves a contender out), runs them interleaved round-robin for
//! `--runs` measured rounds, checks every count against the raw loop's,
//! prints a table per workload, and writes the tables into
//! `BENCHMARKS.md` between its markers.
//!
//! Usually started by `bench/run`, which builds everything and sets the
//! namespaces up first.

mod contenders;
mod measure;
mod report;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::Parser;

use contenders::{Contender, Invocation, Workload};
use measure::{Outcome, Sample};
use report::{Row, Table};

/// Runs the netlink benchmark's contenders interleaved, checks their
/// counts and writes BENCHMARKS.md (as root, after bench/setup with the
/// same sizes).
#[derive(Debug, Parser)]
#[command(name = "runner")]
struct Cli {
    /// Routes bench/setup put in nlbench-routes (the route-dump count
    /// must reach it).
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    routes: u64,
    /// Veth pairs bench/setup put in nlbench-links (link-dump must count
    /// twice as many).
    #[arg(long, default_value_t = 2_000, value_name = "M")]
    links: u64,
    /// Addresses bench/setup put in nlbench-addrs.
    #[arg(long, default_value_t = 50_000, value_name = "K")]
    addresses: u64,
    /// R: routes added then deleted by the add/del workloads.
    #[arg(long, default_value_t = 10_000, value_name = "R",
          value_parser = clap::value_parser!(u32).range(1..=65_536))]
    count: u32,
    /// Measured rounds, after one warm-up round.
    #[arg(long, default_value_t = 5, value_name = "K",
          value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Only these workloads (route-dump, link-dump, address-dump,
    /// route-add-del, route-add-del-batched).
    #[arg(long, value_delimiter = ',', value_name = "WORKLOAD[,..]")]
    only: Vec<String>,
    /// Only these contenders (raw, the reference, is always run): raw,
    /// raw-unbatched, ours-view, ours-owned, ours-tokio, peer-rtnetlink, peer-neli,
    /// pyroute2, ip, ip-j, nlctl, nlctl-j, nlctl-b.
    #[arg(long, value_delimiter = ',', value_name = "NAME[,..]")]
    contenders: Vec<String>,
    /// Print the tables only; leave BENCHMARKS.md alone.
    #[arg(long)]
    no_write: bool,
    /// The repository (default: found upwards from the current directory).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// The command line to cite in BENCHMARKS.md (bench/run passes its own).
    #[arg(long, hide = true)]
    command_line: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("runner: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The repository: the first directory upwards from here holding both
/// `Cargo.toml` and `bench/Cargo.toml`.
fn find_root() -> Result<PathBuf, String> {
    let here = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
    here.ancestors()
        .find(|dir| dir.join("Cargo.toml").is_file() && dir.join("bench/Cargo.toml").is_file())
        .map(Path::to_path_buf)
        .ok_or(format!(
            "no repository (a directory with Cargo.toml and bench/Cargo.toml) above {}: use --root",
            here.display()
        ))
}

/// A temporary file removed on drop.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs everything asked; `Ok(false)` when some run failed.
fn run(cli: &Cli) -> Result<bool, String> {
    let root = match &cli.root {
        Some(root) => root.clone(),
        None => find_root()?,
    };
    let workloads = if cli.only.is_empty() {
        Workload::ALL.to_vec()
    } else {
        cli.only
            .iter()
            .map(|name| {
                Workload::from_name(name).ok_or(format!(
                    "--only: no workload {name:?} (route-dump, link-dump, address-dump, \
                     route-add-del, route-add-del-batched)"
                ))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let all = contenders::all(&root);
    for name in &cli.contenders {
        if !all.iter().any(|c| c.name == name) {
            let known: Vec<_> = all.iter().map(|c| c.name).collect();
            return Err(format!(
                "--contenders: no contender {name:?} ({})",
                known.join(", ")
            ));
        }
    }
    let chosen: Vec<Contender> = all
        .into_iter()
        .filter(|c| {
            cli.contenders.is_empty()
                || c.name == "raw"
                || cli.contenders.iter().any(|n| n == c.name)
        })
        .collect();
    if let Some(raw) = chosen.iter().find(|c| c.name == "raw") {
        if let Some(why) = &raw.missing {
            return Err(format!(
                "raw, the reference, is {why}: build bench/ first (bench/run does)"
            ));
        }
    }
    for workload in &workloads {
        let path = Path::new("/run/netns").join(workload.netns());
        if !path.exists() {
            return Err(format!(
                "{} needs namespace {} ({} is missing): run bench/setup",
                workload.name(),
                workload.netns(),
                path.display()
            ));
        }
    }
    let batch =
        TempFile(std::env::temp_dir().join(format!("nlbench-ip-batch-{}", std::process::id())));
    std::fs::write(&batch.0, contenders::ip_batch_text(cli.count))
        .map_err(|e| format!("write {}: {e}", batch.0.display()))?;

    let mut tables = Vec::new();
    let mut ok = true;
    for workload in workloads {
        let (table, clean) = run_workload(cli, workload, &chosen, &batch.0);
        println!("{}", table.markdown());
        ok &= clean;
        tables.push(table);
    }
    if !ok {
        eprintln!("runner: some runs failed (above); BENCHMARKS.md is left as it was");
        return Ok(false);
    }
    if cli.no_write {
        return Ok(true);
    }
    let command = cli
        .command_line
        .clone()
        .unwrap_or_else(|| std::env::args().collect::<Vec<_>>().join(" "));
    let mut generated = format!(
        "Measured on {}: {}.\n\nCommand: `{command}`: {} routes, {} veth pairs, {} addresses set up; \
         R = {}; {} measured rounds after a warm-up round.\n\n",
        report::today(),
        report::machine(),
        thousands(cli.routes),
        thousands(cli.links),
        thousands(cli.addresses),
        thousands(u64::from(cli.count)),
        cli.runs,
    );
    for table in &tables {
        generated.push_str(&table.markdown());
        generated.push('\n');
    }
    let path = root.join("BENCHMARKS.md");
    report::write_benchmarks(&path, &generated)?;
    eprintln!("runner: wrote {}", path.display());
    Ok(true)
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Empties the churn namespace's main table of the workload's routes.
fn flush_churn() {
    let netns = Workload::RouteAddDel.netns();
    let status = Command::new("ip")
        .args(["-n", netns, "route", "flush", "proto", "static"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!("runner: ip -n {netns} route flush proto static: {status}"),
        Err(error) => eprintln!("runner: ip -n {netns} route flush proto static: {error}"),
    }
}

/// A contender's state while its workload runs.
enum Slot {
    /// Running: how, and the measured samples so far.
    Active(Invocation, Vec<Sample>),
    /// Done with: its row.
    Settled(Row),
}

/// Runs one workload: the warm-up round (which also finds who offers it),
/// then the measured rounds. Returns its table and whether every run
/// succeeded with the right count.
fn run_workload(
    cli: &Cli,
    workload: Workload,
    chosen: &[Contender],
    batch: &Path,
) -> (Table, bool) {
    let name = workload.name();
    let (minimum, what) = match workload {
        Workload::RouteDump => (cli.routes, format!("{} routes", thousands(cli.routes))),
        Workload::LinkDump => (
            2 * cli.links,
            format!("{} veth pairs", thousands(cli.links)),
        ),
        Workload::AddressDump => (
            cli.addresses,
            format!("{} addresses", thousands(cli.addresses)),
        ),
        Workload::RouteAddDel | Workload::RouteAddDelBatched => (
            u64::from(cli.count),
            format!("R = {}", thousands(u64::from(cli.count))),
        ),
    };
    let mut slots: Vec<(&'static str, Slot)> = chosen
        .iter()
        .filter(|c| c.has_row(workload))
        .map(|c| {
            let slot = match (&c.missing, c.invocation(workload, cli.count, batch)) {
                (Some(why), _) => Slot::Settled(Row::Missing(why.clone())),
                (None, None) => Slot::Settled(Row::NotOffered),
                (None, Some(invocation)) => Slot::Active(invocation, Vec::new()),
            };
            (c.name, slot)
        })
        .collect();
    if workload.is_add_del() {
        flush_churn();
    }
    let mut clean = true;
    let mut expected: Option<u64> = None;
    for round in 0..=cli.runs {
        if round == 0 {
            eprint!("{name}: warm-up:");
        } else {
            eprint!("{name}: round {round}/{}:", cli.runs);
        }
        for (contender, slot) in slots.iter_mut() {
            let Slot::Active(invocation, samples) = slot else {
                continue;
            };
            let outcome = measure::run(
                &invocation.program,
                &invocation.args,
                invocation.counting,
                invocation.contract,
            );
            let failure = match outcome {
                Outcome::Unsupported => {
                    *slot = Slot::Settled(Row::NotOffered);
                    continue;
                }
                Outcome::Failed(why) => why,
                Outcome::Done(sample) => match check(
                    contender,
                    sample.count,
                    &mut expected,
                    minimum,
                    workload,
                    &what,
                ) {
                    Ok(()) => {
                        eprint!(" {contender} {:.1} ms", sample.wall.as_secs_f64() * 1000.0);
                        let _ = std::io::stderr().flush();
                        if round > 0 {
                            samples.push(sample);
                        }
                        continue;
                    }
                    Err(why) => why,
                },
            };
            eprintln!(
                "\nrunner: {name}: {contender} failed: `{} {}` {failure}",
                invocation.program,
                invocation.args.join(" ")
            );
            clean = false;
            if workload.is_add_del() {
                flush_churn();
            }
            *slot = Slot::Settled(Row::Failed(failure));
            if *contender == "raw" {
                break;
            }
        }
        eprintln!();
        let raw_failed = slots
            .iter()
            .any(|(c, s)| *c == "raw" && matches!(s, Slot::Settled(Row::Failed(_))));
        if raw_failed {
            for (_, slot) in slots.iter_mut() {
                if matches!(slot, Slot::Active(..)) {
                    *slot =
                        Slot::Settled(Row::Failed("not run: raw, the reference, failed".into()));
                }
            }
            break;
        }
    }
    let rows = slots
        .into_iter()
        .map(|(contender, slot)| {
            let row = match slot {
                Slot::Active(_, samples) => Row::Measured(samples),
                Slot::Settled(row) => row,
            };
            (contender.to_owned(), row)
        })
        .collect();
    let counted = expected.map_or("no count".to_owned(), |c| {
        format!("every measured run counted {}", thousands(c))
    });
    let setup = if workload.is_add_del() { "" } else { " set up" };
    let note = format!("In `{}` ({what}{setup}): {counted}.", workload.netns());
    (
        Table {
            title: name.to_owned(),
            note,
            rows,
        },
        clean,
    )
}

/// Checks one run's count: raw's first count is the reference (and must
/// reach what was set up, or R exactly for the add/del workloads); every
/// other count must equal it.
fn check(
    contender: &str,
    count: u64,
    expected: &mut Option<u64>,
    minimum: u64,
    workload: Workload,
    what: &str,
) -> Result<(), String> {
    match *expected {
        Some(reference) if count == reference => Ok(()),
        Some(reference) => Err(format!("counted {count}, raw counted {reference}")),
        None if contender != "raw" => Err("counted before raw (the reference) did".to_owned()),
        None if workload.is_add_del() && count != minimum => {
            Err(format!("counted {count} for R = {minimum}"))
        }
        None if count < minimum => Err(format!(
            "counted {count}, fewer than the {what} set up: run bench/setup with the runner's sizes"
        )),
        None => {
            *expected = Some(count);
            Ok(())
        }
    }
}
