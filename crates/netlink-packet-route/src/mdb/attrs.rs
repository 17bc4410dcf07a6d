//! `MDBA_*` attributes.

use std::net::IpAddr;

use netlink_packet_core::attribute_set;
use netlink_packet_core::nla::Nested;

use super::{BrMdbEntry, McastFilterMode, MdbEntryInfo, MdbRouterPort};
use crate::link::info::MulticastRouter;

attribute_set! {
    /// A multicast database attribute of `RTM_NEWMDB` replies and
    /// notifications (`MDBA_*`, linux/if_bridge.h). Requests carry
    /// [`MdbSetAttr`] instead.
    pub enum MdbAttr, view MdbAttrRef, prefix MDBA_ {
        /// `MDBA_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Group entries (`MDBA_MDB_*`).
        1 MDB Mdb(Nested<MdbMdbAttr>),
        /// Multicast router ports (`MDBA_ROUTER_*`).
        2 ROUTER Router(Nested<MdbRouterAttr>),
    }
}

attribute_set! {
    /// Inside `MDBA_MDB` (`MDBA_MDB_*`, linux/if_bridge.h).
    pub enum MdbMdbAttr, view MdbMdbAttrRef, prefix MDBA_MDB_ {
        /// `MDBA_MDB_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The entries of one port.
        1 ENTRY Entry(Nested<MdbEntryAttr>),
    }
}

attribute_set! {
    /// Inside `MDBA_MDB_ENTRY` (`MDBA_MDB_ENTRY_*`, linux/if_bridge.h).
    pub enum MdbEntryAttr, view MdbEntryAttrRef, prefix MDBA_MDB_ENTRY_ {
        /// `MDBA_MDB_ENTRY_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// One entry: `struct br_mdb_entry` then `MDBA_MDB_EATTR_*`.
        1 INFO Info(MdbEntryInfo),
    }
}

attribute_set! {
    /// Attributes after the `struct br_mdb_entry` of `MDBA_MDB_ENTRY_INFO`
    /// (`MDBA_MDB_EATTR_*`, linux/if_bridge.h).
    pub enum MdbEntryExtraAttr, view MdbEntryExtraAttrRef, prefix MDBA_MDB_EATTR_ {
        /// `MDBA_MDB_EATTR_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Time left, in hundredths of a second.
        1 TIMER Timer(u32),
        /// Sources (`MDBA_MDB_SRCLIST_*`).
        2 SRC_LIST SrcList(Nested<MdbSrcListAttr>),
        /// Filter mode: `MCAST_EXCLUDE` (0) or `MCAST_INCLUDE` (1).
        3 GROUP_MODE GroupMode(McastFilterMode),
        /// The source of an (S, G) entry.
        4 SOURCE Source(IpAddr),
        /// The protocol that installed the entry (`RTPROT_*`).
        5 RTPROT Rtprot(u8),
    }
}

attribute_set! {
    /// A source list (`MDBA_MDB_SRCLIST_*`, linux/if_bridge.h).
    pub enum MdbSrcListAttr, view MdbSrcListAttrRef, prefix MDBA_MDB_SRCLIST_ {
        /// `MDBA_MDB_SRCLIST_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// One source (`MDBA_MDB_SRCATTR_*`).
        1 ENTRY Entry(Nested<MdbSrcAttr>),
    }
}

attribute_set! {
    /// One source of a source list (`MDBA_MDB_SRCATTR_*`, linux/if_bridge.h).
    pub enum MdbSrcAttr, view MdbSrcAttrRef, prefix MDBA_MDB_SRCATTR_ {
        /// `MDBA_MDB_SRCATTR_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The source address.
        1 ADDRESS Address(IpAddr),
        /// Time left, in hundredths of a second.
        2 TIMER Timer(u32),
    }
}

attribute_set! {
    /// Inside `MDBA_ROUTER` (`MDBA_ROUTER_*`, linux/if_bridge.h).
    pub enum MdbRouterAttr, view MdbRouterAttrRef, prefix MDBA_ROUTER_ {
        /// `MDBA_ROUTER_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// A router port: its index then `MDBA_ROUTER_PATTR_*`.
        1 PORT Port(MdbRouterPort),
    }
}

attribute_set! {
    /// Router port attributes (`MDBA_ROUTER_PATTR_*`, linux/if_bridge.h).
    pub enum MdbRouterPortAttr, view MdbRouterPortAttrRef, prefix MDBA_ROUTER_PATTR_ {
        /// `MDBA_ROUTER_PATTR_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// Time left, in hundredths of a second.
        1 TIMER Timer(u32),
        /// Router mode (`MDB_RTR_TYPE_*`).
        2 TYPE Type(MulticastRouter),
        /// IPv4 timer, in hundredths of a second.
        3 INET_TIMER InetTimer(u32),
        /// IPv6 timer, in hundredths of a second.
        4 INET6_TIMER Inet6Timer(u32),
        /// The VLAN.
        5 VID Vid(u16),
    }
}

attribute_set! {
    /// A `RTM_NEWMDB` / `RTM_DELMDB` request attribute (`MDBA_SET_ENTRY_*`,
    /// linux/if_bridge.h). The numbers overlap [`MdbAttr`]'s: see
    /// [`super::MdbMessage::set_attrs`] and [`MdbSetAttr::to_mdb_attr`].
    pub enum MdbSetAttr, view MdbSetAttrRef, prefix MDBA_SET_ENTRY_ {
        /// `MDBA_SET_ENTRY_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The entry to add or delete.
        1 ENTRY = "MDBA_SET_ENTRY" Entry(BrMdbEntry),
        /// More about it (`MDBE_ATTR_*`).
        2 ATTRS Attrs(Nested<MdbeAttr>),
    }
}

attribute_set! {
    /// Attributes of an entry to add (`MDBE_ATTR_*`, linux/if_bridge.h).
    pub enum MdbeAttr, view MdbeAttrRef, prefix MDBE_ATTR_ {
        /// `MDBE_ATTR_UNSPEC` (0): never carries a value.
        0 UNSPEC Unspec(Vec<u8>),
        /// The source of an (S, G) entry.
        1 SOURCE Source(IpAddr),
    }
}

impl MdbSetAttr {
    /// The same attribute as an [`MdbAttr`] (kept raw), to put in an
    /// [`super::MdbMessage`] request.
    pub fn to_mdb_attr(&self) -> MdbAttr {
        use netlink_packet_core::nla::{Attribute, NlaIter};
        let bytes = self.to_bytes();
        match NlaIter::new(&bytes).next() {
            Some(Ok(nla)) => MdbAttr::raw(&nla),
            // Emitting a declared value always gives one whole attribute.
            _ => MdbAttr::Unspec(Vec::new()),
        }
    }
}
