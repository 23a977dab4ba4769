//! Bundles written and checked for real: signed events, a server key signing checkpoints over a
//! real Merkle tree, photo bytes, the zip archive; then damage at each place, named. One module
//! per source module, over the scene they share.

mod common;

mod bundle;
mod check;
