//! The address declarations against this machine's UAPI headers.

use netlink_packet_route::address::AddressAttr;
use netlink_testkit::uapi::{coverage, enum_constants};

#[test]
fn address_attributes_cover_if_addr_h() {
    let report = coverage::<AddressAttr>(
        "linux/if_addr.h",
        "IFA_ADDRESS",
        &[("IFA_UNSPEC", "number 0 is never sent")],
    );
    println!("{report}");
    assert!(report.missing.is_empty(), "{:?}", report.missing);
}

#[test]
fn scopes_cover_rtnetlink_h() {
    use netlink_packet_route::Scope;
    for c in enum_constants("linux/rtnetlink.h", "RT_SCOPE_UNIVERSE") {
        let value = u8::try_from(c.value).unwrap();
        assert!(
            Scope::from(value).name().is_some(),
            "{} is not declared",
            c.name
        );
    }
}
