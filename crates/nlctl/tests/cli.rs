//! The command line itself: usage errors, exit statuses, generated help.

mod common;

use common::nlctl;

#[test]
fn usage_errors_exit_2_and_name_the_word() {
    let run = nlctl("link frobnicate");
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let run = nlctl("");
    assert_eq!(run.status, 2);
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let run = nlctl("completions bash");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("nlctl"));
    assert!(run.stdout.contains("nexthop"));
    let run = nlctl("man");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(".TH nlctl"),
        "{}",
        &run.stdout[..200.min(run.stdout.len())]
    );
}
