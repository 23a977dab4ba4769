//! What tests and benchmarks need from the server and a release build must not have; compiled only
//! with the `test-support` feature, which the crate's own tests and benchmarks turn on (a
//! dev-dependency on itself), so `cargo build --release` leaves it out.
//!
//! - `fault`: fault injection, `QUAYSIDE_SERVER_FAULT`, for crash tests that drive the real binary.
//! - `database`: fresh PostgreSQL test databases.
//! - `process`: reading where a spawned server listens.

pub mod database;
pub mod fault;
pub mod process;
