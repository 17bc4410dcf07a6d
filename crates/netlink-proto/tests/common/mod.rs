//! Helpers for kernel tests: a fresh network namespace per test, `ip` to
//! set things up, and hand-built rtnetlink messages (typed route messages
//! belong to netlink-packet-route; the engine must not need them).
#![allow(dead_code)]

use std::process::Command;

use netlink_packet_core::nla::{NlaIter, NlaWriter};
use netlink_packet_core::{NetlinkMessage, NetlinkPayload, RawPayload};

pub const RTM_NEWLINK: u16 = 16;
pub const RTM_GETLINK: u16 = 18;
pub const IFLA_IFNAME: u16 = 3;
pub const IFLA_LINKINFO: u16 = 18;
pub const IFLA_INFO_KIND: u16 = 1;
pub const RTNLGRP_LINK: u32 = 1;

/// Runs `f` on a thread inside a brand-new network namespace; children
/// started there (`ip`) share it.
pub fn in_new_netns<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    assert!(
        unsafe_free_is_root(),
        "kernel tests need root (CAP_SYS_ADMIN for unshare, CAP_NET_ADMIN for links)"
    );
    netlink_sys::netns::run_in_new(f).expect("cannot create a network namespace")
}

fn unsafe_free_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// Runs `ip ARGS`, failing the test with ip's message if it fails.
pub fn ip(args: &str) {
    let out = Command::new("ip")
        .args(args.split_whitespace())
        .output()
        .expect("cannot run ip");
    assert!(
        out.status.success(),
        "ip {args}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `ip -batch -` with these lines.
pub fn ip_batch(lines: &str) {
    use std::io::Write;
    let mut child = Command::new("ip")
        .args(["-batch", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("cannot run ip");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "ip -batch failed");
}

/// `ifinfomsg` (linux/rtnetlink.h): family, type, index, flags, change.
pub fn ifinfomsg(index: i32) -> Vec<u8> {
    let mut b = vec![0u8; 16];
    b[4..8].copy_from_slice(&index.to_ne_bytes());
    b
}

/// RTM_GETLINK with an empty ifinfomsg: as a dump, every link.
pub fn getlink(index: i32) -> NetlinkMessage<RawPayload> {
    NetlinkMessage::from_inner(RawPayload {
        message_type: RTM_GETLINK,
        bytes: ifinfomsg(index),
    })
}

/// RTM_NEWLINK creating `name` of link kind `kind`.
pub fn newlink(name: &str, kind: &str) -> NetlinkMessage<RawPayload> {
    let mut bytes = ifinfomsg(0);
    let mut w = NlaWriter::new(&mut bytes);
    w.put_str(IFLA_IFNAME, name);
    let info = w.begin_nested(IFLA_LINKINFO);
    w.put_str(IFLA_INFO_KIND, kind);
    w.end_nested(info);
    let mut message = NetlinkMessage::from_inner(RawPayload {
        message_type: RTM_NEWLINK,
        bytes,
    });
    // NLM_F_CREATE | NLM_F_EXCL
    message.header.flags = netlink_packet_core::NetlinkFlags::from_bits(0x600);
    message
}

/// The ifindex of an RTM_NEWLINK payload.
pub fn link_index(payload: &[u8]) -> i32 {
    i32::from_ne_bytes(payload[4..8].try_into().unwrap())
}

/// The IFLA_IFNAME of an RTM_NEWLINK payload.
pub fn link_name(payload: &[u8]) -> String {
    NlaIter::with_base(&payload[16..], 16)
        .map(|nla| nla.unwrap())
        .find(|nla| nla.kind() == IFLA_IFNAME)
        .map(|nla| nla.as_str().unwrap().to_string())
        .expect("RTM_NEWLINK without IFLA_IFNAME")
}

/// The name of a link message, for messages carrying RawPayload.
pub fn name_of(message: &NetlinkMessage<RawPayload>) -> String {
    match &message.payload {
        NetlinkPayload::Inner(raw) => {
            assert_eq!(raw.message_type, RTM_NEWLINK);
            link_name(&raw.bytes)
        }
        other => panic!("not a link message: {other:?}"),
    }
}

/// What `ip -j link show` prints, parsed.
pub fn ip_links() -> Vec<serde_json::Value> {
    let out = Command::new("ip")
        .args(["-j", "link", "show"])
        .output()
        .expect("cannot run ip");
    serde_json::from_slice(&out.stdout).expect("ip -j prints JSON")
}

/// The links `ip -j link show` lists, by name.
pub fn ip_link_names() -> Vec<String> {
    ip_links()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_string())
        .collect()
}

/// The links `ip -j link show` lists, by ifindex.
pub fn ip_link_indexes() -> Vec<i32> {
    ip_links()
        .iter()
        .map(|l| l["ifindex"].as_i64().unwrap() as i32)
        .collect()
}

/// `v`, sorted.
pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// `ip link add` lines for `count` veth pairs named `{prefix}{i}a`/`{prefix}{i}b`.
pub fn veth_pairs(prefix: &str, count: usize) -> String {
    (0..count)
        .map(|i| format!("link add {prefix}{i}a type veth peer name {prefix}{i}b\n"))
        .collect()
}
