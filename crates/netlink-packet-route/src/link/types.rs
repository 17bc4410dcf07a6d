//! Small value types of link attributes.

use std::fmt;

use netlink_packet_core::nla::{AttrValue, Described, Nla, SmallBytes};
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
///
/// Held in [`SmallBytes`]: addresses of up to 22 bytes (every common link
/// type) cost no allocation, so neither do a link's address and broadcast
/// address.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct LinkLayerAddress(SmallBytes);

impl LinkLayerAddress {
    /// The address's bytes.
    pub fn new(bytes: &[u8]) -> Self {
        LinkLayerAddress(SmallBytes::new(bytes))
    }

    /// The address's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl std::ops::Deref for LinkLayerAddress {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for LinkLayerAddress {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// Colon-separated hex, as iproute2 prints hardware addresses.
pub(crate) fn fmt_hex(bytes: &[u8], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_str(":")?;
        }
        write!(f, "{b:02x}")?;
    }
    Ok(())
}

impl fmt::Display for LinkLayerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_hex(self.as_bytes(), f)
    }
}

impl fmt::Debug for LinkLayerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LinkLayerAddress({self})")
    }
}

impl From<[u8; 6]> for LinkLayerAddress {
    fn from(mac: [u8; 6]) -> Self {
        LinkLayerAddress::new(&mac)
    }
}

impl From<&[u8]> for LinkLayerAddress {
    fn from(bytes: &[u8]) -> Self {
        LinkLayerAddress::new(bytes)
    }
}

impl From<Vec<u8>> for LinkLayerAddress {
    fn from(bytes: Vec<u8>) -> Self {
        LinkLayerAddress(SmallBytes::from(bytes))
    }
}

impl AttrValue for LinkLayerAddress {
    type Ref<'a> = &'a [u8];
    fn parse_ref<'a>(nla: &Nla<'a>) -> Result<&'a [u8], DecodeError> {
        Ok(nla.value())
    }
    fn from_ref(value: &&[u8]) -> Result<Self, DecodeError> {
        Ok(LinkLayerAddress::new(value))
    }
    fn value_len(&self) -> usize {
        self.len()
    }
    fn emit_value(&self, buf: &mut [u8]) {
        buf.copy_from_slice(self);
    }
    fn describe(&self) -> Described {
        Described::address(self)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, RandomState};

    use netlink_packet_core::nla::{NlaIter, NlaWriter, SMALL_BYTES_INLINE};

    use super::*;

    #[test]
    fn addresses_of_every_length_round_trip_inline_or_not() {
        // 0 (none), 4 (IPv4 tunnel), 6 (Ethernet), 20 (InfiniBand), the
        // inline limit, one past it, and MAX_ADDR_LEN (linux/netdevice.h).
        for len in [0, 4, 6, 20, SMALL_BYTES_INLINE, SMALL_BYTES_INLINE + 1, 32] {
            let bytes: Vec<u8> = (1..=len as u8).collect();
            let address = LinkLayerAddress::new(&bytes);
            assert_eq!(address.as_bytes(), bytes);
            assert_eq!(address.0.is_inline(), len <= SMALL_BYTES_INLINE);
            let mut wire = Vec::new();
            NlaWriter::new(&mut wire).put_raw(1, &bytes);
            let nla = NlaIter::new(&wire).next().unwrap().unwrap();
            let parsed = LinkLayerAddress::parse(&nla).unwrap();
            assert_eq!(parsed, address);
            let mut out = vec![0; parsed.value_len()];
            parsed.emit_value(&mut out);
            assert_eq!(out, bytes);
        }
        assert_eq!(std::mem::size_of::<LinkLayerAddress>(), 24);
        // A link dump collects ~40 link attributes per link: no payload may
        // be wider than 24 bytes (an unknown attribute, a nest and a
        // lazily decoded nest included).
        assert!(std::mem::size_of::<crate::link::LinkAttr>() <= 32);
    }

    #[test]
    fn addresses_compare_and_print_by_their_bytes() {
        let mac = LinkLayerAddress::from([2, 0, 0, 0, 0, 0x1f]);
        assert_eq!(mac, LinkLayerAddress::from(vec![2, 0, 0, 0, 0, 0x1f]));
        assert_ne!(mac, LinkLayerAddress::from(&[2, 0, 0, 0, 0][..]));
        assert_eq!(mac.to_string(), "02:00:00:00:00:1f");
        assert_eq!(format!("{mac:?}"), "LinkLayerAddress(02:00:00:00:00:1f)");
        assert_eq!(LinkLayerAddress::default().len(), 0);
        let state = RandomState::new();
        let same = LinkLayerAddress::from(vec![2, 0, 0, 0, 0, 0x1f]);
        assert_eq!(state.hash_one(&mac), state.hash_one(&same));
    }
}
