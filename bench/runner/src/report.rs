//! The results: one Markdown table per workload, the machine they were
//! measured on, and `BENCHMARKS.md`, whose part between the markers is
//! rewritten and the rest kept.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::measure::Sample;

/// Where the generated part of `BENCHMARKS.md` starts.
pub const BEGIN: &str = "<!-- bench:begin -->";
/// Where it ends.
pub const END: &str = "<!-- bench:end -->";

/// One contender's line in a workload's table.
#[derive(Debug, Clone)]
pub enum Row {
    /// Measured: the samples of the measured rounds.
    Measured(Vec<Sample>),
    /// The contender does not offer the workload.
    NotOffered,
    /// Not built or not installed: why.
    Missing(String),
    /// A run failed (or counted wrong): why.
    Failed(String),
}

/// A workload's results.
#[derive(Debug, Clone)]
pub struct Table {
    /// The heading: the workload's name.
    pub title: String,
    /// A sentence under it: the namespace, what was set up, the count.
    pub note: String,
    /// Contender names and their rows, in table order.
    pub rows: Vec<(String, Row)>,
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Median wall time of `samples`, ms.
pub fn median_ms(samples: &[Sample]) -> f64 {
    median(&mut samples.iter().map(|s| ms(s.wall)).collect::<Vec<_>>())
}

/// The median over rounds of `samples`' wall time over `floor`'s in the
/// same round: steadier than the ratio of the medians when the machine's
/// speed drifts during a run, as both runs of a round see the same drift.
pub fn median_round_ratio(samples: &[Sample], floor: &[Sample]) -> f64 {
    let mut ratios: Vec<f64> = samples
        .iter()
        .zip(floor)
        .filter(|(_, f)| !f.wall.is_zero())
        .map(|(s, f)| s.wall.as_secs_f64() / f.wall.as_secs_f64())
        .collect();
    median(&mut ratios)
}

/// A cell's text: one line, no `|`.
fn cell(text: &str) -> String {
    text.lines().next().unwrap_or("").replace('|', "/")
}

impl Table {
    /// The table in Markdown: contender, median wall ms, min-max, ratio of
    /// the median to raw's median, median of the per-round ratios to raw,
    /// median peak RSS.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "### {}\n\n{}\n", self.title, self.note);
        out.push_str(
            "| contender | median ms | min-max ms | × raw | × raw per round | peak RSS MiB |\n",
        );
        out.push_str("|---|---:|---:|---:|---:|---:|\n");
        let raw = self.rows.iter().find_map(|(name, row)| match row {
            Row::Measured(samples) if name == "raw" => Some(samples),
            _ => None,
        });
        let floor = raw.map(|samples| median_ms(samples));
        let mut not_offered = Vec::new();
        let mut missing = Vec::new();
        for (name, row) in &self.rows {
            let line = match row {
                Row::Measured(samples) => {
                    let middle = median_ms(samples);
                    let min = samples
                        .iter()
                        .map(|s| ms(s.wall))
                        .fold(f64::INFINITY, f64::min);
                    let max = samples.iter().map(|s| ms(s.wall)).fold(0.0, f64::max);
                    let mut rss: Vec<f64> = samples
                        .iter()
                        .map(|s| s.max_rss_kib as f64 / 1024.0)
                        .collect();
                    let ratio = match floor {
                        Some(floor) if floor > 0.0 => format!("{:.2}", middle / floor),
                        _ => "-".to_owned(),
                    };
                    let per_round = match raw.map(|raw| median_round_ratio(samples, raw)) {
                        Some(ratio) if ratio.is_finite() => format!("{ratio:.2}"),
                        _ => "-".to_owned(),
                    };
                    format!(
                        "| {name} | {middle:.1} | {min:.1}-{max:.1} | {ratio} | {per_round} | {:.1} |",
                        median(&mut rss)
                    )
                }
                Row::NotOffered => {
                    not_offered.push(name.as_str());
                    continue;
                }
                Row::Missing(why) => {
                    missing.push(format!("{name}: {}", cell(why)));
                    continue;
                }
                Row::Failed(why) => format!("| {name} | FAILED: {} | | | | |", cell(why)),
            };
            out.push_str(&line);
            out.push('\n');
        }
        if !not_offered.is_empty() {
            let _ = write!(out, "\nNot offered by: {}.\n", not_offered.join(", "));
        }
        for line in missing {
            let _ = write!(out, "\nNot run: {line}.\n");
        }
        out
    }
}

/// The machine: CPUs, CPU model, kernel, memory.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
        .map_or("unknown CPU".to_owned(), |(_, m)| m.trim().to_owned());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map_or("unknown".to_owned(), |k| k.trim().to_owned());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(String::new(), |kib| {
            format!(", {:.0} GiB RAM", kib as f64 / 1024.0 / 1024.0)
        });
    format!("{cpus} CPUs ({model}){memory}, Linux {kernel}")
}

/// Today's date (UTC), `YYYY-MM-DD`.
pub fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (proleptic Gregorian), in eras
    // of 400 years counted from 0000-03-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// What a new `BENCHMARKS.md` says before the generated part.
const INTRO: &str = "\
# Benchmarks

The same netlink work done side by side by a raw system-call loop (the
floor), this project's crates (through the zero-copy view, owned values
blocking, owned values on tokio), the published crates a Rust user would
otherwise pick (`rtnetlink`, `neli`), pyroute2, and the command-line tools
(`ip`, `nlctl`). What each contender does, and the contract they all keep,
is in [bench/README.md](bench/README.md).

Each number is one whole process: start, open the socket inside the
namespace, do the workload once, print the count, exit. Wall time is taken
from the spawn to the reaping of the process; peak RSS is its `VmHWM` at
its exit (not `ru_maxrss`, which also counts the image `execve` replaced:
see bench/README.md). The contenders run interleaved (A B C A B C ...) after one
warm-up round; every run's count is checked against the raw loop's. \"× raw\"
is the ratio of the medians; \"× raw per round\" the median of each
round's ratio to the raw loop's run in that round, which the machine's
drift during a run moves less.

Reproduce (as root; it builds, sets up the namespaces, runs, and rewrites
the part below):

```sh
bench/run
```

";

/// Writes `generated` between the markers of the file at `path`: the rest
/// of the file is kept; a file without markers gets them at its end; a
/// missing file is created with an introduction.
pub fn write_benchmarks(path: &Path, generated: &str) -> Result<(), String> {
    let block = format!("{BEGIN}\n{}\n{END}\n", generated.trim_end());
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(format!("read {}: {error}", path.display())),
    };
    let new = if text.is_empty() {
        format!("{INTRO}{block}")
    } else {
        match (text.find(BEGIN), text.find(END)) {
            (Some(begin), Some(end)) if begin < end => {
                let after = &text[end + END.len()..];
                let after = after.strip_prefix('\n').unwrap_or(after);
                format!("{}{block}{after}", &text[..begin])
            }
            (None, None) => format!("{}\n\n{block}", text.trim_end()),
            _ => {
                return Err(format!(
                    "{}: the markers {BEGIN} and {END} are not both there, in order",
                    path.display()
                ))
            }
        }
    };
    std::fs::write(path, new).map_err(|error| format!("write {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_outside_the_markers_is_kept() {
        let dir = std::env::temp_dir().join(format!("nlbench-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("BENCHMARKS.md");
        let _ = std::fs::remove_file(&path);
        write_benchmarks(&path, "one").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# Benchmarks"));
        assert!(text.ends_with(&format!("{BEGIN}\none\n{END}\n")));
        std::fs::write(&path, format!("head\n{BEGIN}\nold\n{END}\ntail\n")).unwrap();
        write_benchmarks(&path, "two\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("head\n{BEGIN}\ntwo\n{END}\ntail\n")
        );
        std::fs::write(&path, format!("head\n{END}\n")).unwrap();
        assert!(write_benchmarks(&path, "three").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn dates_are_civil() {
        let date = today();
        assert_eq!(date.len(), 10);
        assert!(date.as_str() > "2024-01-01", "{date}");
    }

    #[test]
    fn per_round_ratios_pair_each_run_with_raws_in_its_round() {
        let at = |ms: u64| Sample {
            count: 1,
            wall: Duration::from_millis(ms),
            max_rss_kib: 0,
        };
        // The machine slows down in the last round: the per-round ratio
        // stays 1.5, the ratio of the medians does not.
        let raw = [at(10), at(10), at(40)];
        let ours = [at(15), at(15), at(60)];
        assert_eq!(median_round_ratio(&ours, &raw), 1.5);
        assert!(median_round_ratio(&[], &raw).is_nan());
    }

    #[test]
    fn medians_of_even_and_odd_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
