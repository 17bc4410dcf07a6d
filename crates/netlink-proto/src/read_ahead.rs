//! Reading a large dump ahead on a second thread.
//!
//! The kernel builds each datagram of a dump inside the `recvmsg` that takes
//! the previous one, so a single thread alternates: wait for the kernel,
//! decode, wait, decode. For a dump that has already filled a few
//! datagrams, a driver (blocking or tokio) hands the receiving to a reader
//! thread (on a second handle to the same socket) and decodes on its own
//! thread meanwhile: the dump then takes about as long as the longer of
//! the two halves instead of their sum, for somewhat more CPU time (a
//! thread start and a hand-over per datagram).
//!
//! The contract that keeps this invisible to the engine:
//! - the reader delivers every datagram it takes, in order, with the
//!   receive's outcome (an `ENOBUFS` included), and the caller's thread
//!   feeds them to the engine exactly as if it had received them itself;
//! - the reader stops after the datagram that ends the dump (its DONE or
//!   error, found by walking the netlink headers) or after any failed
//!   receive, and touches the socket no more: from then on the caller's
//!   thread reads the socket directly again;
//! - a bounded channel holds at most [`DEPTH`] datagrams the caller has not
//!   taken: beyond that the reader waits, the socket fills and the kernel
//!   pauses the dump, as it would with a slow single thread.
//!
//! When the caller decodes more slowly than the kernel answers, the reader
//! would mostly wait on the full channel. Given a decoder ([`DecodeAhead`],
//! from a blocking caller that decodes every reply the same way), it
//! decodes a datagram itself whenever the caller has not yet taken the one
//! before: the decoding then splits between the two threads by itself (the
//! further behind the caller, the more the reader decodes, and a caller
//! that keeps up gets raw datagrams), and the caller uses what was decoded
//! for it instead of decoding again.

use std::any::Any;
use std::io;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use netlink_packet_core::{
    MessageIter, RawMessage, NLMSG_DONE, NLMSG_ERROR, NLMSG_MIN_TYPE, NLMSG_OVERRUN,
};
use netlink_sys::{RecvInfo, Socket};

use crate::socket_setup::RECV_RESERVE;

/// Datagrams received but not yet taken, at most.
pub(crate) const DEPTH: usize = 8;

/// Decodes, on the reader thread, the replies of dump `seq` that a
/// datagram holds; what it returns is the driver's to read (it set it).
#[derive(Clone)]
pub(crate) struct DecodeAhead(pub(crate) Arc<DecodeDatagram>);

/// The function inside a [`DecodeAhead`].
pub(crate) type DecodeDatagram = dyn Fn(&[u8], u32) -> Box<dyn Any + Send> + Send + Sync;

impl std::fmt::Debug for DecodeAhead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DecodeAhead")
    }
}

impl DecodeAhead {
    /// Decodes with `decode` each reply of the dump that a datagram holds
    /// (its messages with the dump's sequence number that are not control
    /// messages, up to any damage, from which the engine fails the
    /// request), into a [`DecodedAhead<T>`] by offset.
    pub(crate) fn new<T, D>(decode: Arc<D>) -> Self
    where
        T: Send + 'static,
        D: Fn(&RawMessage<'_>) -> T + Send + Sync + 'static,
    {
        DecodeAhead(Arc::new(move |datagram: &[u8], seq: u32| {
            let values: Vec<(usize, T)> = MessageIter::new(datagram)
                .map_while(Result::ok)
                .filter(|m| {
                    m.header.sequence_number == seq && m.header.message_type >= NLMSG_MIN_TYPE
                })
                .map(|m| (m.offset, decode(&m)))
                .collect();
            Box::new(values.into_iter()) as Box<dyn Any + Send>
        }))
    }
}

/// The replies of one datagram that the reader thread decoded, by offset
/// in the datagram, in order.
pub(crate) type DecodedAhead<T> = std::vec::IntoIter<(usize, T)>;

/// The value decoded for the message at `offset`, if the reader decoded
/// one; those before it (replies the engine did not hand over) are dropped.
pub(crate) fn take_at<T>(values: &mut DecodedAhead<T>, offset: usize) -> Option<T> {
    while let Some((at, _)) = values.as_slice().first() {
        if *at >= offset {
            break;
        }
        values.next();
    }
    match values.as_slice().first() {
        Some((at, _)) if *at == offset => values.next().map(|(_, value)| value),
        _ => None,
    }
}

/// One receive done by the reader: the datagram in `buf` (on success) and
/// the outcome.
#[derive(Debug)]
pub(crate) struct Filled {
    pub(crate) buf: Vec<u8>,
    pub(crate) result: io::Result<RecvInfo>,
    /// The reader stopped after this one.
    pub(crate) last: bool,
    /// What the reader decoded of it, if it did.
    pub(crate) decoded: Option<Box<dyn Any + Send>>,
}

/// What asking the reader gave.
#[derive(Debug)]
pub(crate) enum Next {
    Filled(Filled),
    /// Nothing arrived in time (or, not waiting, nothing is there yet).
    Nothing,
    /// The reader is gone: the caller reads the socket itself again.
    Gone,
}

/// Whether a large dump is received on a second thread while the caller's
/// thread decodes; see [`blocking::Connection::set_read_ahead`](crate::blocking::Connection::set_read_ahead)
/// and [`tokio::ConnectionConfig`](crate::tokio::ConnectionConfig).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadAhead {
    /// Never: one thread does everything.
    Off,
    /// When it pays. Blocking: the dump has filled more than
    /// [`READ_AHEAD_AFTER`] datagrams and the work done on the caller's
    /// thread between two of them is at least a quarter of the wait for the
    /// kernel in one receive, each taken at its shortest (decoding into
    /// owned values is, and so is reading a field or two of each of many
    /// small messages; glancing at a few large ones, or only counting
    /// messages, is not).
    /// Tokio: past [`READ_AHEAD_AFTER`] datagrams, as every reply is
    /// decoded into an owned value there. The default when the process may
    /// run on more than one CPU.
    Auto,
    /// For every dump past [`READ_AHEAD_AFTER`] datagrams.
    Always,
}

impl ReadAhead {
    /// [`ReadAhead::Auto`] when the process may run on more than one CPU,
    /// [`ReadAhead::Off`] otherwise.
    /// Found once per process (one `sched_getaffinity`): a machine too
    /// large for the affinity mask counts as more than one CPU.
    pub fn default_for_this_machine() -> Self {
        static CHOICE: std::sync::OnceLock<ReadAhead> = std::sync::OnceLock::new();
        *CHOICE.get_or_init(|| {
            if netlink_sys::cpus_available().map_or(true, |n| n > 1) {
                ReadAhead::Auto
            } else {
                ReadAhead::Off
            }
        })
    }
}

/// Datagrams of one dump received on the caller's thread before the rest
/// may be read ahead on a second thread: small dumps never start a thread.
pub const READ_AHEAD_AFTER: u32 = 4;

/// The caller's side of a running reader, `R` the channel's receiving end.
#[derive(Debug)]
pub(crate) struct Reader<R> {
    filled: Option<R>,
    /// Buffers the caller is done with, for the reader to fill again.
    empty: Option<Sender<Vec<u8>>>,
    /// Dropping (closing) it calls off a reader waiting for data.
    stop: Option<UnixStream>,
    /// Taken by a wait, not yet handed out.
    pending: Option<Filled>,
    /// Datagrams delivered and not yet taken from the channel.
    backlog: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl<R> Reader<R> {
    /// Starts a reader for the dump with sequence number `seq` on a second
    /// handle to `socket`, handing each datagram to `deliver` (false: the
    /// caller is gone), which feeds the receiving end `filled`.
    fn spawn(
        socket: &Socket,
        seq: u32,
        filled: R,
        mut deliver: impl FnMut(Filled) -> bool + Send + 'static,
        decode: Option<DecodeAhead>,
    ) -> io::Result<Self> {
        let socket = socket.try_clone()?;
        let (stop, stop_reader) = UnixStream::pair()?;
        let (empty, empty_rx) = mpsc::channel();
        let backlog = Arc::new(AtomicUsize::new(0));
        let reader = Arc::clone(&backlog);
        let thread = std::thread::Builder::new()
            .name("netlink-read-ahead".into())
            .spawn(move || {
                let ends = Ends {
                    socket: &socket,
                    stop: &stop_reader,
                    empty: &empty_rx,
                };
                read(ends, seq, &mut deliver, decode.as_ref(), &reader)
            })?;
        Ok(Reader {
            filled: Some(filled),
            empty: Some(empty),
            stop: Some(stop),
            pending: None,
            backlog,
            thread: Some(thread),
        })
    }

    /// Counts a datagram taken from the channel.
    fn took(&self) {
        self.backlog.fetch_sub(1, Ordering::Relaxed);
    }

    /// Gives a buffer back for the reader to fill again.
    pub(crate) fn recycle(&self, buf: Vec<u8>) {
        if let Some(empty) = &self.empty {
            // A reader that has ended no longer takes buffers; this one is
            // then simply freed.
            let _ = empty.send(buf);
        }
    }
}

/// The receiving end for a blocking caller. In a mutex only so that the
/// connection stays `Sync` (a receiver is not); it is reached through
/// `&mut self`, so never locked.
pub(crate) type BlockingReader = Reader<Mutex<Receiver<Filled>>>;

/// The receiving end for an async caller.
#[cfg(feature = "tokio")]
pub(crate) type AsyncReader = Reader<futures::channel::mpsc::Receiver<Filled>>;

#[cfg(feature = "tokio")]
impl AsyncReader {
    /// Starts a reader whose datagrams arrive through a future-aware
    /// channel; with `decode`, it decodes the datagrams the connection
    /// has not taken yet (its reply streams are behind).
    pub(crate) fn start(
        socket: &Socket,
        seq: u32,
        decode: Option<DecodeAhead>,
    ) -> io::Result<Self> {
        let (mut filled_tx, filled) = futures::channel::mpsc::channel(DEPTH);
        let deliver = move |filled| {
            // The reader's own thread: blocking here is what it is for.
            futures::executor::block_on(futures::SinkExt::send(&mut filled_tx, filled)).is_ok()
        };
        Reader::spawn(socket, seq, filled, deliver, decode)
    }

    /// Polls for the next datagram; `Ready(None)`: the reader is gone.
    pub(crate) fn poll_next(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Filled>> {
        let polled = match self.filled.as_mut() {
            Some(channel) => futures::Stream::poll_next(std::pin::Pin::new(channel), cx),
            None => std::task::Poll::Ready(None),
        };
        if let std::task::Poll::Ready(Some(_)) = &polled {
            self.took();
        }
        polled
    }
}

impl BlockingReader {
    /// Starts a reader for a blocking caller; with `decode`, it decodes
    /// the datagrams the caller is not ready for.
    pub(crate) fn start(
        socket: &Socket,
        seq: u32,
        decode: Option<DecodeAhead>,
    ) -> io::Result<Self> {
        let (filled_tx, filled) = mpsc::sync_channel(DEPTH);
        let deliver = move |filled| filled_tx.send(filled).is_ok();
        Reader::spawn(socket, seq, Mutex::new(filled), deliver, decode)
    }

    /// The next datagram, waiting at most `timeout` (`None`: until one
    /// comes or the reader ends).
    pub(crate) fn next(&mut self, timeout: Option<Duration>) -> Next {
        if let Some(filled) = self.pending.take() {
            return Next::Filled(filled);
        }
        let Some(Ok(channel)) = self.filled.as_mut().map(Mutex::get_mut) else {
            return Next::Gone;
        };
        let received = match timeout {
            None => channel.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(timeout) => channel.recv_timeout(timeout),
        };
        match received {
            Ok(filled) => {
                self.took();
                Next::Filled(filled)
            }
            Err(RecvTimeoutError::Timeout) => Next::Nothing,
            Err(RecvTimeoutError::Disconnected) => Next::Gone,
        }
    }

    /// The next datagram if one is there already.
    pub(crate) fn try_next(&mut self) -> Next {
        if let Some(filled) = self.pending.take() {
            return Next::Filled(filled);
        }
        match self
            .filled
            .as_mut()
            .and_then(|channel| channel.get_mut().ok())
            .map(|channel| channel.try_recv())
        {
            Some(Ok(filled)) => {
                self.took();
                Next::Filled(filled)
            }
            Some(Err(TryRecvError::Empty)) => Next::Nothing,
            Some(Err(TryRecvError::Disconnected)) | None => Next::Gone,
        }
    }

    /// Waits up to `timeout` for a datagram without taking it: whether one
    /// is there (or the reader ended, which the next take reports).
    pub(crate) fn wait(&mut self, timeout: Option<Duration>) -> bool {
        if self.pending.is_some() {
            return true;
        }
        match self.next(timeout) {
            Next::Filled(filled) => {
                self.pending = Some(filled);
                true
            }
            Next::Nothing => false,
            Next::Gone => true,
        }
    }
}

impl<R> Drop for Reader<R> {
    fn drop(&mut self) {
        // Unblock the reader wherever it waits (for data: the stop stream
        // closes; to deliver: the channel closes), then wait for it, so
        // that its handle to the socket is closed when this returns.
        self.stop = None;
        self.filled = None;
        self.empty = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the reader thread reads from: the socket, the stream that calls it
/// off, the buffers given back.
struct Ends<'a> {
    socket: &'a Socket,
    stop: &'a UnixStream,
    empty: &'a Receiver<Vec<u8>>,
}

/// The reader thread: receives datagrams and delivers them until the one
/// that ends dump `seq`, a failed receive, or the caller's departure. With
/// `decode`, a datagram received while the caller has not taken the one
/// before (`backlog`) is decoded here first.
fn read(
    Ends {
        socket,
        stop,
        empty,
    }: Ends<'_>,
    seq: u32,
    deliver: &mut dyn FnMut(Filled) -> bool,
    decode: Option<&DecodeAhead>,
    backlog: &AtomicUsize,
) {
    let mut spare = None;
    loop {
        let mut buf = spare
            .take()
            .or_else(|| empty.try_recv().ok())
            .unwrap_or_else(|| Vec::with_capacity(RECV_RESERVE));
        let result = match socket.try_recv_into_capacity(&mut buf) {
            Ok(Some(info)) => Ok(info),
            Ok(None) => match socket.wait_readable_unless(stop.as_fd()) {
                Ok(true) => {
                    spare = Some(buf);
                    continue;
                }
                // Called off: the caller is gone.
                Ok(false) => return,
                Err(error) => Err(error),
            },
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                spare = Some(buf);
                continue;
            }
            Err(error) => Err(error),
        };
        let last = match &result {
            Ok(info) => info.truncated || ends_dump(&buf, seq),
            Err(_) => true,
        };
        let decoded = match (decode, &result) {
            (Some(decode), Ok(info)) if !info.truncated && backlog.load(Ordering::Relaxed) > 0 => {
                // A decoder that panics must not take the datagram with it:
                // it goes undecoded, and the caller's own decoding of it
                // fails where the caller can see it.
                let decoding = std::panic::AssertUnwindSafe(|| (decode.0)(&buf, seq));
                std::panic::catch_unwind(decoding).ok()
            }
            _ => None,
        };
        // Counted before it is sent, so that the caller's count of what it
        // took never passes it.
        backlog.fetch_add(1, Ordering::Relaxed);
        if !deliver(Filled {
            buf,
            result,
            last,
            decoded,
        }) || last
        {
            return;
        }
    }
}

/// Whether `datagram` holds the end of dump `seq` (its DONE, an error
/// answer, an overrun) or cannot be walked (then the caller's thread,
/// reading directly, deals with what follows).
fn ends_dump(datagram: &[u8], seq: u32) -> bool {
    MessageIter::new(datagram).any(|message| match message {
        Ok(message) => {
            message.header.sequence_number == seq
                && matches!(
                    message.header.message_type,
                    NLMSG_DONE | NLMSG_ERROR | NLMSG_OVERRUN
                )
        }
        Err(_) => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(message_type: u16, seq: u32) -> Vec<u8> {
        let mut bytes = vec![0u8; 20];
        bytes[0] = 20;
        bytes[4..6].copy_from_slice(&message_type.to_ne_bytes());
        bytes[8..12].copy_from_slice(&seq.to_ne_bytes());
        bytes
    }

    #[test]
    fn values_are_taken_by_offset_skipping_those_not_asked_for() {
        let mut values: DecodedAhead<&str> = vec![(0, "a"), (40, "b"), (80, "c")].into_iter();
        assert_eq!(take_at(&mut values, 0), Some("a"));
        // 40 was not handed over (an interrupted attempt, say).
        assert_eq!(take_at(&mut values, 80), Some("c"));
        assert_eq!(take_at(&mut values, 120), None);
        let mut values: DecodedAhead<&str> = vec![(40, "b")].into_iter();
        // A message the reader did not decode: nothing, and 40 is kept.
        assert_eq!(take_at(&mut values, 20), None);
        assert_eq!(take_at(&mut values, 40), Some("b"));
    }

    #[test]
    fn a_datagram_decoder_takes_the_dumps_replies_only_up_to_damage() {
        let datagram = [
            header(24, 7),
            header(24, 8),
            header(NLMSG_DONE, 7),
            header(25, 7),
            vec![3, 0, 0, 0],
            header(24, 7),
        ]
        .concat();
        let decode = DecodeAhead::new(Arc::new(|m: &RawMessage<'_>| m.header.message_type));
        let values = (decode.0)(&datagram, 7);
        let values = values.downcast::<DecodedAhead<u16>>().unwrap();
        assert_eq!(values.collect::<Vec<_>>(), [(0, 24), (60, 25)]);
    }

    #[test]
    fn a_dump_ends_at_its_own_done_or_error_only() {
        let reply = header(24, 7);
        assert!(!ends_dump(&reply, 7));
        assert!(ends_dump(
            &[reply.clone(), header(NLMSG_DONE, 7)].concat(),
            7
        ));
        assert!(ends_dump(&header(NLMSG_ERROR, 7), 7));
        assert!(ends_dump(&header(NLMSG_OVERRUN, 7), 7));
        // Another request's end, or a notification (seq 0), is not ours.
        assert!(!ends_dump(&header(NLMSG_DONE, 8), 7));
        assert!(!ends_dump(&header(NLMSG_DONE, 0), 7));
        // Bytes that cannot be walked stop the reader.
        assert!(ends_dump(&[20, 0, 0], 7));
    }
}
