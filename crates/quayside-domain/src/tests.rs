//! Fold and flag tests over small scripted cases.

use uuid::Uuid;

use crate::case::{CaseFile, FoldError};
use crate::control_list::ControlList;
use crate::event::{Author, CaseStatus, EventBody, Payload, Role};
use crate::fields::{Field, Section};
use crate::flags::{flags, FlagCode};
use crate::hlc::Hlc;
use crate::timeline::ChangeValue;

struct Script {
    case: CaseFile,
    seq: u64,
}

fn body(case_id: Uuid, seq: u64, payload: Payload) -> EventBody {
    EventBody {
        id: Uuid::now_v7(),
        case_id,
        device_id: Uuid::nil(),
        device_seq: seq,
        author: Author {
            name: "Inspector Test".into(),
            role: Role::Inspector,
        },
        hlc: Hlc::new(1_000 + seq, 0),
        wall_time: format!("2026-11-28T12:00:{:02}.000Z", seq % 60),
        deps: vec![],
        prev_hash: String::new(),
        payload,
        reason: None,
    }
}

impl Script {
    fn new() -> Script {
        let opened = body(
            Uuid::now_v7(),
            1,
            Payload::CaseOpened {
                case_number: "NLRTM-2026-ABC123-0001".into(),
                port: "NLRTM".into(),
                opened_at: "2026-11-28T12:00:00Z".into(),
            },
        );
        Script {
            case: CaseFile::open(&opened).unwrap().0,
            seq: 1,
        }
    }

    /// Apply as the author of the case so far: `deps` name what they saw, like the store's do.
    fn apply(&mut self, payload: Payload) -> Result<Vec<crate::case::Change>, FoldError> {
        self.seq += 1;
        let mut deps = vec![self.case.head];
        if let Payload::FieldSet { item, field, .. } = &payload {
            deps.extend(self.case.field_heads(*item, *field));
        }
        let mut event = body(self.case.id, self.seq, payload);
        event.deps = deps;
        self.case.apply(&event)
    }

    fn set(&mut self, field: Field, value: &str) -> &mut Self {
        self.apply(Payload::FieldSet {
            item: None,
            field,
            value: Some(value.into()),
        })
        .unwrap();
        self
    }

    fn add(&mut self, section: Section, fields: &[(Field, &str)]) -> Uuid {
        let item = Uuid::now_v7();
        self.apply(Payload::ItemAdded { section, item }).unwrap();
        for (field, value) in fields {
            self.apply(Payload::FieldSet {
                item: Some(item),
                field: *field,
                value: Some((*value).into()),
            })
            .unwrap();
        }
        item
    }

    fn flag_codes(&self) -> Vec<FlagCode> {
        flags(&self.case, ControlList::built_in())
            .into_iter()
            .map(|f| f.code)
            .collect()
    }
}

#[test]
fn field_edits_record_what_changed_from_what() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    let changes = s
        .apply(Payload::FieldSet {
            item: None,
            field: Field::VesselName,
            value: Some("MSC ANNA II".into()),
        })
        .unwrap();
    assert_eq!(changes[0].english_label(), "Vessel name");
    assert_eq!(
        changes[0].from.as_ref().and_then(ChangeValue::recorded),
        Some("MSC ANNA")
    );
    assert_eq!(
        changes[0].to.as_ref().and_then(ChangeValue::recorded),
        Some("MSC ANNA II")
    );
    assert_eq!(s.case.value(Field::VesselName), Some("MSC ANNA II"));
    assert_eq!(s.case.event_count, 3);
}

#[test]
fn change_values_are_keyed_and_worded_in_the_readers_language() {
    use quayside_i18n::{Catalogue, Locale};
    let zh = Catalogue::get(Locale::ZhCn);
    let mut s = Script::new();
    let outcome = s
        .apply(Payload::FieldSet {
            item: None,
            field: Field::OutcomeCode,
            value: Some("O4".into()),
        })
        .unwrap();
    let to = outcome[0].to.clone().unwrap();
    assert_eq!(to.english(), "Seized");
    assert_eq!(to.words(zh), zh.text("outcome.O4").unwrap());
    let item = Uuid::now_v7();
    let added = s
        .apply(Payload::ItemAdded {
            section: Section::GoodsFound,
            item,
        })
        .unwrap();
    let added = added[0].to.clone().unwrap();
    assert_eq!(added, ChangeValue::key("change.added"));
    assert_eq!(added.english(), "added");
    assert_ne!(added.words(zh), "added");
    let withdrawn = s
        .apply(Payload::ItemWithdrawn {
            section: Section::GoodsFound,
            item,
            reason: "entered twice".into(),
        })
        .unwrap();
    let withdrawn = withdrawn[0].to.clone().unwrap();
    assert_eq!(withdrawn.english(), "withdrawn: entered twice");
    // What the person typed is kept as typed, in every language.
    assert!(withdrawn.words(zh).contains("entered twice"));
    assert!(!withdrawn.words(zh).contains("withdrawn"));
    let status = s
        .apply(Payload::StatusSet {
            status: CaseStatus::Closed,
            reason: Some("handed to the prosecutor".into()),
        })
        .unwrap();
    assert_eq!(status[0].from.as_ref().unwrap().english(), "Open");
    let closed = status[0].to.as_ref().unwrap();
    assert_eq!(closed.english(), "Closed (handed to the prosecutor)");
    assert!(closed
        .words(zh)
        .starts_with(&zh.text("status.closed").unwrap()));
}

#[test]
fn change_values_stored_as_plain_text_read_as_recorded_text() {
    let old: crate::case::Change = serde_json::from_str(
        r#"{"label":[{"key":"field.vessel_name"}],"from":null,"to":"MSC ANNA"}"#,
    )
    .unwrap();
    assert_eq!(old.from, None);
    assert_eq!(old.to, Some(ChangeValue::text("MSC ANNA")));
    let keyed = crate::case::Change {
        label: old.label.clone(),
        from: Some(ChangeValue::key("change.added")),
        to: Some(ChangeValue::Field {
            field: Field::OutcomeCode,
            value: "O4".into(),
        }),
    };
    let json = serde_json::to_string(&keyed).unwrap();
    assert_eq!(
        serde_json::from_str::<crate::case::Change>(&json).unwrap(),
        keyed
    );
}

#[test]
fn items_are_labelled_by_position_and_withdrawn_not_erased() {
    let mut s = Script::new();
    s.add(Section::Seals, &[(Field::SealNumber, "A1")]);
    let second = s.add(Section::Seals, &[(Field::SealNumber, "B2")]);
    let changes = s
        .apply(Payload::ItemWithdrawn {
            section: Section::Seals,
            item: second,
            reason: "typed twice".into(),
        })
        .unwrap();
    assert_eq!(changes[0].english_label(), "Seal 2");
    assert_eq!(
        changes[0].label,
        vec![crate::timeline::LabelPart::Named {
            key: "item.seals".into(),
            name: "2".into()
        }],
        "keys travel, not English"
    );
    assert_eq!(s.case.items.len(), 2, "withdrawn items stay in the file");
    assert_eq!(s.case.live_items(Section::Seals).count(), 1);
}

#[test]
fn a_withdrawn_item_is_restored_where_it_stood_with_its_values() {
    let mut s = Script::new();
    let a = s.add(Section::Seals, &[(Field::SealNumber, "A1")]);
    let b = s.add(Section::Seals, &[(Field::SealNumber, "B2")]);
    let c = s.add(Section::Seals, &[(Field::SealNumber, "C3")]);
    s.apply(Payload::ItemWithdrawn {
        section: Section::Seals,
        item: b,
        reason: "typed twice".into(),
    })
    .unwrap();
    let order =
        |s: &Script| -> Vec<Uuid> { s.case.live_items(Section::Seals).map(|i| i.id).collect() };
    assert_eq!(order(&s), vec![a, c]);

    let changes = s
        .apply(Payload::ItemRestored {
            section: Section::Seals,
            item: b,
        })
        .unwrap();
    assert_eq!(order(&s), vec![a, b, c], "back where it stood");
    let restored = s.case.items.iter().find(|i| i.id == b).unwrap();
    assert_eq!(restored.withdrawn, None);
    assert_eq!(restored.value(Field::SealNumber), Some("B2"), "values kept");
    assert_eq!(changes[0].english_label(), "Seal 2");
    assert_eq!(
        changes[0]
            .from
            .as_ref()
            .map(ChangeValue::english)
            .as_deref(),
        Some("withdrawn: typed twice")
    );
    assert_eq!(changes[0].to, Some(ChangeValue::key("change.restored")));
    assert_eq!(changes[0].to.as_ref().unwrap().english(), "restored");

    // Only a withdrawn entry of this case and section can be restored; a refusal changes nothing.
    let before = s.case.clone();
    assert_eq!(
        s.apply(Payload::ItemRestored {
            section: Section::Seals,
            item: b,
        }),
        Err(FoldError::NotWithdrawn("Seal 2".into()))
    );
    let ghost = Uuid::now_v7();
    assert_eq!(
        s.apply(Payload::ItemRestored {
            section: Section::Seals,
            item: ghost,
        }),
        Err(FoldError::NoSuchItem("Seal".into(), ghost))
    );
    s.apply(Payload::ItemWithdrawn {
        section: Section::Seals,
        item: a,
        reason: "wrong container".into(),
    })
    .unwrap();
    let withdrawn = s.case.clone();
    assert_eq!(
        s.apply(Payload::ItemRestored {
            section: Section::Route,
            item: a,
        }),
        Err(FoldError::NoSuchItem("Route leg".into(), a)),
        "the section named must be the entry's"
    );
    assert_eq!(s.case, withdrawn);
    assert_ne!(withdrawn, before);
}

#[test]
fn bad_events_are_refused_and_leave_the_case_unchanged() {
    let mut s = Script::new();
    let before = s.case.clone();
    let ghost = Uuid::now_v7();
    let err = s
        .apply(Payload::FieldSet {
            item: Some(ghost),
            field: Field::SealNumber,
            value: Some("X".into()),
        })
        .unwrap_err();
    assert!(matches!(err, FoldError::WrongSection { .. }), "{err:?}");
    assert_eq!(
        s.apply(Payload::FieldSet {
            item: None,
            field: Field::SealNumber,
            value: None
        }),
        Err(FoldError::NotAList("Seal".into()))
    );
    let seal = s.add(Section::Seals, &[]);
    let after_add = s.case.clone();
    let err = s
        .apply(Payload::FieldSet {
            item: Some(seal),
            field: Field::GoodsWeight,
            value: Some("1 kg".into()),
        })
        .unwrap_err();
    assert!(matches!(err, FoldError::WrongSection { .. }));
    assert_eq!(s.case, after_add);
    assert_ne!(before, after_add);
    assert_eq!(
        s.apply(Payload::StatusSet {
            status: CaseStatus::Closed,
            reason: None
        })
        .unwrap()[0]
            .to
            .as_ref()
            .map(ChangeValue::english)
            .as_deref(),
        Some("Closed")
    );
}

#[test]
fn controlled_material_under_a_harmless_declaration_is_flagged() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "3810.10"); // soldering pastes
    s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "2805.30")]);
    assert!(s.flag_codes().contains(&FlagCode::ControlledUndeclared));

    // Declared honestly: no controlled-undeclared flag.
    let mut honest = Script::new();
    honest.set(Field::DeclaredHsCode, "2805.30");
    honest.set(Field::ExportLicenceNumber, "EL-2026-0417");
    honest.add(Section::GoodsFound, &[(Field::GoodsHsCode, "2805.30")]);
    assert!(honest.flag_codes().is_empty(), "{:?}", honest.flag_codes());
}

#[test]
fn a_material_class_alone_is_enough_to_flag() {
    let mut s = Script::new();
    s.add(
        Section::GoodsFound,
        &[(Field::GoodsMaterial, "gallium_germanium")],
    );
    assert_eq!(s.flag_codes(), vec![FlagCode::ControlledUndeclared]);
    let message = &flags(&s.case, ControlList::built_in())[0].english();
    assert!(message.contains("(Gallium, germanium)"), "{message}");
    let mut none = Script::new();
    none.add(Section::GoodsFound, &[(Field::GoodsMaterial, "none")]);
    assert!(none.flag_codes().is_empty());
}

#[test]
fn heading_mismatch_compares_four_digit_headings_of_lines_and_declaration() {
    let mut s = Script::new();
    s.add(Section::DeclaredLines, &[(Field::LineHsCode, "6907.21")]); // ceramic tiles
    s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "6907.22")]);
    assert!(
        !s.flag_codes().contains(&FlagCode::HsHeadingMismatch),
        "same heading 6907"
    );
    s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "8101.94")]);
    s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "8101.94")]);
    s.add(Section::DeclaredLines, &[(Field::LineHsCode, "6907.40")]);
    let f = flags(&s.case, ControlList::built_in());
    let mismatch = f
        .iter()
        .find(|f| f.code == FlagCode::HsHeadingMismatch)
        .unwrap();
    assert_eq!(
        mismatch.english(),
        "HS heading found (8101.94) differs from the declared heading (6907)"
    );
}

#[test]
fn controlled_goods_hidden_within_a_line_are_commingling_not_also_a_heading_mismatch() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "9618.00");
    let line = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "Plastic display mannequins"),
            (Field::LineHsCode, "9618.00"),
        ],
    );
    let line = line.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsHsCode, "9618.00"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    // Antimony ingots inside the mannequins, classified as found: one fact, named by commingling
    // with its line and by the material nobody declared.
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsHsCode, "8110.10"),
            (Field::GoodsMaterial, "antimony"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    assert_eq!(
        s.flag_codes(),
        [FlagCode::ControlledUndeclared, FlagCode::Commingling]
    );
    // Goods of another heading that are not controlled, within the same line, still are.
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsHsCode, "2402.20"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    let found = flags(&s.case, ControlList::built_in());
    let mismatch = found
        .iter()
        .find(|f| f.code == FlagCode::HsHeadingMismatch)
        .expect("cigarettes are a heading nobody declared");
    assert_eq!(
        mismatch.english(),
        "HS heading found (2402.20) differs from the declared heading (9618)"
    );
    // So is the controlled heading when the goods are linked to no line.
    let mut unlinked = Script::new();
    unlinked.set(Field::DeclaredHsCode, "9618.00");
    unlinked.add(Section::GoodsFound, &[(Field::GoodsHsCode, "8110.10")]);
    assert_eq!(
        unlinked.flag_codes(),
        [FlagCode::ControlledUndeclared, FlagCode::HsHeadingMismatch]
    );
}

#[test]
fn weight_is_flagged_only_beyond_the_tolerance() {
    let mut s = Script::new();
    s.set(Field::DeclaredWeight, "1 t");
    s.add(Section::GoodsFound, &[(Field::GoodsWeight, "1040 kg")]);
    assert!(
        !s.flag_codes().contains(&FlagCode::WeightDiscrepancy),
        "4% is within 5%"
    );
    s.add(Section::GoodsFound, &[(Field::GoodsWeight, "20 kg")]);
    let f = flags(&s.case, ControlList::built_in());
    let w = f
        .iter()
        .find(|f| f.code == FlagCode::WeightDiscrepancy)
        .expect("6% off");
    assert!(
        w.english() == "Weight found 1060 kg differs from declared 1000 kg by 6% (tolerance 5%)",
        "{}",
        w.english()
    );
}

#[test]
fn declared_line_weights_stand_in_for_a_missing_total() {
    let mut s = Script::new();
    s.add(Section::DeclaredLines, &[(Field::LineWeight, "500 kg")]);
    s.add(Section::DeclaredLines, &[(Field::LineWeight, "500 kg")]);
    s.add(Section::GoodsFound, &[(Field::GoodsWeight, "1500 kg")]);
    assert!(s.flag_codes().contains(&FlagCode::WeightDiscrepancy));
}

#[test]
fn origin_must_appear_on_the_route() {
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "TH");
    assert!(
        s.flag_codes().is_empty(),
        "no route yet, nothing to compare"
    );
    s.add(
        Section::Route,
        &[(Field::LegLocode, "CNSHA"), (Field::LegRole, "loading")],
    );
    let leg = s.add(Section::Route, &[(Field::LegLocode, "NLRTM")]);
    assert!(s.flag_codes().contains(&FlagCode::OriginNotOnRoute));
    s.add(
        Section::Route,
        &[
            (Field::LegLocode, "THLCH"),
            (Field::LegRole, "transshipment"),
        ],
    );
    assert!(!s.flag_codes().contains(&FlagCode::OriginNotOnRoute));
    let _ = leg;
}

/// A route leg: place, role and basis.
fn leg<'a>(place: &'a str, role: &'a str, basis: &'a str) -> [(Field, &'a str); 3] {
    [
        (Field::LegLocode, place),
        (Field::LegRole, role),
        (Field::LegBasis, basis),
    ]
}

#[test]
fn an_established_origin_other_than_the_declared_one_is_a_relabelled_origin() {
    // Declared Thai, shipped from Shanghai, through Laem Chabang, to Los Angeles.
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "TH");
    s.add(Section::Route, &leg("CNSHA", "origin", "established"));
    s.add(Section::Route, &leg("THLCH", "transshipment", "declared"));
    s.add(Section::Route, &leg("USLAX", "destination", "declared"));
    assert_eq!(s.flag_codes(), vec![FlagCode::OriginRelabelled]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "Declared origin TH; route establishes CN (CNSHA)"
    );
}

#[test]
fn an_origin_only_declared_or_the_same_as_declared_is_not_relabelled() {
    // The origin leg as the declaration gives it is no finding: only the old check applies.
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "TH");
    s.add(Section::Route, &leg("CNSHA", "origin", "declared"));
    s.add(Section::Route, &leg("THLCH", "transshipment", "declared"));
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());

    let mut same = Script::new();
    same.set(Field::DeclaredOrigin, "TH");
    same.add(Section::Route, &leg("THBKK", "origin", "established"));
    same.add(Section::Route, &leg("USLAX", "destination", "declared"));
    assert!(same.flag_codes().is_empty(), "{:?}", same.flag_codes());

    // Nothing declared to compare with.
    let mut undeclared = Script::new();
    undeclared.add(Section::Route, &leg("CNSHA", "origin", "established"));
    assert!(undeclared.flag_codes().is_empty());
}

#[test]
fn a_relabelled_origin_is_one_flag_not_two() {
    // TH is on no leg and CN is established: one fact, so only the relabelled origin is raised.
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "TH");
    s.add(Section::Route, &leg("CNSHA", "origin", "established"));
    s.add(Section::Route, &leg("NLRTM", "destination", "declared"));
    assert_eq!(s.flag_codes(), vec![FlagCode::OriginRelabelled]);
}

#[test]
fn a_transshipment_in_a_third_country_nobody_declared_is_flagged() {
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "CN");
    s.add(Section::Route, &leg("CNSHA", "origin", "declared"));
    let manzanillo = s.add(
        Section::Route,
        &leg("MXZLO", "transshipment", "established"),
    );
    s.add(Section::Route, &leg("USLAX", "destination", "declared"));
    assert_eq!(s.flag_codes(), vec![FlagCode::UndeclaredTransshipment]);
    let english = flags(&s.case, ControlList::built_in())[0].english();
    assert!(
        english.starts_with("Goods were transshipped at MXZLO (MX)"),
        "{english}"
    );

    // The same port on the declaration: nothing new.
    s.add(Section::Route, &leg("MXZLO", "transit", "declared"));
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
    let _ = manzanillo;
}

#[test]
fn transshipment_in_the_origin_or_destination_country_or_unproven_is_not_flagged() {
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "CN");
    s.add(Section::Route, &leg("CNSHA", "origin", "declared"));
    // In the declared origin's country, in the destination's, and one whose basis nobody gave.
    s.add(
        Section::Route,
        &leg("CNNGB", "transshipment", "established"),
    );
    s.add(
        Section::Route,
        &leg("USOAK", "transshipment", "established"),
    );
    s.add(
        Section::Route,
        &[
            (Field::LegLocode, "KRPUS"),
            (Field::LegRole, "transshipment"),
        ],
    );
    s.add(Section::Route, &leg("USLAX", "destination", "declared"));
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
}

#[test]
fn withdrawn_legs_say_nothing_about_the_route() {
    let mut s = Script::new();
    s.set(Field::DeclaredOrigin, "TH");
    let leg = s.add(Section::Route, &leg("CNSHA", "origin", "established"));
    assert_eq!(s.flag_codes(), vec![FlagCode::OriginRelabelled]);
    s.apply(Payload::ItemWithdrawn {
        section: Section::Route,
        item: leg,
        reason: "entered on the wrong case".into(),
    })
    .unwrap();
    assert!(s.flag_codes().is_empty());
}

#[test]
fn controlled_powder_within_declared_tiles_is_commingling_not_a_weight_discrepancy() {
    let mut s = Script::new();
    let tiles = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "Ceramic tiles"),
            (Field::LineHsCode, "6907.21"),
            (Field::LineWeight, "18000 kg"),
        ],
    );
    let tiles = tiles.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsMaterial, "gallium_germanium"),
            (Field::GoodsWeight, "2400 kg"),
            (Field::GoodsDeclaredLine, &tiles),
        ],
    );
    // Against the declared weight, 2,400 kg is 87% off: the old false alarm. Linked, the powder
    // is what it is: controlled material hidden in the tiles.
    assert_eq!(
        s.flag_codes(),
        vec![FlagCode::ControlledUndeclared, FlagCode::Commingling]
    );
    let commingling = flags(&s.case, ControlList::built_in()).pop().unwrap();
    assert_eq!(
        commingling.english(),
        "2400 kg of Gallium, germanium found within declared line 1 (Ceramic tiles, 18000 kg)"
    );
}

#[test]
fn goods_are_weighed_against_the_line_they_are_linked_to() {
    let mut s = Script::new();
    s.set(Field::DeclaredWeight, "20000 kg");
    let tiles = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "Ceramic tiles"),
            (Field::LineWeight, "18000 kg"),
        ],
    );
    let tiles = tiles.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsWeight, "17500 kg"),
            (Field::GoodsDeclaredLine, &tiles),
        ],
    );
    // 17,500 of 18,000 kg is within 5% of the line; the declaration's 20,000 kg is not compared.
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsWeight, "1500 kg"),
            (Field::GoodsDeclaredLine, &tiles),
        ],
    );
    assert_eq!(s.flag_codes(), vec![FlagCode::WeightDiscrepancy]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "Weight found 19000 kg against 18000 kg declared on line 1 (Ceramic tiles): 6% off \
         (tolerance 5%)"
    );
}

#[test]
fn controlled_material_within_a_line_declaring_it_is_no_commingling() {
    let mut s = Script::new();
    s.set(Field::ExportLicenceNumber, "EL-2026-0417");
    let line = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineHsCode, "8112.92"),
            (Field::LineWeight, "500 kg"),
        ],
    );
    let line = line.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsMaterial, "gallium_germanium"),
            (Field::GoodsWeight, "505 kg"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
}

#[test]
fn counts_are_compared_per_line_in_the_same_unit() {
    let mut s = Script::new();
    let line = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "LED panels"),
            (Field::LineQuantity, "1200 pieces"),
        ],
    );
    let line = line.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsQuantity, "1500 pieces"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    assert_eq!(s.flag_codes(), vec![FlagCode::QuantityDiscrepancy]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "1500 pieces found against 1200 declared on line 1 (LED panels)"
    );

    // Cartons say nothing about pieces; the same count says nothing at all.
    let mut other_unit = Script::new();
    let line = other_unit.add(
        Section::DeclaredLines,
        &[(Field::LineQuantity, "1200 pieces")],
    );
    let line = line.to_string();
    other_unit.add(
        Section::GoodsFound,
        &[
            (Field::GoodsQuantity, "40 cartons"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    other_unit.add(
        Section::GoodsFound,
        &[
            (Field::GoodsQuantity, "1200 pieces"),
            (Field::GoodsDeclaredLine, &line),
        ],
    );
    assert!(
        other_unit.flag_codes().is_empty(),
        "{:?}",
        other_unit.flag_codes()
    );
}

#[test]
fn with_nothing_linked_the_totals_are_compared() {
    let mut s = Script::new();
    s.set(Field::DeclaredQuantity, "1200 pcs");
    s.add(Section::GoodsFound, &[(Field::GoodsQuantity, "1500 pcs")]);
    assert_eq!(s.flag_codes(), vec![FlagCode::QuantityDiscrepancy]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "1500 pcs found against 1200 declared"
    );
}

#[test]
fn a_link_to_a_withdrawn_line_counts_as_no_link() {
    let mut s = Script::new();
    s.set(Field::DeclaredWeight, "18000 kg");
    let tiles = s.add(Section::DeclaredLines, &[(Field::LineWeight, "18000 kg")]);
    let link = tiles.to_string();
    s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsMaterial, "antimony"),
            (Field::GoodsWeight, "2400 kg"),
            (Field::GoodsDeclaredLine, &link),
        ],
    );
    assert!(s.flag_codes().contains(&FlagCode::Commingling));
    s.apply(Payload::ItemWithdrawn {
        section: Section::DeclaredLines,
        item: tiles,
        reason: "typed twice".into(),
    })
    .unwrap();
    assert_eq!(
        s.flag_codes(),
        vec![FlagCode::ControlledUndeclared, FlagCode::WeightDiscrepancy]
    );
}

#[test]
fn withdrawn_goods_raise_no_flags() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "3810.10");
    let g = s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "8101.94")]);
    assert!(!s.flag_codes().is_empty());
    s.apply(Payload::ItemWithdrawn {
        section: Section::GoodsFound,
        item: g,
        reason: "wrong container".into(),
    })
    .unwrap();
    assert!(s.flag_codes().is_empty());
    s.apply(Payload::ItemRestored {
        section: Section::GoodsFound,
        item: g,
    })
    .unwrap();
    assert!(!s.flag_codes().is_empty(), "restored goods count again");
}

#[test]
fn route_legs_can_be_reordered_and_the_timeline_says_where_they_went() {
    let mut s = Script::new();
    let a = s.add(Section::Route, &[(Field::LegLocode, "CNSHA")]);
    let b = s.add(Section::Route, &[(Field::LegLocode, "NLRTM")]);
    let seal = s.add(Section::Seals, &[]);
    let c = s.add(Section::Route, &[(Field::LegLocode, "THLCH")]);
    let order =
        |s: &Script| -> Vec<Uuid> { s.case.live_items(Section::Route).map(|i| i.id).collect() };

    let changes = s
        .apply(Payload::ItemMoved {
            section: Section::Route,
            item: c,
            after: Some(a),
        })
        .unwrap();
    assert_eq!(order(&s), vec![a, c, b]);
    assert_eq!(changes[0].english_label(), "Route leg 3");
    assert_eq!(
        changes[0].to.as_ref().map(ChangeValue::english).as_deref(),
        Some("position 2")
    );
    s.apply(Payload::ItemMoved {
        section: Section::Route,
        item: b,
        after: None,
    })
    .unwrap();
    assert_eq!(order(&s), vec![b, a, c]);
    assert!(
        s.case.items.iter().any(|i| i.id == seal),
        "other sections untouched"
    );

    let before = s.case.clone();
    let wrong = s.apply(Payload::ItemMoved {
        section: Section::Route,
        item: a,
        after: Some(seal),
    });
    assert!(
        wrong.is_err(),
        "cannot be placed after an item of another section"
    );
    let wrong = s.apply(Payload::ItemMoved {
        section: Section::Route,
        item: a,
        after: Some(a),
    });
    assert!(wrong.is_err());
    assert_eq!(s.case, before);
}

#[test]
fn documents_are_attached_with_type_and_number_and_excluded_never_erased() {
    use crate::document::DocumentType;
    let mut s = Script::new();
    let sha = "ab".repeat(32);
    let attach = Payload::DocumentAttached {
        sha256: sha.clone(),
        size: 2048,
        media_type: "application/pdf".into(),
        file_name: "bl.pdf".into(),
        document_type: DocumentType::BillOfLading,
        number: Some("MSCU1234567".into()),
    };
    let changes = s.apply(attach.clone()).unwrap();
    assert_eq!(changes[0].english_label(), "Document bl.pdf");
    assert_eq!(
        changes[0].to.as_ref().unwrap().english(),
        format!("attached as Bill of lading no. MSCU1234567 (SHA-256 {sha})")
    );
    assert_eq!(
        s.apply(attach),
        Err(FoldError::DocumentAlreadyAttached("bl.pdf".into()))
    );
    // The same bytes may be a photo of the case too: documents and photos are separate lists.
    assert_eq!(
        s.case.documents[0].document_type,
        DocumentType::BillOfLading
    );
    assert!(s.case.photos.is_empty());

    s.apply(Payload::DocumentExcluded {
        sha256: sha.clone(),
        reason: "another shipment's".into(),
    })
    .unwrap();
    assert_eq!(s.case.documents.len(), 1, "excluded, still there");
    assert_eq!(
        s.case.documents[0].excluded.as_deref(),
        Some("another shipment's")
    );
    let again = s.apply(Payload::DocumentExcluded {
        sha256: sha.clone(),
        reason: "x".into(),
    });
    assert!(matches!(again, Err(FoldError::DocumentAlreadyExcluded(_))));
    let missing = s.apply(Payload::DocumentExcluded {
        sha256: "cd".repeat(32),
        reason: "x".into(),
    });
    assert!(matches!(missing, Err(FoldError::NoSuchDocument(_))));
    let bad = s.apply(Payload::DocumentAttached {
        sha256: "../../etc/passwd".into(),
        size: 1,
        media_type: "application/pdf".into(),
        file_name: "x.pdf".into(),
        document_type: DocumentType::Other,
        number: None,
    });
    assert!(matches!(bad, Err(FoldError::BadPhotoHash(_))));
    let changes = s
        .apply(Payload::DocumentAttached {
            sha256: "ef".repeat(32),
            size: 1,
            media_type: "image/png".into(),
            file_name: "invoice.png".into(),
            document_type: DocumentType::CommercialInvoice,
            number: None,
        })
        .unwrap();
    assert!(changes[0]
        .to
        .as_ref()
        .unwrap()
        .english()
        .starts_with("attached as Commercial invoice (SHA-256"));
    assert_eq!(
        Payload::DocumentAttached {
            sha256: sha.clone(),
            size: 7,
            media_type: "application/pdf".into(),
            file_name: "x.pdf".into(),
            document_type: DocumentType::Other,
            number: None,
        }
        .blob(),
        Some((sha.as_str(), 7))
    );
}

#[test]
fn photos_are_attached_captioned_and_excluded_never_erased() {
    let mut s = Script::new();
    let sha = "ab".repeat(32);
    let attach = Payload::PhotoAttached {
        sha256: sha.clone(),
        size: 1234,
        media_type: "image/jpeg".into(),
        file_name: "IMG_0001.jpg".into(),
        caption: None,
        exif: crate::photo::Exif {
            camera: Some("Canon EOS".into()),
            ..Default::default()
        },
        captured: None,
    };
    let changes = s.apply(attach.clone()).unwrap();
    assert_eq!(changes[0].english_label(), "Photo IMG_0001.jpg");
    assert_eq!(
        s.apply(attach),
        Err(FoldError::PhotoAlreadyAttached("IMG_0001.jpg".into()))
    );

    let changes = s
        .apply(Payload::PhotoCaptionSet {
            sha256: sha.clone(),
            caption: Some("Cut-open mannequin".into()),
        })
        .unwrap();
    assert_eq!(changes[0].to, Some(ChangeValue::text("Cut-open mannequin")));
    s.apply(Payload::PhotoExcluded {
        sha256: sha.clone(),
        reason: "wrong container".into(),
    })
    .unwrap();
    assert_eq!(s.case.photos.len(), 1, "excluded, still there");
    assert_eq!(
        s.case.photos[0].excluded.as_deref(),
        Some("wrong container")
    );
    assert_eq!(
        s.case.photos[0].caption.as_deref(),
        Some("Cut-open mannequin")
    );

    let missing = s.apply(Payload::PhotoExcluded {
        sha256: "cd".repeat(32),
        reason: "x".into(),
    });
    assert!(matches!(missing, Err(FoldError::NoSuchPhoto(_))));
    let bad = s.apply(Payload::PhotoAttached {
        sha256: "../../etc/passwd".into(),
        size: 1,
        media_type: "image/png".into(),
        file_name: "x.png".into(),
        caption: None,
        exif: Default::default(),
        captured: None,
    });
    assert!(matches!(bad, Err(FoldError::BadPhotoHash(_))));
}

#[test]
fn annotations_are_drawn_redrawn_and_removed_over_an_untouched_photo() {
    use crate::annotation::{Mark, MarkError, Point, MAX_PER_PHOTO};
    let mut s = Script::new();
    let sha = "ab".repeat(32);
    s.apply(Payload::PhotoAttached {
        sha256: sha.clone(),
        size: 1234,
        media_type: "image/jpeg".into(),
        file_name: "IMG_0002.jpg".into(),
        caption: None,
        exif: Default::default(),
        captured: None,
    })
    .unwrap();
    let arrow = Mark::Arrow {
        from: Point { x: 100, y: 100 },
        to: Point { x: 5000, y: 4000 },
    };
    let text = |t: &str| Mark::Text {
        at: Point { x: 200, y: 9000 },
        text: t.into(),
    };
    let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
    let annotate = |id: Uuid, mark: Option<Mark>| Payload::PhotoAnnotated {
        sha256: sha.clone(),
        annotation: id,
        mark,
    };

    let changes = s.apply(annotate(first, Some(arrow.clone()))).unwrap();
    assert_eq!(
        changes[0].english_label(),
        "Photo IMG_0002.jpg · Annotation"
    );
    assert_eq!(changes[0].to.as_ref().unwrap().english(), "Arrow");
    s.apply(annotate(second, Some(text("powder behind panel"))))
        .unwrap();
    let changes = s
        .apply(annotate(second, Some(text("antimony behind panel"))))
        .unwrap();
    assert_eq!(
        changes[0].from.as_ref().unwrap().english(),
        "Text “powder behind panel”"
    );
    let marks: Vec<&Mark> = s.case.photos[0]
        .annotations
        .iter()
        .map(|a| &a.mark)
        .collect();
    assert_eq!(
        marks,
        [&arrow, &text("antimony behind panel")],
        "edited in place"
    );

    let changes = s.apply(annotate(first, None)).unwrap();
    assert_eq!(changes[0].to.as_ref().unwrap().english(), "removed");
    assert_eq!(s.case.photos[0].annotations.len(), 1);
    assert_eq!(s.case.photos[0].annotations[0].id, second);
    assert_eq!(
        s.apply(annotate(first, None)).unwrap(),
        vec![],
        "removed twice (on two devices): nothing left to remove"
    );

    let before = s.case.clone();
    let off = Mark::Box {
        from: Point { x: 0, y: 0 },
        to: Point { x: 10_001, y: 5 },
    };
    assert_eq!(
        s.apply(annotate(Uuid::now_v7(), Some(off))),
        Err(FoldError::BadAnnotation(MarkError::OffPhoto))
    );
    assert!(matches!(
        s.apply(Payload::PhotoAnnotated {
            sha256: "cd".repeat(32),
            annotation: first,
            mark: Some(arrow.clone()),
        }),
        Err(FoldError::NoSuchPhoto(_))
    ));
    assert_eq!(s.case, before, "refused events change nothing");
    for _ in 1..MAX_PER_PHOTO {
        s.apply(annotate(Uuid::now_v7(), Some(arrow.clone())))
            .unwrap();
    }
    assert_eq!(
        s.apply(annotate(Uuid::now_v7(), Some(arrow.clone()))),
        Err(FoldError::TooManyAnnotations)
    );
}

/// Every value of the vessel name's open conflict, in fold order.
fn vessel_rivals(case: &CaseFile) -> &[crate::case::Rival] {
    &case
        .conflict(None, Field::VesselName)
        .expect("a conflict")
        .values
}

/// An edit of `field` by `name` that saw exactly `deps`, at `hlc` milliseconds.
fn edit(case: &CaseFile, name: &str, hlc: u64, deps: Vec<Uuid>, value: Option<&str>) -> EventBody {
    let mut event = body(
        case.id,
        hlc,
        Payload::FieldSet {
            item: None,
            field: Field::VesselName,
            value: value.map(str::to_string),
        },
    );
    event.author.name = name.into();
    event.device_id = Uuid::new_v4();
    event.deps = deps;
    event
}

#[test]
fn concurrent_edits_of_a_field_keep_both_values_and_a_deterministic_winner() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    let seen = s.case.field_heads(None, Field::VesselName);
    let base = s.case.clone();
    // Two inspectors edit the same value offline: neither saw the other.
    let a = edit(&base, "Inspector A", 50, seen.clone(), Some("MSC ANNA II"));
    let b = edit(&base, "Inspector B", 60, seen.clone(), Some("MSC ANA"));
    let mut one = base.clone();
    one.apply(&a).unwrap();
    let changes = one.apply(&b).unwrap();
    assert!(
        changes[0].english_label().contains("conflict"),
        "{:?}",
        changes
    );
    assert_eq!(
        one.value(Field::VesselName),
        Some("MSC ANA"),
        "later in fold order wins"
    );
    let conflict = one.conflict(None, Field::VesselName).unwrap();
    let values: Vec<_> = conflict.values.iter().map(|r| r.value.as_deref()).collect();
    assert_eq!(values, [Some("MSC ANNA II"), Some("MSC ANA")]);
    assert_eq!(conflict.values[0].author, "Inspector A");
    assert_eq!(one.field_heads(None, Field::VesselName), [a.id, b.id]);

    // A sequential edit (one saw the other) is no conflict.
    let mut two = base.clone();
    two.apply(&a).unwrap();
    let after_a = edit(&two, "Inspector B", 70, vec![a.id], Some("MSC ANNA III"));
    two.apply(&after_a).unwrap();
    assert!(two.conflicts.is_empty());

    // An edit that saw both sides settles the conflict, whichever value it keeps.
    let heads = one.field_heads(None, Field::VesselName);
    let settle = edit(&one, "Supervisor", 80, heads, Some("MSC ANNA II"));
    let changes = one.apply(&settle).unwrap();
    assert!(changes[0].english_label().contains("settled"));
    assert!(one.conflicts.is_empty());
    assert_eq!(one.value(Field::VesselName), Some("MSC ANNA II"));

    // An edit that saw only one side leaves the other in conflict.
    let mut three = base.clone();
    three.apply(&a).unwrap();
    three.apply(&b).unwrap();
    let partial = edit(&three, "Inspector A", 90, vec![a.id], Some("X"));
    three.apply(&partial).unwrap();
    let values: Vec<_> = vessel_rivals(&three).iter().map(|r| r.event_id).collect();
    assert_eq!(values, [b.id, partial.id]);
}

#[test]
fn a_cleared_field_can_be_one_side_of_a_conflict() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    let seen = s.case.field_heads(None, Field::VesselName);
    let a = edit(&s.case, "A", 50, seen.clone(), Some("MSC ANNA II"));
    let b = edit(&s.case, "B", 60, seen, None);
    s.case.apply(&a).unwrap();
    s.case.apply(&b).unwrap();
    assert_eq!(s.case.value(Field::VesselName), None);
    let values: Vec<_> = vessel_rivals(&s.case)
        .iter()
        .map(|r| r.value.clone())
        .collect();
    assert_eq!(values, [Some("MSC ANNA II".to_string()), None]);
}

#[test]
fn a_set_made_without_seeing_a_clear_is_a_conflict_and_one_that_saw_it_is_not() {
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    let seen = s.case.field_heads(None, Field::VesselName);
    let clear = edit(&s.case, "A", 50, seen.clone(), None);
    let set = edit(&s.case, "B", 60, seen, Some("MSC ANNA II"));
    let mut both = s.case.clone();
    both.apply(&clear).unwrap();
    assert_eq!(both.field_heads(None, Field::VesselName), [clear.id]);
    both.apply(&set).unwrap();
    let values: Vec<_> = vessel_rivals(&both).iter().map(|r| r.event_id).collect();
    assert_eq!(values, [clear.id, set.id]);

    let mut after = s.case.clone();
    after.apply(&clear).unwrap();
    let later = edit(
        &after,
        "B",
        70,
        after.field_heads(None, Field::VesselName),
        Some("X"),
    );
    after.apply(&later).unwrap();
    assert!(after.conflicts.is_empty() && after.cleared.is_empty());
    assert_eq!(after.value(Field::VesselName), Some("X"));
}

/// A review event by a supervisor (or by `role`) who saw the case as it is.
fn review(
    s: &mut Script,
    role: Role,
    payload: Payload,
) -> Result<Vec<crate::case::Change>, FoldError> {
    s.seq += 1;
    let mut event = body(s.case.id, s.seq, payload);
    event.author = Author {
        name: "Sam Supervisor".into(),
        role,
    };
    event.deps = vec![s.case.head];
    s.case.apply(&event)
}

fn approve_all(s: &mut Script) {
    let covers = s.case.review.uncovered.clone();
    review(
        s,
        Role::Supervisor,
        Payload::ReviewApproved {
            covers,
            comment: Some("complete".into()),
        },
    )
    .unwrap();
}

#[test]
fn a_case_moves_through_submission_return_and_approval() {
    use crate::event::SectionComment;
    use crate::review::ReviewState;
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    assert_eq!(s.case.review.state, ReviewState::NotSubmitted);
    assert_eq!(s.case.review.uncovered.len(), 2, "the opening and the edit");

    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
    assert_eq!(s.case.review.state, ReviewState::Submitted);
    assert!(s.case.review.state.in_queue());
    assert_eq!(
        s.case.review.uncovered.len(),
        2,
        "a submission is not a change"
    );

    let changes = review(
        &mut s,
        Role::Supervisor,
        Payload::ReviewReturned {
            comment: "photos missing".into(),
            sections: vec![SectionComment {
                section: Section::Transport,
                comment: "add the IMO number".into(),
            }],
        },
    )
    .unwrap();
    assert_eq!(s.case.review.state, ReviewState::Returned);
    assert!(!s.case.review.state.needs_reason());
    assert_eq!(
        s.case.review.section_comments[0].section,
        Section::Transport
    );
    // The decision, then the section's comment as typed, under the section's label.
    assert_eq!(changes[1].english_label(), "Review · Transport");
    assert_eq!(changes[1].to, Some(ChangeValue::text("add the IMO number")));

    s.set(Field::ImoNumber, "9074729");
    s.apply(Payload::ReviewSubmitted {
        comment: Some("IMO added".into()),
        acknowledged: vec![],
    })
    .unwrap();
    assert!(
        s.case.review.section_comments.is_empty(),
        "a new submission clears them"
    );
    approve_all(&mut s);
    assert_eq!(s.case.review.state, ReviewState::Approved);
    assert!(s.case.review.uncovered.is_empty());
    assert!(s.case.review.queued_at.is_none());
}

#[test]
fn a_change_after_approval_reopens_review_and_says_what_changed() {
    use crate::review::ReviewState;
    let mut s = Script::new();
    s.set(Field::VesselName, "MSC ANNA");
    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
    approve_all(&mut s);
    assert!(s.case.review.changed_since_approval().is_empty());

    s.seq += 1;
    let mut event = body(
        s.case.id,
        s.seq,
        Payload::FieldSet {
            item: None,
            field: Field::Voyage,
            value: Some("123W".into()),
        },
    );
    event.deps = vec![s.case.head];
    event.reason = Some("voyage was misread from the manifest".into());
    let changes = s.case.apply(&event).unwrap();
    assert_eq!(s.case.review.state, ReviewState::Reopened);
    assert!(s.case.review.state.in_queue());
    assert_eq!(s.case.review.changed_since_approval(), &[event.id]);
    assert_eq!(
        s.case.review.queued_at.as_deref(),
        Some(event.wall_time.as_str())
    );
    let reason = changes
        .iter()
        .find(|c| c.english_label() == "Reason for the change")
        .unwrap();
    assert_eq!(
        reason.to,
        Some(ChangeValue::text("voyage was misread from the manifest"))
    );

    approve_all(&mut s);
    assert_eq!(s.case.review.state, ReviewState::Approved);
}

#[test]
fn an_approval_that_did_not_see_a_concurrent_change_leaves_review_open() {
    use crate::review::ReviewState;
    let mut s = Script::new();
    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
    let seen = s.case.review.uncovered.clone();
    // The inspector edits while the supervisor approves what they had: the edit folds first.
    s.set(Field::VesselName, "LATE EDIT");
    let unseen = s.case.head;
    review(
        &mut s,
        Role::Supervisor,
        Payload::ReviewApproved {
            covers: seen,
            comment: None,
        },
    )
    .unwrap();
    assert_eq!(s.case.review.state, ReviewState::Reopened);
    assert_eq!(s.case.review.changed_since_approval(), &[unseen]);
}

#[test]
fn an_inspector_cannot_approve_or_return_and_the_case_is_left_as_it_was() {
    let mut s = Script::new();
    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
    let before = s.case.clone();
    for payload in [
        Payload::ReviewApproved {
            covers: before.review.uncovered.clone(),
            comment: None,
        },
        Payload::ReviewReturned {
            comment: "no".into(),
            sections: vec![],
        },
    ] {
        let err = review(&mut s, Role::Inspector, payload).unwrap_err();
        assert!(err.to_string().contains("only a supervisor"), "{err}");
        assert_eq!(s.case, before);
    }
    review(
        &mut s,
        Role::Admin,
        Payload::ReviewReturned {
            comment: "an admin may".into(),
            sections: vec![],
        },
    )
    .unwrap();
}

#[test]
fn a_reason_is_left_out_of_the_encoding_when_absent() {
    let plain = body(Uuid::nil(), 1, Payload::Unknown);
    let text = String::from_utf8(serde_json::to_vec(&plain).unwrap()).unwrap();
    assert!(!text.contains("reason"), "{text}");
    let mut with = plain.clone();
    with.reason = Some("typo".into());
    let back: EventBody = serde_json::from_slice(&serde_json::to_vec(&with).unwrap()).unwrap();
    assert_eq!(back.reason.as_deref(), Some("typo"));
}

#[test]
fn an_event_of_a_newer_kind_reopens_an_approved_case_too() {
    use crate::review::ReviewState;
    let mut s = Script::new();
    s.apply(Payload::ReviewSubmitted {
        comment: None,
        acknowledged: vec![],
    })
    .unwrap();
    approve_all(&mut s);
    let approval = s.case.review.last_step;
    assert_eq!(
        approval,
        s.case.review.approved.as_ref().map(|a| a.event_id)
    );
    s.apply(Payload::Unknown).unwrap();
    assert_eq!(s.case.review.state, ReviewState::Reopened);
    assert_eq!(
        s.case.review.last_step, approval,
        "a change is not a review step"
    );
}

fn handover(s: &mut Script, item: Uuid, from: &str, to: &str, at: &str) {
    s.apply(Payload::CustodyTransferred {
        item,
        from: from.into(),
        to: to.into(),
        place: "NLRTM evidence store".into(),
        at: at.into(),
        condition: "sealed, intact".into(),
    })
    .unwrap();
}

#[test]
fn evidence_custody_is_a_chain_and_a_break_in_it_is_flagged() {
    let mut s = Script::new();
    let bag = s.add(Section::Evidence, &[(Field::EvidenceNumber, "EV-0001")]);
    assert_eq!(
        s.flag_codes(),
        [FlagCode::CustodyBreak],
        "nobody holds it yet"
    );
    assert!(flags(&s.case, ControlList::built_in())[0]
        .english()
        .contains("EV-0001"));

    handover(
        &mut s,
        bag,
        "Ines Inspector",
        "Sam Keeper",
        "2026-11-28 13:00",
    );
    // Recorded out of order: the chain follows the time the goods moved.
    handover(
        &mut s,
        bag,
        "Lab Courier",
        "Forensic lab",
        "2026-11-28 18:00",
    );
    handover(&mut s, bag, "Sam Keeper", "Lab Courier", "2026-11-28 15:00");
    assert!(
        s.flag_codes().is_empty(),
        "{:?}",
        flags(&s.case, ControlList::built_in())
    );
    let holders: Vec<&str> = crate::custody::chain(&s.case, bag)
        .iter()
        .map(|r| r.to.as_str())
        .collect();
    assert_eq!(holders, ["Sam Keeper", "Lab Courier", "Forensic lab"]);

    handover(
        &mut s,
        bag,
        "Someone Else",
        "Court clerk",
        "2026-11-29 09:00",
    );
    let flag = &flags(&s.case, ControlList::built_in())[0];
    assert_eq!(flag.code, FlagCode::CustodyBreak);
    assert!(
        flag.english().contains("Forensic lab held it"),
        "{}",
        flag.english()
    );
    assert!(
        flag.english().contains("Someone Else handed it"),
        "{}",
        flag.english()
    );
}

#[test]
fn custody_of_an_unknown_or_withdrawn_item_is_refused() {
    let mut s = Script::new();
    let goods = s.add(Section::GoodsFound, &[]);
    let before = s.case.clone();
    let payload = |item| Payload::CustodyTransferred {
        item,
        from: "A".into(),
        to: "B".into(),
        place: "P".into(),
        at: "2026-11-28 13:00".into(),
        condition: "ok".into(),
    };
    assert!(
        s.apply(payload(goods)).is_err(),
        "goods found are not evidence"
    );
    assert!(s.apply(payload(Uuid::now_v7())).is_err());
    assert_eq!(s.case.custody, before.custody);
    let bag = s.add(Section::Evidence, &[]);
    s.apply(Payload::ItemWithdrawn {
        section: Section::Evidence,
        item: bag,
        reason: "duplicate".into(),
    })
    .unwrap();
    let err = s.apply(payload(bag)).unwrap_err();
    assert!(err.to_string().contains("withdrawn"), "{err}");
    s.apply(Payload::ItemRestored {
        section: Section::Evidence,
        item: bag,
    })
    .unwrap();
    s.apply(payload(bag)).unwrap();
    assert_eq!(s.case.custody.len(), before.custody.len() + 1);
}

#[test]
fn a_sample_is_a_custody_item_named_by_its_seal_else_its_number() {
    let mut s = Script::new();
    let bag = s.add(Section::Samples, &[(Field::SampleSeal, "SB-0042")]);
    assert_eq!(
        s.flag_codes(),
        [FlagCode::CustodyBreak],
        "nobody holds it yet"
    );
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "Sample SB-0042: nobody is recorded as holding it"
    );

    handover(
        &mut s,
        bag,
        "Ines Inspector",
        "Lab courier",
        "2026-11-28 15:00",
    );
    handover(
        &mut s,
        bag,
        "Lab courier",
        "Forensic lab",
        "2026-11-28 18:00",
    );
    assert!(
        s.flag_codes().is_empty(),
        "{:?}",
        flags(&s.case, ControlList::built_in())
    );
    let holders: Vec<&str> = crate::custody::chain(&s.case, bag)
        .iter()
        .map(|r| r.to.as_str())
        .collect();
    assert_eq!(holders, ["Lab courier", "Forensic lab"]);

    // A sample with no seal number is named by its number in the case file, withdrawn entries
    // counted, as the case file numbers them.
    let mistaken = s.add(Section::Samples, &[]);
    s.apply(Payload::ItemWithdrawn {
        section: Section::Samples,
        item: mistaken,
        reason: "added twice".into(),
    })
    .unwrap();
    s.add(Section::Samples, &[(Field::SampleMethod, "icp_ms")]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "Sample 3: nobody is recorded as holding it"
    );

    // Handed on by someone who was not holding it, beside an evidence item nobody holds: both
    // named, samples first as the case file lists them.
    handover(
        &mut s,
        bag,
        "Someone Else",
        "Court clerk",
        "2026-11-29 09:00",
    );
    s.add(Section::Evidence, &[(Field::EvidenceNumber, "EV-7")]);
    let details: Vec<String> = flags(&s.case, ControlList::built_in())[0]
        .details
        .iter()
        .map(|m| quayside_i18n::Catalogue::english().format(m))
        .collect();
    assert_eq!(
        details,
        [
            "Sample SB-0042: Forensic lab held it from 2026-11-28 18:00, but Someone Else \
             handed it to Court clerk at 2026-11-29 09:00",
            "Sample 3: nobody is recorded as holding it",
            "Evidence item EV-7: nobody is recorded as holding it",
        ]
    );
}

#[test]
fn a_withdrawn_sample_can_no_longer_change_hands_and_breaks_nothing() {
    let mut s = Script::new();
    let bag = s.add(Section::Samples, &[(Field::SampleSeal, "SB-1")]);
    s.apply(Payload::ItemWithdrawn {
        section: Section::Samples,
        item: bag,
        reason: "sample spoilt".into(),
    })
    .unwrap();
    assert!(s.flag_codes().is_empty());
    let payload = Payload::CustodyTransferred {
        item: bag,
        from: "A".into(),
        to: "B".into(),
        place: "P".into(),
        at: "2026-11-28 13:00".into(),
        condition: "ok".into(),
    };
    let err = s.apply(payload).unwrap_err();
    assert!(err.to_string().contains("withdrawn"), "{err}");
    // Readings are not items that change hands.
    let reading = s.add(Section::Readings, &[]);
    assert!(s
        .apply(Payload::CustodyTransferred {
            item: reading,
            from: "A".into(),
            to: "B".into(),
            place: "P".into(),
            at: "2026-11-28 13:00".into(),
            condition: "ok".into(),
        })
        .is_err());
}

mod lifecycle;

/// A case declaring `hs` with one sample, and a reading of `element` at `percent` on it.
fn solder_paste_reading(hs: &str, element: &str, percent: &str) -> Script {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, hs);
    let sample = s.add(Section::Samples, &[(Field::SampleMethod, "xrf")]);
    // Sealed and handed to the lab, so its chain holds and only the reading can raise a flag.
    handover(
        &mut s,
        sample,
        "Ines Inspector",
        "Port lab",
        "2026-11-28 15:00",
    );
    let sample = sample.to_string();
    s.add(
        Section::Readings,
        &[
            (Field::ReadingSample, &sample),
            (Field::ReadingElement, element),
            (Field::ReadingMassPercent, percent),
        ],
    );
    s
}

#[test]
fn gallium_read_in_declared_solder_paste_is_flagged_in_a_sentence() {
    let s = solder_paste_reading("3810.10", "Ga", "38.2");
    assert_eq!(s.flag_codes(), vec![FlagCode::AnalyserControlled]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "The analyser read 38.2 % Ga in sample 1; the declaration (3810.10 solder paste) \
         contains no Gallium"
    );
}

#[test]
fn tin_and_lead_in_solder_paste_raise_no_flag() {
    for (element, percent) in [("Sn", "62.5"), ("Pb", "36.1"), ("Ag", "2")] {
        let s = solder_paste_reading("3810.10", element, percent);
        assert!(s.flag_codes().is_empty(), "{element}: {:?}", s.flag_codes());
    }
}

#[test]
fn a_controlled_element_at_or_below_the_threshold_is_a_trace_not_a_flag() {
    assert!(solder_paste_reading("3810.10", "Ga", "1")
        .flag_codes()
        .is_empty());
    assert!(solder_paste_reading("3810.10", "Ge", "0.35")
        .flag_codes()
        .is_empty());
    assert_eq!(
        solder_paste_reading("3810.10", "Ge", "1.0001").flag_codes(),
        vec![FlagCode::AnalyserControlled]
    );
}

#[test]
fn a_declaration_of_unknown_or_controlled_composition_says_nothing_against_a_reading() {
    // Gallium declared: what it is read to be is what was declared (the licence is another
    // question).
    assert_eq!(
        solder_paste_reading("8112.92", "Ga", "99.9").flag_codes(),
        vec![FlagCode::ControlledWithoutLicence]
    );
    // No composition known for LED panels: nothing to compare.
    assert!(solder_paste_reading("8543.70", "Ga", "40")
        .flag_codes()
        .is_empty());
    // One declared line of unknown composition beside the solder paste may hold the gallium.
    let mut s = solder_paste_reading("3810.10", "Ga", "38.2");
    s.add(Section::DeclaredLines, &[(Field::LineHsCode, "8543.70")]);
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
}

#[test]
fn a_metal_read_in_a_sample_from_declared_bottled_water_is_flagged() {
    let s = solder_paste_reading("2201.10", "Ge", "99.1");
    assert_eq!(s.flag_codes(), vec![FlagCode::AnalyserControlled]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "The analyser read 99.1 % Ge in sample 1; the declaration (2201.10 waters, including \
         mineral and aerated waters) contains no Germanium"
    );
}

#[test]
fn a_reading_without_its_sample_is_named_by_its_own_number() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "8001.10");
    s.add(
        Section::Readings,
        &[
            (Field::ReadingElement, "Nd"),
            (Field::ReadingMassPercent, "24"),
        ],
    );
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "The analyser read 24 % Nd in reading 1 (no sample named); the declaration (8001.10 \
         unwrought tin) contains no Neodymium"
    );
}

#[test]
fn a_withdrawn_reading_raises_nothing() {
    let mut s = solder_paste_reading("3810.10", "Ga", "38.2");
    let reading = s.case.live_items(Section::Readings).next().unwrap().id;
    s.apply(Payload::ItemWithdrawn {
        section: Section::Readings,
        item: reading,
        reason: "reading of the calibration coupon".into(),
    })
    .unwrap();
    assert!(s.flag_codes().is_empty());
}

#[test]
fn controlled_goods_declared_without_a_licence_are_flagged_naming_the_entry() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "8101.94");
    s.add(
        Section::DeclaredLines,
        &[(Field::LineHsCode, "2825.60"), (Field::LineWeight, "20 kg")],
    );
    assert_eq!(s.flag_codes(), vec![FlagCode::ControlledWithoutLicence]);
    let flag = &flags(&s.case, ControlList::built_in())[0];
    assert_eq!(flag.details.len(), 2, "one detail per control-list entry");
    assert_eq!(
        flag.english(),
        "Tungsten: ores, metal, oxides, carbides and tungstates (entry CN-2025-10-1C117.d of \
         control list 1) is declared with no export licence recorded: record the licence, or \
         hold the goods until one is shown; Germanium and its compounds (entry \
         CN-2023-23-germanium of control list 1) is declared with no export licence recorded: \
         record the licence, or hold the goods until one is shown"
    );
    let chinese = quayside_i18n::Catalogue::get(quayside_i18n::Locale::ZhCn);
    assert!(flag.details_text(chinese).starts_with("钨相关物项"));

    // A licence recorded, valid on the day of the inspection: nothing to flag.
    let opened = s.case.opened_at[..10].to_string();
    s.set(Field::ExportLicenceNumber, "EL-2026-0417");
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
    s.set(Field::ExportLicenceValidUntil, &opened);
    assert!(
        s.flag_codes().is_empty(),
        "valid through the day of the inspection"
    );

    // Expired the day before the inspection.
    s.set(Field::ExportLicenceValidUntil, "2020-01-31");
    assert_eq!(s.flag_codes(), vec![FlagCode::ControlledWithoutLicence]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        format!(
            "Export licence EL-2026-0417 was valid until 2020-01-31, before the inspection on \
             {opened}"
        )
    );
}

#[test]
fn goods_declared_outside_the_list_need_no_licence() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "3810.10");
    assert!(s.flag_codes().is_empty());
    // A 10-digit announced line is controlled; another line of its subheading is not.
    s.set(Field::DeclaredHsCode, "2825.90.11.00");
    assert!(s.flag_codes().is_empty(), "{:?}", s.flag_codes());
    s.set(Field::DeclaredHsCode, "2825.90.12.00");
    assert_eq!(s.flag_codes(), vec![FlagCode::ControlledWithoutLicence]);
}

#[test]
fn a_published_list_changes_what_is_controlled() {
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "8505.11");
    assert!(s.flag_codes().is_empty());
    let mut list = ControlList::built_in().clone();
    list.version = 2;
    list.entries[4].lines.push("850511".into());
    let f = flags(&s.case, &list);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].english().contains("of control list 2"),
        "{}",
        f[0].english()
    );
}

#[test]
fn the_outcome_suggested_follows_the_flags_and_is_never_set() {
    use crate::flags::suggested_outcome;
    let mut s = Script::new();
    s.set(Field::DeclaredHsCode, "8101.94");
    let suggested = suggested_outcome(&flags(&s.case, ControlList::built_in())).unwrap();
    assert_eq!(suggested.code, "O3");
    assert_eq!(suggested.because, vec![FlagCode::ControlledWithoutLicence]);
    assert!(s.case.value(Field::OutcomeCode).is_none());

    // Controlled material found undeclared: seizure, whatever else.
    s.add(Section::GoodsFound, &[(Field::GoodsHsCode, "2805.30")]);
    s.set(Field::DeclaredHsCode, "3810.10");
    let suggested = suggested_outcome(&flags(&s.case, ControlList::built_in())).unwrap();
    assert_eq!(suggested.code, "O4");
    assert_eq!(suggested.because, vec![FlagCode::ControlledUndeclared]);

    // A weight off alone suggests nothing.
    let mut w = Script::new();
    w.set(Field::DeclaredWeight, "100 kg");
    w.add(Section::GoodsFound, &[(Field::GoodsWeight, "150 kg")]);
    assert_eq!(w.flag_codes(), vec![FlagCode::WeightDiscrepancy]);
    assert!(suggested_outcome(&flags(&w.case, ControlList::built_in())).is_none());
}

#[test]
fn applying_a_list_is_recorded_and_a_bad_digest_refused() {
    let mut s = Script::new();
    assert!(s.case.control_list.is_none());
    let list = ControlList::built_in();
    s.apply(Payload::ControlListApplied {
        version: 2,
        digest: list.digest(),
    })
    .unwrap();
    assert_eq!(s.case.control_list.as_ref().unwrap().version, 2);
    assert!(s
        .apply(Payload::ControlListApplied {
            version: 3,
            digest: "not a digest".into(),
        })
        .is_err());
    assert_eq!(s.case.control_list.as_ref().unwrap().version, 2);
}

#[test]
fn values_are_compared_per_line_in_the_declared_currency_beyond_the_tolerance() {
    let mut s = Script::new();
    let line = s.add(
        Section::DeclaredLines,
        &[
            (Field::LineDescription, "Ceramic tiles"),
            (Field::LineValue, "20000.00 USD"),
        ],
    );
    let line = line.to_string();
    let goods = s.add(
        Section::GoodsFound,
        &[
            (Field::GoodsDeclaredLine, &line),
            (Field::GoodsValue, "21900.00 USD"),
        ],
    );
    assert!(s.flag_codes().is_empty(), "9.5 % is within the tolerance");
    s.apply(Payload::FieldSet {
        item: Some(goods),
        field: Field::GoodsValue,
        value: Some("22100.00 USD".into()),
    })
    .unwrap();
    assert_eq!(s.flag_codes(), vec![FlagCode::ValueDiscrepancy]);
    assert_eq!(
        flags(&s.case, ControlList::built_in())[0].english(),
        "Value assessed 22100.00 USD against 20000.00 USD declared on line 1 (Ceramic tiles): 11% \
         off (tolerance 10%)"
    );
    // Another currency is not converted: no rate is known offline.
    s.apply(Payload::FieldSet {
        item: Some(goods),
        field: Field::GoodsValue,
        value: Some("90000.00 THB".into()),
    })
    .unwrap();
    assert!(s.flag_codes().is_empty());
}

#[test]
fn an_undervalued_declaration_is_flagged_in_total_where_no_goods_are_linked() {
    let mut s = Script::new();
    s.set(Field::DeclaredValue, "1500.00 USD");
    s.add(Section::GoodsFound, &[(Field::GoodsValue, "48000.00 USD")]);
    assert_eq!(s.flag_codes(), vec![FlagCode::ValueDiscrepancy]);
    assert!(flags(&s.case, ControlList::built_in())[0]
        .english()
        .starts_with("Value assessed 48000.00 USD against 1500.00 USD declared: 3100% off"));
}
