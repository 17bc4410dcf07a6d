//! Helpers shared by the kernel tests: root check, hand-made netlink
//! requests, a tiny message walker and `ip` invocations.
#![allow(dead_code)]

use std::io;
use std::os::fd::AsRawFd;
use std::process::Command;

use netlink_sys::Socket;

/// `RTM_NEWLINK`
pub const RTM_NEWLINK: u16 = 16;
/// `RTM_GETLINK`
pub const RTM_GETLINK: u16 = 18;
/// `NLMSG_ERROR`
pub const NLMSG_ERROR: u16 = 2;
/// `NLMSG_DONE`
pub const NLMSG_DONE: u16 = 3;
/// `NLM_F_REQUEST | NLM_F_DUMP`
pub const NLM_F_REQUEST_DUMP: u16 = 0x301;
/// `IFLA_IFNAME`
pub const IFLA_IFNAME: u16 = 3;
/// `RTNLGRP_LINK`
pub const RTNLGRP_LINK: u32 = 1;

/// Fails the test (never skips it) when not running as root.
pub fn require_root() {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let euid = unsafe { libc::geteuid() };
    assert_eq!(
        euid, 0,
        "this kernel test needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create \
         network namespaces and interfaces); run it as root, e.g. `sudo -E cargo test -p netlink-sys`"
    );
}

/// An `RTM_GETLINK` dump request: 16-byte nlmsghdr + 16-byte ifinfomsg
/// (family AF_UNSPEC).
pub fn getlink_request(seq: u32) -> Vec<u8> {
    let mut request = Vec::with_capacity(32);
    request.extend_from_slice(&32u32.to_ne_bytes());
    request.extend_from_slice(&RTM_GETLINK.to_ne_bytes());
    request.extend_from_slice(&NLM_F_REQUEST_DUMP.to_ne_bytes());
    request.extend_from_slice(&seq.to_ne_bytes());
    request.extend_from_slice(&0u32.to_ne_bytes());
    request.extend_from_slice(&[0u8; 16]);
    request
}

/// An `RTM_GETLINK` request for the single link with index `ifindex`,
/// asking for an acknowledgement (`NLM_F_REQUEST | NLM_F_ACK`).
pub fn getlink_one_request(seq: u32, ifindex: i32) -> Vec<u8> {
    let mut request = Vec::with_capacity(32);
    request.extend_from_slice(&32u32.to_ne_bytes());
    request.extend_from_slice(&RTM_GETLINK.to_ne_bytes());
    request.extend_from_slice(&0x5u16.to_ne_bytes());
    request.extend_from_slice(&seq.to_ne_bytes());
    request.extend_from_slice(&0u32.to_ne_bytes());
    // ifinfomsg: family, pad, type, index, flags, change
    request.extend_from_slice(&[0u8; 4]);
    request.extend_from_slice(&ifindex.to_ne_bytes());
    request.extend_from_slice(&[0u8; 8]);
    request
}

/// One netlink message, header decoded.
#[derive(Debug, Clone)]
pub struct Message {
    pub kind: u16,
    pub flags: u16,
    pub seq: u32,
    pub port: u32,
    pub payload: Vec<u8>,
}

fn u16_at(buf: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes(buf[at..at + 2].try_into().unwrap())
}

fn u32_at(buf: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(buf[at..at + 4].try_into().unwrap())
}

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// Splits a datagram into its netlink messages; panics on malformed input.
pub fn parse_messages(datagram: &[u8]) -> Vec<Message> {
    let mut messages = Vec::new();
    let mut at = 0;
    while at + 16 <= datagram.len() {
        let len = u32_at(datagram, at) as usize;
        assert!(
            len >= 16 && at + len <= datagram.len(),
            "bad nlmsg_len {len} at {at} in a {}-byte datagram",
            datagram.len()
        );
        messages.push(Message {
            kind: u16_at(datagram, at + 4),
            flags: u16_at(datagram, at + 6),
            seq: u32_at(datagram, at + 8),
            port: u32_at(datagram, at + 12),
            payload: datagram[at + 16..at + len].to_vec(),
        });
        at += align4(len);
    }
    assert_eq!(at, align4(datagram.len()), "trailing bytes in datagram");
    messages
}

/// The `IFLA_IFNAME` of an `RTM_NEWLINK` payload (ifinfomsg + attributes).
pub fn ifname(payload: &[u8]) -> Option<String> {
    let mut at = 16;
    while at + 4 <= payload.len() {
        let len = u16_at(payload, at) as usize;
        let kind = u16_at(payload, at + 2) & 0x3fff;
        if len < 4 || at + len > payload.len() {
            return None;
        }
        if kind == IFLA_IFNAME {
            let value = &payload[at + 4..at + len];
            let end = value.iter().position(|&b| b == 0).unwrap_or(value.len());
            return Some(String::from_utf8_lossy(&value[..end]).into_owned());
        }
        at += align4(len);
    }
    None
}

/// Accumulates the replies to one or more dump requests.
#[derive(Debug, Default)]
pub struct Dump {
    /// Interface names, in arrival order.
    pub names: Vec<String>,
    /// Sequence numbers seen on RTM_NEWLINK messages.
    pub seqs: Vec<u32>,
    /// Sequence numbers of the NLMSG_DONE messages.
    pub dones: Vec<u32>,
    /// Sequence numbers of acknowledgements (NLMSG_ERROR with error 0).
    pub acks: Vec<u32>,
    /// (sequence number, negative errno) of NLMSG_ERROR messages.
    pub errors: Vec<(u32, i32)>,
    /// Types of the first message of every datagram.
    pub first_types: Vec<u16>,
    /// Number of datagrams fed.
    pub datagrams: usize,
}

impl Dump {
    /// Feeds one datagram.
    pub fn feed(&mut self, datagram: &[u8]) {
        let messages = parse_messages(datagram);
        assert!(!messages.is_empty(), "empty datagram");
        self.datagrams += 1;
        self.first_types.push(messages[0].kind);
        for message in messages {
            match message.kind {
                RTM_NEWLINK => {
                    self.seqs.push(message.seq);
                    self.names
                        .push(ifname(&message.payload).expect("link without IFLA_IFNAME"));
                }
                NLMSG_DONE => self.dones.push(message.seq),
                NLMSG_ERROR => {
                    let code = i32::from_ne_bytes(message.payload[..4].try_into().unwrap());
                    if code == 0 {
                        self.acks.push(message.seq);
                    } else {
                        self.errors.push((message.seq, code));
                    }
                }
                other => panic!("unexpected message type {other}"),
            }
        }
    }

    /// Number of answers that end a request: DONE, ACK or error.
    pub fn finished(&self) -> usize {
        self.dones.len() + self.acks.len() + self.errors.len()
    }

    /// Whether the link `name` was listed.
    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }
}

/// Receives until `requests` requests are finished (NLMSG_DONE, ACK or
/// error), checking each datagram comes from the kernel whole.
pub fn collect_answers(socket: &Socket, requests: usize) -> Dump {
    let mut dump = Dump::default();
    let mut buf = Vec::new();
    while dump.finished() < requests {
        let info = socket.recv_datagram(&mut buf).expect("recv_datagram");
        assert_eq!(info.sender.port_id(), 0, "dump reply not from the kernel");
        assert!(!info.truncated);
        assert_eq!(info.len, buf.len());
        dump.feed(&buf);
    }
    dump
}

/// Receives until `dones` dumps have completed; panics on NLMSG_ERROR.
pub fn collect_dump(socket: &Socket, dones: usize) -> Dump {
    let dump = collect_answers(socket, dones);
    assert!(
        dump.errors.is_empty(),
        "kernel answered NLMSG_ERROR: {:?}",
        dump.errors
    );
    assert_eq!(dump.dones.len(), dones);
    dump
}

/// Sends an RTM_GETLINK dump and collects the answer.
pub fn dump_links(socket: &Socket, seq: u32) -> Dump {
    let request = getlink_request(seq);
    assert_eq!(socket.send(&request, 0).expect("send"), request.len());
    collect_dump(socket, 1)
}

/// Makes blocking receives fail after `secs` seconds instead of hanging the
/// test forever.
pub fn set_recv_timeout(socket: &Socket, secs: i64) {
    let tv = libc::timeval {
        tv_sec: secs as libc::time_t,
        tv_usec: 0,
    };
    // SAFETY: `tv` is a live timeval passed with its exact size; the kernel
    // only reads it.
    let ret = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            (&tv as *const libc::timeval).cast(),
            std::mem::size_of::<libc::timeval>() as libc::socklen_t,
        )
    };
    assert_eq!(ret, 0, "SO_RCVTIMEO: {}", io::Error::last_os_error());
}

/// Ends the whole test process with a failure if it is still running after
/// `secs` seconds, so that a lost wake-up fails the test instead of hanging
/// CI. Only for test binaries holding a single test.
pub fn watchdog(secs: u64) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(secs));
        eprintln!("test still running after {secs} s: giving up (lost wake-up?)");
        std::process::exit(101);
    });
}

/// Runs `ip ARGS...` and panics with its output if it fails.
pub fn ip(args: &[&str]) {
    let output = Command::new("ip").args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run `ip {}`: {e} (is iproute2 installed?)",
            args.join(" ")
        )
    });
    assert!(
        output.status.success(),
        "`ip {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The calling thread's network namespace, as `net:[INODE]`.
pub fn thread_netns() -> String {
    std::fs::read_link("/proc/thread-self/ns/net")
        .unwrap()
        .to_string_lossy()
        .into_owned()
}
