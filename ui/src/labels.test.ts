// The label lookup: keys become text, unknown keys show their code, change labels join their parts.
import { beforeEach, describe, expect, it } from "vitest";
import type { SectionInfo } from "./bindings";
import { changeLabel, itemLabel, kindLabel, label, setLabels } from "./labels";

beforeEach(() =>
  setLabels({
    "item.seals": "Seal",
    "section.seals": "Seals",
    "section.case": "Case",
    "field.seal_number": "Seal number",
    "event.field_set": "Field edited",
  }),
);

describe("label", () => {
  it("gives a key's text, or the code of a key it lacks", () => {
    expect(label("field.seal_number")).toBe("Seal number");
    expect(label("outcome.O99")).toBe("O99");
    expect(kindLabel("field_set")).toBe("Field edited");
    expect(kindLabel("photo_rotated")).toBe("photo_rotated");
  });

  it("names an item of a list section, and a section of fields by its heading", () => {
    const seals: SectionInfo = { section: "seals", label_key: "section.seals", item_key: "item.seals", is_list: true, fields: [] };
    const caseInfo: SectionInfo = { section: "case", label_key: "section.case", item_key: null, is_list: false, fields: [] };
    expect(itemLabel(seals)).toBe("Seal");
    expect(itemLabel(caseInfo)).toBe("Case");
  });

  it("joins a change's parts", () => {
    expect(changeLabel([{ named: { key: "item.seals", name: "2" } }, { key: "field.seal_number" }])).toBe("Seal 2 · Seal number");
  });
});
