//! Shared by the route crate's integration tests: fixtures, and requests
//! through the engine with this crate's types.
#![allow(dead_code)]

use netlink_packet_core::{NetlinkFlags, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::address::{AddressHeader, AddressMessage};
use netlink_packet_route::link::{LinkHeader, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_proto::blocking::Connection;
use netlink_proto::{Error, RequestOptions};
use netlink_sys::Protocol;

/// Directory of this crate's fixtures.
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The bytes of fixture `name` (a path below `tests/fixtures`).
pub fn fixture(name: &str) -> Vec<u8> {
    netlink_testkit::read_fixture(FIXTURES, name)
}

/// Parses a fixture holding one message, asserts that it round-trips byte
/// for byte and that nothing in it failed to decode, and returns it.
pub fn parse_fixture(name: &str) -> RouteNetlinkMessage {
    let bytes = fixture(name);
    let message = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(message.to_bytes(), bytes, "{name}: round trip differs");
    match message.payload {
        NetlinkPayload::Inner(inner) => {
            assert!(inner.invalid().is_empty(), "{name}: {:?}", inner.invalid());
            inner
        }
        other => panic!("{name}: not a route message: {other:?}"),
    }
}

/// A link fixture's message.
pub fn link_fixture(name: &str) -> LinkMessage {
    match parse_fixture(name) {
        RouteNetlinkMessage::NewLink(link) => link,
        other => panic!("{name}: not RTM_NEWLINK: {other:?}"),
    }
}

/// Emits `message` as a whole netlink message and parses it back: built
/// values must survive their own round trip.
pub fn round_trip(message: RouteNetlinkMessage) -> RouteNetlinkMessage {
    let bytes = NetlinkMessage::from_inner(message.clone()).to_bytes();
    let back = NetlinkMessage::<RouteNetlinkMessage>::parse_bytes(&bytes).unwrap();
    match back.payload {
        NetlinkPayload::Inner(inner) => {
            assert_eq!(inner, message);
            assert_eq!(NetlinkMessage::from_inner(inner.clone()).to_bytes(), bytes);
            inner
        }
        other => panic!("{other:?}"),
    }
}

/// Sends `request` as a dump through the engine and returns the replies'
/// payloads, failing the test on any error.
pub fn dump(request: RouteNetlinkMessage) -> Vec<RouteNetlinkMessage> {
    let mut connection = Connection::new(Protocol::Route).unwrap();
    connection
        .request_all(&NetlinkMessage::from_inner(request), RequestOptions::dump())
        .unwrap()
        .into_iter()
        .map(|m| match m.payload {
            NetlinkPayload::Inner(inner) => inner,
            other => panic!("{other:?}"),
        })
        .collect()
}

/// Dumps with `request`; every reply must decode completely (nothing in
/// `invalid`) and be what `pick` accepts.
pub fn dump_picked<T>(
    request: RouteNetlinkMessage,
    pick: impl Fn(RouteNetlinkMessage) -> Option<T>,
) -> Vec<T> {
    dump(request)
        .into_iter()
        .map(|m| {
            assert!(m.invalid().is_empty(), "{:?}", m.invalid());
            pick(m.clone()).unwrap_or_else(|| panic!("unexpected reply {m:?}"))
        })
        .collect()
}

/// Dumps the links of the current namespace (`family` 0 for all, 7 for
/// bridge ports) through the engine.
pub fn dump_links_family(family: u8) -> Vec<LinkMessage> {
    let header = LinkHeader {
        family,
        ..Default::default()
    };
    dump_picked(
        RouteNetlinkMessage::GetLink(LinkMessage::new(header, vec![])),
        |m| match m {
            RouteNetlinkMessage::NewLink(link) => Some(link),
            _ => None,
        },
    )
}

/// Dumps every link of the current namespace.
pub fn dump_links() -> Vec<LinkMessage> {
    dump_links_family(0)
}

/// The link named `name`, from a dump.
pub fn link_named(name: &str) -> LinkMessage {
    dump_links()
        .into_iter()
        .find(|l| l.name() == Some(name))
        .unwrap_or_else(|| panic!("no link {name}"))
}

/// Sends `RTM_NEWLINK` with `NLM_F_CREATE | NLM_F_EXCL` built from `link`.
pub fn create_link(link: LinkMessage) -> Result<(), Error> {
    let mut connection = Connection::new(Protocol::Route)?;
    let mut request = NetlinkMessage::from_inner(RouteNetlinkMessage::NewLink(link));
    request.header.flags = NetlinkFlags::CREATE | NetlinkFlags::EXCL;
    connection.request_all(&request, RequestOptions::request())?;
    Ok(())
}

/// Dumps the addresses of the current namespace (`family` 0 for all).
pub fn dump_addresses(family: u8) -> Vec<AddressMessage> {
    let header = AddressHeader {
        family,
        ..Default::default()
    };
    dump_picked(
        RouteNetlinkMessage::GetAddress(AddressMessage::new(header, vec![])),
        |m| match m {
            RouteNetlinkMessage::NewAddress(address) => Some(address),
            _ => None,
        },
    )
}
