//! `nlctl monitor`: print changes as they happen, one line (text) or one
//! JSON object per line (`-j`) per event, each written as soon as it
//! arrives.
//!
//! Objects are rendered by the same code as their `show` commands, so a
//! monitored link reads like `nlctl link show` (with `-d` and `-s` as
//! given). Deletions say so: `Deleted ` before the text, as `ip monitor`
//! does, and `"deleted": true` in JSON (the key iproute2 uses). When the
//! kernel drops notifications (the socket's buffer overflowed), a line
//! says so instead of the loss going unseen.

use netlink_packet_core::NetlinkSerializable;
use rtnetlink::monitor::{Event, Groups, Monitor};
use rtnetlink::Namespace;
use serde_json::{json, Map, Value};

use netlink_packet_route::family::{AF_INET, AF_INET6};
use netlink_packet_route::rtnlgrp::RtnlGroup;
use netlink_packet_route::RouteNetlinkMessage;

use crate::context::Family;
use crate::error::kernel;
use crate::{address, link, neighbour, nexthop, route, rule};
use crate::{CliError, Context, Words};

/// What can be monitored, in the order `ip monitor` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    Link,
    Address,
    Route,
    Neighbour,
    Rule,
    Nexthop,
}

impl Object {
    const ALL: [Object; 6] = [
        Object::Link,
        Object::Address,
        Object::Route,
        Object::Neighbour,
        Object::Rule,
        Object::Nexthop,
    ];

    fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "link" => Object::Link,
            "address" | "addr" | "a" => Object::Address,
            "route" | "r" => Object::Route,
            "neigh" | "neighbour" | "neighbor" | "n" => Object::Neighbour,
            "rule" => Object::Rule,
            "nexthop" | "nh" => Object::Nexthop,
            _ => return None,
        })
    }

    /// The `"object"` value in JSON.
    fn name(self) -> &'static str {
        match self {
            Object::Link => "link",
            Object::Address => "address",
            Object::Route => "route",
            Object::Neighbour => "neigh",
            Object::Rule => "rule",
            Object::Nexthop => "nexthop",
        }
    }

    /// The prefix `ip monitor` (of everything) puts before each line.
    fn banner(self) -> &'static str {
        match self {
            Object::Link => "[LINK]",
            Object::Address => "[ADDR]",
            Object::Route => "[ROUTE]",
            Object::Neighbour => "[NEIGH]",
            Object::Rule => "[RULE]",
            Object::Nexthop => "[NEXTHOP]",
        }
    }

    /// The groups carrying this object's changes; `-4` / `-6` leave out
    /// the other family's groups where the kernel keeps them apart.
    fn groups(self, family: Family) -> Groups {
        let v4 = family != Family::V6;
        let v6 = family != Family::V4;
        let pick = |four: RtnlGroup, six: RtnlGroup| {
            let groups = Groups::new();
            let groups = if v4 { groups.with(four) } else { groups };
            if v6 {
                groups.with(six)
            } else {
                groups
            }
        };
        match self {
            Object::Link => Groups::links(),
            Object::Address => pick(RtnlGroup::Ipv4Ifaddr, RtnlGroup::Ipv6Ifaddr),
            Object::Route => pick(RtnlGroup::Ipv4Route, RtnlGroup::Ipv6Route),
            Object::Neighbour => Groups::neighbours(),
            Object::Rule => pick(RtnlGroup::Ipv4Rule, RtnlGroup::Ipv6Rule),
            Object::Nexthop => Groups::new().with(RtnlGroup::Nexthop),
        }
    }
}

/// What `monitor`'s words asked for.
#[derive(Debug, PartialEq)]
struct Request {
    objects: Vec<Object>,
    /// Prefix lines with the object (`[LINK]`), as `ip monitor` does when
    /// it watches everything.
    banner: bool,
    /// Stop after this many events.
    count: Option<u64>,
}

fn parse(words: Vec<String>) -> Result<Request, CliError> {
    let mut words = Words::new("monitor", words);
    let mut objects = Vec::new();
    let mut all = false;
    let mut count = None;
    while let Some(word) = words.next().map(str::to_owned) {
        match word.as_str() {
            "all" => all = true,
            "count" => count = Some(words.parse("count", "a number of events")?),
            word => match Object::from_word(word) {
                Some(object) if !objects.contains(&object) => objects.push(object),
                Some(_) => {}
                None => return Err(words.unknown(word)),
            },
        }
    }
    let banner = all || objects.is_empty();
    if banner {
        objects = Object::ALL.to_vec();
    }
    Ok(Request {
        objects,
        banner,
        count,
    })
}

/// Runs `nlctl monitor [OBJECT]... [count N]`: until interrupted, or until
/// `count` events were printed.
pub fn run(ctx: &mut Context, words: Vec<String>) -> Result<(), CliError> {
    let request = parse(words)?;
    let family = ctx.options.family;
    let groups = request
        .objects
        .iter()
        .fold(Groups::new(), |groups, object| {
            groups.union(&object.groups(family))
        });
    let mut monitor = match &ctx.options.netns {
        Some(name) => Monitor::new_in_namespace(&Namespace::Named(name.into()), &groups),
        None => Monitor::new(&groups),
    }
    .map_err(|e| kernel("monitor", e))?;
    if let Some(bytes) = ctx.options.rcvbuf {
        // As root past `net.core.rmem_max` too, as `ip -rcvbuf` does.
        let socket = monitor.socket();
        socket
            .set_recv_buffer_size_force(bytes)
            .or_else(|_| socket.set_recv_buffer_size(bytes))
            .map_err(|e| {
                CliError::failed(format!("monitor: receive buffer of {bytes} bytes: {e}"))
            })?;
    }

    let mut printed = 0u64;
    while request.count.map_or(true, |count| printed < count) {
        let Some(event) = monitor.next_event(None).map_err(|e| kernel("monitor", e))? else {
            continue;
        };
        let Some(line) = render(ctx, &event, &request) else {
            continue;
        };
        match ctx.out.emit_now(&line.json, &line.text) {
            Ok(()) => printed += 1,
            // The reader went away (`nlctl monitor | head -3`): done.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(CliError::failed(format!("stdout: {e}"))),
        }
    }
    Ok(())
}

/// One event as printed: the form not asked for is left empty.
#[derive(Debug, Default)]
struct Line {
    json: Value,
    text: String,
}

/// The line for `event`, or `None` for a notification the request leaves
/// out (the other family's neighbours or next hops under `-4` / `-6`).
fn render(ctx: &mut Context, event: &Event, request: &Request) -> Option<Line> {
    let json = ctx.out.is_json();
    let line = match event {
        Event::Message(message) => return render_message(ctx, message, request),
        Event::Overrun => Line {
            json: json!({"overrun": true}),
            text: "Overrun: the kernel dropped notifications; \
                   dump again to see the current state"
                .into(),
        },
        Event::Invalid(error) => Line {
            json: json!({"invalid": error.to_string()}),
            text: format!("Invalid notification: {error}"),
        },
        Event::Control(message) => Line {
            json: json!({"control": message.header.message_type}),
            text: format!(
                "Control message {} (not a notification)",
                message.header.message_type
            ),
        },
    };
    Some(if json {
        Line {
            json: line.json,
            text: String::new(),
        }
    } else {
        Line {
            json: Value::Null,
            text: line.text,
        }
    })
}

fn render_message(
    ctx: &mut Context,
    message: &RouteNetlinkMessage,
    request: &Request,
) -> Option<Line> {
    use RouteNetlinkMessage as M;
    let family = ctx.options.family;
    let keeps = |af: u8| match family {
        Family::Any => true,
        Family::V4 => af == AF_INET,
        Family::V6 => af == AF_INET6,
    };
    let json = ctx.out.is_json();
    // Each arm: (object, deleted, rendering).
    macro_rules! render {
        ($object:expr, $deleted:expr, $module:ident, $m:expr) => {{
            let value = if json {
                $module::to_json(ctx, $m)
            } else {
                Value::Null
            };
            let text = if json {
                String::new()
            } else {
                $module::to_text(ctx, $m)
            };
            ($object, $deleted, value, text)
        }};
    }
    let (object, deleted, value, text) = match message {
        M::NewLink(m) => {
            ctx.remember_link_name(m.header.index, m.name());
            render!(Object::Link, false, link, m)
        }
        M::DelLink(m) => {
            ctx.remember_link_name(m.header.index, m.name());
            render!(Object::Link, true, link, m)
        }
        M::NewAddress(m) => render!(Object::Address, false, address, m),
        M::DelAddress(m) => render!(Object::Address, true, address, m),
        M::NewRoute(m) => render!(Object::Route, false, route, m),
        M::DelRoute(m) => render!(Object::Route, true, route, m),
        M::NewNeighbour(m) | M::DelNeighbour(m) if !keeps(u8::from(m.header.family)) => {
            return None
        }
        M::NewNeighbour(m) => render!(Object::Neighbour, false, neighbour, m),
        M::DelNeighbour(m) => render!(Object::Neighbour, true, neighbour, m),
        M::NewRule(m) => render!(Object::Rule, false, rule, m),
        M::DelRule(m) => render!(Object::Rule, true, rule, m),
        M::NewNexthop(m) | M::DelNexthop(m) if !keeps(m.header.family) => return None,
        M::NewNexthop(m) => render!(Object::Nexthop, false, nexthop, m),
        M::DelNexthop(m) => render!(Object::Nexthop, true, nexthop, m),
        // Not expected on the groups joined; shown by type, not dropped.
        other => {
            let name = other
                .type_name()
                .map_or_else(|| other.message_type().to_string(), str::to_owned);
            return Some(Line {
                json: json!({"object": "other", "type": name}),
                text: format!("Unexpected notification {name}"),
            });
        }
    };
    let mut o = Map::new();
    o.insert("object".into(), json!(object.name()));
    if deleted {
        o.insert("deleted".into(), json!(true));
    }
    if let Value::Object(fields) = value {
        o.extend(fields);
    }
    let mut line = String::new();
    if request.banner {
        line.push_str(object.banner());
        line.push(' ');
    }
    if deleted {
        line.push_str("Deleted ");
    }
    line.push_str(text.trim_end_matches('\n'));
    Some(Line {
        json: Value::Object(o),
        text: line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn no_object_means_all_with_banners() {
        let request = parse(words("")).unwrap();
        assert_eq!(request.objects, Object::ALL.to_vec());
        assert!(request.banner);
        assert_eq!(request.count, None);
        assert_eq!(parse(words("all count 3")).unwrap().count, Some(3));
    }

    #[test]
    fn named_objects_keep_their_order_without_banners() {
        let request = parse(words("route link route count 2")).unwrap();
        assert_eq!(request.objects, vec![Object::Route, Object::Link]);
        assert!(!request.banner);
        assert_eq!(request.count, Some(2));
    }

    #[test]
    fn bad_words_are_usage_errors_naming_the_word() {
        for (line, word) in [("links", "links"), ("count x", "x"), ("count", "count")] {
            match parse(words(line)) {
                Err(CliError::Usage(message)) => {
                    assert!(message.contains(word), "{line}: {message}")
                }
                other => panic!("{line}: {other:?}"),
            }
        }
    }

    #[test]
    fn family_options_pick_groups() {
        let v4 = Object::Route.groups(Family::V4);
        assert!(v4.contains(RtnlGroup::Ipv4Route) && !v4.contains(RtnlGroup::Ipv6Route));
        let v6 = Object::Address.groups(Family::V6);
        assert!(v6.contains(RtnlGroup::Ipv6Ifaddr) && !v6.contains(RtnlGroup::Ipv4Ifaddr));
        let any = Object::Rule.groups(Family::Any);
        assert!(any.contains(RtnlGroup::Ipv4Rule) && any.contains(RtnlGroup::Ipv6Rule));
        assert!(Object::Link.groups(Family::V6).contains(RtnlGroup::Link));
    }

    #[test]
    fn an_overrun_is_a_line_of_its_own() {
        let request = parse(words("link")).unwrap();
        for json in [true, false] {
            let options = crate::Options {
                json,
                ..Default::default()
            };
            let mut ctx = Context::new(options).unwrap();
            let line = render(&mut ctx, &Event::Overrun, &request).unwrap();
            if json {
                assert_eq!(line.json, json!({"overrun": true}));
            } else {
                assert!(line.text.starts_with("Overrun: "), "{}", line.text);
            }
        }
    }
}
