// The catalogue: keys become text in the chosen language, English fills gaps, unknown keys show
// their code, plurals follow the language's rules, Rust's messages are worded with their arguments.
import { beforeEach, describe, expect, it } from "vitest";
import type { CatalogueFiles, SectionInfo } from "./bindings";
import { changeLabel, formatDateTime, formatMessage, itemLabel, setBuddhistEra, kindLabel, label, pseudo, setCatalogue, systemLocale, t } from "./labels";

const ENGLISH = `
item-seals = Seal
section-seals = Seals
section-case = Case
field-seal_number = Seal number
event-field_set = Field edited
history-changes = { $count ->
    [one] { $count } recorded change
   *[other] { $count } recorded changes
}
invalid-required = { $field } is required
`;
const CHINESE = `
item-seals = 封志
field-seal_number = 封志号
history-changes = { $count } 条记录的更改
invalid-required = { $field }为必填项
`;

function catalogue(locale: CatalogueFiles["locale"], files: string[]): CatalogueFiles {
  return { locale, tag: locale, files, english: [ENGLISH] };
}

beforeEach(() => setCatalogue(catalogue("en", [ENGLISH])));

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

describe("languages", () => {
  it("counts with the language's plural rules", () => {
    expect(t("history.changes", { count: 1 })).toBe("1 recorded change");
    expect(t("history.changes", { count: 106 })).toBe("106 recorded changes");
    setCatalogue(catalogue("zh-CN", [CHINESE]));
    expect(t("history.changes", { count: 1 })).toBe("1 条记录的更改");
  });

  it("falls back to English for a key the language lacks", () => {
    setCatalogue(catalogue("zh-CN", [CHINESE]));
    expect(label("field.seal_number")).toBe("封志号");
    expect(label("section.seals")).toBe("Seals");
  });

  it("words a message from Rust with its label arguments in the reader's language", () => {
    setCatalogue(catalogue("zh-CN", [CHINESE]));
    const message = { key: "invalid.required", args: { field: { kind: "label" as const, value: "field.seal_number" } } };
    expect(formatMessage(message)).toBe("封志号为必填项");
  });

  it("shows Thai years as the person counts them", () => {
    setCatalogue(catalogue("th", []));
    expect(formatDateTime("2026-12-06T12:00:00Z", false)).toContain("2026");
    setBuddhistEra(true);
    expect(formatDateTime("2026-12-06T12:00:00Z", false)).toContain("2569");
    setBuddhistEra(false);
  });

  it("finds the system's language by its first part", () => {
    expect(systemLocale(["zh-Hans-CN", "en"])).toBe("zh-CN");
    expect(systemLocale(["th-TH"])).toBe("th");
    expect(systemLocale(["es-MX"])).toBe("es");
    expect(systemLocale(["de-DE", "es"])).toBe("es");
    expect(systemLocale(["de-DE"])).toBe("en");
  });

  it("pseudo-localises text a third longer and accented, leaving arguments alone", () => {
    expect(pseudo("Seal number")).toBe("Šéàl ñümbér···");
    setCatalogue(catalogue("en-XA", []));
    expect(t("invalid.required", { field: "ABC" })).toBe(`ABC${pseudo(" is required")}`);
  });
});
