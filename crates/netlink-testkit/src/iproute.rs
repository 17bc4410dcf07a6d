//! Scratch network namespaces and iproute2, for kernel tests.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `f` on a thread inside a brand-new network namespace; `ip` and
/// other children started there share it.
///
/// # Panics
/// Without root, with a message saying so: kernel tests must not pass
/// by being skipped.
pub fn in_new_netns<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let root = std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    assert!(
        root,
        "kernel tests need root (CAP_SYS_ADMIN for unshare, CAP_NET_ADMIN for links)"
    );
    netlink_sys::netns::run_in_new(f).expect("cannot create a network namespace")
}

/// Runs `ip ARGS` (split on white space).
///
/// # Panics
/// With ip's message when ip fails: the test's setup failed.
pub fn ip(args: &str) {
    if let Err(message) = ip_ok(args) {
        panic!("ip {args}: {message}");
    }
}

/// Runs `ip ARGS`; `Err` carries ip's message.
pub fn ip_ok(args: &str) -> Result<String, String> {
    let out = Command::new("ip")
        .args(args.split_whitespace())
        .output()
        .map_err(|e| format!("cannot run ip: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Runs `ip -batch -` with these lines.
///
/// # Panics
/// When ip cannot run or a line fails.
pub fn ip_batch(lines: &str) {
    let mut child = Command::new("ip")
        .args(["-batch", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("cannot run ip");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(lines.as_bytes()).expect("write to ip");
    }
    assert!(child.wait().expect("ip").success(), "ip -batch failed");
}

/// Runs `ip -j ARGS` and parses its JSON.
///
/// # Panics
/// When ip fails or prints something that is not JSON.
pub fn ip_json(args: &str) -> serde_json::Value {
    let text = ip_ok(&format!("-j {args}")).unwrap_or_else(|e| panic!("ip -j {args}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("ip -j {args}: {e}: {text}"))
}
