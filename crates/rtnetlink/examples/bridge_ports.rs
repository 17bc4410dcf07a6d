//! A bridge with two veth ports, all up, in a fresh network namespace
//! (gone when the program ends), printed back with a dump filtered by
//! master. Needs root (CAP_SYS_ADMIN for the namespace, CAP_NET_ADMIN for
//! the links).
//!
//! ```text
//! sudo cargo run -p rtnetlink --example bridge_ports
//! ```

use rtnetlink::blocking::Handle;
use rtnetlink::link::{LinkAdd, LinkGet};
use rtnetlink::packet::link::{IfFlags, LinkMessage};
use rtnetlink::Error;

fn index(link: &LinkMessage) -> Result<u32, Error> {
    u32::try_from(link.header.index).map_err(|_| Error::Decode("negative ifindex".into()))
}

fn bridge_with_ports() -> Result<(), Error> {
    let mut handle = Handle::new()?;
    handle.execute(LinkAdd::bridge("br0").stp(false).forward_delay(0).up())?;
    let bridge = index(&handle.execute(LinkGet::by_name("br0"))?)?;
    for (port, peer) in [("port0", "peer0"), ("port1", "peer1")] {
        handle.execute(LinkAdd::veth(port, peer).master(bridge).up())?;
    }

    let br = handle.execute(LinkGet::by_index(bridge))?;
    println!(
        "{}: {} kind {:?} {}",
        br.header.index,
        br.name().unwrap_or("?"),
        br.kind(),
        updown(&br)
    );
    for port in handle.execute(LinkGet::dump().master(bridge))? {
        println!(
            "  {}: {} kind {:?} mtu {:?} {}",
            port.header.index,
            port.name().unwrap_or("?"),
            port.kind(),
            port.mtu(),
            updown(&port)
        );
    }
    Ok(())
}

fn updown(link: &LinkMessage) -> &'static str {
    if link.header.flags.contains(IfFlags::UP) {
        "up"
    } else {
        "down"
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    netlink_sys::netns::run_in_new(bridge_with_ports)??;
    Ok(())
}
