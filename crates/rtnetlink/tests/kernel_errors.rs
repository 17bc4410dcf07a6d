//! How kernel errors reach the caller: matchable variants, the extended
//! ACK message, and the attribute it points at.

mod common;

use common::{index, Run};
use rtnetlink::link::{LinkAdd, LinkSet};
use rtnetlink::packet::link::info::VxlanAttr;
use rtnetlink::Error;

/// A vxlan attribute the kernel refuses (a source port range whose low end
/// is above its high end, which the builder lets through): the kernel's policy check names the
/// attribute, nested two levels down, and the error says which it is.
fn points_at_the_attribute<R: Run>(run: &mut R) {
    let error = run
        .run(LinkAdd::vxlan("vx0", 7).port_range(2000, 1000))
        .expect_err("an inverted port range is refused");
    let attribute = error.offending_attribute();
    let attribute = attribute.expect("the kernel names the attribute");
    assert_eq!(attribute.name, Some("IFLA_LINKINFO"));
    assert_eq!(attribute.path.last().copied(), Some(VxlanAttr::PORT_RANGE));
    assert!(error.to_string().contains(" at IFLA_LINKINFO/"), "{error}");

    run.run(LinkAdd::veth("e0", "e1")).unwrap();
    let e0 = index(run, "e0");
    let error = run.run(LinkSet::index(e0).mtu(10)).unwrap_err();
    assert!(
        matches!(error, Error::Kernel { errno: 22, .. }),
        "{error:?}"
    );
    assert_eq!(error.kernel_message(), Some("mtu less than device minimum"));
    // This check names no attribute; nothing is made up.
    assert_eq!(error.offending_attribute(), None);
}

both_front_ends! {
    points_at_the_attribute => blocking_points_at_the_attribute, tokio_points_at_the_attribute;
}
