// The case screens' texts with their counts and arguments, in each language: plurals follow the
// language's rules, and no translation drops or misnames an argument.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Locale } from "./bindings";
import { attachPhoto, CallError } from "./ipc";
import { errorText, t } from "./labels";
import { useCatalogue } from "./testCatalogue";

const LANGUAGES: Locale[] = ["en", "zh-CN", "th", "es"];

beforeEach(() => useCatalogue("en"));

describe("the case screens' catalogue", () => {
  it("words every text in every language with all its arguments", () => {
    const source = readFileSync(join(__dirname, "../../crates/quayside-i18n/locales/en/screens-cases.ftl"), "utf8");
    const ids = [...source.matchAll(/^([a-z][\w-]*)\s*=/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(100);
    for (const locale of LANGUAGES) {
      useCatalogue(locale);
      for (const id of ids) {
        const args = { count: 3, total: 12, first: 1, last: 3, imported: 2, failed: 1, done: 2, size: 200, limit: 100, bytes: 2048, number: 2, shown: 2, cases: 3, entities: 4, max: 300, depth: 2 };
        const text = t(id.replaceAll("-", "."), { ...args, example: "X", date: "D", author: "A", reason: "R", name: "N", item: "I", value: "V", label: "L", from: "F", to: "T", at: "W", place: "P", condition: "C", recorder: "Q", holder: "H", outcome: "O", note: "Z", file: "f", type: "image/jpeg", role: "Y", state: "S", section: "B", field: "D", second: "E", detail: "G", flags: "K", version: 2, kind: "J", other: "U", case: "C", device: "V", level: 7, shape: "M" });
        expect(text, `${locale} ${id}`).not.toMatch(/\{|\}/);
        expect(text, `${locale} ${id}`).not.toBe(id.replaceAll("-", "."));
      }
    }
  });
});

describe("a case's heading", () => {
  it("counts recorded changes with the language's plural rules", () => {
    expect(t("case.opened", { date: "28 Nov", author: "Ines", count: 1 })).toBe("Opened 28 Nov by Ines · 1 recorded change");
    expect(t("case.opened", { date: "28 Nov", author: "Ines", count: 106 })).toBe("Opened 28 Nov by Ines · 106 recorded changes");
    useCatalogue("es");
    expect(t("case.opened", { date: "28 nov", author: "Ines", count: 1 })).toBe("Abierto el 28 nov por Ines · 1 cambio registrado");
    expect(t("case.opened", { date: "28 nov", author: "Ines", count: 2 })).toBe("Abierto el 28 nov por Ines · 2 cambios registrados");
    useCatalogue("zh-CN");
    expect(t("case.opened", { date: "11月28日", author: "Ines", count: 1 })).toContain("1 条修改记录");
  });
  it("counts fields in conflict", () => {
    expect(t("case.conflicts", { count: 1 })).toBe("1 field edited on two devices");
    expect(t("case.conflicts", { count: 3 })).toBe("3 fields edited on two devices");
  });
  it("numbers an entry of a list section", () => {
    expect(t("case.item_name", { item: "Seal", number: 2 })).toBe("Seal 2");
    expect(t("case.add_item", { item: "seal" })).toBe("Add seal");
  });
});

describe("a conflict", () => {
  it("names the number of devices in words where the language does", () => {
    expect(t("conflict.title", { count: 2 })).toBe("Edited on two devices at the same time");
    expect(t("conflict.title", { count: 7 })).toBe("Edited on 7 devices at the same time");
    useCatalogue("es");
    expect(t("conflict.title", { count: 3 })).toBe("Editado en tres dispositivos al mismo tiempo");
  });
  it("names the value and its author on the button that keeps it", () => {
    expect(t("conflict.keep_value", { value: "MSC ANNA II", author: "Ines Inspector" })).toBe("Keep this: MSC ANNA II (Ines Inspector)");
  });
});

describe("a photo import", () => {
  it("counts the files imported and those not", () => {
    expect(t("photos.imported", { imported: 1, total: 1 })).toBe("1 of 1 files imported");
    expect(t("photos.imported_some", { imported: 2, total: 6, failed: 4 })).toBe("2 of 6 files imported, 4 not imported");
    expect(t("photos.too_big", { size: 200, limit: 100 })).toBe("200 MB is over the 100 MB limit: not imported");
    useCatalogue("es");
    expect(t("photos.imported", { imported: 1, total: 1 })).toBe("1 de 1 archivo importado");
    expect(t("photos.imported", { imported: 12, total: 12 })).toBe("12 de 12 archivos importados");
  });
  it("words a file it could not read in the reader's language, and in English for logs", async () => {
    const unreadable = { name: "seal.jpg", arrayBuffer: () => Promise.reject(new Error("gone")) } as unknown as File;
    const error = await attachPhoto("case-1", unreadable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).message).toBe("seal.jpg could not be read (gone): check that it is a file you may open. Nothing was stored.");
    expect(errorText(error)).toBe((error as CallError).message);
    useCatalogue("es");
    expect(errorText(error)).toBe("No se pudo leer seal.jpg (gone): verifique que sea un archivo que usted puede abrir. No se guardó nada.");
  });
});

describe("an export", () => {
  it("gives the size with the language's digit grouping", () => {
    expect(t("export_result.bytes", { bytes: 1234567 })).toBe("(1,234,567 bytes)");
    useCatalogue("es");
    expect(t("export_result.bytes", { bytes: 1234567 })).toBe("(1.234.567 bytes)");
  });
});
