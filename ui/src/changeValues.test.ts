// Unit tests of a timeline change's values in words (changeValues.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { SectionInfo } from "./bindings";
import { readableChange } from "./changeValues";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue("en"));

const field = (name: string, input: "text" | "choice" | "multi_choice", codes: string[], list: string) => ({
  field: name,
  section: "concealments",
  label_key: `field.${name}`,
  input,
  input_hint_key: null,
  options: codes.map((code) => ({ code, key: `${list}.${code}`, hint_key: null })),
  personal: false,
  required: false,
});

const sections = [
  {
    section: "concealments",
    label_key: "section.concealments",
    item_key: "item.concealments",
    is_list: true,
    fields: [field("concealment_method", "choice", ["C3", "C4"], "concealment"), field("concealment_location", "text", [], "")],
  },
  { section: "detection", label_key: "section.detection", item_key: null, is_list: false, fields: [field("detection_methods", "multi_choice", ["D5", "D6"], "detection")] },
] as unknown as SectionInfo[];

describe("a timeline change's values", () => {
  it("reads a code of a list as its label, lettered codes with their code", () => {
    const c = readableChange({ label: [{ named: { key: "item.concealments", name: "1" } }, { key: "field.concealment_method" }], from: "C3", to: "C4" }, sections);
    expect(c.from).toMatch(/^C3 \S/);
    expect(c.to).toMatch(/^C4 \S/);
    expect(c.from).not.toBe("C3");
  });

  it("reads several codes as a list in the reader's language", () => {
    const c = readableChange({ label: [{ key: "field.detection_methods" }], from: null, to: "D5 D6" }, sections);
    expect(c.from).toBeNull();
    expect(c.to).toMatch(/^D5 .+D6 /);
  });

  it("keeps free text, unknown codes and changes about no field as they are", () => {
    const text = { label: [{ key: "field.concealment_location" }], from: null, to: "Rear stack" };
    expect(readableChange(text, sections)).toEqual(text);
    const unknown = readableChange({ label: [{ key: "field.concealment_method" }], from: null, to: "C9" }, sections);
    expect(unknown.to).toBe("C9");
    const added = { label: [{ key: "change.added" }], from: null, to: null };
    expect(readableChange(added, sections)).toEqual(added);
  });
});
