//! Annotations through the API: drawn, edited and removed as events over an untouched original.

use quayside_api::{Api, ErrorCode};
use serde_json::{json, Value};

use crate::harness::{attach, english, jpeg, setup_with_case};

fn annotate(api: &Api, id: &str, sha: &str, args: Value) -> Result<Value, quayside_api::ApiError> {
    let mut all = json!({"case_id": id, "sha256": sha});
    all.as_object_mut()
        .unwrap()
        .extend(args.as_object().unwrap().clone());
    api.dispatch("annotate_photo", all)
}

fn annotations(view: &Value) -> Vec<Value> {
    view["case"]["photos"][0]["annotations"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn annotations_are_drawn_edited_and_removed_as_events() {
    let (_dir, api, id) = setup_with_case();
    let sha = attach(&api, &id, "drums.jpg", &jpeg(11)).unwrap().sha256;
    let arrow =
        json!({"shape": "arrow", "from": {"x": 1000, "y": 1000}, "to": {"x": 6000, "y": 5000}});
    let view = annotate(&api, &id, &sha, json!({"mark": arrow})).unwrap();
    let drawn = annotations(&view);
    assert_eq!(drawn.len(), 1);
    assert_eq!(drawn[0]["mark"], arrow);
    assert_eq!(drawn[0]["set_by"], view["case"]["opened_by"]);
    let arrow_id = drawn[0]["id"].as_str().unwrap().to_string();

    let text = |t: &str| json!({"shape": "text", "at": {"x": 500, "y": 9000}, "text": t});
    let view = annotate(
        &api,
        &id,
        &sha,
        json!({"mark": text("  powder in drum 3 ")}),
    )
    .unwrap();
    let text_id = annotations(&view)[1]["id"].as_str().unwrap().to_string();
    assert_eq!(
        annotations(&view)[1]["mark"]["text"],
        "powder in drum 3",
        "signed without the spaces around it"
    );
    let events = view["case"]["event_count"].as_u64().unwrap();
    let view = annotate(
        &api,
        &id,
        &sha,
        json!({"annotation": text_id, "mark": text("powder in drum 3")}),
    )
    .unwrap();
    assert_eq!(
        view["case"]["event_count"].as_u64().unwrap(),
        events,
        "drawn again as it was: nothing signed"
    );
    let view = annotate(
        &api,
        &id,
        &sha,
        json!({"annotation": text_id, "mark": text("antimony in drum 3")}),
    )
    .unwrap();
    assert_eq!(annotations(&view)[1]["mark"]["text"], "antimony in drum 3");
    assert_eq!(
        annotations(&view)[1]["id"],
        text_id.as_str(),
        "an edit keeps its id"
    );

    let view = annotate(&api, &id, &sha, json!({"annotation": arrow_id})).unwrap();
    assert_eq!(annotations(&view).len(), 1);

    let timeline = api.dispatch("timeline", json!({"case_id": id})).unwrap();
    let kinds: Vec<&str> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| *k == "photo_annotated")
        .collect();
    assert_eq!(kinds.len(), 4, "drawn twice, edited once, removed once");

    // The original is the one attached.
    let original = api
        .dispatch("photo_image", json!({"sha256": sha, "size": "original"}))
        .unwrap();
    assert!(original["data_url"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg"));
}

#[test]
fn marks_that_cannot_be_drawn_are_refused_with_what_to_do() {
    let (_dir, api, id) = setup_with_case();
    let sha = attach(&api, &id, "door.jpg", &jpeg(12)).unwrap().sha256;
    let refused = |args: Value| annotate(&api, &id, &sha, args).unwrap_err();
    let cases = [
        (
            json!({}),
            ErrorCode::InvalidRequest,
            "error.annotation_nothing",
        ),
        (
            json!({"mark": {"shape": "box", "from": {"x": 0, "y": 0}, "to": {"x": 10001, "y": 4}}}),
            ErrorCode::InvalidRequest,
            "error.annotation_off_photo",
        ),
        (
            json!({"mark": {"shape": "arrow", "from": {"x": 5, "y": 5}, "to": {"x": 5, "y": 5}}}),
            ErrorCode::InvalidRequest,
            "error.annotation_degenerate",
        ),
        (
            json!({"mark": {"shape": "freehand", "points": [{"x": 5, "y": 5}]}}),
            ErrorCode::InvalidRequest,
            "error.annotation_points",
        ),
        (
            json!({"mark": {"shape": "text", "at": {"x": 5, "y": 5}, "text": "   "}}),
            ErrorCode::InvalidRequest,
            "error.annotation_text",
        ),
        (
            json!({"annotation": "0191d7a0-0000-7000-8000-000000000000"}),
            ErrorCode::NotFound,
            "error.no_such_annotation",
        ),
    ];
    for (args, code, key) in cases {
        let err = refused(args.clone());
        assert_eq!((err.code, err.text.key.as_str()), (code, key), "{args}");
        assert!(!english(&err.text).is_empty());
    }
    let err = annotate(
        &api,
        &id,
        &"cd".repeat(32),
        json!({"mark": {"shape": "arrow", "from": {"x": 1, "y": 1}, "to": {"x": 2, "y": 2}}}),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let view = api.dispatch("get_case", json!({"case_id": id})).unwrap();
    assert_eq!(annotations(&view).len(), 0, "nothing half written");
    assert_eq!(view["case"]["event_count"], 2);

    api.dispatch(
        "set_status",
        json!({"case_id": id, "status": "withdrawn", "reason": "duplicate"}),
    )
    .unwrap();
    let err = refused(
        json!({"mark": {"shape": "arrow", "from": {"x": 1, "y": 1}, "to": {"x": 2, "y": 2}}}),
    );
    assert_eq!(err.code, ErrorCode::Refused);
}
