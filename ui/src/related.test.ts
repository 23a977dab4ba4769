// What the related-cases part shows of the entity index: order, seizure warnings, names and ids.
import { describe, expect, it } from "vitest";
import type { EntityMatches, SeenIn } from "./bindings";
import { caseLevel, entityId, entityKey, seizedBefore, shownName, worthShowing } from "./related";

const seen = (n: number): SeenIn[] =>
  Array.from({ length: n }, (_, i) => ({
    case_id: `c${i}`,
    case_number: `CN-${i}`,
    port: "CNSZX",
    state: "closed",
    outcome: "O4",
    opened_at: "2026-11-01T10:00:00Z",
    through_link: false,
    summary: false,
  }));

const entity = (kind: EntityMatches["kind"], key: string, cases: number, extra: Partial<EntityMatches> = {}): EntityMatches => ({
  kind,
  key,
  shown: [key.toUpperCase()],
  items: [],
  linked: [],
  cases: seen(cases),
  case_count: cases,
  seized_before: false,
  suggestions: [],
  ...extra,
});

describe("related cases", () => {
  it("shows what other cases name, most cases first, and near names to decide on", () => {
    const near = { key: "huaxing", shown: "Huaxing", cases: 1, similarity: 0.9 };
    const all = [
      entity("container", "csqu3054383", 1),
      entity("company", "lonely", 0),
      entity("company", "huaxin", 3),
      entity("address", "pending", 0, { suggestions: [near] }),
    ];
    expect(worthShowing(all).map((e) => e.key)).toEqual(["huaxin", "csqu3054383", "pending"]);
    // Named at another port only, by the server's count: shown too.
    const elsewhere = new Map([[entityKey({ kind: "company", key: "lonely" }), 4]]);
    expect(worthShowing(all, elsewhere).map((e) => e.key)).toEqual(["huaxin", "csqu3054383", "pending", "lonely"]);
  });

  it("warns of the entities a closed seizure named", () => {
    const all = [entity("company", "a", 1), entity("container", "b", 2, { seized_before: true })];
    expect(seizedBefore(all).map((e) => e.key)).toEqual(["b"]);
  });

  it("names an entity as recorded, and gives it an id an element can carry", () => {
    expect(shownName(entity("company", "huaxin", 0, { shown: ["Huaxin Ltd", "HUAXIN LTD"] }))).toBe("Huaxin Ltd");
    expect(shownName(entity("company", "huaxin", 0, { shown: [] }))).toBe("huaxin");
    expect(entityId(entity("company", "深圳市 华鑫", 0))).toBe("entity-company-深圳市-华鑫");
  });

  it("puts the transport's container and vessel, and the declaration's document, beside their fields", () => {
    const all = [
      entity("container", "unit", 1, { items: ["u1"] }),
      entity("container", "field", 1),
      entity("vessel", "9074729", 2),
      entity("transport_document", "MEDU1", 1),
    ];
    expect(caseLevel(all, "transport").map((e) => e.key)).toEqual(["field", "9074729"]);
    expect(caseLevel(all, "declaration").map((e) => e.key)).toEqual(["MEDU1"]);
    expect(caseLevel(null, "parties")).toEqual([]);
  });
});
