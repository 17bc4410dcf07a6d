//! Named network namespaces against iproute2: made here and seen by
//! `ip netns`, made by `ip netns add` and seen here, front ends opened
//! inside, errors. Needs root; never skipped. Every name carries the pid
//! and a guard deletes the namespace even when a test fails.

use std::io;

use netlink_testkit::{ip, ip_json, ip_ok};
use rtnetlink::link::LinkAdd;
use rtnetlink::{netns, Error, Namespace};

/// A unique name for this test process.
fn name(test: &str) -> String {
    format!("rtnl-{test}-{}", std::process::id())
}

/// Deletes the namespace when dropped, whoever made it.
struct Guard(String);

impl Drop for Guard {
    fn drop(&mut self) {
        if netns::exists(&self.0) {
            let _ = netns::delete(&self.0);
        }
    }
}

fn ip_netns_list() -> Vec<String> {
    ip_ok("netns list")
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn created_here_seen_by_ip() {
    let name = name("here");
    let _guard = Guard(name.clone());
    let ns = netns::create(&name).unwrap();
    assert_eq!(ns, Namespace::Named(name.clone()));
    assert!(ip_netns_list().contains(&name));
    assert!(netns::list().unwrap().contains(&name));
    // A fresh namespace: only lo, down.
    let links = ip_json(&format!("-n {name} link show"));
    let links = links.as_array().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["ifname"], "lo");

    netns::delete(&name).unwrap();
    assert!(!ip_netns_list().contains(&name));
    assert!(!netns::list().unwrap().contains(&name));
    assert!(!netns::exists(&name));
}

#[test]
fn created_by_ip_seen_here() {
    let name = name("ip");
    let _guard = Guard(name.clone());
    ip(&format!("netns add {name}"));
    assert!(netns::list().unwrap().contains(&name));
    assert!(netns::exists(&name));
    netns::delete(&name).unwrap();
    assert!(!ip_netns_list().contains(&name));
}

#[test]
fn blocking_handle_inside() {
    let name = name("blocking");
    let _guard = Guard(name.clone());
    let ns = netns::create(&name).unwrap();
    let mut handle = rtnetlink::blocking::Handle::new_in_namespace(&ns).unwrap();
    handle.execute(LinkAdd::bridge("nsb0")).unwrap();
    let shown = ip_json(&format!("-n {name} -d link show dev nsb0"));
    assert_eq!(shown[0]["linkinfo"]["info_kind"], "bridge");
    assert!(ip_ok("link show dev nsb0").is_err());
    drop(handle);
    netns::delete(&name).unwrap();
    assert!(ip_ok(&format!("-n {name} link show")).is_err());
}

#[test]
fn tokio_handle_inside() {
    let name = name("tokio");
    let _guard = Guard(name.clone());
    let ns = netns::create(&name).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (connection, handle) = rtnetlink::tokio::new_connection_in_namespace(&ns).unwrap();
    runtime.spawn(connection);
    runtime
        .block_on(handle.execute(LinkAdd::veth("nst0", "nst1")))
        .unwrap();
    let shown = ip_json(&format!("-n {name} -d link show dev nst0"));
    assert_eq!(shown[0]["linkinfo"]["info_kind"], "veth");
    assert!(ip_ok("link show dev nst0").is_err());
    drop(handle);
    drop(runtime);
    netns::delete(&name).unwrap();
    assert!(!netns::exists(&name));
}

#[test]
fn errors_are_clear() {
    let name = name("errors");
    let _guard = Guard(name.clone());
    netns::create(&name).unwrap();
    let error = netns::create(&name).unwrap_err();
    let Error::System { source, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(source.kind(), io::ErrorKind::AlreadyExists, "{error}");
    assert_eq!(error.errno(), Some(17));
    assert!(error.to_string().contains("exists already"), "{error}");
    assert!(error.to_string().contains(&name), "{error}");
    // The failed attempt left the first namespace alone.
    assert!(ip_netns_list().contains(&name));
    ip(&format!("-n {name} link show dev lo"));

    netns::delete(&name).unwrap();
    let error = netns::delete(&name).unwrap_err();
    let Error::System { source, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(source.kind(), io::ErrorKind::NotFound, "{error}");
    assert!(error.to_string().contains("no such namespace"), "{error}");

    let error =
        rtnetlink::blocking::Handle::new_in_namespace(&Namespace::Named(name.clone())).unwrap_err();
    assert!(error.to_string().contains(&name), "{error}");

    for bad in ["", "..", "a/b"] {
        let error = netns::create(bad).unwrap_err();
        assert!(matches!(error, Error::InvalidArgument(_)), "{error:?}");
    }
}
