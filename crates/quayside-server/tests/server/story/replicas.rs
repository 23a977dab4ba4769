//! The sync story's cast: a server with two inspectors, each on a replica of their own (the
//! replica itself is the test kit's: a real store and vault synced by the real client).

use quayside_domain::event::Role;
use quayside_testkit::replica::Replica;

use crate::common::{Server, PASSWORD};

/// A server with two inspectors of NLRTM, Ines and Ivan, each signed in on a replica of their own.
pub fn ines_and_ivan() -> (Server, Replica, Replica) {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("ivan", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    let ivan = Replica::signed_in(&server.url, "ivan", PASSWORD, Role::Inspector);
    (server, ines, ivan)
}
