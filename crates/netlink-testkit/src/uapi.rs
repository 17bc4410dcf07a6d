//! Reads enumerations from the kernel UAPI headers on this machine
//! (`/usr/include/linux/...`), so that coverage tests compare declarations
//! with the headers instead of with a list someone typed.

use netlink_packet_core::nla::Attribute;

/// One constant of a header enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constant {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: i64,
}

/// The constants of the `enum { ... }` block of `header` (a path below
/// `/usr/include`, like `linux/if_link.h`) that contains `member`, in
/// order. Counting markers (`__X_MAX`, `X_MAX = __X_MAX - 1`, and a
/// trailing `X_MAX` such as `DEVCONF_MAX`) and aliases of another constant
/// are left out; members whose names end in `_MAX` inside the enum
/// (`IFLA_CAN_BITRATE_MAX`) are kept.
///
/// # Panics
/// When the header or the member is missing: the test cannot run.
pub fn enum_constants(header: &str, member: &str) -> Vec<Constant> {
    let path = format!("/usr/include/{header}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = strip_comments(&text);
    let mut search = 0;
    while let Some(found) = text[search..].find("enum") {
        let start = search + found;
        search = start + 4;
        let Some(open) = text[start..].find('{').map(|i| start + i) else {
            break;
        };
        let Some(close) = text[open..].find('}').map(|i| open + i) else {
            break;
        };
        let body = &text[open + 1..close];
        let constants = parse_body(body);
        if constants.iter().any(|c| c.name == member) {
            let mut kept: Vec<Constant> = constants
                .into_iter()
                .filter(|c| !c.name.starts_with("__"))
                .collect();
            // A last `X_MAX` is the enum's count (`DEVCONF_MAX`), not a member.
            if kept
                .last()
                .is_some_and(|c| c.name.ends_with("_MAX") && c.name != member)
            {
                kept.pop();
            }
            return kept;
        }
    }
    panic!("{member} is in no enum of {path}");
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = match rest[i..].find("*/") {
            Some(j) => &rest[i + j + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_body(body: &str) -> Vec<Constant> {
    let mut constants: Vec<Constant> = Vec::new();
    let mut next = 0i64;
    for item in body.split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (name, value) = match item.split_once('=') {
            None => (item.to_string(), next),
            Some((name, expr)) => {
                let name = name.trim().to_string();
                let expr = expr.trim();
                match evaluate(expr, &constants) {
                    Some(value) => {
                        // `X = OTHER` is an alias: same value, other name;
                        // `X_MAX = __X_MAX - 1` is a counting marker.
                        if constants.iter().any(|c| c.name == expr) || expr.contains("__") {
                            next = value + 1;
                            continue;
                        }
                        (name, value)
                    }
                    None => continue,
                }
            }
        };
        next = value + 1;
        constants.push(Constant { name, value });
    }
    constants
}

fn evaluate(expr: &str, known: &[Constant]) -> Option<i64> {
    let expr = expr
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if let Some((left, right)) = expr.split_once('-') {
        return Some(evaluate(left, known)? - evaluate(right, known)?);
    }
    if let Some((left, right)) = expr.split_once("<<") {
        return Some(evaluate(left, known)? << evaluate(right, known)?);
    }
    if let Some(hex) = expr.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    if let Ok(n) = expr.parse() {
        return Some(n);
    }
    known.iter().find(|c| c.name == expr).map(|c| c.value)
}

/// How completely a declared set covers its header enumeration.
#[derive(Debug)]
pub struct Coverage {
    /// The Rust set.
    pub set: &'static str,
    /// Header constants that the set declares with the same number and name.
    pub declared: usize,
    /// Header constants, allowlisted ones included.
    pub total: usize,
    /// Constants missing or misnamed, with what the set has for that number.
    pub missing: Vec<String>,
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}/{}", self.set, self.declared, self.total)
    }
}

/// Compares set `A` with the enum of `header` containing `member`.
/// `allow` lists constants deliberately not declared, each with why.
pub fn coverage<A: Attribute>(header: &str, member: &str, allow: &[(&str, &str)]) -> Coverage {
    let constants = enum_constants(header, member);
    let mut declared = 0;
    let mut missing = Vec::new();
    for c in &constants {
        if allow.iter().any(|(name, _)| *name == c.name) {
            continue;
        }
        let Ok(kind) = u16::try_from(c.value) else {
            missing.push(format!(
                "{} = {} (not an attribute number)",
                c.name, c.value
            ));
            continue;
        };
        match A::name_of(kind) {
            Some(name) if name == c.name => declared += 1,
            Some(name) => missing.push(format!("{} = {} is declared as {name}", c.name, c.value)),
            None => missing.push(format!("{} = {}", c.name, c.value)),
        }
    }
    Coverage {
        set: A::SET_NAME,
        declared,
        total: constants.len(),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_netlink_h() {
        let attrs = enum_constants("linux/netlink.h", "NLMSGERR_ATTR_MSG");
        let names: Vec<&str> = attrs.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "NLMSGERR_ATTR_UNUSED",
                "NLMSGERR_ATTR_MSG",
                "NLMSGERR_ATTR_OFFS",
                "NLMSGERR_ATTR_COOKIE",
                "NLMSGERR_ATTR_POLICY",
                "NLMSGERR_ATTR_MISS_TYPE",
                "NLMSGERR_ATTR_MISS_NEST"
            ]
        );
        assert_eq!(attrs[6].value, 6);
    }

    #[test]
    fn ext_ack_set_covers_the_header() {
        let report = coverage::<netlink_packet_core::ExtAckAttr>(
            "linux/netlink.h",
            "NLMSGERR_ATTR_MSG",
            &[("NLMSGERR_ATTR_UNUSED", "number 0 is never sent")],
        );
        assert!(report.missing.is_empty(), "{:?}", report.missing);
        assert_eq!((report.declared, report.total), (6, 7));
        let report = coverage::<netlink_packet_core::PolicyAttr>(
            "linux/netlink.h",
            "NL_POLICY_TYPE_ATTR_TYPE",
            &[("NL_POLICY_TYPE_ATTR_UNSPEC", "number 0 is never sent")],
        );
        assert!(report.missing.is_empty(), "{:?}", report.missing);
    }
}
