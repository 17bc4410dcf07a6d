//! Benchmark contender `raw`: the floor. Plain `socket`/`send`/`recv` on a
//! `NETLINK_ROUTE` socket, one 32 KiB receive buffer, and nothing decoded
//! but the netlink headers (`struct nlmsghdr`, linux/netlink.h).
//!
//! - dumps (`route-dump`, `link-dump`, `address-dump`): one `RTM_GET*`
//!   request with `NLM_F_DUMP`, then `recv` until `NLMSG_DONE`, counting the
//!   `RTM_NEW*` messages; an `NLMSG_ERROR` fails.
//! - `route-add-del`: R hand-built `RTM_NEWROUTE` (`rtmsg` + `RTA_DST` +
//!   `RTA_OIF`), each sent and its ACK read and checked, then R
//!   `RTM_DELROUTE` the same way.
//! - `route-add-del-batched`: the same messages, [`BATCH`] per `send`, each
//!   with its own sequence number; only the last of each `send` asks for an
//!   ACK (`NLM_F_ACK`): the kernel handles a datagram's requests in order
//!   before `send` returns and reports every failure unasked, so that ACK
//!   (read and checked, with any error before it) ends the whole batch
//!   before the next one goes. One ACK per datagram is the floor of
//!   batching, and what this project's batches do.
//!
//! The socket is opened inside the namespace: the process enters it first
//! (`setns` on the only thread: this is a one-shot process).
//!
//! Usage: `raw --netns NAME WORKLOAD [--count R]`; the contract is in
//! bench/README.md.

use std::ffi::CString;
use std::io;
use std::net::Ipv4Addr;
use std::process::ExitCode;

// linux/netlink.h
const NLMSG_HDRLEN: usize = 16;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLM_F_REQUEST: u16 = 0x01;
const NLM_F_ACK: u16 = 0x04;
const NLM_F_DUMP: u16 = 0x100 | 0x200;
const NLM_F_EXCL: u16 = 0x200;
const NLM_F_CREATE: u16 = 0x400;
// linux/rtnetlink.h
const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_GETADDR: u16 = 22;
const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const RTM_GETROUTE: u16 = 26;
const RT_TABLE_MAIN: u8 = 254;
const RTPROT_STATIC: u8 = 4;
const RT_SCOPE_LINK: u8 = 253;
const RT_SCOPE_NOWHERE: u8 = 255;
const RTN_UNICAST: u8 = 1;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
/// `struct rtmsg`, `struct ifinfomsg`, `struct ifaddrmsg`.
const RTMSG_LEN: usize = 12;
const IFINFOMSG_LEN: usize = 16;
const IFADDRMSG_LEN: usize = 8;
/// A route request: header, rtmsg, RTA_DST (4 + 4), RTA_OIF (4 + 4).
const ROUTE_MSG_LEN: usize = NLMSG_HDRLEN + RTMSG_LEN + 8 + 8;

/// The receive buffer: the largest datagram the kernel builds for a dump.
const RECV_LEN: usize = 32 * 1024;
/// Route requests per `send` in `route-add-del-batched`.
const BATCH: usize = 64;
/// The largest R (the 198.18.0.0/16 block).
const MAX_COUNT: u32 = 65_536;

type Result<T> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args = match Args::parse() {
        Ok(args) => args,
        Err(error) => {
            eprintln!("raw: {error}");
            eprintln!("usage: raw --netns NAME WORKLOAD [--count R]");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(count) => {
            println!("{count}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("raw: {} in {}: {error}", args.workload, args.netns);
            ExitCode::FAILURE
        }
    }
}

struct Args {
    netns: String,
    workload: String,
    count: u32,
}

impl Args {
    fn parse() -> Result<Args> {
        let (mut netns, mut workload, mut count) = (None, None, 10_000);
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--netns" => netns = Some(args.next().ok_or("--netns needs a name")?),
                "--count" => {
                    let value = args.next().ok_or("--count needs a number")?;
                    count = value
                        .parse()
                        .ok()
                        .filter(|&c| c <= MAX_COUNT)
                        .ok_or(format!("--count {value:?}: a number up to {MAX_COUNT}"))?;
                }
                _ if workload.is_none() && !arg.starts_with('-') => workload = Some(arg),
                _ => return Err(format!("unexpected argument {arg:?}")),
            }
        }
        Ok(Args {
            netns: netns.ok_or("--netns NAME is required")?,
            workload: workload.ok_or("no workload given")?,
            count,
        })
    }
}

fn run(args: &Args) -> Result<u32> {
    enter_namespace(&args.netns)?;
    let socket = Socket::new()?;
    match args.workload.as_str() {
        "route-dump" => dump(&socket, RTM_GETROUTE, RTM_NEWROUTE, RTMSG_LEN),
        "link-dump" => dump(&socket, RTM_GETLINK, RTM_NEWLINK, IFINFOMSG_LEN),
        "address-dump" => dump(&socket, RTM_GETADDR, RTM_NEWADDR, IFADDRMSG_LEN),
        "route-add-del" => add_del(&socket, args.count, 1),
        "route-add-del-batched" => add_del(&socket, args.count, BATCH),
        other => Err(format!("unknown workload {other:?}")),
    }
}

/// Moves this (single-threaded) process into `/run/netns/NAME`.
fn enter_namespace(name: &str) -> Result<()> {
    let path = format!("/run/netns/{name}");
    let c_path = CString::new(path.as_str()).map_err(|_| format!("bad namespace {name:?}"))?;
    // SAFETY: `c_path` is a valid NUL-terminated string for the call.
    let fd = unsafe { libc::open(c_path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(format!("open {path}: {}", io::Error::last_os_error()));
    }
    // SAFETY: `fd` is an open namespace file; setns only reads it.
    let entered = unsafe { libc::setns(fd, libc::CLONE_NEWNET) };
    let error = io::Error::last_os_error();
    // SAFETY: `fd` is ours and closed once.
    unsafe { libc::close(fd) };
    if entered != 0 {
        return Err(format!("setns {path}: {error}"));
    }
    Ok(())
}

/// A `NETLINK_ROUTE` socket, closed on drop.
struct Socket {
    fd: libc::c_int,
}

impl Socket {
    fn new() -> Result<Socket> {
        // SAFETY: plain socket(2) with constant arguments.
        let fd = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                libc::NETLINK_ROUTE,
            )
        };
        if fd < 0 {
            return Err(format!("socket: {}", io::Error::last_os_error()));
        }
        Ok(Socket { fd })
    }

    /// Sends one datagram to the kernel (an unconnected netlink socket
    /// sends to port 0 and is bound on first use).
    fn send(&self, bytes: &[u8]) -> Result<()> {
        // SAFETY: `bytes` is valid for reads of its length.
        let n = unsafe { libc::send(self.fd, bytes.as_ptr().cast(), bytes.len(), 0) };
        if n < 0 {
            return Err(format!("send: {}", io::Error::last_os_error()));
        }
        if n as usize != bytes.len() {
            return Err(format!("send: {n} of {} bytes sent", bytes.len()));
        }
        Ok(())
    }

    /// Receives one datagram into `buf`; a datagram larger than `buf` is an
    /// error (`MSG_TRUNC` makes `recv` return its real length).
    fn recv<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8]> {
        loop {
            // SAFETY: `buf` is valid for writes of its length.
            let n =
                unsafe { libc::recv(self.fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_TRUNC) };
            if n < 0 {
                let error = io::Error::last_os_error();
                if error.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(format!("recv: {error}"));
            }
            let n = n as usize;
            if n > buf.len() {
                return Err(format!(
                    "recv: a {n}-byte datagram for a {}-byte buffer",
                    buf.len()
                ));
            }
            return Ok(&buf[..n]);
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // SAFETY: the descriptor is ours and closed once.
        unsafe { libc::close(self.fd) };
    }
}

/// `struct nlmsghdr`, read from the wire (host byte order).
struct Header {
    kind: u16,
    seq: u32,
}

/// The messages of one datagram: each header and its payload. A length that
/// does not fit the datagram is an error.
fn messages(datagram: &[u8]) -> impl Iterator<Item = Result<(Header, &[u8])>> {
    let mut rest = datagram;
    std::iter::from_fn(move || {
        if rest.len() < NLMSG_HDRLEN {
            return None;
        }
        let len = u32::from_ne_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        if len < NLMSG_HDRLEN || len > rest.len() {
            rest = &[];
            return Some(Err(format!("a message of length {len} in a datagram")));
        }
        let header = Header {
            kind: u16::from_ne_bytes([rest[4], rest[5]]),
            seq: u32::from_ne_bytes([rest[8], rest[9], rest[10], rest[11]]),
        };
        let payload = &rest[NLMSG_HDRLEN..len];
        // NLMSG_ALIGN: messages start on 4-byte boundaries.
        rest = rest.get((len + 3) & !3..).unwrap_or(&[]);
        Some(Ok((header, payload)))
    })
}

/// The `error` field of `struct nlmsgerr`: 0 for an ACK, `-errno` else.
fn error_code(payload: &[u8]) -> Result<i32> {
    match payload.get(..4) {
        Some(b) => Ok(i32::from_ne_bytes([b[0], b[1], b[2], b[3]])),
        None => Err("a truncated NLMSG_ERROR".to_owned()),
    }
}

fn errno_text(code: i32) -> String {
    format!("{} (errno {})", io::Error::from_raw_os_error(-code), -code)
}

/// Writes a `struct nlmsghdr` for a message of `len` bytes (port id 0: the
/// kernel fills in ours).
fn put_header(buf: &mut Vec<u8>, len: usize, kind: u16, flags: u16, seq: u32) {
    buf.extend_from_slice(&(len as u32).to_ne_bytes());
    buf.extend_from_slice(&kind.to_ne_bytes());
    buf.extend_from_slice(&flags.to_ne_bytes());
    buf.extend_from_slice(&seq.to_ne_bytes());
    buf.extend_from_slice(&0u32.to_ne_bytes());
}

/// Dumps with `get` and a zeroed family header of `header_len` bytes
/// (family `AF_INET` for routes and addresses, `AF_UNSPEC` for links),
/// counting the `new` messages until `NLMSG_DONE`.
fn dump(socket: &Socket, get: u16, new: u16, header_len: usize) -> Result<u32> {
    const SEQ: u32 = 1;
    let mut request = Vec::with_capacity(NLMSG_HDRLEN + header_len);
    put_header(
        &mut request,
        NLMSG_HDRLEN + header_len,
        get,
        NLM_F_REQUEST | NLM_F_DUMP,
        SEQ,
    );
    let mut family = vec![0u8; header_len];
    if get != RTM_GETLINK {
        // rtm_family / ifa_family: the first byte of rtmsg and ifaddrmsg.
        family[0] = libc::AF_INET as u8;
    }
    request.extend_from_slice(&family);
    socket.send(&request)?;
    let mut buf = vec![0u8; RECV_LEN];
    let mut count = 0u32;
    loop {
        let datagram = socket.recv(&mut buf)?;
        for message in messages(datagram) {
            let (header, payload) = message?;
            if header.seq != SEQ {
                return Err(format!("a reply with sequence number {}", header.seq));
            }
            match header.kind {
                NLMSG_DONE => return Ok(count),
                NLMSG_ERROR => {
                    return Err(format!(
                        "dump refused: {}",
                        errno_text(error_code(payload)?)
                    ))
                }
                kind if kind == new => count += 1,
                _ => {}
            }
        }
    }
}

/// Appends an `RTM_NEWROUTE` (`NLM_F_CREATE | NLM_F_EXCL`) or `RTM_DELROUTE`
/// for `dst/32 dev oif` in the main table, with `NLM_F_ACK` if `ack`.
fn put_route(buf: &mut Vec<u8>, add: bool, ack: bool, seq: u32, dst: Ipv4Addr, oif: u32) {
    let ack = if ack { NLM_F_ACK } else { 0 };
    let (kind, flags, protocol, scope, rtype) = if add {
        let flags = NLM_F_REQUEST | ack | NLM_F_CREATE | NLM_F_EXCL;
        (
            RTM_NEWROUTE,
            flags,
            RTPROT_STATIC,
            RT_SCOPE_LINK,
            RTN_UNICAST,
        )
    } else {
        // A delete matches any protocol and type; scope "nowhere" is the
        // wildcard too.
        (RTM_DELROUTE, NLM_F_REQUEST | ack, 0, RT_SCOPE_NOWHERE, 0)
    };
    put_header(buf, ROUTE_MSG_LEN, kind, flags, seq);
    // struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope,
    // type, flags (u32).
    let family = libc::AF_INET as u8;
    buf.extend_from_slice(&[family, 32, 0, 0, RT_TABLE_MAIN, protocol, scope, rtype]);
    buf.extend_from_slice(&0u32.to_ne_bytes());
    // struct rtattr: len (header + value), type; then the value.
    buf.extend_from_slice(&8u16.to_ne_bytes());
    buf.extend_from_slice(&RTA_DST.to_ne_bytes());
    buf.extend_from_slice(&dst.octets());
    buf.extend_from_slice(&8u16.to_ne_bytes());
    buf.extend_from_slice(&RTA_OIF.to_ne_bytes());
    buf.extend_from_slice(&oif.to_ne_bytes());
}

/// Route `i` of the workload: 198.18.(i / 256).(i % 256).
fn route_dst(i: u32) -> Ipv4Addr {
    Ipv4Addr::new(198, 18, (i / 256) as u8, (i % 256) as u8)
}

/// R adds then R deletes, `batch` requests per `send`, the last of each
/// asking for the ACK that ends them all, every answer checked.
fn add_del(socket: &Socket, count: u32, batch: usize) -> Result<u32> {
    let name = CString::new("bench0").map_err(|e| e.to_string())?;
    // SAFETY: `name` is a valid NUL-terminated string.
    let oif = unsafe { libc::if_nametoindex(name.as_ptr()) };
    if oif == 0 {
        return Err(format!("bench0: {}", io::Error::last_os_error()));
    }
    let mut out = Vec::with_capacity(ROUTE_MSG_LEN * batch);
    let mut buf = vec![0u8; RECV_LEN];
    let mut seq = 0u32;
    for add in [true, false] {
        let mut i = 0;
        while i < count {
            let n = (count - i).min(batch as u32);
            out.clear();
            let first_seq = seq + 1;
            for k in 0..n {
                seq += 1;
                put_route(&mut out, add, k + 1 == n, seq, route_dst(i + k), oif);
            }
            socket.send(&out)?;
            let mut acked = false;
            while !acked {
                let datagram = socket.recv(&mut buf)?;
                for message in messages(datagram) {
                    let (header, payload) = message?;
                    if header.kind != NLMSG_ERROR {
                        return Err(format!("message type {} instead of an ACK", header.kind));
                    }
                    if !(first_seq..=seq).contains(&header.seq) {
                        return Err(format!(
                            "answer to sequence number {} while waiting for {first_seq}..={seq}",
                            header.seq
                        ));
                    }
                    let dst = route_dst(i + header.seq.wrapping_sub(first_seq));
                    let code = error_code(payload)?;
                    if code != 0 {
                        let verb = if add { "add" } else { "delete" };
                        return Err(format!("{verb} {dst}/32: {}", errno_text(code)));
                    }
                    if header.seq != seq {
                        return Err(format!("an ACK for {dst}/32, which asked for none"));
                    }
                    acked = true;
                }
            }
            i += n;
        }
    }
    Ok(count)
}
