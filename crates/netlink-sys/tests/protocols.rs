//! Kernel tests of socket creation for every protocol.

mod common;

use common::require_root;
use netlink_sys::{Error, Protocol, Socket};

/// Every named protocol either opens or yields UnsupportedProtocol naming
/// it; the families this kernel is known to have must open.
#[test]
fn every_named_protocol() {
    require_root();
    let must_exist = [
        Protocol::Route,
        Protocol::SockDiag,
        Protocol::Netfilter,
        Protocol::Xfrm,
        Protocol::Audit,
        Protocol::Generic,
        Protocol::KobjectUevent,
        Protocol::Connector,
    ];
    for protocol in Protocol::ALL {
        match Socket::new(protocol) {
            Ok(socket) => assert_eq!(socket.protocol(), protocol),
            Err(err) => {
                assert!(
                    !must_exist.contains(&protocol),
                    "{protocol} must be supported here: {err}"
                );
                let text = err.to_string();
                assert!(text.contains(protocol.name()), "{text}");
                assert!(text.contains("not supported"), "{text}");
                match err {
                    Error::UnsupportedProtocol {
                        protocol: p,
                        ref source,
                    } => {
                        assert_eq!(p, protocol);
                        assert_eq!(source.raw_os_error(), Some(libc::EPROTONOSUPPORT));
                    }
                    other => panic!("{protocol}: unexpected error {other:?}"),
                }
            }
        }
    }
}

/// An unused protocol number is refused with EPROTONOSUPPORT, and the error
/// converts to an io::Error with the same errno.
#[test]
fn unused_protocol_number() {
    require_root();
    let err = Socket::new(Protocol::Other(30)).unwrap_err();
    assert!(matches!(
        err,
        Error::UnsupportedProtocol {
            protocol: Protocol::Other(30),
            ..
        }
    ));
    assert_eq!(err.raw_os_error(), Some(libc::EPROTONOSUPPORT));
    let text = err.to_string();
    assert!(text.contains("not supported"), "{text}");
    assert!(text.contains("(30)"), "{text}");
    let io: std::io::Error = err.into();
    assert_eq!(io.raw_os_error(), Some(libc::EPROTONOSUPPORT));

    // Out of range (MAX_LINKS is 32) is refused the same way.
    let err = Socket::new(Protocol::Other(32)).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::EPROTONOSUPPORT));
}
