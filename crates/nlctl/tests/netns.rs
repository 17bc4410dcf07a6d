//! `nlctl netns` against `ip -j netns`. Named namespaces live in
//! `/run/netns`, shared by every test: names carry the pid, lists are
//! compared on those names only, and a guard deletes them on failure too.

mod common;

use common::{assert_superset, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_json};
use serde_json::Value;

/// Deletes the named namespaces when dropped, test passed or not.
struct Guard(Vec<String>);

impl Drop for Guard {
    fn drop(&mut self) {
        for name in &self.0 {
            if std::path::Path::new("/run/netns").join(name).exists() {
                let _ = std::process::Command::new("ip")
                    .args(["netns", "del", name])
                    .output();
            }
        }
    }
}

fn names(test: &str, count: usize) -> (Guard, Vec<String>) {
    let names: Vec<String> = (0..count)
        .map(|i| format!("nlctl-{test}-{}-{i}", std::process::id()))
        .collect();
    (Guard(names.clone()), names)
}

/// Only our namespaces, sorted by name (ip lists in directory order).
fn ours(list: &Value, names: &[String]) -> Value {
    let mut kept: Vec<Value> = list
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|n| {
                    n["name"]
                        .as_str()
                        .is_some_and(|s| names.iter().any(|m| m == s))
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    kept.sort_by_key(|n| n["name"].to_string());
    Value::Array(kept)
}

#[test]
fn list_matches_ip() {
    in_new_netns(|| {
        let (_guard, names) = names("list", 3);
        for name in &names {
            ip(&format!("netns add {name}"));
        }
        ip(&format!("netns set {} 7", names[1]));
        for args in ["netns list", "netns", "netns show"] {
            let ip = ours(&ip_json(args), &names);
            assert_eq!(ip.as_array().map(Vec::len), Some(3), "{ip}");
            assert_superset(&ip, &ours(&nlctl_json(args), &names), &[], 0);
        }
        let text = nlctl_ok("netns list");
        assert!(text.contains(&format!("{} (id: 7)\n", names[1])), "{text}");
        assert!(text.contains(&format!("{}\n", names[0])), "{text}");
    });
}

#[test]
fn add_and_del_as_ip_sees_them() {
    in_new_netns(|| {
        let (_guard, names) = names("add", 1);
        let name = &names[0];
        nlctl_ok(&format!("netns add {name}"));
        assert_eq!(
            ours(&ip_json("netns list"), &names)
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        // Usable at once: ip runs a command inside.
        ip(&format!("-n {name} link add d0 type veth peer name d1"));
        let links = ip_json(&format!("-n {name} link show d0"));
        assert_eq!(links[0]["ifname"], "d0");

        let run = nlctl(&format!("netns add {name}"));
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("exists"), "{}", run.stderr);

        nlctl_ok(&format!("netns del {name}"));
        assert_eq!(ours(&ip_json("netns list"), &names), Value::Array(vec![]));
        let run = nlctl(&format!("netns del {name}"));
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("No such file"), "{}", run.stderr);
    });
}

#[test]
fn usage_errors() {
    for (args, word) in [
        ("netns add a/b", "a/b"),
        ("netns add", "NAME"),
        ("netns add x y", "\"y\""),
        ("netns list extra", "extra"),
    ] {
        let run = nlctl(args);
        assert_eq!(run.status, 2, "{args}: {}", run.stderr);
        assert!(run.stderr.contains(word), "{args}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn set_gives_ids_as_ip_sees_them() {
    in_new_netns(|| {
        let (_guard, names) = names("set", 2);
        for name in &names {
            ip(&format!("netns add {name}"));
        }
        nlctl_ok(&format!("netns set {} 7", names[0]));
        nlctl_ok(&format!("netns set {} auto", names[1]));
        let list = ours(&ip_json("netns list"), &names);
        assert_eq!(list[0]["id"], 7, "{list}");
        assert!(list[1]["id"].is_u64(), "auto gave no id: {list}");
        assert_superset(&list, &ours(&nlctl_json("netns list"), &names), &[], 0);

        // An id in use, or a second id for the same namespace: refused.
        let run = nlctl(&format!("netns set {} 8", names[0]));
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stderr.starts_with("nlctl: netns set"), "{run:?}");
        for (args, word) in [
            (format!("netns set {} -3", names[0]), "\"-3\""),
            (format!("netns set {} x", names[0]), "\"x\""),
            (format!("netns set {}", names[0]), "ID"),
        ] {
            let run = nlctl(&args);
            assert_eq!(run.status, 2, "{args}: {run:?}");
            assert!(run.stderr.contains(word), "{args}: {run:?}");
        }
        let run = nlctl("netns set nlctl-no-such-namespace 3");
        assert_eq!(run.status, 1, "{run:?}");
        assert!(run.stderr.contains("nlctl-no-such-namespace"), "{run:?}");
    });
}
