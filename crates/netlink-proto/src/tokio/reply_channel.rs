//! The channel from the connection to one request's reply stream: one
//! sender, one receiver, bounded, made and dropped with every request.
//!
//! A general-purpose channel (futures' `mpsc`) allocates a queue node per
//! message and its handles count senders with atomics; for a change
//! answered by one ACK that was a fair part of the request's cost. Here
//! both ends share one mutex-guarded queue: every state change and every
//! waker registration happens under the lock, so no wake-up is lost.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};

use futures::Stream;

use super::Delivery;

/// The receiver is gone: what is sent is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Closed;

/// The deliveries not yet read, oldest first. Most requests get one (a
/// change's ACK): it is held in place, and only a second one allocates.
#[derive(Default)]
struct Queue {
    first: Option<Delivery>,
    rest: VecDeque<Delivery>,
}

impl Queue {
    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    fn push_back(&mut self, delivery: Delivery) {
        if self.first.is_none() && self.rest.is_empty() {
            self.first = Some(delivery);
        } else {
            self.rest.push_back(delivery);
        }
    }

    fn pop_front(&mut self) -> Option<Delivery> {
        self.first.take().or_else(|| self.rest.pop_front())
    }
}

struct State {
    queue: Queue,
    capacity: usize,
    /// The receiver's task, waiting for a delivery.
    receiver: Option<Waker>,
    /// The sender's task, waiting for room.
    sender: Option<Waker>,
    sender_gone: bool,
    receiver_gone: bool,
}

type Shared = Arc<Mutex<State>>;

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    // A panic while the lock was held left the queue consistent (every
    // change is a single push or pop): go on with it.
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn register(slot: &mut Option<Waker>, waker: &Waker) {
    match slot {
        Some(old) if old.will_wake(waker) => {}
        _ => *slot = Some(waker.clone()),
    }
}

/// A channel holding at most `capacity` (at least 1) deliveries unread.
pub(crate) fn channel(capacity: usize) -> (ReplySender, ReplyReceiver) {
    let shared = Arc::new(Mutex::new(State {
        queue: Queue::default(),
        capacity: capacity.max(1),
        receiver: None,
        sender: None,
        sender_gone: false,
        receiver_gone: false,
    }));
    (ReplySender(Arc::clone(&shared)), ReplyReceiver(shared))
}

/// The connection's end.
pub(crate) struct ReplySender(Shared);

impl ReplySender {
    /// Ready when there is room for a delivery; `Err` when the receiver
    /// is gone. Pending registers the task to be woken when room is made.
    pub(crate) fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Closed>> {
        let mut state = lock(&self.0);
        if state.receiver_gone {
            return Poll::Ready(Err(Closed));
        }
        if state.queue.len() < state.capacity {
            return Poll::Ready(Ok(()));
        }
        register(&mut state.sender, cx.waker());
        Poll::Pending
    }

    /// Sends after [`poll_ready`](Self::poll_ready) said there is room
    /// (one more is accepted regardless: the bound is the reader's memory,
    /// not a correctness limit).
    pub(crate) fn start_send(&mut self, delivery: Delivery) -> Result<(), Closed> {
        let state = lock(&self.0);
        if state.receiver_gone {
            return Err(Closed);
        }
        push(state, delivery);
        Ok(())
    }

    /// Sends if there is room; else gives the delivery back.
    pub(crate) fn try_send(&mut self, delivery: Delivery) -> Result<(), Delivery> {
        let state = lock(&self.0);
        if state.receiver_gone || state.queue.len() >= state.capacity {
            return Err(delivery);
        }
        push(state, delivery);
        Ok(())
    }
}

/// Queues `delivery` and wakes the reader (outside the lock).
fn push(mut state: MutexGuard<'_, State>, delivery: Delivery) {
    state.queue.push_back(delivery);
    let waker = state.receiver.take();
    drop(state);
    if let Some(waker) = waker {
        waker.wake();
    }
}

impl Drop for ReplySender {
    fn drop(&mut self) {
        let mut state = lock(&self.0);
        state.sender_gone = true;
        if let Some(waker) = state.receiver.take() {
            drop(state);
            waker.wake();
        }
    }
}

/// The reply stream's end: the deliveries in order, then `None` once the
/// sender is gone and all are read.
pub(crate) struct ReplyReceiver(Shared);

impl Stream for ReplyReceiver {
    type Item = Delivery;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Delivery>> {
        let mut state = lock(&self.0);
        if let Some(delivery) = state.queue.pop_front() {
            if let Some(waker) = state.sender.take() {
                drop(state);
                waker.wake();
            }
            return Poll::Ready(Some(delivery));
        }
        if state.sender_gone {
            return Poll::Ready(None);
        }
        register(&mut state.receiver, cx.waker());
        Poll::Pending
    }
}

impl Drop for ReplyReceiver {
    fn drop(&mut self) {
        let mut state = lock(&self.0);
        state.receiver_gone = true;
        // What was sent and not read goes now, not with the last handle.
        let unread = std::mem::take(&mut state.queue);
        let waker = state.sender.take();
        drop(state);
        drop(unread);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    use super::*;

    /// A waker that counts its wake-ups.
    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn waker() -> (Arc<Count>, Waker) {
        let count = Arc::new(Count(AtomicUsize::new(0)));
        (Arc::clone(&count), Waker::from(count))
    }

    fn complete() -> Delivery {
        Delivery::Complete { interrupted: false }
    }

    #[test]
    fn deliveries_come_in_order_and_end_with_the_sender() {
        let (mut tx, mut rx) = channel(4);
        let (woken, w) = waker();
        let mut cx = Context::from_waker(&w);
        assert!(Pin::new(&mut rx).poll_next(&mut cx).is_pending());
        tx.start_send(Delivery::Replies(vec![1])).unwrap();
        assert_eq!(woken.0.load(Ordering::SeqCst), 1, "the reader is woken");
        tx.start_send(complete()).unwrap();
        assert!(matches!(
            Pin::new(&mut rx).poll_next(&mut cx),
            Poll::Ready(Some(Delivery::Replies(b))) if b == [1]
        ));
        assert!(matches!(
            Pin::new(&mut rx).poll_next(&mut cx),
            Poll::Ready(Some(Delivery::Complete { .. }))
        ));
        assert!(Pin::new(&mut rx).poll_next(&mut cx).is_pending());
        drop(tx);
        assert_eq!(woken.0.load(Ordering::SeqCst), 2, "woken by the drop");
        assert!(matches!(
            Pin::new(&mut rx).poll_next(&mut cx),
            Poll::Ready(None)
        ));
    }

    #[test]
    fn the_queue_keeps_order_whichever_slot_holds_a_delivery() {
        let mut queue = Queue::default();
        let replies = |n: u8| Delivery::Replies(vec![n]);
        queue.push_back(replies(1));
        queue.push_back(replies(2));
        assert_eq!(queue.len(), 2);
        assert!(matches!(queue.pop_front(), Some(Delivery::Replies(b)) if b == [1]));
        // The first slot is free but older deliveries wait in the rest.
        queue.push_back(replies(3));
        assert!(matches!(queue.pop_front(), Some(Delivery::Replies(b)) if b == [2]));
        assert!(matches!(queue.pop_front(), Some(Delivery::Replies(b)) if b == [3]));
        assert!(queue.pop_front().is_none());
        assert_eq!(queue.len(), 0);
        // Empty again: the next one takes the first slot.
        queue.push_back(replies(4));
        assert!(queue.rest.is_empty() && queue.first.is_some());
        assert_eq!(queue.len(), 1);
    }

    #[test]
    fn a_full_channel_holds_the_sender_until_the_reader_takes_one() {
        let (mut tx, mut rx) = channel(1);
        let (woken, w) = waker();
        let mut cx = Context::from_waker(&w);
        assert_eq!(tx.poll_ready(&mut cx), Poll::Ready(Ok(())));
        tx.start_send(complete()).unwrap();
        assert!(tx.poll_ready(&mut cx).is_pending());
        assert!(tx.try_send(complete()).is_err(), "full");
        assert!(Pin::new(&mut rx).poll_next(&mut cx).is_ready());
        assert_eq!(woken.0.load(Ordering::SeqCst), 1, "the sender is woken");
        assert_eq!(tx.poll_ready(&mut cx), Poll::Ready(Ok(())));
        assert!(tx.try_send(complete()).is_ok());
    }

    #[test]
    fn a_dropped_reader_closes_the_channel_and_frees_what_it_did_not_read() {
        let (mut tx, rx) = channel(1);
        let (woken, w) = waker();
        let mut cx = Context::from_waker(&w);
        tx.start_send(Delivery::Replies(vec![0; 8])).unwrap();
        assert!(tx.poll_ready(&mut cx).is_pending());
        drop(rx);
        assert_eq!(woken.0.load(Ordering::SeqCst), 1, "the waiting sender");
        assert_eq!(tx.poll_ready(&mut cx), Poll::Ready(Err(Closed)));
        assert_eq!(tx.start_send(complete()), Err(Closed));
        assert!(tx.try_send(complete()).is_err());
        assert_eq!(lock(&tx.0).queue.len(), 0);
    }
}
