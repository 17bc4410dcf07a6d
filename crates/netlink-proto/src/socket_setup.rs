//! What every driver does to a socket before using it.

use netlink_sys::{Socket, SocketAddr};

use crate::error::Error;

/// Initial receive buffer: large enough for a whole dump datagram (the
/// kernel fills dump datagrams up to 32 KiB for readers with buffers this
/// size); larger datagrams grow it instead of being truncated.
pub const RECV_BUFFER_LEN: usize = 32 * 1024;

/// Room reserved for each received datagram. A datagram is received with
/// one system call and no size peek, so the buffer must hold the largest
/// one: dump datagrams are at most 32 KiB (more only for a family's
/// `min_dump_alloc`), answers and notifications rarely more than a page.
/// 1 MiB leaves a wide margin at no cost in physical memory (only the
/// pages a datagram is written to become resident). A larger datagram is
/// reported (its request fails with a truncation error, and an overrun
/// event marks a possibly lost notification) and the buffer grows.
pub(crate) const RECV_RESERVE: usize = 1 << 20;

/// `ENOBUFS` (asm-generic/errno.h): a receive reports it when the socket's
/// buffer overflowed and the kernel dropped messages.
pub(crate) const ENOBUFS: i32 = 105;

/// Socket receive buffer asked for: room for bursts of notifications.
const SOCKET_RECV_BUFFER: usize = 4 * 1024 * 1024;

/// Binds the socket if needed and turns on what the engine relies on:
/// extended ACKs (errors people can act on), `NETLINK_PKTINFO` (tells
/// multicast copies from replies) and a large receive buffer. Returns the
/// port id replies will carry.
pub(crate) fn prepare_socket(socket: &mut Socket) -> Result<u32, Error> {
    let mut port_id = socket.local_addr()?.port_id();
    if port_id == 0 {
        socket.bind(&SocketAddr::new(0, 0))?;
        port_id = socket.local_addr()?.port_id();
    }
    // Extended ACK is on every kernel since 4.12; without it errors are
    // still reported, just with less detail.
    let _ = socket.set_ext_ack(true);
    socket.set_pktinfo(true)?;
    // SO_RCVBUFFORCE needs CAP_NET_ADMIN; SO_RCVBUF is capped by rmem_max.
    if socket
        .set_recv_buffer_size_force(SOCKET_RECV_BUFFER)
        .is_err()
    {
        let _ = socket.set_recv_buffer_size(SOCKET_RECV_BUFFER);
    }
    Ok(port_id)
}
