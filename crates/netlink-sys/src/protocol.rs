//! Netlink protocol (family) numbers.

use std::fmt;
use std::hash::{Hash, Hasher};

/// A netlink protocol, i.e. the third argument of
/// `socket(AF_NETLINK, SOCK_RAW, protocol)`.
///
/// The named variants are the `NETLINK_*` protocol numbers of
/// `<linux/netlink.h>`. [`Protocol::Other`] carries any other number.
///
/// Equality and hashing are by [`number`](Protocol::number), so
/// `Protocol::Other(0) == Protocol::Route`; [`Protocol::from_number`] always
/// returns the named variant when there is one.
#[derive(Clone, Copy, Debug)]
pub enum Protocol {
    /// `NETLINK_ROUTE` (0): routing and link configuration (rtnetlink).
    Route,
    /// `NETLINK_UNUSED` (1): unused number.
    Unused,
    /// `NETLINK_USERSOCK` (2): reserved for user-mode socket protocols.
    Usersock,
    /// `NETLINK_FIREWALL` (3): unused number, formerly ip_queue.
    Firewall,
    /// `NETLINK_SOCK_DIAG` (4): socket monitoring (also `NETLINK_INET_DIAG`).
    SockDiag,
    /// `NETLINK_NFLOG` (5): netfilter/iptables ULOG.
    Nflog,
    /// `NETLINK_XFRM` (6): IPsec.
    Xfrm,
    /// `NETLINK_SELINUX` (7): SELinux event notifications.
    Selinux,
    /// `NETLINK_ISCSI` (8): Open-iSCSI.
    Iscsi,
    /// `NETLINK_AUDIT` (9): auditing.
    Audit,
    /// `NETLINK_FIB_LOOKUP` (10): FIB lookup from user space.
    FibLookup,
    /// `NETLINK_CONNECTOR` (11): kernel connector.
    Connector,
    /// `NETLINK_NETFILTER` (12): netfilter subsystem.
    Netfilter,
    /// `NETLINK_IP6_FW` (13).
    Ip6Fw,
    /// `NETLINK_DNRTMSG` (14): DECnet routing messages (obsolete).
    Dnrtmsg,
    /// `NETLINK_KOBJECT_UEVENT` (15): kernel messages (uevents) to user space.
    KobjectUevent,
    /// `NETLINK_GENERIC` (16): generic netlink.
    Generic,
    /// `NETLINK_SCSITRANSPORT` (18): SCSI transports.
    Scsitransport,
    /// `NETLINK_ECRYPTFS` (19).
    Ecryptfs,
    /// `NETLINK_RDMA` (20).
    Rdma,
    /// `NETLINK_CRYPTO` (21): crypto layer.
    Crypto,
    /// `NETLINK_SMC` (22): SMC monitoring.
    Smc,
    /// Any other protocol number.
    Other(i32),
}

/// Every named protocol with its number and name, in number order.
const TABLE: [(Protocol, i32, &str); 22] = [
    (Protocol::Route, 0, "NETLINK_ROUTE"),
    (Protocol::Unused, 1, "NETLINK_UNUSED"),
    (Protocol::Usersock, 2, "NETLINK_USERSOCK"),
    (Protocol::Firewall, 3, "NETLINK_FIREWALL"),
    (Protocol::SockDiag, 4, "NETLINK_SOCK_DIAG"),
    (Protocol::Nflog, 5, "NETLINK_NFLOG"),
    (Protocol::Xfrm, 6, "NETLINK_XFRM"),
    (Protocol::Selinux, 7, "NETLINK_SELINUX"),
    (Protocol::Iscsi, 8, "NETLINK_ISCSI"),
    (Protocol::Audit, 9, "NETLINK_AUDIT"),
    (Protocol::FibLookup, 10, "NETLINK_FIB_LOOKUP"),
    (Protocol::Connector, 11, "NETLINK_CONNECTOR"),
    (Protocol::Netfilter, 12, "NETLINK_NETFILTER"),
    (Protocol::Ip6Fw, 13, "NETLINK_IP6_FW"),
    (Protocol::Dnrtmsg, 14, "NETLINK_DNRTMSG"),
    (Protocol::KobjectUevent, 15, "NETLINK_KOBJECT_UEVENT"),
    (Protocol::Generic, 16, "NETLINK_GENERIC"),
    (Protocol::Scsitransport, 18, "NETLINK_SCSITRANSPORT"),
    (Protocol::Ecryptfs, 19, "NETLINK_ECRYPTFS"),
    (Protocol::Rdma, 20, "NETLINK_RDMA"),
    (Protocol::Crypto, 21, "NETLINK_CRYPTO"),
    (Protocol::Smc, 22, "NETLINK_SMC"),
];

impl Protocol {
    /// All named protocols (every variant except [`Protocol::Other`]), in
    /// number order.
    pub const ALL: [Protocol; 22] = {
        let mut all = [Protocol::Route; 22];
        let mut i = 0;
        while i < TABLE.len() {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    /// The protocol number passed to `socket(2)`.
    pub fn number(self) -> i32 {
        match self {
            Protocol::Route => 0,
            Protocol::Unused => 1,
            Protocol::Usersock => 2,
            Protocol::Firewall => 3,
            Protocol::SockDiag => 4,
            Protocol::Nflog => 5,
            Protocol::Xfrm => 6,
            Protocol::Selinux => 7,
            Protocol::Iscsi => 8,
            Protocol::Audit => 9,
            Protocol::FibLookup => 10,
            Protocol::Connector => 11,
            Protocol::Netfilter => 12,
            Protocol::Ip6Fw => 13,
            Protocol::Dnrtmsg => 14,
            Protocol::KobjectUevent => 15,
            Protocol::Generic => 16,
            Protocol::Scsitransport => 18,
            Protocol::Ecryptfs => 19,
            Protocol::Rdma => 20,
            Protocol::Crypto => 21,
            Protocol::Smc => 22,
            Protocol::Other(n) => n,
        }
    }

    /// The protocol for a number: the named variant when `n` has a name in
    /// `<linux/netlink.h>`, [`Protocol::Other`] otherwise.
    pub fn from_number(n: i32) -> Protocol {
        TABLE
            .iter()
            .find(|(_, number, _)| *number == n)
            .map_or(Protocol::Other(n), |(protocol, _, _)| *protocol)
    }

    /// The C name of the protocol, e.g. `"NETLINK_ROUTE"`; for a number
    /// without a name, `"unknown netlink protocol"`.
    pub fn name(self) -> &'static str {
        let n = self.number();
        TABLE
            .iter()
            .find(|(_, number, _)| *number == n)
            .map_or("unknown netlink protocol", |(_, _, name)| name)
    }
}

impl PartialEq for Protocol {
    fn eq(&self, other: &Self) -> bool {
        self.number() == other.number()
    }
}

impl Eq for Protocol {}

impl Hash for Protocol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.number().hash(state);
    }
}

impl From<i32> for Protocol {
    fn from(n: i32) -> Self {
        Protocol::from_number(n)
    }
}

impl From<Protocol> for i32 {
    fn from(protocol: Protocol) -> Self {
        protocol.number()
    }
}

/// Shows the name and the number, e.g. `NETLINK_XFRM (6)`.
impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for protocol in Protocol::ALL {
            assert_eq!(Protocol::from_number(protocol.number()), protocol);
            assert!(!matches!(
                Protocol::from_number(protocol.number()),
                Protocol::Other(_)
            ));
            assert!(protocol.name().starts_with("NETLINK_"));
        }
        assert!(matches!(Protocol::from_number(17), Protocol::Other(17)));
        assert!(matches!(Protocol::from_number(-1), Protocol::Other(-1)));
    }

    #[test]
    fn header_values() {
        assert_eq!(Protocol::Route.number(), 0);
        assert_eq!(Protocol::SockDiag.number(), 4);
        assert_eq!(Protocol::KobjectUevent.number(), 15);
        assert_eq!(Protocol::Generic.number(), 16);
        assert_eq!(Protocol::Scsitransport.number(), 18);
        assert_eq!(Protocol::Smc.number(), 22);
    }

    #[test]
    fn display() {
        assert_eq!(Protocol::Xfrm.to_string(), "NETLINK_XFRM (6)");
        assert_eq!(Protocol::Route.to_string(), "NETLINK_ROUTE (0)");
        assert_eq!(
            Protocol::Other(30).to_string(),
            "unknown netlink protocol (30)"
        );
        assert_eq!(Protocol::Other(6).to_string(), "NETLINK_XFRM (6)");
    }

    #[test]
    fn equality_by_number() {
        use std::collections::HashSet;
        assert_eq!(Protocol::Other(0), Protocol::Route);
        assert_ne!(Protocol::Other(30), Protocol::Route);
        let set: HashSet<Protocol> = [Protocol::Other(9), Protocol::Audit].into_iter().collect();
        assert_eq!(set.len(), 1);
    }
}
