//! Network namespaces.
//!
//! A netlink socket talks to the network namespace it was created in, for
//! its whole life. To get a socket into another namespace, the socket is
//! created on a helper thread that has entered that namespace; the thread
//! then ends, and the calling thread never changes namespace (changing the
//! namespace of a thread shared with an async runtime or a thread pool would
//! silently affect unrelated work). A thread of one's own may move itself
//! instead ([`enter_current_thread`], [`unshare_current_thread`]).

use std::ffi::{CStr, CString};
use std::fmt;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
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

/// Moves the calling thread into the network namespace `ns` (`setns`):
/// sockets it creates from now on, and threads it spawns, belong to `ns`.
/// Only the calling thread moves; other threads stay where they are.
///
/// For threads dedicated to that namespace, and for one-shot programs that
/// work in one namespace (`ip -n NAME` does this): it spares the helper
/// thread of [`run_in`] (a few hundred microseconds, mostly the C library
/// setting up the new thread's memory arena). Do not call it on a thread
/// you do not own (an async runtime worker, a pool thread), nor where
/// code expects the original namespace later; use [`run_in`] or
/// [`Socket::new_in_namespace`](crate::Socket::new_in_namespace) there.
///
/// # Errors
///
/// [`Error::Namespace`] if the name is invalid, the file cannot be opened,
/// or `setns` fails (`EPERM` without `CAP_SYS_ADMIN`, `EINVAL` for a file
/// that is not a network namespace); the thread then has not moved.
pub fn enter_current_thread(ns: &Namespace) -> Result<(), Error> {
    let (path, file) = open(ns)?;
    enter(path, &file)
}

/// Opens the namespace file of `ns` (`O_RDONLY | O_CLOEXEC`: `File::open`,
/// and std always adds `O_CLOEXEC`).
fn open(ns: &Namespace) -> Result<(PathBuf, File), Error> {
    let path = ns.checked_path()?;
    match File::open(&path) {
        Ok(file) => Ok((path, file)),
        Err(source) => Err(Error::Namespace {
            path,
            operation: "open",
            source,
        }),
    }
}

/// Moves the calling thread into the namespace `file` (at `path`) designates.
fn enter(path: PathBuf, file: &File) -> Result<(), Error> {
    // SAFETY: setns takes an open descriptor (owned by `file`, alive for the
    // call) and a flag; it changes only the calling thread's namespace.
    let ret = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
    cvt(ret).map(drop).map_err(|source| Error::Namespace {
        path,
        operation: "setns",
        source,
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
    // Opened here: a namespace that is not there costs no thread.
    let (path, file) = open(ns)?;
    on_helper_thread(move || {
        enter(path, &file)?;
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

/// The longest name of a named network namespace: a file name
/// (`NAME_MAX`, linux/limits.h).
pub const MAX_NAME_LEN: usize = 255;

/// Checks a name for [`create_named`] and friends: non-empty, at most
/// [`MAX_NAME_LEN`] bytes, no `/` nor NUL, not `.` or `..`; returns
/// `/run/netns/NAME`.
///
/// # Errors
///
/// [`Error::Namespace`] of kind `InvalidInput` saying what is wrong.
pub fn check_name(name: &str) -> Result<PathBuf, Error> {
    let ns = Namespace::Named(name.to_owned());
    let path = ns.checked_path()?;
    if name.len() > MAX_NAME_LEN {
        return Err(Error::Namespace {
            path,
            operation: "check name",
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "invalid network namespace name: {} bytes, more than {MAX_NAME_LEN}",
                    name.len()
                ),
            ),
        });
    }
    Ok(path)
}

fn c_path(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains NUL"))
}

/// A C string from a literal ending in NUL.
fn c_str(bytes: &'static [u8]) -> &'static CStr {
    CStr::from_bytes_with_nul(bytes).unwrap_or_default()
}

/// `mount(2)` with an optional source and no data.
fn mount(source: Option<&CStr>, target: &CStr, flags: libc::c_ulong) -> io::Result<()> {
    let none = c_str(b"none\0");
    let source = source.unwrap_or(none);
    // SAFETY: every pointer is a valid NUL-terminated string that outlives
    // the call (the CStr arguments and static literals); the data pointer
    // is null, which mount(2) accepts for bind and propagation changes.
    let ret = unsafe {
        libc::mount(
            source.as_ptr(),
            target.as_ptr(),
            none.as_ptr(),
            flags,
            std::ptr::null(),
        )
    };
    cvt(ret).map(drop)
}

/// Makes `/run/netns` exist and be a shared mount point, as iproute2 does
/// before creating a namespace: mounts made under it (the namespaces'
/// bind mounts) then propagate to the mount namespaces that `ip netns
/// exec` and others create later, and removals propagate too.
fn prepare_run_dir() -> Result<(), Error> {
    let dir = Path::new(NETNS_RUN_DIR);
    let fail = |operation, source| Error::Namespace {
        path: dir.to_owned(),
        operation,
        source,
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(dir)
        .map_err(|source| fail("mkdir", source))?;
    let target = c_path(dir).map_err(|source| fail("mkdir", source))?;
    let mut bound = false;
    loop {
        match mount(None, &target, libc::MS_SHARED | libc::MS_REC) {
            Ok(()) => return Ok(()),
            // EINVAL: not a mount point yet. Bind it onto itself once,
            // then make that mount shared.
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) && !bound => {
                mount(Some(&target), &target, libc::MS_BIND | libc::MS_REC)
                    .map_err(|source| fail("mount --bind", source))?;
                bound = true;
            }
            Err(source) => return Err(fail("mount --make-shared", source)),
        }
    }
}

/// Creates a named network namespace the way `ip netns add NAME` does:
/// makes `/run/netns` a shared mount point if it is not one, creates the
/// empty file `/run/netns/NAME` (failing if it exists), and bind-mounts
/// onto it a new network namespace made by `unshare(CLONE_NEWNET)` on a
/// short-lived helper thread. The calling thread never changes namespace.
/// The namespace then lives until [`delete_named`], without any process
/// in it. Needs `CAP_SYS_ADMIN`.
///
/// # Errors
///
/// [`Error::Namespace`] naming the failing step: kind `InvalidInput` for
/// a bad name, `AlreadyExists` (`EEXIST`, step `"create"`) if the name is
/// taken, `PermissionDenied` without privileges. On failure nothing is
/// left behind under `/run/netns`.
pub fn create_named(name: &str) -> Result<Namespace, Error> {
    let path = check_name(name)?;
    prepare_run_dir()?;
    let fail = |operation, source| Error::Namespace {
        path: path.clone(),
        operation,
        source,
    };
    let target = c_path(&path).map_err(|source| fail("create", source))?;
    // O_EXCL: never mount over a namespace of the same name.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o000)
        .open(&path)
        .map_err(|source| fail("create", source))?;
    let mounted = on_helper_thread(|| {
        unshare_current_thread()?;
        mount(
            Some(c_str(b"/proc/thread-self/ns/net\0")),
            &target,
            libc::MS_BIND,
        )
        .map_err(|source| fail("mount --bind", source))
    });
    if let Err(error) = mounted {
        let _ = std::fs::remove_file(&path);
        return Err(error);
    }
    Ok(Namespace::Named(name.to_owned()))
}

/// Deletes a named network namespace the way `ip netns delete NAME` does:
/// detaches its bind mount (`umount2(MNT_DETACH)`) and removes
/// `/run/netns/NAME`. The namespace itself goes away once no process,
/// socket or other mount holds it. A file left unmounted (by a crash,
/// say) is removed as well.
///
/// # Errors
///
/// [`Error::Namespace`] naming the failing step: kind `InvalidInput` for
/// a bad name, `NotFound` (`ENOENT`) if there is no such namespace.
pub fn delete_named(name: &str) -> Result<(), Error> {
    let path = check_name(name)?;
    let fail = |operation, source| Error::Namespace {
        path: path.clone(),
        operation,
        source,
    };
    std::fs::symlink_metadata(&path).map_err(|source| fail("delete", source))?;
    let target = c_path(&path).map_err(|source| fail("delete", source))?;
    // SAFETY: the target is a valid NUL-terminated string alive for the
    // call; umount2 touches no memory of ours.
    let ret = unsafe { libc::umount2(target.as_ptr(), libc::MNT_DETACH) };
    match cvt(ret) {
        Ok(_) => {}
        // EINVAL: not a mount point, a stale file; remove it all the same.
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {}
        Err(source) => return Err(fail("umount", source)),
    }
    std::fs::remove_file(&path).map_err(|source| fail("unlink", source))
}

/// The named network namespaces, as `ip netns list` finds them: the
/// entries of `/run/netns`, sorted; none if the directory does not exist.
/// Names that are not UTF-8 are left out (they cannot be a
/// [`Namespace::Named`]).
///
/// # Errors
///
/// [`Error::Namespace`] if `/run/netns` cannot be read.
pub fn list_named() -> Result<Vec<String>, Error> {
    let dir = Path::new(NETNS_RUN_DIR);
    let fail = |source| Error::Namespace {
        path: dir.to_owned(),
        operation: "read directory",
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(fail(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        if let Ok(name) = entry.map_err(fail)?.file_name().into_string() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
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
    fn named_names_are_checked() {
        for name in ["", ".", "..", "a/b", &"x".repeat(256)] {
            let err = check_name(name).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name:?}");
            assert!(create_named(name).is_err());
            assert!(delete_named(name).is_err());
        }
        assert_eq!(
            check_name(&"x".repeat(255)).unwrap(),
            Path::new("/run/netns").join("x".repeat(255))
        );
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
