// Unit tests of a timeline change's values in words (changeValues.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { Change, SectionInfo } from "./bindings";
import { readableChange, valueText } from "./changeValues";
import { t } from "./labels";
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

const method = (code: string) => ({ field: { field: "concealment_method" as const, value: code } });

describe("a timeline change's values", () => {
  it("reads a code of a list as its label, lettered codes with their code", () => {
    const c = readableChange({ label: [{ named: { key: "item.concealments", name: "1" } }, { key: "field.concealment_method" }], from: method("C3"), to: method("C4") }, sections);
    expect(c.from).toMatch(/^C3 \S/);
    expect(c.to).toMatch(/^C4 \S/);
    expect(c.from).not.toBe("C3");
  });

  it("reads several codes as a list in the reader's language", () => {
    const c = readableChange({ label: [{ key: "field.detection_methods" }], from: null, to: { field: { field: "detection_methods", value: "D5 D6" } } }, sections);
    expect(c.from).toBeNull();
    expect(c.to).toMatch(/^D5 .+D6 /);
  });

  it("keeps what a person typed and unknown codes as they are", () => {
    const typed: Change = { label: [{ key: "field.concealment_location" }], from: null, to: { field: { field: "concealment_location", value: "Rear stack" } } };
    expect(readableChange(typed, sections).to).toBe("Rear stack");
    expect(readableChange({ label: [{ key: "change.reason" }], from: null, to: { text: "voyage misread" } }, sections).to).toBe("voyage misread");
    expect(valueText(method("C9"), sections)).toBe("C9");
  });

  it("words the app's own values in the reader's language, with what was typed inside as typed", () => {
    const added = { key: "change.added" };
    const withdrawn = { message: { key: "change.withdrawn", args: { reason: { kind: "text" as const, value: "entered twice" } } } };
    const closed = { message: { key: "change.status_reason", args: { status: { kind: "label" as const, value: "status.closed" }, reason: { kind: "text" as const, value: "sent to court" } } } };
    expect(valueText(added, sections)).toBe("added");
    expect(valueText(withdrawn, sections)).toBe("withdrawn: entered twice");
    expect(valueText(closed, sections)).toBe(`${t("status.closed")} (sent to court)`);
    useCatalogue("zh-CN");
    expect(valueText(added, sections)).toBe(t("change.added"));
    expect(valueText(added, sections)).not.toBe("added");
    expect(valueText(withdrawn, sections)).toContain("entered twice");
    expect(valueText(withdrawn, sections)).not.toContain("withdrawn");
    expect(valueText(closed, sections)).toContain(t("status.closed"));
  });
});
