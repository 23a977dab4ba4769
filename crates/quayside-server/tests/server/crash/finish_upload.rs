//! Regression: the app killed during a sync left a photo whose every byte the server had written
//! but whose hash check (`finish`) never ran, since the dropped request cancelled the handler
//! between the two. The upload status then said "not complete, all bytes received": the client had
//! no chunk left to send and the photo never reached the server ("the server expects more than
//! the 852 bytes of photo ..." at every sync). Found by `crash::app` (seed 1796119867920018153,
//! kill 10, and again with seed 1796119978492541301, kill 74: after a kill during a sync, every
//! later sync left a photo waiting). The same state follows a server crash right after the last
//! chunk, which this test makes with the fault point.

use quayside_domain::event::{Author, Payload, Role};
use quayside_testkit::fixtures::noise_png;

use super::replica;
use crate::common::Server;

#[test]
fn an_upload_cut_after_its_last_chunk_is_finished_when_the_client_asks_again() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("cora", "inspector", "NLRTM");
    let (data, listen) = (server.data.clone(), server.url.replace("http://", ""));
    let ines = replica(&server.url, "ines");
    let author = Author {
        name: "ines".into(),
        role: Role::Inspector,
    };
    let photo = noise_png(16, 74);
    let imported = ines.vault.import("hold.png", &photo).unwrap();
    {
        let mut store = ines.store();
        let case = store.open_case(&author, "NLRTM").unwrap().id;
        let attached = Payload::PhotoAttached {
            sha256: imported.sha256.clone(),
            size: imported.size,
            media_type: imported.media_type.as_str().to_string(),
            file_name: "hold.png".into(),
            caption: None,
            exif: imported.exif,
            captured: None,
        };
        store.append(&author, case, attached).unwrap();
    }
    drop(server);

    // The whole photo is one chunk: the process dies once it is written, before the hash check.
    let fault = format!("crash-after-upload-bytes={}", photo.len());
    let crashing = Server::start_with(
        data.clone(),
        &["--listen", &listen],
        &[("QUAYSIDE_SERVER_FAULT", &fault)],
    );
    assert!(ines.sync().is_err());
    assert!(!crashing.wait_for_exit().success());

    let server = Server::start_with(data, &["--listen", &listen], &[]);
    // `verify` lists the photo as waiting for its device, not as missing (found by crash::server,
    // seed 1796120206903487102, kill 1: the server killed during an upload).
    assert_eq!(super::assert_server_verifies(server.dir()), 1);
    let report = ines.sync().unwrap();
    assert!(report.photo_problems.is_empty(), "{report:?}");
    assert!(ines.store().photos_not_uploaded().unwrap().is_empty());
    let cora = replica(&server.url, "cora");
    assert_eq!(cora.sync().unwrap().photos_downloaded, 1);
    assert_eq!(cora.vault.read_original(&imported.sha256).unwrap(), photo);
    assert_eq!(super::assert_server_verifies(server.dir()), 0);
}
