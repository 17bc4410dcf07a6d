//! `nlctl`: see the crate documentation.

fn main() -> std::process::ExitCode {
    nlctl::main(std::env::args_os())
}
