//! Network namespaces.
//!
//! A netlink socket talks to the network namespace it was created in, for
//! its whole life. To get a socket into another namespace, the socket is
//! created on a helper thread that has entered that namespace; the thread
//! then ends, and the calling thread never changes namespace (changing the
//! namespace of a thread shared with an async runtime or a thread pool would
//! silently affect unrelated work).

use std::fmt;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::thread;

use crate::sys::cvt;
use crate::Error;

/// Where iproute2 (`ip netns add NAME`) keeps named namespaces.
const NETNS_RUN_DIR: &str = "/run/netns";

/// A network namespace to enter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// A namespace named the way iproute2 names them: `/run/netns/NAME`.
    /// The name must be non-empty, contain no `/` and not be `.` or `..`.
    Named(String),
    /// A namespace file or bind mount, e.g. `/proc/1234/ns/net`.
    Path(PathBuf),
    /// The namespace of a process: `/proc/PID/ns/net`.
    Pid(u32),
}

impl Namespace {
    /// The file that designates this namespace. For [`Namespace::Named`] this
    /// is `/run/netns/NAME` even if the name is invalid; the name is checked
    /// when the namespace is entered.
    pub fn path(&self) -> PathBuf {
        match self {
            Namespace::Named(name) => Path::new(NETNS_RUN_DIR).join(name),
            Namespace::Path(path) => path.clone(),
            Namespace::Pid(pid) => PathBuf::from(format!("/proc/{pid}/ns/net")),
        }
    }

    /// [`path`](Namespace::path), after validating a namespace name.
    fn checked_path(&self) -> Result<PathBuf, Error> {
        if let Namespace::Named(name) = self {
            if name.is_empty()
                || name == "."
                || name == ".."
                || name.contains('/')
                || name.contains('\0')
            {
                return Err(Error::Namespace {
                    path: self.path(),
                    operation: "check name",
                    source: io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "invalid network namespace name {name:?}: it must be non-empty, \
                             contain no '/' and not be \".\" or \"..\""
                        ),
                    ),
                });
            }
        }
        Ok(self.path())
    }
}

/// Shows the namespace file, e.g. `/run/netns/blue`.
impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())
    }
}

/// Runs `job` on a scoped helper thread and returns its result, re-raising
/// a panic of the job on the calling thread.
fn on_helper_thread<T, J>(job: J) -> Result<T, Error>
where
    J: FnOnce() -> Result<T, Error> + Send,
    T: Send,
{
    thread::scope(|scope| {
        let handle = thread::Builder::new()
            .name("netlink-netns".into())
            .spawn_scoped(scope, job)
            .map_err(|source| Error::Io {
                operation: "spawn namespace helper thread",
                source,
            })?;
        match handle.join() {
            Ok(result) => result,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    })
}

/// Runs `f` on a short-lived helper thread that has entered the network
/// namespace `ns`, and returns `f`'s result. The calling thread never
/// changes namespace.
///
/// The namespace file is opened (`O_RDONLY | O_CLOEXEC`) and entered with
/// `setns(fd, CLONE_NEWNET)`. Sockets created by `f` belong to `ns` for good;
/// processes spawned by `f` start in `ns`. A panic in `f` is resumed on the
/// calling thread.
///
/// # Errors
///
/// [`Error::Namespace`] if the name is invalid (`InvalidInput`), the file
/// cannot be opened, or `setns` fails (e.g. `EINVAL` for a file that is not
/// a network namespace); [`Error::Io`] if the thread cannot be spawned.
pub fn run_in<F, R>(ns: &Namespace, f: F) -> Result<R, Error>
where
    F: FnOnce() -> R + Send,
    R: Send,
{
    let path = ns.checked_path()?;
    // File::open is O_RDONLY, and std always adds O_CLOEXEC.
    let file = File::open(&path).map_err(|source| Error::Namespace {
        path: path.clone(),
        operation: "open",
        source,
    })?;
    on_helper_thread(move || {
        // SAFETY: setns takes an open descriptor (owned by `file`, alive for
        // the call) and a flag; it affects only this helper thread.
        let ret = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
        cvt(ret).map_err(|source| Error::Namespace {
            path,
            operation: "setns",
            source,
        })?;
        drop(file);
        Ok(f())
    })
}

/// Runs `f` on a helper thread that first moves into a brand-new, empty
/// network namespace (`unshare(CLONE_NEWNET)`), containing only a `lo` that
/// is down. Handy for tests and scratch work.
///
/// Sockets created by `f` keep the namespace alive after `f` returns;
/// children spawned with [`std::process::Command`] from inside `f` run in it.
/// Otherwise it disappears when `f` returns.
///
/// # Errors
///
/// [`Error::Namespace`] with an empty path if `unshare` fails (typically
/// `EPERM` without `CAP_SYS_ADMIN`); [`Error::Io`] if the thread cannot be
/// spawned.
pub fn run_in_new<F, R>(f: F) -> Result<R, Error>
where
    F: FnOnce() -> R + Send,
    R: Send,
{
    on_helper_thread(move || {
        unshare_current_thread()?;
        Ok(f())
    })
}

/// Moves the calling thread into a fresh, empty network namespace
/// (`unshare(CLONE_NEWNET)`). Only the calling thread moves; other threads
/// of the process stay where they are.
///
/// This is meant for threads dedicated to that namespace. Do not call it on
/// a thread you do not own (an async runtime worker, a pool thread, the main
/// thread of a program that spawns threads expecting the original
/// namespace); use [`run_in_new`] instead.
///
/// # Errors
///
/// [`Error::Namespace`] with an empty path if `unshare` fails.
pub fn unshare_current_thread() -> Result<(), Error> {
    // SAFETY: unshare takes only a flag; CLONE_NEWNET changes the network
    // namespace of the calling thread and touches no memory of ours.
    let ret = unsafe { libc::unshare(libc::CLONE_NEWNET) };
    cvt(ret).map(drop).map_err(|source| Error::Namespace {
        path: PathBuf::new(),
        operation: "unshare",
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            Namespace::Named("blue".into()).path(),
            PathBuf::from("/run/netns/blue")
        );
        assert_eq!(Namespace::Pid(42).path(), PathBuf::from("/proc/42/ns/net"));
        assert_eq!(Namespace::Path("/x/y".into()).path(), PathBuf::from("/x/y"));
    }

    #[test]
    fn invalid_names() {
        for name in ["", ".", "..", "../x", "a/b"] {
            let err = Namespace::Named(name.into()).checked_path().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name:?}");
            assert!(matches!(err, Error::Namespace { .. }));
        }
        assert!(Namespace::Named("ok-name".into()).checked_path().is_ok());
    }
}
