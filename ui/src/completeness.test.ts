// Unit tests of what a reviewer expects filled (completeness.ts).
import { describe, expect, it } from "vitest";
import type { CaseFile, Field, FieldInfo, Item, Section, SectionInfo } from "./bindings";
import { caseCompleteness, firstIncomplete, guideSteps, numbering, partState, percent, photosProgress, RULES, sectionProgress } from "./completeness";

const LISTS: Section[] = ["units", "seals", "route", "declared_lines", "goods_found", "samples", "readings", "concealments", "parties", "evidence"];

function section(name: Section, fields: Field[], required: Field[] = []): SectionInfo {
  const info = (field: Field): FieldInfo => ({
    field,
    section: name,
    label_key: `field.${field}`,
    input: "text",
    input_hint_key: null,
    options: [],
    entries_of: null,
    personal: false,
    required: required.includes(field),
  });
  const list = LISTS.includes(name);
  return { section: name, label_key: `section.${name}`, item_key: list ? `item.${name}` : null, is_list: list, fields: fields.map(info) };
}

const SECTIONS: SectionInfo[] = [
  section("case", ["port", "legal_basis", "location_type", "customs_procedure", "case_notes"], ["port"]),
  section("declaration", ["declaration_number", "transport_document", "declared_description", "declared_hs_code", "declared_quantity", "declared_weight", "declared_value", "declared_origin", "risk_lane"]),
  section("transport", ["transport_mode", "vessel_name", "imo_number", "voyage", "container_number", "size_type"]),
  section("units", ["unit_kind", "unit_number"]),
  section("seals", ["seal_number", "seal_state", "seal_unit"]),
  section("route", ["leg_locode", "leg_role", "leg_basis"]),
  section("declared_lines", ["line_description", "line_hs_code", "line_quantity", "line_weight"]),
  section("goods_found", ["goods_description", "goods_hs_code", "goods_material", "goods_form", "goods_quantity", "goods_weight", "goods_identified_by", "goods_discrepancy"]),
  section("samples", ["sample_seal", "sample_method", "sample_taken_at", "sample_result"]),
  section("readings", ["reading_sample", "reading_element", "reading_mass_percent", "reading_uncertainty"]),
  section("concealments", ["concealment_method", "concealment_description", "concealment_location"]),
  section("detection", ["detection_methods", "detection_notes"]),
  section("parties", ["party_role", "party_kind", "party_name", "party_identifier", "party_country", "party_address"]),
  section("outcome", ["outcome_code", "shareable", "outcome_notes"]),
  section("evidence", ["evidence_number", "evidence_description", "evidence_quantity"]),
];
const info = (name: Section) => SECTIONS.find((s) => s.section === name)!;

const value = (v: string) => ({ value: v, event_id: "e", author: "Ines", at: "2026-11-28T10:00:00Z" });

function fields(values: Partial<Record<Field, string>>): CaseFile["fields"] {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, value(v as string)]));
}

function item(id: string, section: Section, values: Partial<Record<Field, string>> = {}, withdrawn: string | null = null): Item {
  return { id, section, fields: fields(values), withdrawn } as Item;
}

function newCase(over: Partial<CaseFile> = {}): CaseFile {
  return {
    id: "c1",
    case_number: "NLRTM-2026-K7F3QA-0001",
    opened_at: "2026-11-28T10:00:00Z",
    opened_by: "Ines",
    status: "open",
    status_reason: null,
    fields: fields({ port: "NLRTM" }),
    items: [],
    photos: [],
    conflicts: [],
    cleared: [],
    custody: [],
    updated_at: "2026-11-28T10:00:00Z",
    event_count: 1,
    head: "e",
    ...over,
  } as CaseFile;
}

describe("a section of fields", () => {
  it("expects the rule's fields and the domain's required ones", () => {
    const p = sectionProgress(newCase(), info("case"));
    expect(p.expectations.map((e) => (e.kind === "field" ? e.fields : e.kind))).toEqual([["port"], ["legal_basis"], ["location_type"], ["customs_procedure"]]);
    expect([p.done, p.total]).toEqual([1, 4]);
    expect(partState(p)).toBe("partial");
  });

  it("counts a choice as done when any one of its fields is filled", () => {
    const c = newCase({ fields: fields({ port: "NLRTM", declared_weight: "1000 kg" }) });
    const p = sectionProgress(c, info("declaration"));
    expect(p.expectations.find((e) => e.kind === "field" && e.fields.includes("declared_quantity"))?.done).toBe(true);
    expect([p.done, p.total]).toEqual([1, 5]);
  });

  it("adds a required field the rule does not name", () => {
    const custom = section("detection", ["detection_methods", "detection_notes"], ["detection_notes"]);
    const p = sectionProgress(newCase(), custom);
    expect(p.expectations.map((e) => (e.kind === "field" ? e.fields : []))).toEqual([["detection_methods"], ["detection_notes"]]);
  });

  it("asks for a vessel by sea and for no container by air", () => {
    const asked = (mode: string | null) =>
      sectionProgress(newCase({ fields: fields(mode ? { transport_mode: mode } : {}) }), info("transport")).expectations.flatMap((e) =>
        e.kind === "field" ? e.fields : [],
      );
    expect(asked(null)).toEqual(["transport_mode", "container_number"]);
    expect(asked("sea")).toEqual(["transport_mode", "vessel_name", "container_number"]);
    expect(asked("air")).toEqual(["transport_mode"]);
    expect(asked("road")).toEqual(["transport_mode", "container_number"]);
  });

  it("takes a unit listed for the case's container number, and asks a ULD or parcel by air or post", () => {
    const containerDone = (c: CaseFile) =>
      sectionProgress(c, info("transport")).expectations.find((e) => e.kind === "field" && e.fields.includes("container_number"))?.done;
    const sea = fields({ transport_mode: "sea" });
    expect(containerDone(newCase({ fields: sea }))).toBe(false);
    expect(containerDone(newCase({ fields: fields({ transport_mode: "sea", container_number: "CSQU3054383" }) }))).toBe(true);
    const unit = item("u1", "units", { unit_kind: "container", unit_number: "MSKU9070323" });
    expect(containerDone(newCase({ fields: sea, items: [unit] }))).toBe(true);
    // A withdrawn unit stands for nothing.
    expect(containerDone(newCase({ fields: sea, items: [{ ...unit, withdrawn: "typed twice" }] }))).toBe(false);
    // Units are optional beside a container number, expected by air or post.
    expect(partState(sectionProgress(newCase({ fields: sea }), info("units")))).toBe("optional");
    const air = newCase({ fields: fields({ transport_mode: "air" }) });
    expect(sectionProgress(air, info("units")).expectations).toEqual([{ kind: "entry", part: "units", done: false }]);
    const uld = item("u2", "units", { unit_kind: "uld" });
    const p = sectionProgress({ ...air, items: [uld] }, info("units"));
    expect(p.expectations.map((e) => e.done)).toEqual([true, true, false]);
  });
});

describe("a list section", () => {
  it("needs an entry where a seizure cannot lack one, and nothing where it can", () => {
    expect(partState(sectionProgress(newCase(), info("goods_found")))).toBe("empty");
    expect(sectionProgress(newCase(), info("goods_found")).expectations).toEqual([{ kind: "entry", part: "goods_found", done: false }]);
    expect(partState(sectionProgress(newCase(), info("seals")))).toBe("optional");
    expect(partState(sectionProgress(newCase(), info("samples")))).toBe("optional");
  });

  it("expects each live entry's fields, numbered as the screen numbers them", () => {
    const c = newCase({
      items: [
        item("g1", "goods_found", { goods_description: "Ingots" }, "entered twice"),
        item("g2", "goods_found", { goods_description: "Paste tins", goods_material: "gallium_germanium", goods_weight: "40 kg" }),
        item("g3", "goods_found", { goods_description: "Powder" }),
      ],
    });
    const p = sectionProgress(c, info("goods_found"));
    // One for "an entry", three for each of the two live entries; the withdrawn one counts for nothing.
    expect([p.done, p.total]).toEqual([5, 7]);
    const missing = p.expectations.filter((e) => !e.done);
    expect(missing).toEqual([
      { kind: "field", part: "goods_found", item: "g3", number: 3, fields: ["goods_material"], done: false },
      { kind: "field", part: "goods_found", item: "g3", number: 3, fields: ["goods_quantity", "goods_weight"], done: false },
    ]);
  });

  it("asks an optional list's entries to be filled in once there is one", () => {
    const c = newCase({ items: [item("s1", "seals", { seal_number: "SL4471923" })] });
    const p = sectionProgress(c, info("seals"));
    expect([p.done, p.total]).toEqual([1, 2]);
  });

  it("expects evidence once the goods are seized, each item held by someone", () => {
    expect(partState(sectionProgress(newCase(), info("evidence")))).toBe("optional");
    const seized = newCase({ fields: fields({ port: "NLRTM", outcome_code: "O4" }) });
    expect(partState(sectionProgress(seized, info("evidence")))).toBe("empty");
    const bagged = { ...seized, items: [item("b1", "evidence", { evidence_number: "EV-1" })] };
    const p = sectionProgress(bagged, info("evidence"));
    expect(p.expectations.map((e) => [e.kind, e.done])).toEqual([
      ["entry", true],
      ["field", true],
      ["custody", false],
    ]);
    const held = {
      ...bagged,
      custody: [{ item: "b1", from: "Ines", to: "Sam", place: "Store", at: "2026-11-28 14:30", condition: "intact", event_id: "e2", device_id: "d", recorded_by: "Sam" }],
    } as CaseFile;
    expect(partState(sectionProgress(held, info("evidence")))).toBe("complete");
  });
});

describe("samples", () => {
  it("expect each sample filled in and held by someone, as it leaves sealed for a lab", () => {
    const taken = newCase({ items: [item("s1", "samples", { sample_seal: "SB-1", sample_method: "xrf", sample_taken_at: "2026-11-28 10:00" })] });
    const p = sectionProgress(taken, info("samples"));
    expect(p.expectations.map((e) => [e.kind, e.done])).toEqual([
      ["field", true],
      ["field", true],
      ["field", true],
      ["custody", false],
    ]);
    const held = {
      ...taken,
      custody: [{ item: "s1", from: "Ines", to: "Port lab", place: "Quay", at: "2026-11-28 14:30", condition: "sealed", event_id: "e2", device_id: "d", recorded_by: "Lab" }],
    } as CaseFile;
    expect(partState(sectionProgress(held, info("samples")))).toBe("complete");
  });
});

describe("the photos", () => {
  it("need one photo that is not excluded", () => {
    const photo = (excluded: string | null) => ({ sha256: "ab", file_name: "a.jpg", excluded }) as unknown as CaseFile["photos"][number];
    expect(photosProgress(newCase()).done).toBe(0);
    expect(photosProgress(newCase({ photos: [photo("blurred")] })).done).toBe(0);
    expect(photosProgress(newCase({ photos: [photo("blurred"), photo(null)] })).done).toBe(1);
  });
});

describe("the whole case", () => {
  it("adds up every part, photos last, and finds the first one still missing something", () => {
    const c = caseCompleteness(newCase(), SECTIONS);
    expect(c.parts.map((p) => p.part)).toEqual([...SECTIONS.map((s) => s.section), "photos"]);
    expect(c.done).toBe(1); // the port
    expect(c.total).toBe(4 + 5 + 2 + 1 + 1 + 1 + 1 + 1 + 2 + 1);
    expect(firstIncomplete(c)).toBe("case");
    expect(percent(c.done, c.total)).toBe(5);
  });

  it("is complete when every expectation is met", () => {
    const c = newCase({
      fields: fields({
        port: "NLRTM",
        legal_basis: "Customs Act art. 12",
        location_type: "seaport",
        customs_procedure: "export",
        declaration_number: "D1",
        declared_description: "Solder paste",
        declared_hs_code: "3810.10",
        declared_weight: "1000 kg",
        declared_origin: "CN",
        transport_mode: "sea",
        vessel_name: "MSC ANNA",
        container_number: "CSQU3054383",
        detection_methods: "D5",
        outcome_code: "O3",
        shareable: "yes",
      }),
      items: [
        item("r1", "route", { leg_locode: "CNSHA", leg_role: "origin" }),
        item("g1", "goods_found", { goods_description: "Ingots", goods_material: "gallium_germanium", goods_quantity: "40 pcs" }),
        item("k1", "concealments", { concealment_method: "C3", concealment_location: "Tins" }),
        item("p1", "parties", { party_role: "shipper", party_name: "Huaxin" }),
      ],
      photos: [{ sha256: "ab", excluded: null } as unknown as CaseFile["photos"][number]],
    });
    const all = caseCompleteness(c, SECTIONS);
    expect([all.done, all.total]).toEqual([all.total, all.total]);
    expect(percent(all.done, all.total)).toBe(100);
    expect(firstIncomplete(all)).toBeNull();
    expect(guideSteps(all).every((s) => s.done)).toBe(true);
  });

  it("rounds down, so only a complete case shows 100", () => {
    expect(percent(199, 200)).toBe(99);
    expect(percent(0, 0)).toBe(100);
  });
});

describe("the first-case guide", () => {
  it("ticks a step when its part holds all that is expected", () => {
    const c = newCase({ items: [item("g1", "goods_found", { goods_description: "Ingots", goods_material: "tungsten", goods_weight: "3 kg" })] });
    const steps = guideSteps(caseCompleteness(c, SECTIONS));
    expect(steps.map((s) => s.part)).toEqual(["declaration", "goods_found", "concealments", "photos", "parties", "outcome"]);
    expect(steps.filter((s) => s.done).map((s) => s.part)).toEqual(["goods_found"]);
  });
});

describe("numbering", () => {
  it("counts withdrawn entries too, as the cards do", () => {
    const c = newCase({ items: [item("a", "seals", {}, "wrong"), item("b", "parties"), item("c", "seals")] });
    expect([...numbering(c, "seals")]).toEqual([
      ["a", 1],
      ["c", 2],
    ]);
  });
});

describe("the rules", () => {
  it("name only fields of their own section", () => {
    for (const s of SECTIONS) {
      const rule = RULES[s.section];
      const own = new Set(s.fields.map((f) => f.field));
      const named = [...(rule.fields?.(newCase({ fields: fields({ transport_mode: "sea" }) })) ?? []), ...(rule.entry ?? [])].flat();
      for (const f of named) expect(own.has(f), `${s.section}: ${f}`).toBe(true);
    }
  });
});
