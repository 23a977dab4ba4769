// The network as drawn and as told: nodes and edges from the graph, each step of a link in words.
import { beforeEach, describe, expect, it } from "vitest";
import type { EntityGraph, GraphCase, LinkStep } from "./bindings";
import { graphElements, stepTexts } from "./network";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue("en"));

const at = (id: string, depth: number, outcome: string | null = null): GraphCase => ({
  id,
  case_number: `THLCH-${id}`,
  port: "THLCH",
  opened_at: "2026-11-01T10:00:00Z",
  state: "closed",
  outcome,
  depth,
  summary: false,
});

describe("the network", () => {
  it("draws cases and entities as nodes, and what names what and what a person linked as edges", () => {
    const graph: EntityGraph = {
      cases: [at("a", 0), at("b", 1, "O4"), { ...at("c", 2), summary: true }],
      entities: [
        { kind: "company", key: "huaxin", shown: "Shenzhen Huaxin Trading Co., Ltd. (Hong Kong branch office)" },
        { kind: "company", key: "huaxing", shown: "Huaxing" },
      ],
      edges: [
        { case: 0, entity: 0 },
        { case: 1, entity: 1 },
      ],
      links: [{ a: 0, b: 1 }],
      truncated: false,
    };
    const elements = graphElements(graph);
    expect(elements.map((e) => e.classes)).toEqual(["case first", "case seized", "case summary", "entity", "entity", "names", "names", "linked"]);
    expect(elements[3].data.label).toBe("Shenzhen Huaxin Trading Co.…");
    expect(elements[6].data).toMatchObject({ source: "case:b", target: "entity:1" });
    expect(elements[7].data).toMatchObject({ source: "entity:0", target: "entity:1" });
  });

  it("tells each step of a link in words", () => {
    const steps: LinkStep[] = [
      { from: at("a", 0), entity: { kind: "container", key: "CSQU3054383", shown: "CSQU3054383" }, linked_to: null, to: at("b", 1) },
      {
        from: at("b", 1),
        entity: { kind: "company", key: "huaxin", shown: "Huaxin Ltd" },
        linked_to: { kind: "company", key: "huaxing", shown: "Huaxing Ltd" },
        to: at("c", 2),
      },
    ];
    expect(stepTexts(steps)).toEqual([
      "THLCH-a and THLCH-b both name CSQU3054383 (Container).",
      "THLCH-b names Huaxin Ltd (Company), which a person linked to Huaxing Ltd, named by THLCH-c.",
    ]);
  });
});
