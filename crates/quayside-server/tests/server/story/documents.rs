//! Shipping documents travel as photo originals do: uploaded by the device that attached them,
//! taken by the server only for a hash an accepted `document_attached` names, served only to
//! those who may see the case, and fetched into the other replicas' vaults intact.

use quayside_domain::document::DocumentType;
use quayside_domain::event::Role;
use quayside_testkit::fixtures::small_pdf;
use quayside_testkit::replica::{sync_all, Replica};

use super::replicas::ines_and_ivan;
use crate::common::PASSWORD;

#[test]
fn a_document_reaches_the_other_replica_whole_and_no_one_outside_the_port() {
    let (server, ines, ivan) = ines_and_ivan();
    server.add_user("bea", "inspector", "BEANR");
    let bea = Replica::signed_in(&server.url, "bea", PASSWORD, Role::Inspector);
    let case = ines.open_case("NLRTM");
    let pdf = small_pdf("Bill of lading MSCU1234567");
    let sha = ines.attach_document(case, "bl.pdf", DocumentType::BillOfLading, &pdf);

    let sent = ines.sync().unwrap();
    assert_eq!(sent.photos_uploaded, 1, "{sent:?}");
    assert!(ines.store().photos_not_uploaded().unwrap().is_empty());

    let fetched = ivan.sync().unwrap();
    assert_eq!(fetched.photos_downloaded, 1, "{fetched:?}");
    assert!(fetched.photo_problems.is_empty(), "{fetched:?}");
    assert_eq!(ivan.vault.read_original(&sha).unwrap(), pdf);
    let (file, _) = ivan.store().case(case).unwrap();
    assert_eq!(file.documents.len(), 1);
    assert_eq!(file.documents[0].document_type, DocumentType::BillOfLading);
    assert_eq!(file.documents[0].file_name, "bl.pdf");
    assert_eq!(ivan.photos_intact(), 1);

    // Someone of another port neither pulls the case nor may fetch its document.
    let report = bea.sync().unwrap();
    assert_eq!(report.photos_downloaded, 0);
    assert!(bea.vault.check(&sha) == quayside_photos::Integrity::Missing);
    sync_all(&[&ines, &ivan]);
    assert_eq!(ines.dump(), ivan.dump());
}
