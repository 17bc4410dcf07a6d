//! Creates a veth pair, addresses one end and prints the links. Needs
//! root (CAP_NET_ADMIN); moving the peer to another namespace comes later.
//!
//! ```text
//! sudo cargo run -p rtnetlink --example veth_namespace
//! ```

use std::net::{IpAddr, Ipv4Addr};

use rtnetlink::address::{AddressAdd, AddressGet};
use rtnetlink::blocking::Handle;
use rtnetlink::link::{LinkAdd, LinkDel, LinkGet};

fn main() -> Result<(), rtnetlink::Error> {
    let mut handle = Handle::new()?;
    handle.execute(LinkAdd::veth("example0", "example1").mtu(1400).up())?;
    let link = handle.execute(LinkGet::by_name("example0"))?;
    let index = u32::try_from(link.header.index)
        .map_err(|_| rtnetlink::Error::Decode("negative ifindex".into()))?;
    let ip = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    handle.execute(AddressAdd::new(index, ip, 24).label("example0:a"))?;

    for link in handle.execute(LinkGet::dump())? {
        println!(
            "{:>3}: {} mtu {:?} kind {:?}",
            link.header.index,
            link.name().unwrap_or("?"),
            link.mtu(),
            link.kind()
        );
    }
    for address in handle.execute(AddressGet::dump().link(index))? {
        println!("     {:?}/{}", address.address(), address.header.prefix_len);
    }
    handle.execute(LinkDel::index(index))?;
    Ok(())
}
