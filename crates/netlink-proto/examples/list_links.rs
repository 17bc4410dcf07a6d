//! Lists the links of the current network namespace, like `ip link show`,
//! with nothing but the foundation crates: a hand-built `RTM_GETLINK` dump
//! through the blocking driver, read with the zero-copy path.
//!
//! ```text
//! cargo run --release -p netlink-proto --example list_links [-- --netns NAME]
//! ```

use std::process::ExitCode;

use netlink_packet_core::nla::{MacAddr, NlaIter};
use netlink_packet_core::{NetlinkHeader, RawMessage};
use netlink_proto::blocking::{Connection, RawReply};
use netlink_proto::RequestOptions;
use netlink_sys::{Namespace, Protocol};

// linux/rtnetlink.h and linux/if_link.h
const RTM_GETLINK: u16 = 18;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_OPERSTATE: u16 = 16;
const IFLA_LINKINFO: u16 = 18;
const IFLA_INFO_KIND: u16 = 1;
const IFINFOMSG_LEN: usize = 16;

/// `IF_OPER_*` (linux/if.h), in order.
const OPERSTATES: [&str; 7] = [
    "UNKNOWN",
    "NOTPRESENT",
    "DOWN",
    "LOWERLAYERDOWN",
    "TESTING",
    "DORMANT",
    "UP",
];

fn describe(message: RawMessage<'_>) -> Result<String, String> {
    let payload = message.payload;
    let Some(ifinfo) = payload.get(..IFINFOMSG_LEN) else {
        return Err(format!("message at offset {} is too short", message.offset));
    };
    let index = i32::from_ne_bytes([ifinfo[4], ifinfo[5], ifinfo[6], ifinfo[7]]);
    let link_type = u16::from_ne_bytes([ifinfo[2], ifinfo[3]]);
    let flags = u32::from_ne_bytes([ifinfo[8], ifinfo[9], ifinfo[10], ifinfo[11]]);
    let mut line = format!("{index}: ");
    let (mut name, mut mtu, mut state, mut kind, mut address) = ("?", 0, "UNKNOWN", None, None);
    for nla in NlaIter::with_base(&payload[IFINFOMSG_LEN..], IFINFOMSG_LEN) {
        let nla = nla.map_err(|e| e.to_string())?;
        match nla.kind() {
            IFLA_IFNAME => name = nla.as_str().unwrap_or("?"),
            IFLA_MTU => mtu = nla.as_u32().unwrap_or(0),
            IFLA_OPERSTATE => {
                state = OPERSTATES
                    .get(usize::from(nla.as_u8().unwrap_or(0)))
                    .copied()
                    .unwrap_or("UNKNOWN")
            }
            IFLA_ADDRESS => address = nla.get::<MacAddr>().ok(),
            IFLA_LINKINFO => {
                kind = nla
                    .nested()
                    .flatten()
                    .find(|info| info.kind() == IFLA_INFO_KIND)
                    .and_then(|info| info.as_str().ok())
            }
            _ => {}
        }
    }
    let up = if flags & 1 != 0 { "UP" } else { "DOWN" };
    line.push_str(&format!("{name}: <{up}> mtu {mtu} state {state}"));
    if let Some(kind) = kind {
        line.push_str(&format!(" kind {kind}"));
    }
    if let Some(address) = address {
        // ARPHRD_ETHER and ARPHRD_LOOPBACK (linux/if_arp.h); others by number.
        match link_type {
            1 => line.push_str(&format!(" link/ether {address}")),
            772 => line.push_str(&format!(" link/loopback {address}")),
            other => line.push_str(&format!(" link/{other} {address}")),
        }
    }
    Ok(line)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let namespace = match args.as_slice() {
        [] => None,
        [flag, name] if flag == "--netns" => Some(Namespace::Named(name.clone())),
        _ => {
            eprintln!("usage: list_links [--netns NAME]");
            return ExitCode::from(2);
        }
    };
    let connection = match &namespace {
        None => Connection::new(Protocol::Route),
        Some(ns) => Connection::new_in_namespace(Protocol::Route, ns),
    };
    let mut connection = match connection {
        Ok(connection) => connection,
        Err(error) => {
            eprintln!("list_links: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut request = NetlinkHeader {
        length: (NetlinkHeader::LEN + IFINFOMSG_LEN) as u32,
        message_type: RTM_GETLINK,
        ..Default::default()
    }
    .to_bytes()
    .to_vec();
    request.extend([0u8; IFINFOMSG_LEN]);
    let mut lines = Vec::new();
    let result = connection.request_raw(request, RequestOptions::dump(), |reply| match reply {
        RawReply::Message(message) => lines.push(describe(message)),
        RawReply::Restarted => lines.clear(),
    });
    if let Err(error) = result {
        eprintln!("list_links: {error}");
        return ExitCode::FAILURE;
    }
    for line in lines {
        match line {
            Ok(line) => println!("{line}"),
            Err(error) => eprintln!("list_links: skipped a link: {error}"),
        }
    }
    ExitCode::SUCCESS
}
