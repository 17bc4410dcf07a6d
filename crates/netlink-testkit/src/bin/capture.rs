//! Captures rtnetlink dumps from this machine's kernel as hex fixtures, one
//! message per file. Runs in a fresh network namespace (as root), after the
//! `ip` commands given with `--setup`.
//!
//! ```text
//! cargo run -p netlink-testkit --bin capture -- --out DIR --dump KIND \
//!     [--family N] [--ext-mask N] [--filter-mask N] [--name-prefix P] [--setup "link add v0 type veth peer name v1"]...
//! ```
//!
//! KIND is link, addr, route, neigh, rule, neightbl, addrlabel, netconf,
//! mdb, nsid, stats, nexthop, nhbucket or vlan. Link messages are named after their
//! interface (`v0.hex`), address messages after the interface index and
//! address (`addr-2-192.0.2.1.hex`), the others by position
//! (`PREFIXmessage-3.hex`).

use std::path::PathBuf;
use std::process::ExitCode;

use netlink_packet_core::nla::{NlaIter, NlaWriter};
use netlink_packet_core::{NetlinkHeader, NetlinkMessage, RawPayload};
use netlink_proto::blocking::{Connection, RawReply};
use netlink_proto::RequestOptions;
use netlink_sys::Protocol;
use netlink_testkit::fixtures::write_fixture;

struct Args {
    out: PathBuf,
    dump: String,
    family: u8,
    ext_mask: Option<u32>,
    filter_mask: Option<u32>,
    prefix: String,
    setup: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::new(),
        dump: "link".into(),
        family: 0,
        ext_mask: None,
        filter_mask: None,
        prefix: String::new(),
        setup: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--out" => args.out = PathBuf::from(value()?),
            "--dump" => args.dump = value()?,
            "--family" => args.family = value()?.parse().map_err(|e| format!("--family: {e}"))?,
            "--ext-mask" => {
                args.ext_mask = Some(value()?.parse().map_err(|e| format!("--ext-mask: {e}"))?)
            }
            "--filter-mask" => {
                args.filter_mask = Some(
                    value()?
                        .parse()
                        .map_err(|e| format!("--filter-mask: {e}"))?,
                )
            }
            "--name-prefix" => args.prefix = value()?,
            "--setup" => args.setup.push(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(args)
}

fn name_of(dump: &str, payload: &[u8], count: usize) -> String {
    if dump != "link" && dump != "addr" {
        return format!("message-{count}");
    }
    let (header_len, name_attr) = if dump == "link" { (16, 3) } else { (8, 2) };
    let attrs = payload.get(header_len..).unwrap_or(&[]);
    let found = NlaIter::new(attrs)
        .flatten()
        .find(|nla| nla.kind() == name_attr || (dump != "link" && nla.kind() == 1));
    match (dump, found) {
        ("link", Some(nla)) => nla.as_str().unwrap_or("unnamed").to_string(),
        (_, Some(nla)) => {
            let index = payload
                .get(4..8)
                .map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
            let ip = match nla.value().len() {
                4 => std::net::Ipv4Addr::from(<[u8; 4]>::try_from(nla.value()).unwrap_or_default())
                    .to_string(),
                16 => {
                    std::net::Ipv6Addr::from(<[u8; 16]>::try_from(nla.value()).unwrap_or_default())
                        .to_string()
                }
                _ => format!("{count}"),
            };
            format!("addr-{index}-{}", ip.replace(':', "_"))
        }
        _ => format!("message-{count}"),
    }
}

fn run(args: &Args) -> Result<usize, String> {
    for line in &args.setup {
        netlink_testkit::ip_ok(line).map_err(|e| format!("ip {line}: {e}"))?;
    }
    // RTM_GET* and the size of each family's fixed header (linux/rtnetlink.h
    // and the family headers).
    let (message_type, header_len) = match args.dump.as_str() {
        "link" => (18u16, 16usize),
        "addr" => (22, 8),
        "route" => (26, 12),
        "neigh" => (30, 12),
        "rule" => (34, 12),
        "neightbl" => (66, 4),
        "addrlabel" => (74, 12),
        "netconf" => (82, 4),
        "mdb" => (86, 8),
        "nsid" => (90, 4),
        "stats" => (94, 12),
        "nexthop" => (106, 8),
        "nhbucket" => (118, 8),
        "vlan" => (114, 8),
        other => {
            return Err(format!(
                "--dump {other}: link, addr, route, neigh, rule, neightbl, addrlabel, \
                 netconf, mdb, nsid, stats, nexthop, nhbucket or vlan"
            ))
        }
    };
    let mut payload = vec![0u8; header_len];
    payload[0] = args.family;
    if let Some(mask) = args.filter_mask {
        // if_stats_msg.filter_mask: which IFLA_STATS_* to return.
        payload[8..12].copy_from_slice(&mask.to_ne_bytes());
    }
    if let Some(mask) = args.ext_mask.filter(|_| args.dump == "link") {
        // IFLA_EXT_MASK (29): RTEXT_FILTER_* bits asking for more (VF, bridge VLANs, ...).
        NlaWriter::new(&mut payload).put_u32(29, mask);
    }
    let request = NetlinkMessage::from_inner(RawPayload {
        message_type,
        bytes: payload,
    });
    let mut connection = Connection::new(Protocol::Route).map_err(|e| e.to_string())?;
    let mut messages: Vec<Vec<u8>> = Vec::new();
    connection
        .request_raw(
            request.to_bytes(),
            RequestOptions::dump(),
            |reply| match reply {
                RawReply::Message(raw) => messages.push(raw.bytes.to_vec()),
                RawReply::Restarted => messages.clear(),
            },
        )
        .map_err(|e| e.to_string())?;
    let how = format!(
        "{} dump (family {}) in a fresh namespace after: {}",
        if args.dump == "link" {
            "RTM_GETLINK"
        } else {
            "RTM_GETADDR"
        },
        args.family,
        if args.setup.is_empty() {
            "nothing".to_string()
        } else {
            args.setup
                .iter()
                .map(|s| format!("ip {s}"))
                .collect::<Vec<_>>()
                .join("; ")
        }
    );
    for (count, bytes) in messages.iter().enumerate() {
        let payload = &bytes[NetlinkHeader::LEN..];
        let name = format!("{}{}.hex", args.prefix, name_of(&args.dump, payload, count));
        write_fixture(&args.out.join(&name), &how, bytes).map_err(|e| format!("{name}: {e}"))?;
        println!("{}", args.out.join(&name).display());
    }
    Ok(messages.len())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("capture: {e}");
            return ExitCode::from(2);
        }
    };
    match netlink_sys::netns::run_in_new(|| run(&args)) {
        Ok(Ok(_)) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("capture: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("capture: {e}");
            ExitCode::FAILURE
        }
    }
}
