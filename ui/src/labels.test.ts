// The label lookup: keys become text, unknown keys show their code, change labels join their parts.
import { beforeEach, describe, expect, it } from "vitest";
import type { SectionInfo } from "./bindings";
import { changeLabel, formatMessage, itemLabel, kindLabel, label, setLabels } from "./labels";

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

describe("formatMessage", () => {
  beforeEach(() =>
    setLabels({
      "field.seal_number": "Seal number",
      "invalid.required": "{ $field } is required",
      "error.passphrase_throttled": "Try again in { $seconds ->\n [one] 1 second\n *[other] { $seconds } seconds\n}",
    }),
  );

  it("fills in text, number and label arguments", () => {
    expect(formatMessage({ key: "invalid.required", args: { field: { kind: "label", value: "field.seal_number" } } })).toBe(
      "Seal number is required",
    );
  });

  it("shows the English sent beside a message it cannot render, else the key", () => {
    const throttled = { key: "error.passphrase_throttled", args: { seconds: { kind: "number" as const, value: 3 } } };
    expect(formatMessage(throttled, "Try again in 3 seconds")).toBe("Try again in 3 seconds");
    expect(formatMessage({ key: "error.unknown", args: {} }, "English")).toBe("English");
    expect(formatMessage({ key: "error.unknown", args: {} })).toBe("error.unknown");
  });
});
