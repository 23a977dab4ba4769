//! The people of the device (`people`): added in order, found by id, given a server account; each
//! with their own display choices.

use quayside_store::{Person, PersonDisplay};
use uuid::Uuid;

use crate::common::*;

#[test]
fn people_are_listed_in_the_order_they_were_added_and_take_their_account_role() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let store = open(dir.path(), &clock);
    let first = Person {
        id: Uuid::new_v4(),
        name: "Ines Inspector".into(),
        role: "inspector".into(),
        account: None,
        language: None,
    };
    store.add_person(&first).unwrap();
    clock.advance(chrono::Duration::seconds(1));
    let second = Person {
        id: Uuid::new_v4(),
        name: "Sam Supervisor".into(),
        role: "inspector".into(),
        account: None,
        language: None,
    };
    store.add_person(&second).unwrap();
    assert!(store.add_person(&first).is_err(), "an id is added once");
    assert_eq!(store.people().unwrap(), vec![first.clone(), second.clone()]);

    store
        .set_person_account(second.id, "sam", "supervisor")
        .unwrap();
    let sam = store.person(second.id).unwrap().unwrap();
    assert_eq!(
        (sam.account.as_deref(), sam.role.as_str()),
        (Some("sam"), "supervisor")
    );
    assert_eq!(store.person(Uuid::new_v4()).unwrap(), None);

    store.set_person_language(first.id, "th").unwrap();
    let ines = store.person(first.id).unwrap().unwrap();
    assert_eq!(ines.language.as_deref(), Some("th"));
    assert_eq!(store.person(second.id).unwrap().unwrap().language, None);
}

#[test]
fn each_person_keeps_their_own_display_choices() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let store = open(dir.path(), &clock);
    let person = |name: &str| Person {
        id: Uuid::new_v4(),
        name: name.into(),
        role: "inspector".into(),
        account: None,
        language: None,
    };
    let (ines, sam) = (person("Ines Inspector"), person("Sam"));
    store.add_person(&ines).unwrap();
    store.add_person(&sam).unwrap();
    // Nothing chosen yet: every choice follows the system.
    assert_eq!(
        store.person_display(ines.id).unwrap(),
        Some(PersonDisplay::default())
    );

    let sunlight = PersonDisplay {
        theme: Some("contrast".into()),
        density: Some("touch".into()),
        zoom_percent: Some(150),
    };
    store.set_person_display(ines.id, &sunlight).unwrap();
    assert_eq!(store.person_display(ines.id).unwrap(), Some(sunlight));
    assert_eq!(
        store.person_display(sam.id).unwrap(),
        Some(PersonDisplay::default())
    );
    assert_eq!(store.person_display(Uuid::new_v4()).unwrap(), None);
    // Back to the system's choice.
    store
        .set_person_display(ines.id, &PersonDisplay::default())
        .unwrap();
    assert_eq!(
        store.person_display(ines.id).unwrap(),
        Some(PersonDisplay::default())
    );
    // The person is otherwise as they were.
    assert_eq!(store.person(ines.id).unwrap(), Some(ines));
}
