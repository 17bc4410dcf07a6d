//! `nlctl rule` against `ip -j rule`, each test in a fresh namespace.

mod common;

use common::{assert_superset, fixture, nlctl, nlctl_json, nlctl_ok};
use netlink_testkit::{in_new_netns, ip, ip_batch, ip_json};
use serde_json::Value;

/// The fixture plus a rule for every selector and action `ip -j` prints.
fn rules() {
    fixture();
    ip_batch(
        "rule add not to 10.1.0.0/16 iif v0 oif v1 prohibit pref 300
rule add uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 lookup 30 pref 400
rule add sport 1000-2000 dport 53 ipproto udp lookup 9 pref 401
rule add goto 100 pref 50
rule add goto 999 pref 51
rule add blackhole pref 60
rule add unreachable pref 70
rule add nop pref 71
rule add lookup main suppress_prefixlength 0 pref 80
rule add suppress_ifgroup 5 lookup main pref 81
rule add fwmark 0x5 lookup 5000 pref 90
rule add fwmark 0x1/0xffffffff lookup 9 pref 91
rule add tos 0x10 lookup 11 pref 92 proto static
rule add l3mdev pref 10
rule add realms 3/4 lookup 5 pref 20
rule add realms 4 lookup 5 pref 21
rule add iif nosuch lookup 6 pref 30
rule add tun_id 7 lookup 8 pref 31
rule add from 192.0.2.1 to 198.51.100.0/24 lookup 9 pref 32
rule add lookup 9 pref 33 protocol 99",
    );
    ip("-6 rule add from 2001:db8::/32 lookup 10 pref 100");
    ip("-6 rule add fwmark 7 table 200");
    ip("-6 rule add not from 2001:db8::1 to 2001:db8:1::/48 iif lo lookup 7");
}

#[test]
fn show_forms_match_ip() {
    in_new_netns(|| {
        rules();
        for args in [
            "rule show",
            "rule",
            "-4 rule show",
            "-6 rule show",
            "-d rule show",
            "-6 -d rule show",
            "-s rule show",
            "rule show pref 100",
            "rule show table 10",
            "rule show lookup main",
            "rule show from 10.0.0.0/8",
            "rule show fwmark 0x10/0xff",
            "rule show iif v0",
            "rule show not",
            "rule show ipproto tcp",
            "-6 rule show table 10",
        ] {
            let ip = ip_json(args);
            assert!(ip.as_array().is_some_and(|a| !a.is_empty()), "{args}: {ip}");
            assert_superset(&ip, &nlctl_json(args), &[], 0);
        }
    });
}

#[test]
fn text_reads_like_ip() {
    in_new_netns(|| {
        rules();
        let text = nlctl_ok("rule show");
        for line in [
            "0:\tfrom all lookup local\n",
            "100:\tfrom 10.0.0.0/8 lookup 10\n",
            "200:\tfrom all fwmark 0x10/0xff lookup 20\n",
            "300:\tnot from all to 10.1.0.0/16 iif v0 oif v1 prohibit\n",
            "51:\tfrom all goto 999 [unresolved]\n",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
    });
}

fn by_priority(list: &Value, priority: u64) -> Option<&Value> {
    list.as_array()?.iter().find(|r| r["priority"] == priority)
}

#[test]
fn add_and_del_as_ip_sees_them() {
    in_new_netns(|| {
        fixture();
        // The same rule through ip (in table 1xx) and through nlctl (in
        // table 2xx) must read back the same but for the table.
        let forms = [
            "from 10.9.0.0/16 to 10.8.0.0/24 lookup {}",
            "not fwmark 0x20/0xf0 iif v0 oif v1 lookup {}",
            "uidrange 10-20 ipproto udp sport 5-6 dport 7 lookup {}",
            "tos 0x10 lookup {} suppress_prefixlength 8 proto static",
            "realms 2/3 lookup {}",
            "fwmark 9 lookup {}",
        ];
        for (i, form) in forms.iter().enumerate() {
            let (ours, theirs) = (1200 + i, 1100 + i);
            let table = |priority: usize| (priority - 1000).to_string();
            ip(&format!(
                "rule add {} pref {theirs}",
                form.replace("{}", &table(theirs))
            ));
            nlctl_ok(&format!(
                "rule add {} pref {ours}",
                form.replace("{}", &table(ours))
            ));
            let all = ip_json("rule show");
            let mut expected = by_priority(&all, theirs as u64).expect("ip's rule").clone();
            expected["priority"] = ours.into();
            expected["table"] = table(ours).into();
            let got = by_priority(&all, ours as u64)
                .expect("nlctl's rule")
                .clone();
            assert_superset(&expected, &got, &[], 0);
        }
        for (args, priority) in [
            ("rule add blackhole pref 300", 300),
            ("rule add unreachable priority 301", 301),
            ("rule add prohibit preference 302", 302),
            ("rule add goto 400 pref 303", 303),
            ("rule add nop pref 304", 304),
            ("rule add from 192.0.2.0/24 pref 305", 305),
        ] {
            nlctl_ok(args);
            assert!(
                by_priority(&ip_json("rule show"), priority).is_some(),
                "{args}"
            );
        }
        let r = by_priority(&ip_json("rule show"), 305)
            .cloned()
            .expect("305");
        assert_eq!(r["table"], "main", "no action looks up main, like ip");
        let r = by_priority(&ip_json("rule show"), 300)
            .cloned()
            .expect("300");
        assert_eq!(r["action"], "blackhole");

        // IPv6 by -6 or by the addresses given.
        nlctl_ok("-6 rule add fwmark 3 lookup 33 pref 500");
        nlctl_ok("rule add from 2001:db8::/48 lookup 34 pref 501");
        let v6 = ip_json("-6 rule show");
        assert!(by_priority(&v6, 500).is_some() && by_priority(&v6, 501).is_some());

        nlctl_ok("rule del pref 300");
        nlctl_ok("rule del from 192.0.2.0/24");
        nlctl_ok("-6 rule del pref 500");
        nlctl_ok("rule del from 2001:db8::/48 lookup 34");
        let (v4, v6) = (ip_json("rule show"), ip_json("-6 rule show"));
        assert!(by_priority(&v4, 300).is_none() && by_priority(&v4, 305).is_none());
        assert!(by_priority(&v6, 500).is_none() && by_priority(&v6, 501).is_none());
    });
}

#[test]
fn errors() {
    in_new_netns(|| {
        fixture();
        nlctl_ok("rule add pref 5 lookup 7");
        let run = nlctl("rule add pref 5 lookup 7");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("File exists"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let run = nlctl("rule del pref 6");
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stderr.contains("No such file"), "{}", run.stderr);
        for (args, word) in [
            ("rule add frobnicate", "frobnicate"),
            ("rule add from 10.0.0.0/33", "10.0.0.0/33"),
            ("rule add fwmark x", "\"x\""),
            ("rule add lookup nosuchtable", "nosuchtable"),
            ("rule show extra", "extra"),
            ("rule add pref", "pref"),
        ] {
            let run = nlctl(args);
            assert_eq!(run.status, 2, "{args}: {}", run.stderr);
            assert!(run.stderr.contains(word), "{args}: {}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    });
}

#[test]
fn flush_deletes_as_ip_rule_flush() {
    in_new_netns(|| {
        fixture();
        ip_batch(
            "rule add pref 1100 table 5
rule add pref 1200 table 6
rule add pref 1300 from 10.1.0.0/16 table 5",
        );
        ip("-6 rule add pref 1400 table 5");
        // With a selector: only the rules having it.
        nlctl_ok("rule flush table 5");
        let left = ip_json("rule show");
        assert!(by_priority(&left, 1100).is_none(), "{left}");
        assert!(by_priority(&left, 1300).is_none(), "{left}");
        assert!(by_priority(&left, 1200).is_some(), "{left}");
        assert!(by_priority(&ip_json("-6 rule show"), 1400).is_some());

        // Without: everything but priority 0, main and default included.
        nlctl_ok("rule flush");
        let left = ip_json("rule show");
        assert_eq!(left.as_array().map(Vec::len), Some(1), "{left}");
        assert_eq!(left[0]["priority"], 0);
        assert_eq!(left[0]["table"], "local");
        assert_superset(&left, &nlctl_json("rule show"), &[], 0);
        nlctl_ok("-6 rule flush");
        assert_eq!(ip_json("-6 rule show").as_array().map(Vec::len), Some(1));

        let run = nlctl("rule flush bogus");
        assert_eq!(run.status, 2, "{run:?}");
        assert!(run.stderr.contains("\"bogus\""), "{run:?}");
    });
}
