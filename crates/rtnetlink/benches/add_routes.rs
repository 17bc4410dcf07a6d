//! Adding 10,000 routes (placeholder until the route operations land).

use criterion::{criterion_group, criterion_main, Criterion};

fn add_routes(_c: &mut Criterion) {}

criterion_group!(benches, add_routes);
criterion_main!(benches);
