//! One run of one contender: spawn it, count what it prints while it runs,
//! and reap it with `wait4` for its exit status and peak resident set.
//!
//! The peak resident set is the `VmHWM` of the contender's own image, read
//! from `/proc/PID/status` when it stops at its exit (the runner traces it
//! with `PTRACE_TRACEME` and `PTRACE_O_TRACEEXIT`, nothing else). `wait4`'s
//! `ru_maxrss` is not used for it unless that stop did not happen: the
//! kernel counts in it the memory of the process image replaced by
//! `execve` (here the runner's own, 3.5 MiB, which hid the 1.9 MiB of the
//! raw contender).

use std::io::Read;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How a run's count is read from its standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// The contract (bench/README.md): one decimal integer and a newline.
    Printed,
    /// One line per object (`ip -o ...`, `ip route show`).
    Lines,
    /// A JSON array: its elements are counted (`ip -j`, `nlctl -j`).
    JsonArray,
    /// Nothing to read: success means this many were done (`ip -batch`).
    Fixed(u64),
}

/// What one run ended with.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Success: the count and the measurements.
    Done(Sample),
    /// Exit status 3: the workload is not offered.
    Unsupported,
    /// Anything else: why, with the contender's standard error.
    Failed(String),
}

/// The measurements of a successful run.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// What it counted (see [`Counting`]).
    pub count: u64,
    /// From just before the spawn to the reaping of the process.
    pub wall: Duration,
    /// Peak resident set (`VmHWM` at exit; else `ru_maxrss`), KiB.
    pub max_rss_kib: u64,
}

/// The most of a contender's output kept for messages.
const KEPT: usize = 4096;

/// Runs `program args...` once, counting its standard output the way
/// `counting` says. `unsupported_exit` tells whether exit status 3 means
/// "not offered" (the contract) or is a failure like any other. A
/// failure's message does not repeat the command line; its first line ends
/// with the first line of the contender's standard error.
pub fn run(program: &str, args: &[String], counting: Counting, unsupported_exit: bool) -> Outcome {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: the closure runs in the child between fork and exec and only
    // makes one system call (async-signal-safe), touching no memory.
    unsafe {
        command.pre_exec(|| {
            let null = std::ptr::null_mut::<libc::c_void>();
            // Where tracing is not allowed the child runs untraced, and
            // the peak comes from `ru_maxrss`.
            let _ = libc::ptrace(libc::PTRACE_TRACEME, 0, null, null);
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => return Outcome::Failed(format!("could not start: {error}")),
    };
    let pid = child.id();
    let stderr = child.stderr.take().map(|mut stderr| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stderr.read_to_end(&mut bytes);
            bytes
        })
    });
    // Read on a thread of its own: this one is the tracer, which must
    // answer the child's stops while it runs.
    let stdout = child
        .stdout
        .take()
        .map(|mut stdout| thread::spawn(move || count_output(&mut stdout, counting)));
    // The child is reaped here, not through `child`: `wait4` also gives
    // its resource usage. `child` is dropped without waiting.
    let reaped = trace_until_reaped(pid);
    let wall = started.elapsed();
    drop(child);
    let counted = match stdout.map(|thread| thread.join()) {
        Some(Ok(counted)) => counted,
        Some(Err(_)) => Err("the thread reading it panicked".to_owned()),
        None => Err("no standard output pipe".to_owned()),
    };
    let stderr = stderr
        .and_then(|thread| thread.join().ok())
        .unwrap_or_default();
    let stderr_text = || {
        let text = String::from_utf8_lossy(&stderr[..stderr.len().min(KEPT)]);
        let text = text.trim();
        match text.lines().next() {
            None => String::new(),
            Some(first) if first.len() == text.len() => format!("; stderr: {first}"),
            Some(first) => format!(
                "; stderr: {first}\n  stderr:\n    {}",
                text.replace('\n', "\n    ")
            ),
        }
    };
    let (status, max_rss_kib) = match reaped {
        Ok(reaped) => reaped,
        Err(error) => return Outcome::Failed(format!("wait4: {error}")),
    };
    match status {
        Status::Exited(0) => {}
        Status::Exited(3) if unsupported_exit => return Outcome::Unsupported,
        Status::Exited(code) => {
            return Outcome::Failed(format!("exited with status {code}{}", stderr_text()))
        }
        Status::Signaled(signal) => {
            return Outcome::Failed(format!("was killed by signal {signal}{}", stderr_text()))
        }
    }
    match counted {
        Ok(count) => Outcome::Done(Sample {
            count,
            wall,
            max_rss_kib,
        }),
        Err(error) => Outcome::Failed(format!("its output: {error}{}", stderr_text())),
    }
}

/// Reads `output` to its end, counting as `counting` says.
fn count_output(output: &mut impl Read, counting: Counting) -> Result<u64, String> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut kept = Vec::new();
    let mut lines = 0u64;
    let mut json = JsonCounter::default();
    let mut total = 0u64;
    loop {
        let n = match output.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(format!("read after {total} bytes: {error}")),
        };
        let chunk = &buf[..n];
        match counting {
            Counting::Printed => {
                let room = KEPT.saturating_sub(kept.len());
                kept.extend_from_slice(&chunk[..n.min(room)]);
            }
            Counting::Lines => lines += chunk.iter().filter(|&&b| b == b'\n').count() as u64,
            Counting::JsonArray => json.feed(chunk, total)?,
            Counting::Fixed(_) => {}
        }
        total += n as u64;
    }
    match counting {
        Counting::Printed => parse_printed(&kept, total),
        Counting::Lines => Ok(lines),
        Counting::JsonArray => json.finish(total),
        Counting::Fixed(count) => Ok(count),
    }
}

/// The contract's output: exactly one decimal integer and a newline.
fn parse_printed(kept: &[u8], total: u64) -> Result<u64, String> {
    let text = String::from_utf8_lossy(kept);
    let number = text
        .strip_suffix('\n')
        .filter(|_| total == kept.len() as u64);
    match number.and_then(|n| n.parse().ok()) {
        Some(count) => Ok(count),
        None => Err(format!(
            "{total} bytes, not one decimal integer and a newline: {:?}",
            text.chars().take(80).collect::<String>()
        )),
    }
}

/// Counts the elements of a JSON array of objects as the text streams by:
/// each `{` opened at depth 1 (inside the outer `[`) is one element.
/// Strings are skipped, escapes included, so braces inside them do not
/// count.
#[derive(Debug, Default)]
struct JsonCounter {
    depth: u32,
    in_string: bool,
    escaped: bool,
    started: bool,
    closed: bool,
    count: u64,
}

impl JsonCounter {
    /// Feeds the bytes starting at byte `offset` of the output.
    fn feed(&mut self, bytes: &[u8], offset: u64) -> Result<(), String> {
        for (i, &b) in bytes.iter().enumerate() {
            let at = offset + i as u64;
            if self.in_string {
                match (self.escaped, b) {
                    (true, _) => self.escaped = false,
                    (false, b'\\') => self.escaped = true,
                    (false, b'"') => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => {}
                _ if self.closed => {
                    return Err(format!("text after the JSON array at byte {at}"));
                }
                b'[' if !self.started => {
                    self.started = true;
                    self.depth = 1;
                }
                _ if !self.started => {
                    return Err(format!(
                        "byte {at} is {:?}, not the `[` of a JSON array",
                        b as char
                    ));
                }
                b'"' => self.in_string = true,
                b'{' | b'[' => {
                    if self.depth == 1 {
                        if b != b'{' {
                            return Err(format!("an element that is no object at byte {at}"));
                        }
                        self.count += 1;
                    }
                    self.depth += 1;
                }
                b'}' | b']' => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        if b != b']' {
                            return Err(format!("unbalanced `}}` at byte {at}"));
                        }
                        self.closed = true;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The count, if the array was complete.
    fn finish(&self, total: u64) -> Result<u64, String> {
        if self.closed {
            Ok(self.count)
        } else {
            Err(format!("a JSON array that does not end ({total} bytes)"))
        }
    }
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Exited(i32),
    Signaled(i32),
}

/// Follows child `pid`, which stops after its `execve` (it asked to be
/// traced), until it is reaped: how it ended and its peak resident set in
/// KiB. Signals stopping it on their way are delivered as they came.
fn trace_until_reaped(pid: u32) -> Result<(Status, u64), std::io::Error> {
    let pid = libc::pid_t::try_from(pid)
        .map_err(|_| std::io::Error::other(format!("pid {pid} out of range")))?;
    let mut seen_exec = false;
    let mut peak: Option<u64> = None;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: an all-zero `rusage` is a valid value (integers and
        // timevals only).
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `status` and `usage` are valid for writes for the call;
        // `pid` is our child, not yet reaped.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped < 0 {
            let error = std::io::Error::last_os_error();
            if error.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(error);
        }
        if libc::WIFSTOPPED(status) {
            let signal = libc::WSTOPSIG(status);
            let event = (status >> 16) & 0xff;
            let deliver = if !seen_exec && signal == libc::SIGTRAP {
                seen_exec = true;
                // Stop once more at its exit; later execs are events, not
                // signals; it dies with the runner.
                let options =
                    libc::PTRACE_O_TRACEEXIT | libc::PTRACE_O_TRACEEXEC | libc::PTRACE_O_EXITKILL;
                ptrace(libc::PTRACE_SETOPTIONS, pid, options as usize)?;
                0
            } else if signal == libc::SIGTRAP && event == libc::PTRACE_EVENT_EXIT {
                peak = vm_hwm(pid);
                0
            } else if signal == libc::SIGTRAP && event != 0 {
                0
            } else {
                signal
            };
            ptrace(libc::PTRACE_CONT, pid, deliver as usize)?;
            continue;
        }
        let max_rss = peak.unwrap_or(u64::try_from(usage.ru_maxrss).unwrap_or(0));
        let status = if libc::WIFEXITED(status) {
            Status::Exited(libc::WEXITSTATUS(status))
        } else {
            Status::Signaled(libc::WTERMSIG(status))
        };
        return Ok((status, max_rss));
    }
}

/// `ptrace(request, pid, 0, data)` for the requests that take a number.
fn ptrace(request: libc::c_uint, pid: libc::pid_t, data: usize) -> Result<(), std::io::Error> {
    // SAFETY: PTRACE_SETOPTIONS and PTRACE_CONT read `data` as a number,
    // not a pointer, and touch no memory of ours.
    let done = unsafe {
        libc::ptrace(
            request,
            pid,
            std::ptr::null_mut::<libc::c_void>(),
            data as *mut libc::c_void,
        )
    };
    if done == -1 {
        // The child may have been killed meanwhile; wait4 will say so.
        let error = std::io::Error::last_os_error();
        if error.raw_os_error() != Some(libc::ESRCH) {
            return Err(error);
        }
    }
    Ok(())
}

/// The peak resident set of process `pid`'s memory, KiB (`VmHWM`).
fn vm_hwm(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Result<u64, String> {
        let mut counter = JsonCounter::default();
        // Fed in small pieces, as a pipe hands it over.
        for (i, piece) in text.as_bytes().chunks(3).enumerate() {
            counter.feed(piece, i as u64 * 3)?;
        }
        counter.finish(text.len() as u64)
    }

    #[test]
    fn json_arrays_are_counted_by_their_objects() {
        assert_eq!(json("[]\n"), Ok(0));
        assert_eq!(json(r#"[{"a":1},{"b":[{"c":"}{"}],"d":{}}]"#), Ok(2));
        assert_eq!(json(r#" [ {"s":"a \" { ] \\"} ]"#), Ok(1));
        assert!(json(r#"[{"a":1}"#).is_err());
        assert!(json(r#"{"a":1}"#).is_err());
        assert!(json(r#"[1,2]"#).is_ok());
        assert!(json(r#"[[1]]"#).is_err());
        assert!(json("[] x").is_err());
    }

    #[test]
    fn printed_counts_follow_the_contract() {
        assert_eq!(parse_printed(b"42\n", 3), Ok(42));
        assert!(parse_printed(b"42", 2).is_err());
        assert!(parse_printed(b"42\n43\n", 6).is_err());
        assert!(parse_printed(b"", 0).is_err());
    }

    #[test]
    fn a_run_reports_exit_status_and_count() {
        let args = |s: &str| vec!["-c".to_owned(), s.to_owned()];
        match run("sh", &args("echo 7"), Counting::Printed, true) {
            Outcome::Done(sample) => assert_eq!(sample.count, 7),
            other => panic!("{other:?}"),
        }
        match run("sh", &args("printf 'a\\nb\\n'"), Counting::Lines, true) {
            Outcome::Done(sample) => assert_eq!(sample.count, 2),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            run("sh", &args("exit 3"), Counting::Printed, true),
            Outcome::Unsupported
        ));
        // The runner's own memory is not the child's.
        let ballast = vec![1u8; 64 << 20];
        match run("sh", &args("exit 0"), Counting::Fixed(1), true) {
            Outcome::Done(sample) => assert!(sample.max_rss_kib < 16 << 10, "{sample:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::hint::black_box(ballast).len(), 64 << 20);
        match run("sh", &args("echo oops >&2; exit 3"), Counting::Lines, false) {
            Outcome::Failed(message) => assert!(message.contains("oops"), "{message}"),
            other => panic!("{other:?}"),
        }
    }
}
