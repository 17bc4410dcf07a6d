//! Creates a named network namespace (as `ip netns add` does), a veth
//! pair with one end inside it, addresses both ends, prints what each
//! side sees, and cleans everything up, even on failure. Needs root
//! (CAP_SYS_ADMIN for the namespace, CAP_NET_ADMIN for the links).
//!
//! ```text
//! sudo cargo run -p rtnetlink --example veth_namespace
//! ```

use std::net::{IpAddr, Ipv4Addr};

use rtnetlink::address::{AddressAdd, AddressGet};
use rtnetlink::blocking::Handle;
use rtnetlink::link::{LinkAdd, LinkDel, LinkGet, LinkSet, NetnsTarget};
use rtnetlink::{netns, Error};

/// Deletes the namespace and the host's end of the pair (which takes the
/// peer along) when dropped.
struct Cleanup {
    namespace: String,
    link: String,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Ok(mut handle) = Handle::new() {
            let _ = handle.execute(LinkDel::by_name(self.link.as_str()));
        }
        if netns::exists(&self.namespace) {
            if let Err(error) = netns::delete(&self.namespace) {
                eprintln!("cleanup: {error}");
            }
        }
    }
}

fn index(handle: &mut Handle, name: &str) -> Result<u32, Error> {
    let link = handle.execute(LinkGet::by_name(name))?;
    u32::try_from(link.header.index).map_err(|_| Error::Decode("negative ifindex".into()))
}

fn show(title: &str, handle: &mut Handle, link: &str) -> Result<(), Error> {
    let index = index(handle, link)?;
    let message = handle.execute(LinkGet::by_index(index))?;
    let mtu = message.mtu().map_or("?".to_owned(), |mtu| mtu.to_string());
    println!(
        "{title}: {index}: {} mtu {mtu} type {}",
        message.name().unwrap_or("?"),
        message.kind().unwrap_or("?"),
    );
    for address in handle.execute(AddressGet::dump().link(index))? {
        if let Some(ip) = address.address() {
            let family = if ip.is_ipv4() { "inet" } else { "inet6" };
            println!("    {family} {ip}/{}", address.header.prefix_len);
        }
    }
    Ok(())
}

fn main() -> Result<(), Error> {
    let pid = std::process::id();
    let namespace = format!("veth-example-{pid}");
    let (host_end, inner_end) = ("vex-host", "vex-inner");
    let ns = netns::create(&namespace)?;
    let _cleanup = Cleanup {
        namespace: namespace.clone(),
        link: host_end.into(),
    };
    println!("created network namespace {namespace} ({ns})");

    // The pair is made here; its peer is created straight inside the
    // namespace (IFLA_NET_NS_FD on the peer).
    let mut host = Handle::new()?;
    host.execute(
        LinkAdd::veth(host_end, inner_end)
            .peer_netns(NetnsTarget::by_name(&namespace)?)
            .up(),
    )?;
    let host_index = index(&mut host, host_end)?;
    host.execute(AddressAdd::new(
        host_index,
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)),
        24,
    ))?;

    // A handle whose socket lives in the namespace configures the peer.
    let mut inner = Handle::new_in_namespace(&ns)?;
    let inner_index = index(&mut inner, inner_end)?;
    inner.execute(LinkSet::index(inner_index).up())?;
    inner.execute(AddressAdd::new(
        inner_index,
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2)),
        24,
    ))?;

    show("host", &mut host, host_end)?;
    show(&namespace, &mut inner, inner_end)?;
    println!("namespaces: {:?}", netns::list()?);
    Ok(())
}
