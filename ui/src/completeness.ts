// How complete a case file is: what a reviewer will expect filled, section by section. Pure, so it
// is tested without a window. The domain requires only the port; the rest is what a supervisor
// returns a seizure file for, written down once here (RULES) and read by the sections, the
// header and the first-case guide alike.
import type { CaseFile, Field, Section, SectionInfo } from "./bindings";

/** A part of the file with its own progress: a section, or the photos. */
export type Part = Section | "photos";

/**
 * One thing a reviewer expects. `fields` is a choice: any one of them filled is enough (a
 * quantity or a weight). `item`/`number` name the list entry it belongs to (number from 1).
 */
export type Expectation =
  | { kind: "field"; part: Part; item: string | null; number: number | null; fields: Field[]; done: boolean }
  | { kind: "entry"; part: Part; done: boolean }
  | { kind: "custody"; part: Part; item: string; number: number; done: boolean };

export type PartProgress = { part: Part; done: number; total: number; expectations: Expectation[] };

export type Completeness = { parts: PartProgress[]; done: number; total: number };

type Rule = {
  /** The section's own fields a reviewer expects (each a choice of fields), given the case. */
  fields?: (c: CaseFile) => Field[][];
  /** Whether the list needs at least one live entry, given the case. */
  needsEntry?: (c: CaseFile) => boolean;
  /** What each live entry of the list needs. */
  entry?: Field[][];
  /** Each live entry needs someone recorded as holding it. */
  held?: boolean;
  /** A choice of the section's own fields that something elsewhere in the case satisfies too. */
  satisfiedBy?: (c: CaseFile, fields: Field[]) => boolean;
};

const valueOf = (c: CaseFile, field: Field) => c.fields[field]?.value ?? null;
// No container moves by air or post; a vessel only by sea.
const NO_CONTAINER = new Set(["air", "postal"]);
// A unit listed stands in for the case's container number.
const hasUnit = (c: CaseFile) => c.items.some((i) => i.section === "units" && !i.withdrawn);
// Seized or confiscated goods are held as evidence.
const HELD_AS_EVIDENCE = new Set(["O4", "O5"]);

/**
 * What a reviewer expects, per section. Lists a seizure cannot lack (route, goods found,
 * concealment, parties) need an entry; the others (seals, declared lines, samples) only ask
 * their entries to be filled in. Evidence is expected once the outcome is a seizure. Evidence
 * items and samples (sealed for a lab) each expect someone recorded as holding them.
 */
export const RULES: Record<Section, Rule> = {
  // Where and under which procedure: what partner agencies count seizures by.
  case: { fields: () => [["port"], ["legal_basis"], ["location_type"], ["customs_procedure"]] },
  declaration: {
    fields: () => [["declaration_number"], ["declared_description"], ["declared_hs_code"], ["declared_quantity", "declared_weight"], ["declared_origin"]],
  },
  transport: {
    fields: (c) => {
      const mode = valueOf(c, "transport_mode");
      const out: Field[][] = [["transport_mode"]];
      if (mode === "sea") out.push(["vessel_name"]);
      // The case's one container number (as cases were recorded before units), or a unit listed:
      // whose own entry then asks for its number.
      if (!mode || !NO_CONTAINER.has(mode)) out.push(["container_number"]);
      return out;
    },
    satisfiedBy: (c, fields) => fields.includes("container_number") && hasUnit(c),
  },
  // By air or post the goods travelled in a ULD or as a postal item: one is expected.
  units: { needsEntry: (c) => NO_CONTAINER.has(valueOf(c, "transport_mode") ?? ""), entry: [["unit_kind"], ["unit_number"]] },
  seals: { entry: [["seal_number"], ["seal_state"]] },
  route: { needsEntry: () => true, entry: [["leg_locode"], ["leg_role"]] },
  declared_lines: { entry: [["line_description"], ["line_quantity", "line_weight"]] },
  goods_found: { needsEntry: () => true, entry: [["goods_description"], ["goods_material"], ["goods_quantity", "goods_weight"]] },
  samples: { entry: [["sample_seal"], ["sample_method"], ["sample_taken_at"]], held: true },
  readings: { entry: [["reading_sample"], ["reading_element"], ["reading_mass_percent"]] },
  concealments: { needsEntry: () => true, entry: [["concealment_method"], ["concealment_location"]] },
  detection: { fields: () => [["detection_methods"]] },
  parties: { needsEntry: () => true, entry: [["party_role"], ["party_name"]] },
  outcome: { fields: () => [["outcome_code"], ["shareable"]] },
  evidence: { needsEntry: (c) => HELD_AS_EVIDENCE.has(valueOf(c, "outcome_code") ?? ""), entry: [["evidence_number"]], held: true },
};

/** The rule's choices, with every field the domain requires added (the port, today). */
function withRequired(choices: Field[][], info: SectionInfo): Field[][] {
  const named = new Set(choices.flat());
  const required = info.fields.filter((f) => f.required && !named.has(f.field)).map((f) => [f.field]);
  return [...choices, ...required];
}

function progress(part: Part, expectations: Expectation[]): PartProgress {
  return { part, done: expectations.filter((e) => e.done).length, total: expectations.length, expectations };
}

/** One section's expectations, in the order a person meets them on the screen. */
export function sectionProgress(c: CaseFile, info: SectionInfo): PartProgress {
  const rule = RULES[info.section];
  const part = info.section;
  const out: Expectation[] = [];
  if (!info.is_list) {
    for (const fields of withRequired(rule.fields?.(c) ?? [], info)) {
      const done = fields.some((f) => valueOf(c, f) !== null) || (rule.satisfiedBy?.(c, fields) ?? false);
      out.push({ kind: "field", part, item: null, number: null, fields, done });
    }
    return progress(part, out);
  }
  const live = c.items.filter((i) => i.section === part && !i.withdrawn);
  if (rule.needsEntry?.(c)) out.push({ kind: "entry", part, done: live.length > 0 });
  const numbers = numbering(c, part);
  for (const item of live) {
    const number = numbers.get(item.id) ?? 0;
    for (const fields of withRequired(rule.entry ?? [], info)) {
      out.push({ kind: "field", part, item: item.id, number, fields, done: fields.some((f) => item.fields[f] !== undefined) });
    }
    if (rule.held) out.push({ kind: "custody", part, item: item.id, number, done: c.custody.some((r) => r.item === item.id) });
  }
  return progress(part, out);
}

/** The photos: at least one not excluded. */
export function photosProgress(c: CaseFile): PartProgress {
  return progress("photos", [{ kind: "entry", part: "photos", done: c.photos.some((p) => !p.excluded) }]);
}

/** Every part's progress, in screen order (the sections, then the photos), and the case's. */
export function caseCompleteness(c: CaseFile, sections: readonly SectionInfo[]): Completeness {
  const parts = [...sections.map((s) => sectionProgress(c, s)), photosProgress(c)];
  return {
    parts,
    done: parts.reduce((n, p) => n + p.done, 0),
    total: parts.reduce((n, p) => n + p.total, 0),
  };
}

/** Whole percent, rounded down so that 100 means everything (a case with nothing expected is complete). */
export function percent(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}

/** What a part shows: complete, partly filled, nothing yet, or nothing expected of it. */
export function partState(p: PartProgress): "complete" | "partial" | "empty" | "optional" {
  if (p.total === 0) return "optional";
  if (p.done === p.total) return "complete";
  return p.done === 0 ? "empty" : "partial";
}

/** The first part with something still expected, for "go to what is missing". */
export function firstIncomplete(c: Completeness): Part | null {
  return c.parts.find((p) => p.done < p.total)?.part ?? null;
}

/**
 * Entry numbers as the screen shows them: every entry of the list counted in order, withdrawn
 * ones too, so "Goods found 2" names the same card whatever was withdrawn before it.
 */
export function numbering(c: CaseFile, section: Part): Map<string, number> {
  return new Map(c.items.filter((i) => i.section === section).map((i, n) => [i.id, n + 1]));
}

/** The steps of a seizure file a first case is guided through, each a part of the file. */
export const GUIDE_STEPS: readonly Part[] = ["declaration", "goods_found", "concealments", "photos", "parties", "outcome"];

/** Each guide step and whether its part holds all that is expected of it. */
export function guideSteps(c: Completeness): { part: Part; done: boolean }[] {
  return GUIDE_STEPS.map((part) => {
    const p = c.parts.find((x) => x.part === part);
    return { part, done: p !== undefined && p.total > 0 && p.done === p.total };
  });
}
