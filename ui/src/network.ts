// The network around a case as the graph draws it (cytoscape's elements), and the shortest link
// between two cases told in words, one sentence per shared entity.
import type { EntityGraph, LinkStep } from "./bindings";
import { label, t } from "./labels";

export type Element = { data: Record<string, string | number | boolean>; classes?: string };

/** Longest label drawn on a node, in characters: the list beside the graph gives the whole name. */
const LABEL_CHARS = 28;

function cut(text: string): string {
  const chars = [...text];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join("")}…` : text;
}

/** Cases and entities as nodes, who names what and what a person linked as edges. */
export function graphElements(graph: EntityGraph): Element[] {
  const cases: Element[] = graph.cases.map((c) => ({
    data: { id: `case:${c.id}`, caseId: c.id, label: c.case_number, kind: "case", depth: c.depth },
    classes: [
      "case",
      c.depth === 0 ? "first" : c.outcome && ["O4", "O5", "O9"].includes(c.outcome) ? "seized" : "",
      // Another port's case known from a summary: framed apart, as in the list.
      c.summary ? "summary" : "",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  const entities: Element[] = graph.entities.map((e, i) => ({
    data: { id: `entity:${i}`, label: cut(e.shown), kind: e.kind },
    classes: "entity",
  }));
  const names: Element[] = graph.edges.map((edge) => ({
    data: { id: `names:${edge.case}:${edge.entity}`, source: `case:${graph.cases[edge.case].id}`, target: `entity:${edge.entity}` },
    classes: "names",
  }));
  const links: Element[] = graph.links.map((link) => ({
    data: { id: `link:${link.a}:${link.b}`, source: `entity:${link.a}`, target: `entity:${link.b}` },
    classes: "linked",
  }));
  return [...cases, ...entities, ...names, ...links];
}

/** One sentence per step: which two cases share what (or what a person linked). */
export function stepTexts(steps: LinkStep[]): string[] {
  return steps.map((s) => {
    const kind = label(`entity.${s.entity.kind}`);
    const from = s.from.case_number;
    const to = s.to.case_number;
    const name = s.entity.shown;
    if (s.linked_to) {
      const other = s.linked_to.shown;
      return t("network.step_linked", { from, to, kind, name, other });
    }
    return t("network.step", { from, to, kind, name });
  });
}
