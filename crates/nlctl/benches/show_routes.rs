//! `nlctl -j route show` against `ip -j route show` (placeholder until the
//! route commands land).

use criterion::{criterion_group, criterion_main, Criterion};

fn show_routes(_c: &mut Criterion) {}

criterion_group!(benches, show_routes);
criterion_main!(benches);
