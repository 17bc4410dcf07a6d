//! What every kernel test file shares: the two front ends behind one
//! trait, so that each scenario runs through both.
#![allow(dead_code)]

use rtnetlink::link::LinkGet;
use rtnetlink::{Error, Request};

/// A front end: runs a request to its result.
pub trait Run {
    /// Runs one request.
    fn run<T: Send + 'static>(&mut self, request: impl Into<Request<T>>) -> Result<T, Error>;
    /// Runs many requests batched.
    fn run_batch<T: Send + 'static>(&mut self, requests: Vec<Request<T>>) -> Vec<Result<T, Error>>;
}

/// The blocking front end.
pub struct Blocking(pub rtnetlink::blocking::Handle);

impl Run for Blocking {
    fn run<T: Send + 'static>(&mut self, request: impl Into<Request<T>>) -> Result<T, Error> {
        self.0.execute(request)
    }

    fn run_batch<T: Send + 'static>(&mut self, requests: Vec<Request<T>>) -> Vec<Result<T, Error>> {
        self.0.execute_batch(requests).unwrap()
    }
}

/// The tokio front end on a current-thread runtime of its own.
pub struct Tokio(pub tokio::runtime::Runtime, pub rtnetlink::tokio::Handle);

impl Run for Tokio {
    fn run<T: Send + 'static>(&mut self, request: impl Into<Request<T>>) -> Result<T, Error> {
        let request = request.into();
        self.0.block_on(self.1.execute(request))
    }

    fn run_batch<T: Send + 'static>(&mut self, requests: Vec<Request<T>>) -> Vec<Result<T, Error>> {
        self.0.block_on(self.1.execute_batch(requests))
    }
}

/// A blocking handle in the current namespace.
pub fn blocking() -> Blocking {
    Blocking(rtnetlink::blocking::Handle::new().unwrap())
}

/// A tokio handle in the current namespace, its connection spawned.
pub fn tokio() -> Tokio {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (connection, handle) = rtnetlink::tokio::new_connection().unwrap();
    runtime.spawn(connection);
    Tokio(runtime, handle)
}

/// The index of link `name`.
pub fn index<R: Run>(run: &mut R, name: &str) -> u32 {
    u32::try_from(run.run(LinkGet::by_name(name)).unwrap().header.index).unwrap()
}

/// One `#[test]` per front end for each scenario, each in a fresh network
/// namespace: `scenario => blocking_test_name, tokio_test_name;`.
#[macro_export]
macro_rules! both_front_ends {
    ($($scenario:ident => $blocking:ident, $tokio:ident;)*) => {$(
        #[test]
        fn $blocking() {
            netlink_testkit::in_new_netns(|| $scenario(&mut common::blocking()));
        }

        #[test]
        fn $tokio() {
            netlink_testkit::in_new_netns(|| $scenario(&mut common::tokio()));
        }
    )*};
}
