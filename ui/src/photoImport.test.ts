// Unit tests of an import's outcome line (photoImport.ts): Rust's notes worded in each language.
import { describe, expect, it } from "vitest";
import type { AttachResult } from "./bindings";
import { importedText } from "./photoImport";
import { useCatalogue } from "./testCatalogue";

const base: AttachResult = { file_name: "scan.jpg", sha256: "ab", status: "attached", notes: [] };
const renamed = { key: "notice.import_renamed", args: { extension: { kind: "text", value: "jpg" }, format: { kind: "text", value: "PNG" } } } as const;
const heic = { key: "notice.import_heic", args: {} };

describe("importedText", () => {
  it("says attached, or already attached, with nothing more when there is no note", () => {
    useCatalogue();
    expect(importedText(base)).toBe("attached");
    expect(importedText({ ...base, status: "already_attached" })).toMatch(/already/i);
  });
  it("words each note in the reader's language", () => {
    useCatalogue();
    expect(importedText({ ...base, notes: [renamed] })).toBe("attached; named .jpg but is a PNG image: stored as PNG");
    useCatalogue("zh-CN");
    const zh = importedText({ ...base, notes: [renamed, heic] });
    expect(zh).toContain("文件名为 .jpg，但实为 PNG 图像");
    expect(zh).toContain("本应用无法解码 HEIC");
    expect(zh.split("；")).toHaveLength(3);
    useCatalogue("es");
    expect(importedText({ ...base, notes: [heic] })).toContain("esta aplicación no decodifica HEIC");
  });
});
