//! Small value types of link attributes.

use std::fmt;

use netlink_packet_core::nla::{AttrValue, Described, Nla};
use netlink_packet_core::{value_enum, DecodeError};

value_enum! {
    /// Operational state (`IF_OPER_*`, RFC 2863, linux/if.h).
    pub enum OperState: u8 {
        0 => Unknown "UNKNOWN",
        1 => NotPresent "NOTPRESENT",
        2 => Down "DOWN",
        3 => LowerLayerDown "LOWERLAYERDOWN",
        4 => Testing "TESTING",
        5 => Dormant "DORMANT",
        6 => Up "UP",
    }
}

value_enum! {
    /// Link mode (`IF_LINK_MODE_*`, linux/if.h).
    pub enum LinkMode: u8 {
        0 => Default "DEFAULT",
        1 => Dormant "DORMANT",
        2 => Testing "TESTING",
    }
}

value_enum! {
    /// Why a link notification was sent (`IFLA_EVENT_*`, linux/if_link.h).
    pub enum LinkEvent: u32 {
        0 => None "NONE",
        1 => Reboot "REBOOT",
        2 => Features "FEATURES",
        3 => BondingFailover "BONDING_FAILOVER",
        4 => NotifyPeers "NOTIFY_PEERS",
        5 => IgmpResend "IGMP_RESEND",
        6 => BondingOptions "BONDING_OPTIONS",
    }
}

/// A link-layer address of any length (Ethernet's 6 bytes, InfiniBand's
/// 20, a tunnel's 4 or 16, none at all). Displayed as iproute2 does:
/// colon-separated hex.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct LinkLayerAddress(pub Vec<u8>);

impl fmt::Display for LinkLayerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for LinkLayerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LinkLayerAddress({self})")
    }
}

impl From<[u8; 6]> for LinkLayerAddress {
    fn from(mac: [u8; 6]) -> Self {
        LinkLayerAddress(mac.to_vec())
    }
}

impl AttrValue for LinkLayerAddress {
    type Ref<'a> = &'a [u8];
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<&'a [u8], DecodeError> {
        Ok(nla.value())
    }
    fn from_ref(value: &&[u8]) -> Result<Self, DecodeError> {
        Ok(LinkLayerAddress(value.to_vec()))
    }
    fn value_len(&self) -> usize {
        self.0.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(&self.0);
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}
