//! Integration tests: the real `quayside-server` binary on a free port with a temporary data
//! folder, users made with its CLI, and signed events made by real client stores.

mod common;

mod accounts;
mod annotations;
mod crash;
mod entities;
mod faults;
mod fuzz;
mod hostile;
mod people;
mod photos;
mod protocol;
mod pull;
mod push;
mod sim;
mod statements;
mod story;
mod summaries;
mod tamper;
mod verify;
