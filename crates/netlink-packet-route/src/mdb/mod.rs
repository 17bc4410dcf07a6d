//! The bridge multicast database (`RTM_NEWMDB`, `RTM_DELMDB`, `RTM_GETMDB`):
//! `struct br_port_msg` then `MDBA_*` attributes (linux/if_bridge.h).
//!
//! Dumps and notifications carry [`MdbAttr`]; add and delete requests carry
//! [`MdbSetAttr`], whose numbers overlap: build them with
//! [`MdbSetAttr::to_mdb_attr`] and read them back with
//! [`MdbMessage::set_attrs`].

mod attrs;
mod entry;

pub use attrs::*;
pub use entry::*;

use netlink_packet_core::nla::{attrs_len, emit_attrs, parse_attrs};
use netlink_packet_core::{fixed_struct, header_message, DecodeError};

fixed_struct! {
    /// `struct br_port_msg` (linux/if_bridge.h), with the padding the compiler puts after `family`.
    pub header struct MdbHeader {
        /// `family`.
        pub family: u8,
        /// Padding to the `__u32`.
        pub pad: [u8; 3],
        /// `ifindex`.
        pub index: u32,
    }
}

header_message! {
    /// The message, owned: the fixed header and every attribute in wire order.
    pub struct MdbMessage, view MdbView, header MdbHeader, attrs MdbAttr, MdbAttrRef;
}

impl MdbMessage {
    /// The attributes read as request attributes (`MDBA_SET_ENTRY_*`), as
    /// `RTM_NEWMDB` and `RTM_DELMDB` requests carry them.
    pub fn set_attrs(&self) -> Result<Vec<MdbSetAttr>, DecodeError> {
        let mut bytes = vec![0; attrs_len(&self.attrs)];
        emit_attrs(&self.attrs, &mut bytes);
        parse_attrs(&bytes, MdbHeader::LEN)
    }

    /// Every entry of the message's `MDBA_MDB` nests, in wire order.
    pub fn entries(&self) -> Vec<&MdbEntryInfo> {
        let mut out = Vec::new();
        for attr in &self.attrs {
            if let MdbAttr::Mdb(mdb) = attr {
                for m in mdb.iter() {
                    if let MdbMdbAttr::Entry(entry) = m {
                        for e in entry.iter() {
                            if let MdbEntryAttr::Info(info) = e {
                                out.push(info);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Every router port of the message's `MDBA_ROUTER` nests.
    pub fn router_ports(&self) -> Vec<&MdbRouterPort> {
        let mut out = Vec::new();
        for attr in &self.attrs {
            if let MdbAttr::Router(router) = attr {
                for r in router.iter() {
                    if let MdbRouterAttr::Port(port) = r {
                        out.push(port);
                    }
                }
            }
        }
        out
    }
}
