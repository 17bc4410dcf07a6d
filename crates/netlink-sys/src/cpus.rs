//! How many CPUs the calling thread may run on.

use std::io;

/// The number of CPUs the calling thread may run on (`sched_getaffinity`,
/// `CPU_COUNT`): whether a second thread can work at the same time as it.
///
/// One system call. `std::thread::available_parallelism` also reads the
/// cgroup's CPU quota from several files (half a millisecond at a
/// process's start), which says how much CPU time the threads get, not
/// how many of them can run at once.
///
/// # Errors
///
/// What `sched_getaffinity` reports (`EINVAL` on machines with more CPUs
/// than a `cpu_set_t` holds, 1024).
pub fn cpus_available() -> io::Result<usize> {
    // SAFETY: `cpu_set_t` is a plain bit array, valid when zeroed.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: the kernel writes at most the size we pass into `set`, which
    // lives for the call; pid 0 is the calling thread.
    let ret =
        unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
    if ret != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: CPU_COUNT only reads the set the kernel filled in.
    let count = unsafe { libc::CPU_COUNT(&set) };
    Ok(usize::try_from(count).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_is_what_std_sees_before_quotas() {
        let ours = match cpus_available() {
            Ok(count) => count,
            // More CPUs than a cpu_set_t holds: nothing more to check.
            Err(error) => return assert_eq!(error.raw_os_error(), Some(libc::EINVAL)),
        };
        assert!(ours >= 1);
        // std takes the same affinity mask, then may lower it by a quota.
        let std = std::thread::available_parallelism().unwrap().get();
        assert!(std <= ours, "std {std}, ours {ours}");
    }
}
