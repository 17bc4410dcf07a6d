//! The rtnetlink payload: every message type of the protocol, and any
//! other kept as bytes.

use netlink_packet_core::nla::{Described, DescribedPayload};
use netlink_packet_core::{
    DecodeError, NetlinkDeserializable, NetlinkHeader, NetlinkSerializable, RawPayload,
};

use crate::address::AddressMessage;
use crate::address_label::AddressLabelMessage;
use crate::bridge_vlan::BridgeVlanMessage;
use crate::link::LinkMessage;
use crate::mdb::MdbMessage;
use crate::neighbour::NeighbourMessage;
use crate::neighbour_table::NeighbourTableMessage;
use crate::netconf::NetconfMessage;
use crate::nexthop::NexthopMessage;
use crate::nsid::NsidMessage;
use crate::prefix::PrefixMessage;
use crate::route::RouteMessage;
use crate::rule::RuleMessage;
use crate::stats::StatsMessage;
use crate::tunnel::TunnelMessage;

use crate::describe::{
    header_struct_name, link_context, nexthop_context, no_context, route_context,
    undecoded_type_name,
};

/// Declares the message types (`RTM_*`, linux/rtnetlink.h) once: the
/// constant, the enum variant, its payload type, and how its description
/// gets the context some nests need.
macro_rules! route_messages {
    (@context $m:ident, $attrs:expr) => {
        no_context($m, $attrs)
    };
    (@context $m:ident, $attrs:expr, $context:ident) => {
        $context($m, $attrs)
    };
    ($( $(#[$doc:meta])* $constant:ident = $number:literal => $Variant:ident($Payload:ty) $(, $context:ident)?; )*) => {
        $(
            $(#[$doc])*
            pub const $constant: u16 = $number;
        )*

        /// An rtnetlink message.
        #[derive(Debug, Clone, PartialEq)]
        pub enum RouteNetlinkMessage {
            $(
                #[doc = concat!("`", stringify!($constant), "` (", stringify!($number), ").")]
                $Variant($Payload),
            )*
            /// A message type this crate does not decode (traffic control,
            /// `RTM_NEWNDUSEROPT`, `RTM_NEWCACHEREPORT`, DCB), kept byte for
            /// byte.
            Other(RawPayload),
        }

        impl RouteNetlinkMessage {
            /// Attributes that did not decode (each kept raw in its message):
            /// where and why. Empty for a message that decoded completely.
            pub fn invalid(&self) -> &[DecodeError] {
                match self {
                    $( Self::$Variant(m) => &m.invalid, )*
                    Self::Other(_) => &[],
                }
            }

            /// The message type's name (`RTM_NEWLINK`); also for the types
            /// kept as bytes that linux/rtnetlink.h names (`RTM_NEWQDISC`).
            pub fn type_name(&self) -> Option<&'static str> {
                message_type_name(self.message_type())
            }

            /// The message described as a named tree: its type's name, its
            /// fixed header's fields (`ifinfomsg`: family, type, index,
            /// flags...) and its attributes, every name from the
            /// declarations. Nests whose meaning depends on the header or a
            /// sibling (`IFLA_AF_SPEC`, `IFLA_PROTINFO`, `RTA_ENCAP`) are
            /// described with that context. [`RouteNetlinkMessage::Other`]
            /// is its bytes.
            pub fn describe(&self) -> DescribedPayload {
                match self {
                    $(
                        Self::$Variant(m) => {
                            let (fixed, mut attrs) = m.describe_parts();
                            route_messages!(@context m, &mut attrs $(, $context)?);
                            DescribedPayload {
                                type_name: Some(stringify!($constant)),
                                fixed: Some((header_struct_name($number), fixed)),
                                body: Described::Attributes(attrs),
                            }
                        }
                    )*
                    Self::Other(raw) => {
                        DescribedPayload::raw(message_type_name(raw.message_type), &raw.bytes)
                    }
                }
            }
        }

        /// The name of rtnetlink message type `message_type` (`16` ->
        /// `"RTM_NEWLINK"`), for decoded types and for the types kept as
        /// bytes alike; `None` for a number linux/rtnetlink.h does not
        /// define.
        pub fn message_type_name(message_type: u16) -> Option<&'static str> {
            match message_type {
                $( $number => Some(stringify!($constant)), )*
                other => undecoded_type_name(other),
            }
        }

        /// The size of message type `message_type`'s fixed header and the
        /// names of its top-level attributes, for pointing at the attribute
        /// an extended ACK names. `None` for types kept as bytes.
        pub fn message_layout(
            message_type: u16,
        ) -> Option<(usize, fn(u16) -> Option<&'static str>)> {
            match message_type {
                $( $number => Some((<$Payload>::HEADER_LEN, <$Payload>::attribute_name)), )*
                _ => None,
            }
        }

        impl NetlinkDeserializable for RouteNetlinkMessage {
            fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, DecodeError> {
                Ok(match header.message_type {
                    $( $number => Self::$Variant(<$Payload>::parse(payload)?), )*
                    _ => Self::Other(RawPayload::deserialize(header, payload)?),
                })
            }
        }

        impl NetlinkSerializable for RouteNetlinkMessage {
            fn message_type(&self) -> u16 {
                match self {
                    $( Self::$Variant(_) => $number, )*
                    Self::Other(raw) => raw.message_type,
                }
            }

            fn buffer_len(&self) -> usize {
                match self {
                    $( Self::$Variant(m) => m.buffer_len(), )*
                    Self::Other(raw) => raw.buffer_len(),
                }
            }

            fn emit(&self, buf: &mut [u8]) {
                match self {
                    $( Self::$Variant(m) => m.emit(buf), )*
                    Self::Other(raw) => raw.emit(buf),
                }
            }
        }
    };
}

route_messages! {
    /// `RTM_NEWLINK`: a link, in a reply, a notification or a create request.
    RTM_NEWLINK = 16 => NewLink(LinkMessage), link_context;
    /// `RTM_DELLINK`.
    RTM_DELLINK = 17 => DelLink(LinkMessage), link_context;
    /// `RTM_GETLINK`.
    RTM_GETLINK = 18 => GetLink(LinkMessage), link_context;
    /// `RTM_SETLINK`.
    RTM_SETLINK = 19 => SetLink(LinkMessage), link_context;
    /// `RTM_NEWADDR`.
    RTM_NEWADDR = 20 => NewAddress(AddressMessage);
    /// `RTM_DELADDR`.
    RTM_DELADDR = 21 => DelAddress(AddressMessage);
    /// `RTM_GETADDR`.
    RTM_GETADDR = 22 => GetAddress(AddressMessage);
    /// `RTM_GETMULTICAST`: IPv6 multicast addresses of links (`IFA_MULTICAST`).
    RTM_GETMULTICAST = 58 => GetMulticast(AddressMessage);
    /// `RTM_GETANYCAST`: IPv6 anycast addresses of links (`IFA_ANYCAST`).
    RTM_GETANYCAST = 62 => GetAnycast(AddressMessage);
    /// `RTM_NEWROUTE`.
    RTM_NEWROUTE = 24 => NewRoute(RouteMessage), route_context;
    /// `RTM_DELROUTE`.
    RTM_DELROUTE = 25 => DelRoute(RouteMessage), route_context;
    /// `RTM_GETROUTE`.
    RTM_GETROUTE = 26 => GetRoute(RouteMessage), route_context;
    /// `RTM_NEWNEIGH`.
    RTM_NEWNEIGH = 28 => NewNeighbour(NeighbourMessage);
    /// `RTM_DELNEIGH`.
    RTM_DELNEIGH = 29 => DelNeighbour(NeighbourMessage);
    /// `RTM_GETNEIGH`.
    RTM_GETNEIGH = 30 => GetNeighbour(NeighbourMessage);
    /// `RTM_NEWRULE`.
    RTM_NEWRULE = 32 => NewRule(RuleMessage);
    /// `RTM_DELRULE`.
    RTM_DELRULE = 33 => DelRule(RuleMessage);
    /// `RTM_GETRULE`.
    RTM_GETRULE = 34 => GetRule(RuleMessage);
    /// `RTM_NEWPREFIX`.
    RTM_NEWPREFIX = 52 => NewPrefix(PrefixMessage);
    /// `RTM_NEWNEIGHTBL`.
    RTM_NEWNEIGHTBL = 64 => NewNeighbourTable(NeighbourTableMessage);
    /// `RTM_GETNEIGHTBL`.
    RTM_GETNEIGHTBL = 66 => GetNeighbourTable(NeighbourTableMessage);
    /// `RTM_SETNEIGHTBL`.
    RTM_SETNEIGHTBL = 67 => SetNeighbourTable(NeighbourTableMessage);
    /// `RTM_NEWADDRLABEL`.
    RTM_NEWADDRLABEL = 72 => NewAddressLabel(AddressLabelMessage);
    /// `RTM_DELADDRLABEL`.
    RTM_DELADDRLABEL = 73 => DelAddressLabel(AddressLabelMessage);
    /// `RTM_GETADDRLABEL`.
    RTM_GETADDRLABEL = 74 => GetAddressLabel(AddressLabelMessage);
    /// `RTM_NEWNETCONF`.
    RTM_NEWNETCONF = 80 => NewNetconf(NetconfMessage);
    /// `RTM_DELNETCONF`.
    RTM_DELNETCONF = 81 => DelNetconf(NetconfMessage);
    /// `RTM_GETNETCONF`.
    RTM_GETNETCONF = 82 => GetNetconf(NetconfMessage);
    /// `RTM_NEWMDB`.
    RTM_NEWMDB = 84 => NewMdb(MdbMessage);
    /// `RTM_DELMDB`.
    RTM_DELMDB = 85 => DelMdb(MdbMessage);
    /// `RTM_GETMDB`.
    RTM_GETMDB = 86 => GetMdb(MdbMessage);
    /// `RTM_NEWNSID`.
    RTM_NEWNSID = 88 => NewNsid(NsidMessage);
    /// `RTM_DELNSID`.
    RTM_DELNSID = 89 => DelNsid(NsidMessage);
    /// `RTM_GETNSID`.
    RTM_GETNSID = 90 => GetNsid(NsidMessage);
    /// `RTM_NEWSTATS`.
    RTM_NEWSTATS = 92 => NewStats(StatsMessage);
    /// `RTM_GETSTATS`.
    RTM_GETSTATS = 94 => GetStats(StatsMessage);
    /// `RTM_SETSTATS`.
    RTM_SETSTATS = 95 => SetStats(StatsMessage);
    /// `RTM_NEWNEXTHOP`.
    RTM_NEWNEXTHOP = 104 => NewNexthop(NexthopMessage), nexthop_context;
    /// `RTM_DELNEXTHOP`.
    RTM_DELNEXTHOP = 105 => DelNexthop(NexthopMessage), nexthop_context;
    /// `RTM_GETNEXTHOP`.
    RTM_GETNEXTHOP = 106 => GetNexthop(NexthopMessage), nexthop_context;
    /// `RTM_NEWLINKPROP`: `IFLA_PROP_LIST` with the names to add.
    RTM_NEWLINKPROP = 108 => NewLinkProp(LinkMessage), link_context;
    /// `RTM_DELLINKPROP`: `IFLA_PROP_LIST` with the names to remove.
    RTM_DELLINKPROP = 109 => DelLinkProp(LinkMessage), link_context;
    /// `RTM_GETLINKPROP`.
    RTM_GETLINKPROP = 110 => GetLinkProp(LinkMessage), link_context;
    /// `RTM_NEWNEXTHOPBUCKET`: a bucket of a resilient nexthop group.
    RTM_NEWNEXTHOPBUCKET = 116 => NewNexthopBucket(NexthopMessage), nexthop_context;
    /// `RTM_DELNEXTHOPBUCKET`.
    RTM_DELNEXTHOPBUCKET = 117 => DelNexthopBucket(NexthopMessage), nexthop_context;
    /// `RTM_GETNEXTHOPBUCKET`.
    RTM_GETNEXTHOPBUCKET = 118 => GetNexthopBucket(NexthopMessage), nexthop_context;
    /// `RTM_NEWTUNNEL`: VNI filter entries of a vxlan device.
    RTM_NEWTUNNEL = 120 => NewTunnel(TunnelMessage);
    /// `RTM_DELTUNNEL`.
    RTM_DELTUNNEL = 121 => DelTunnel(TunnelMessage);
    /// `RTM_GETTUNNEL`.
    RTM_GETTUNNEL = 122 => GetTunnel(TunnelMessage);
    /// `RTM_NEWVLAN`.
    RTM_NEWVLAN = 112 => NewVlan(BridgeVlanMessage);
    /// `RTM_DELVLAN`.
    RTM_DELVLAN = 113 => DelVlan(BridgeVlanMessage);
    /// `RTM_GETVLAN`.
    RTM_GETVLAN = 114 => GetVlan(BridgeVlanMessage);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::AddressMessage;
    use crate::link::LinkMessage;
    use crate::route::RouteMessage;

    #[test]
    fn collected_messages_stay_small() {
        // A dump collects one of these per object (100,000 routes are
        // 100,000 of them): a header, the attribute vector and the
        // decode errors' pointer, no more.
        assert!(std::mem::size_of::<RouteMessage>() <= 48);
        assert!(std::mem::size_of::<AddressMessage>() <= 48);
        assert!(std::mem::size_of::<LinkMessage>() <= 56);
        assert!(std::mem::size_of::<RouteNetlinkMessage>() <= 64);
    }
}
