//! Drafts of fields survive a reopen until discarded.

use quayside_domain::fields::Field;
use quayside_store::{Store, StoreError};
use uuid::Uuid;

use crate::common::*;

#[test]
fn drafts_survive_a_reopen_until_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    store
        .save_draft(case, None, Field::ContainerNumber, "CSQU305438")
        .unwrap();
    store
        .save_draft(case, None, Field::ContainerNumber, "CSQU3054384")
        .unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let drafts = store.drafts(case).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].text, "CSQU3054384");
    store
        .discard_draft(case, None, Field::ContainerNumber)
        .unwrap();
    assert!(store.drafts(case).unwrap().is_empty());
    assert!(matches!(
        store.save_draft(Uuid::now_v7(), None, Field::Voyage, "x"),
        Err(StoreError::CaseNotFound(_))
    ));
}
