//! Netlink socket addresses (`struct sockaddr_nl`).

use std::fmt;

use crate::sys::SockaddrNl;

/// A netlink socket address: a port id and a legacy multicast group mask.
///
/// The port id (`nl_pid`) identifies a socket; `0` is the kernel. The group
/// mask (`nl_groups`) is the legacy way to join multicast groups `1..=32` at
/// [`bind`](crate::Socket::bind) time: bit `n - 1` stands for group `n`. Use
/// [`add_membership`](crate::Socket::add_membership) for any group number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct SocketAddr {
    port_id: u32,
    groups: u32,
}

impl SocketAddr {
    /// The kernel's address: port id 0, no groups. Requests are sent here.
    pub const KERNEL: SocketAddr = SocketAddr {
        port_id: 0,
        groups: 0,
    };

    /// An address with the given port id and legacy group mask.
    pub fn new(port_id: u32, groups: u32) -> Self {
        SocketAddr { port_id, groups }
    }

    /// The port id (`nl_pid`); 0 is the kernel.
    pub fn port_id(&self) -> u32 {
        self.port_id
    }

    /// The legacy multicast group mask (`nl_groups`).
    pub fn groups(&self) -> u32 {
        self.groups
    }

    /// The raw `sockaddr_nl` for this address.
    pub(crate) fn to_raw(self) -> SockaddrNl {
        SockaddrNl {
            // AF_NETLINK is 16 and fits in sa_family_t.
            nl_family: libc::AF_NETLINK as libc::sa_family_t,
            nl_pad: 0,
            nl_pid: self.port_id,
            nl_groups: self.groups,
        }
    }

    /// The address stored in a raw `sockaddr_nl`.
    pub(crate) fn from_raw(raw: &SockaddrNl) -> Self {
        SocketAddr {
            port_id: raw.nl_pid,
            groups: raw.nl_groups,
        }
    }
}

/// Shows e.g. `port 1234 groups 0x00000001`, or `kernel` for
/// [`SocketAddr::KERNEL`].
impl fmt::Display for SocketAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == SocketAddr::KERNEL {
            f.write_str("kernel")
        } else {
            write!(f, "port {} groups {:#010x}", self.port_id, self.groups)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_and_raw() {
        let addr = SocketAddr::new(42, 0x5);
        assert_eq!(addr.port_id(), 42);
        assert_eq!(addr.groups(), 5);
        let raw = addr.to_raw();
        assert_eq!(raw.nl_family, libc::AF_NETLINK as libc::sa_family_t);
        assert_eq!(SocketAddr::from_raw(&raw), addr);
        assert_eq!(SocketAddr::default(), SocketAddr::KERNEL);
        assert_eq!(std::mem::size_of::<SockaddrNl>(), 12);
    }

    #[test]
    fn display() {
        assert_eq!(SocketAddr::KERNEL.to_string(), "kernel");
        assert_eq!(
            SocketAddr::new(7, 1).to_string(),
            "port 7 groups 0x00000001"
        );
    }
}
