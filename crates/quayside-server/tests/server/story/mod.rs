//! The sync story with the real client: replicas with real stores and vaults, synced by
//! `quayside-sync` against the real server process, converging whatever the order and the faults.

mod app;
mod bundle;
mod control_lists;
mod convergence;
mod documents;
mod entities;
mod evidence;
mod faults;
mod people;
mod replicas;
mod restores;
mod revocation;
mod scale;
mod tls;
