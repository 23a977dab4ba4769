//! A decision that two spellings are one company travels with the case it was made in: the other
//! replica links the same cases, and the index converges.

use quayside_domain::entities::EntityKind;
use quayside_domain::event::Payload;
use quayside_domain::fields::{Field, Section};
use quayside_testkit::replica::{sync_all, Replica};
use uuid::Uuid;

use super::replicas::ines_and_ivan;

fn company_case(replica: &Replica, name: &str) -> Uuid {
    let case = replica.open_case("NLRTM");
    let party = Uuid::now_v7();
    let mut store = replica.store();
    store
        .append(
            &replica.author,
            case,
            Payload::ItemAdded {
                section: Section::Parties,
                item: party,
            },
        )
        .unwrap();
    store
        .append_field_edit(
            &replica.author,
            case,
            Some(party),
            Field::PartyName,
            Some(name.into()),
        )
        .unwrap();
    case
}

#[test]
fn a_confirmed_link_reaches_the_other_replica_and_links_the_same_cases_there() {
    let (_server, ines, ivan) = ines_and_ivan();
    let first = company_case(&ines, "Shenzhen Huaxin Trading Co., Ltd.");
    let near = company_case(&ines, "Shenzhen Huaxing Trading Co Ltd");
    ines.store()
        .append(
            &ines.author,
            first,
            Payload::EntityLinkSet {
                entity: EntityKind::Company,
                key: "shenzhen huaxin trading".into(),
                other: "shenzhen huaxing trading".into(),
                same: true,
            },
        )
        .unwrap();
    sync_all(&[&ines, &ivan]);

    let there = ivan.store().case_entities(near).unwrap();
    let company = there
        .iter()
        .find(|e| e.kind == EntityKind::Company)
        .unwrap();
    assert_eq!(company.linked, ["shenzhen huaxin trading"]);
    assert_eq!(company.cases.len(), 1);
    assert_eq!(company.cases[0].case_id, first);
    assert!(company.cases[0].through_link);
    assert!(
        company.suggestions.is_empty(),
        "decided: not suggested again"
    );
    assert_eq!(ines.dump(), ivan.dump());
}
