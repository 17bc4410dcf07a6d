//! JSON written straight into a `String`, keys in the order given: what
//! listings of many objects (100,000 routes) use instead of building a
//! `serde_json::Value` per object, which costs a map, a hash and an
//! allocation per key. The text is the same as serde_json's compact form,
//! so either can be parsed back into the other.

use std::fmt::Write;
use std::net::{IpAddr, Ipv4Addr};

use serde_json::Value;

/// An object being written; `}` is written when it is dropped.
#[derive(Debug)]
pub struct JsonObject<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    /// Starts an object at the end of `out`.
    pub fn begin(out: &'a mut String) -> Self {
        out.push('{');
        JsonObject { out, empty: true }
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
    }

    /// `"key":"value"`.
    pub fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    /// `"key":"ADDRESS"`, IPv4 written without `fmt` (the hot case of
    /// route listings).
    pub fn ip(&mut self, key: &str, ip: IpAddr) {
        self.key(key);
        self.out.push('"');
        push_ip(self.out, ip);
        self.out.push('"');
    }

    /// `"key":"ADDRESS"` for a prefix: `ADDRESS` alone when `len` is the
    /// address's full length, else `ADDRESS/LEN`.
    pub fn prefix(&mut self, key: &str, ip: IpAddr, len: u8) {
        self.key(key);
        self.out.push('"');
        push_ip(self.out, ip);
        let full = if ip.is_ipv4() { 32 } else { 128 };
        if len != full {
            self.out.push('/');
            push_u64(self.out, u64::from(len));
        }
        self.out.push('"');
    }

    /// `"key":N`.
    pub fn num(&mut self, key: &str, value: impl Into<i64>) {
        self.key(key);
        let value = value.into();
        if value < 0 {
            self.out.push('-');
        }
        push_u64(self.out, value.unsigned_abs());
    }

    /// `"key":["a","b"]`.
    pub fn strs<'s>(&mut self, key: &str, values: impl IntoIterator<Item = &'s str>) {
        self.key(key);
        self.out.push('[');
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            string(self.out, value);
        }
        self.out.push(']');
    }

    /// `"key":VALUE` for a value built the slow way (rare parts).
    pub fn value(&mut self, key: &str, value: &Value) {
        self.key(key);
        // A `Value`'s keys are strings: writing it to memory cannot fail.
        let _ = write!(self.out, "{value}");
    }

    /// Every key of `map`, in its order, as if written one by one.
    pub fn extend(&mut self, map: &serde_json::Map<String, Value>) {
        for (key, value) in map {
            self.value(key, value);
        }
    }
}

impl Drop for JsonObject<'_> {
    fn drop(&mut self) {
        self.out.push('}');
    }
}

/// `value` as a JSON string, escaped as serde_json escapes it.
fn string(out: &mut String, value: &str) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&value[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&value[start..]);
    out.push('"');
}

fn push_u64(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

fn push_ip(out: &mut String, ip: IpAddr) {
    match ip {
        IpAddr::V4(v4) => push_ipv4(out, v4),
        // IPv6's shortest form has rules of its own: left to `fmt`.
        IpAddr::V6(v6) => {
            let _ = write!(out, "{v6}");
        }
    }
}

fn push_ipv4(out: &mut String, ip: Ipv4Addr) {
    for (i, octet) in ip.octets().into_iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_u64(out, u64::from(octet));
    }
}

/// `ADDRESS` or `ADDRESS/LEN` (`LEN` left out when it is `full`), IPv4
/// written without `fmt`: for text listings.
pub(crate) fn prefix_text(ip: IpAddr, len: u8, full: u8) -> String {
    let mut s = String::with_capacity(18);
    push_ip(&mut s, ip);
    if len != full {
        s.push('/');
        push_u64(&mut s, u64::from(len));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn writes_what_serde_json_writes() {
        let mut out = String::new();
        {
            let mut o = JsonObject::begin(&mut out);
            o.str("name", "a\"b\\c\n\u{1}é");
            o.ip("v4", "192.0.2.255".parse().unwrap());
            o.ip("v6", "2001:db8::1".parse().unwrap());
            o.prefix("p4", "10.0.0.0".parse().unwrap(), 8);
            o.prefix("h4", "10.1.2.3".parse().unwrap(), 32);
            o.prefix("p6", "2001:db8::".parse().unwrap(), 64);
            o.num("neg", -17);
            o.num("zero", 0u8);
            o.strs("flags", ["onlink", "linkdown"]);
            o.strs("none", []);
            o.value("nested", &json!([{"mtu": 1400}]));
        }
        let expected = json!({
            "name": "a\"b\\c\n\u{1}é",
            "v4": "192.0.2.255",
            "v6": "2001:db8::1",
            "p4": "10.0.0.0/8",
            "h4": "10.1.2.3",
            "p6": "2001:db8::/64",
            "neg": -17,
            "zero": 0,
            "flags": ["onlink", "linkdown"],
            "none": [],
            "nested": [{"mtu": 1400}],
        });
        assert_eq!(out, expected.to_string());
        let parsed: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, expected);
    }

    #[test]
    fn empty_object() {
        let mut out = String::new();
        drop(JsonObject::begin(&mut out));
        assert_eq!(out, "{}");
    }

    #[test]
    fn prefix_text_matches_display() {
        for ip in ["0.0.0.0", "255.255.255.255", "10.20.30.4", "::", "fe80::1"] {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(prefix_text(ip, 32, 32), ip.to_string());
            assert_eq!(prefix_text(ip, 7, 32), format!("{ip}/7"));
        }
    }
}
