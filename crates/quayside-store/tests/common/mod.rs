//! Helpers shared by the store's test binaries.
// Each test binary uses a different subset.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use quayside_domain::event::{Author, Payload, Role};
use quayside_domain::fields::{Field, Section};
use quayside_store::{Clock, Store};
use uuid::Uuid;

/// A clock the test moves, backwards too.
#[derive(Clone)]
pub struct TestClock(Arc<Mutex<DateTime<Utc>>>);

impl TestClock {
    pub fn at(t: DateTime<Utc>) -> TestClock {
        TestClock(Arc::new(Mutex::new(t)))
    }
    pub fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap() = t;
    }
    pub fn advance(&self, d: Duration) {
        *self.0.lock().unwrap() += d;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

pub fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
}

pub fn inspector() -> Author {
    Author {
        name: "Ines Inspector".into(),
        role: Role::Inspector,
    }
}

pub fn set(store: &mut Store, case: Uuid, item: Option<Uuid>, field: Field, value: &str) {
    store
        .append_field_edit(&inspector(), case, item, field, Some(value.into()))
        .unwrap();
}

pub fn add(store: &mut Store, case: Uuid, section: Section) -> Uuid {
    let item = Uuid::now_v7();
    store
        .append(&inspector(), case, Payload::ItemAdded { section, item })
        .unwrap();
    item
}
