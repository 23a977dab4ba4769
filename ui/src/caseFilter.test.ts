// Unit tests of the case list's filter state (caseFilter.ts).
import { beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_FILTER,
  cleared,
  dayText,
  everyPage,
  narrowingCount,
  nextOffset,
  pageLabel,
  pageOf,
  previousOffset,
  refine,
  statisticsFilter,
  thousands,
  typedCountry,
  typedDay,
  typedPort,
} from "./caseFilter";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue("en"));

describe("refine", () => {
  it("goes back to the first page when the selection changes", () => {
    const on3rd = { ...DEFAULT_FILTER, offset: 100 };
    expect(refine(on3rd, { material: "tungsten" })).toMatchObject({ material: "tungsten", offset: 0 });
    expect(refine(on3rd, { sort: "port", descending: false }).offset).toBe(0);
  });
  it("keeps the selection when only the page changes", () => {
    const f = refine({ ...DEFAULT_FILTER, port: "NLRTM" }, { offset: 50 });
    expect(f).toMatchObject({ port: "NLRTM", offset: 50 });
  });
});

describe("pages and exports", () => {
  it("asks for one page in the list and every case for counts and exports", () => {
    const f = { ...DEFAULT_FILTER, offset: 50, search: "seal" };
    expect(pageOf(f)).toMatchObject({ limit: 50, offset: 50 });
    expect(everyPage(f)).toMatchObject({ limit: null, offset: 0, search: "seal" });
  });
  it("counts what the list selects in statistics, the search included", () => {
    expect(statisticsFilter({ ...DEFAULT_FILTER, search: "smith", port: "NLRTM", offset: 50 })).toMatchObject({
      search: "smith",
      port: "NLRTM",
      limit: null,
    });
  });
  it("labels the rows shown", () => {
    expect(pageLabel(0, 50, 1234)).toBe("1–50 of 1,234");
    expect(pageLabel(1200, 34, 1234)).toBe("1,201–1,234 of 1,234");
    expect(pageLabel(0, 0, 0)).toBe("No cases");
    expect(pageLabel(1250, 0, 1234)).toBe("None of 1,234");
  });
  it("labels the rows shown in the reader's language, with its digit grouping", () => {
    useCatalogue("es");
    expect(pageLabel(0, 50, 12345)).toBe("1–50 de 12.345");
    useCatalogue("zh-CN");
    expect(pageLabel(0, 0, 0)).not.toBe("No cases");
  });
  it("moves a page at a time, never past either end", () => {
    expect(previousOffset(0)).toBeNull();
    expect(previousOffset(50)).toBe(0);
    expect(nextOffset(0, 50)).toBeNull();
    expect(nextOffset(0, 51)).toBe(50);
  });
  it("groups thousands without a locale", () => {
    expect(thousands(999)).toBe("999");
    expect(thousands(1234567)).toBe("1,234,567");
  });
});

describe("narrowing", () => {
  it("counts the conditions given, not the sort", () => {
    expect(narrowingCount(DEFAULT_FILTER)).toBe(0);
    expect(narrowingCount({ ...DEFAULT_FILTER, port: "NLRTM", flagged_only: true, search: "  " })).toBe(2);
  });
  it("clears them and keeps the sort", () => {
    const f = cleared({ ...DEFAULT_FILTER, sort: "port", descending: false, outcome: "O4", offset: 50 });
    expect(f).toEqual({ ...DEFAULT_FILTER, sort: "port", descending: false });
  });
});

describe("typed filter values", () => {
  it("reads ports in upper case without spaces", () => {
    expect(typedPort("nl rtm")).toEqual({ value: "NLRTM", valid: true });
    expect(typedPort("")).toEqual({ value: null, valid: true });
    expect(typedPort("NLR").valid).toBe(false);
  });
  it("reads countries as two letters", () => {
    expect(typedCountry(" cn ")).toEqual({ value: "CN", valid: true });
    expect(typedCountry("CHN").valid).toBe(false);
  });
  it("accepts real days only", () => {
    expect(typedDay("2026-02-28").valid).toBe(true);
    expect(typedDay("2026-02-31").valid).toBe(false);
    expect(typedDay("28/02/2026").valid).toBe(false);
    expect(typedDay("")).toEqual({ value: null, valid: true });
  });
  it("reads a day year first in every language, as YYYY-MM-DD", () => {
    expect(typedDay("2026-2-8")).toEqual({ value: "2026-02-08", valid: true });
    expect(typedDay("2026/11/28", "es")).toEqual({ value: "2026-11-28", valid: true });
    expect(typedDay("2026年11月28日", "zh-CN")).toEqual({ value: "2026-11-28", valid: true });
    expect(typedDay("2026.11.28", "zh-CN")).toEqual({ value: "2026-11-28", valid: true });
  });
  it("reads a day day first where the language writes it so, never month first", () => {
    expect(typedDay("28/11/2026", "es")).toEqual({ value: "2026-11-28", valid: true });
    expect(typedDay("5-3-2026", "es")).toEqual({ value: "2026-03-05", valid: true });
    expect(typedDay("11/28/2026", "es").valid).toBe(false);
    expect(typedDay("28/11/2026", "zh-CN").valid).toBe(false);
    expect(typedDay("31/02/2026", "es").valid).toBe(false);
  });
  it("reads a Thai day in the Buddhist Era or the common era", () => {
    expect(typedDay("28/11/2569", "th")).toEqual({ value: "2026-11-28", valid: true });
    expect(typedDay("28/11/2026", "th")).toEqual({ value: "2026-11-28", valid: true });
    expect(typedDay("2569-11-28", "th")).toEqual({ value: "2026-11-28", valid: true });
  });
  it("writes a day as the language does, and reads it back", () => {
    expect(dayText("2026-11-28", "en")).toBe("2026-11-28");
    expect(dayText("2026-11-28", "zh-CN")).toBe("2026-11-28");
    expect(dayText("2026-11-28", "es")).toBe("28/11/2026");
    expect(dayText("2026-11-28", "th")).toBe("28/11/2569");
    for (const locale of ["en", "zh-CN", "th", "es"] as const) {
      expect(typedDay(dayText("2026-02-03", locale), locale).value).toBe("2026-02-03");
    }
  });
  it("follows the language in force", () => {
    useCatalogue("th");
    expect(typedDay("01/01/2570")).toEqual({ value: "2027-01-01", valid: true });
    expect(dayText("2027-01-01")).toBe("01/01/2570");
  });
});
