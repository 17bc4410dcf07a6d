//! The netlink protocols `nlctl decode` knows by name, the names of their
//! header flags, and the raw walk used for protocols without typed
//! messages.

use netlink_packet_core::nla::{
    control_type_name, Described, DescribedAttr, DescribedPayload, NlaIter,
};
use netlink_packet_core::{NetlinkHeader, NLMSG_ERROR, NLMSG_MIN_TYPE};

use crate::CliError;

/// A netlink protocol (`NETLINK_*`, linux/netlink.h) as `nlctl decode`
/// treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// `NETLINK_ROUTE`: typed rtnetlink messages.
    Route,
    /// A protocol without a typed decoder yet (its name): messages are
    /// shown as header, fixed header when its size is known, and raw
    /// attributes.
    Untyped(&'static str),
}

/// Protocols without a typed decoder: name, size and C name of the fixed
/// header that starts every payload (0 when it varies by message type).
const UNTYPED: &[(&str, usize, &str)] = &[
    ("generic", 4, "genlmsghdr"),
    ("netfilter", 4, "nfgenmsg"),
    ("audit", 0, ""),
    ("sock_diag", 0, ""),
    ("xfrm", 0, ""),
    ("usersock", 0, ""),
    ("nflog", 0, ""),
    ("selinux", 0, ""),
    ("iscsi", 0, ""),
    ("fib_lookup", 0, ""),
    ("connector", 0, ""),
    ("ip6_fw", 0, ""),
    ("dnrtmsg", 0, ""),
    ("kobject_uevent", 0, ""),
    ("scsitransport", 0, ""),
    ("ecryptfs", 0, ""),
    ("rdma", 0, ""),
    ("crypto", 0, ""),
    ("smc", 0, ""),
];

impl Protocol {
    /// The protocol called `name` (`route`, `generic`, ...; `rtnetlink`
    /// and `inet_diag` are accepted too). An unknown name is a usage error
    /// listing the known ones.
    pub fn from_name(name: &str) -> Result<Protocol, CliError> {
        let name = name.to_ascii_lowercase().replace('-', "_");
        match name.as_str() {
            "route" | "rtnetlink" => return Ok(Protocol::Route),
            "inet_diag" => return Ok(Protocol::Untyped("sock_diag")),
            "genetlink" => return Ok(Protocol::Untyped("generic")),
            _ => {}
        }
        UNTYPED
            .iter()
            .find(|(known, _, _)| *known == name)
            .map(|(known, _, _)| Protocol::Untyped(known))
            .ok_or_else(|| {
                let names: Vec<&str> = UNTYPED.iter().map(|(n, _, _)| *n).collect();
                CliError::usage(format!(
                    "decode: unknown protocol {name:?}: expected route, {}",
                    names.join(", ")
                ))
            })
    }

    /// The protocol's name.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Route => "route",
            Protocol::Untyped(name) => name,
        }
    }

    /// The name of message type `message_type`: control types for every
    /// protocol, `RTM_*` for route.
    pub fn type_name(self, message_type: u16) -> Option<&'static str> {
        control_type_name(message_type).or_else(|| match self {
            Protocol::Route => netlink_packet_route::message_type_name(message_type),
            Protocol::Untyped(_) => None,
        })
    }

    fn fixed_header(self) -> Option<(usize, &'static str)> {
        match self {
            Protocol::Route => None,
            Protocol::Untyped(name) => UNTYPED
                .iter()
                .find(|(known, len, _)| *known == name && *len > 0)
                .map(|(_, len, c_name)| (*len, *c_name)),
        }
    }
}

/// The names of the flags of `header` (`nlmsg_flags`, linux/netlink.h),
/// as [`flag_bits`] gives them, with the bits without a name in hex.
/// Empty when no flag is set.
pub fn flag_names(protocol: Protocol, header: &NetlinkHeader) -> Vec<String> {
    let (names, rest) = flag_bits(protocol, header);
    let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
    if rest != 0 {
        names.push(format!("{rest:#x}"));
    }
    names
}

/// The names of the flags of `header` and the bits without a name. The
/// upper bits mean different things by message kind: for rtnetlink the
/// kind is the type's low two bits (NEW, DEL, GET, SET, as the kernel
/// reads them); for `NLMSG_ERROR` they are the ACK flags.
pub fn flag_bits(protocol: Protocol, header: &NetlinkHeader) -> (Vec<&'static str>, u16) {
    const LOW: [(u16, &str); 6] = [
        (0x01, "REQUEST"),
        (0x02, "MULTI"),
        (0x04, "ACK"),
        (0x08, "ECHO"),
        (0x10, "DUMP_INTR"),
        (0x20, "DUMP_FILTERED"),
    ];
    const NEW: [(u16, &str); 4] = [
        (0x100, "REPLACE"),
        (0x200, "EXCL"),
        (0x400, "CREATE"),
        (0x800, "APPEND"),
    ];
    const DEL: [(u16, &str); 2] = [(0x100, "NONREC"), (0x200, "BULK")];
    const GET: [(u16, &str); 3] = [(0x300, "DUMP"), (0x100, "ROOT"), (0x200, "MATCH")];
    const GET_ATOMIC: [(u16, &str); 1] = [(0x400, "ATOMIC")];
    const ACK: [(u16, &str); 2] = [(0x100, "CAPPED"), (0x200, "ACK_TLVS")];
    let bits = header.flags.bits();
    let upper: &[&[(u16, &str)]] = if header.message_type == NLMSG_ERROR {
        &[&ACK]
    } else if protocol == Protocol::Route && header.message_type >= NLMSG_MIN_TYPE {
        match (header.message_type - NLMSG_MIN_TYPE) & 3 {
            0 => &[&NEW],
            1 => &[&DEL],
            2 => &[&GET, &GET_ATOMIC],
            _ => &[],
        }
    } else {
        &[]
    };
    let mut names = Vec::new();
    let mut rest = bits;
    for table in std::iter::once(&LOW[..]).chain(upper.iter().copied()) {
        for (mask, name) in table {
            if rest & mask == *mask {
                names.push(*name);
                rest &= !mask;
            }
        }
    }
    (names, rest)
}

/// A payload of a protocol without typed messages: the fixed header's
/// fields when its size is known, then the attributes if the rest reads
/// as attributes (numbered, values as bytes, nests walked), else bytes.
pub fn describe_untyped(protocol: Protocol, payload: &[u8]) -> DescribedPayload {
    let mut fixed = None;
    let mut rest = payload;
    if let Some((len, c_name)) = protocol.fixed_header() {
        if let (Some(head), Some(tail)) = (payload.get(..len), payload.get(len..)) {
            fixed = Some((c_name, fixed_fields(protocol, head)));
            rest = tail;
        }
    }
    DescribedPayload {
        type_name: None,
        fixed,
        body: raw_attributes(rest, 0).unwrap_or_else(|| Described::Bytes(rest.to_vec())),
    }
}

fn fixed_fields(protocol: Protocol, head: &[u8]) -> Described {
    let byte = |i: usize| Described::Unsigned(head.get(i).copied().unwrap_or(0).into());
    match (protocol, head) {
        (Protocol::Untyped("generic"), [_, _, a, b]) => Described::Fields(vec![
            ("cmd", byte(0)),
            ("version", byte(1)),
            (
                "reserved",
                Described::Unsigned(u16::from_ne_bytes([*a, *b]).into()),
            ),
        ]),
        (Protocol::Untyped("netfilter"), [_, _, a, b]) => Described::Fields(vec![
            ("nfgen_family", byte(0)),
            ("version", byte(1)),
            (
                "res_id",
                Described::Unsigned(u16::from_be_bytes([*a, *b]).into()),
            ),
        ]),
        _ => Described::Bytes(head.to_vec()),
    }
}

/// How deep nests are walked; deeper ones are shown as bytes (a crafted
/// input could nest thousands of levels).
const MAX_DEPTH: usize = 16;

/// `bytes` as a run of attributes, if every header in it is sound;
/// values that themselves read as attributes (flagged `NLA_F_NESTED`) are
/// walked too, down to [`MAX_DEPTH`].
fn raw_attributes(bytes: &[u8], depth: usize) -> Option<Described> {
    if bytes.is_empty() || depth > MAX_DEPTH {
        return None;
    }
    let mut attrs = Vec::new();
    for nla in NlaIter::new(bytes) {
        let nla = nla.ok()?;
        let nested = if nla.is_nested() {
            raw_attributes(nla.value(), depth + 1)
        } else {
            None
        };
        attrs.push(match nested {
            Some(value) => DescribedAttr {
                number: nla.kind(),
                name: None,
                value,
            },
            None => DescribedAttr::unknown(nla.kind(), nla.value()),
        });
    }
    Some(Described::Attributes(attrs))
}
