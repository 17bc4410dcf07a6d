//! Kernel tests of network namespace support. They need root.

mod common;

use std::io;
use std::os::unix::fs::MetadataExt;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use common::*;
use netlink_sys::{netns, Error, Namespace, Protocol, Socket};

/// Deletes the named namespace when the test ends, even on failure.
struct NetnsGuard(String);

impl Drop for NetnsGuard {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

/// Kills and reaps a child process when the test ends.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn dump_names(socket: &mut Socket) -> Vec<String> {
    socket.bind_auto().unwrap();
    set_recv_timeout(socket, 10);
    dump_links(socket, 1).names
}

/// A socket created in a named namespace (by name, by path, and by the pid
/// of a process inside it) sees the veth created there, a socket in the
/// test's own namespace does not, and the calling thread never moves.
#[test]
fn sockets_in_named_namespace() {
    require_root();
    let pid = std::process::id();
    let name = format!("nlsys-test-{pid}");
    let (veth_a, veth_b) = (format!("nsa{pid}"), format!("nsb{pid}"));
    let _ = Command::new("ip").args(["netns", "del", &name]).output();
    ip(&["netns", "add", &name]);
    let _guard = NetnsGuard(name.clone());
    ip(&[
        "-n", &name, "link", "add", &veth_a, "type", "veth", "peer", "name", &veth_b,
    ]);

    let before = thread_netns();

    let named = Namespace::Named(name.clone());
    assert_eq!(
        named.path(),
        std::path::PathBuf::from(format!("/run/netns/{name}"))
    );
    let mut socket = Socket::new_in_namespace(Protocol::Route, &named).unwrap();
    assert_eq!(thread_netns(), before, "calling thread changed namespace");
    let mut names = dump_names(&mut socket);
    names.sort();
    let mut expected = vec!["lo".to_string(), veth_a.clone(), veth_b.clone()];
    expected.sort();
    assert_eq!(names, expected);

    let mut own = Socket::new(Protocol::Route).unwrap();
    let own_names = dump_names(&mut own);
    assert!(own_names.contains(&"lo".to_string()));
    assert!(
        !own_names.contains(&veth_a),
        "veth leaked into our namespace"
    );
    assert!(!own_names.contains(&veth_b));

    let by_path = Namespace::Path(format!("/run/netns/{name}").into());
    let mut socket = Socket::new_in_namespace(Protocol::Route, &by_path).unwrap();
    assert!(dump_names(&mut socket).contains(&veth_a));
    assert_eq!(thread_netns(), before);

    // A process living in the namespace.
    let child = Command::new("ip")
        .args(["netns", "exec", &name, "sleep", "30"])
        .spawn()
        .unwrap();
    let child = ChildGuard(child);
    let child_pid = child.0.id();
    let target_ino = std::fs::metadata(format!("/run/netns/{name}"))
        .unwrap()
        .ino();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ino = std::fs::metadata(format!("/proc/{child_pid}/ns/net")).map(|m| m.ino());
        if ino.ok() == Some(target_ino) {
            break;
        }
        assert!(Instant::now() < deadline, "sleep never entered {name}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let by_pid = Namespace::Pid(child_pid);
    let mut socket = Socket::new_in_namespace(Protocol::Route, &by_pid).unwrap();
    assert!(dump_names(&mut socket).contains(&veth_b));
    drop(child);

    // run_in returns the closure's value and runs it in the namespace.
    let inside = netns::run_in(&named, thread_netns).unwrap();
    assert_ne!(inside, before);
    assert_eq!(thread_netns(), before);
}

/// A name that does not exist gives Error::Namespace naming the path, ENOENT.
#[test]
fn missing_namespace() {
    require_root();
    let name = format!("nlsys-missing-{}", std::process::id());
    let err =
        Socket::new_in_namespace(Protocol::Route, &Namespace::Named(name.clone())).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(&format!("/run/netns/{name}")),
        "path missing from {text:?}"
    );
    assert!(text.starts_with("cannot enter network namespace"), "{text}");
    assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
    match err {
        Error::Namespace {
            path, operation, ..
        } => {
            assert_eq!(path, std::path::PathBuf::from(format!("/run/netns/{name}")));
            assert_eq!(operation, "open");
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// Invalid names are rejected with InvalidInput before touching the disk.
#[test]
fn invalid_namespace_names() {
    require_root();
    for name in ["../x", "", ".", "..", "a/b"] {
        let err = netns::run_in(&Namespace::Named(name.into()), || ()).unwrap_err();
        assert!(matches!(err, Error::Namespace { .. }), "{name:?}: {err:?}");
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name:?}");
        let io: io::Error = err.into();
        assert_eq!(io.kind(), io::ErrorKind::InvalidInput);
    }
}

/// A file that is not a network namespace fails at setns with EINVAL.
#[test]
fn not_a_namespace_file() {
    require_root();
    let err = netns::run_in(&Namespace::Path("/proc/self/status".into()), || ()).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::EINVAL), "{err}");
    assert!(matches!(
        err,
        Error::Namespace {
            operation: "setns",
            ..
        }
    ));
}

/// run_in_new gives a fresh namespace with only lo, different from the
/// caller's, which does not change; a panic in the closure propagates.
#[test]
fn run_in_new_is_fresh_and_isolated() {
    require_root();
    let before = thread_netns();
    let (inside, names) = netns::run_in_new(|| {
        let mut socket = Socket::new(Protocol::Route).unwrap();
        (thread_netns(), dump_names(&mut socket))
    })
    .unwrap();
    assert_ne!(inside, before);
    assert_eq!(names, ["lo"]);
    assert_eq!(thread_netns(), before);

    let panicked = std::panic::catch_unwind(|| {
        let _ = netns::run_in_new(|| panic!("boom"));
    });
    assert!(panicked.is_err());
    assert_eq!(thread_netns(), before);
}

/// unshare_current_thread moves only the calling (dedicated) thread.
#[test]
fn unshare_dedicated_thread() {
    require_root();
    let before = thread_netns();
    let inside = std::thread::spawn(|| {
        let first = thread_netns();
        netns::unshare_current_thread().unwrap();
        let second = thread_netns();
        assert_ne!(first, second);
        let mut socket = Socket::new(Protocol::Route).unwrap();
        assert_eq!(dump_names(&mut socket), ["lo"]);
        second
    })
    .join()
    .unwrap();
    assert_ne!(inside, before);
    assert_eq!(thread_netns(), before);
}

/// enter_current_thread moves only the calling (dedicated) thread into a
/// named namespace: its sockets and the threads it spawns then see that
/// namespace's links; a bad name or file leaves it where it was.
#[test]
fn enter_moves_the_calling_thread_only() {
    require_root();
    let pid = std::process::id();
    let name = format!("nlsys-enter-{pid}");
    let veth = format!("nse{pid}");
    let _ = Command::new("ip").args(["netns", "del", &name]).output();
    ip(&["netns", "add", &name]);
    let _guard = NetnsGuard(name.clone());
    ip(&[
        "-n", &name, "link", "add", &veth, "type", "veth", "peer", "name", "nse-peer",
    ]);
    let before = thread_netns();
    let (inside, spawned, names) = std::thread::spawn(move || {
        let start = thread_netns();
        for bad in [
            Namespace::Named("../x".into()),
            Namespace::Path("/proc/self/status".into()),
            Namespace::Named(format!("nlsys-missing-{pid}")),
        ] {
            assert!(netns::enter_current_thread(&bad).is_err(), "{bad}");
            assert_eq!(thread_netns(), start, "{bad} moved the thread");
        }
        netns::enter_current_thread(&Namespace::Named(name)).unwrap();
        let spawned = std::thread::spawn(thread_netns).join().unwrap();
        let mut socket = Socket::new(Protocol::Route).unwrap();
        (thread_netns(), spawned, dump_names(&mut socket))
    })
    .join()
    .unwrap();
    assert_ne!(inside, before);
    assert_eq!(
        spawned, inside,
        "a thread it spawns starts in its namespace"
    );
    assert!(names.contains(&veth), "{names:?}");
    assert_eq!(thread_netns(), before);
}
