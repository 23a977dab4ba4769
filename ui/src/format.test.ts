// The pure formatting helpers: changes, times, sorting and code sets.
import { beforeEach, describe, expect, it } from "vitest";
import { clockTime, describeChange, localTime, nextSort, toggleCode } from "./format";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue("en"));

describe("describeChange", () => {
  it("shows from and to", () => {
    expect(describeChange({ label: [{ key: "field.vessel_name" }], from: "A", to: "B" })).toBe("Vessel name: A → B");
  });
  it("names a first value and a cleared one", () => {
    const voyage = [{ key: "field.voyage" }];
    expect(describeChange({ label: voyage, from: null, to: "001W" })).toBe("Voyage: 001W");
    expect(describeChange({ label: voyage, from: "001W", to: null })).toBe("Voyage: 001W → (cleared)");
  });
  it("words a change in the reader's language", () => {
    useCatalogue("es");
    expect(describeChange({ label: [{ key: "field.vessel_name" }], from: "A", to: "B" })).toBe("Nombre del buque: A → B");
    expect(describeChange({ label: [{ key: "field.voyage" }], from: "001W", to: null })).not.toContain("cleared");
  });
});

describe("localTime", () => {
  it("formats a timestamp as local minutes", () => {
    expect(localTime("2026-11-28T12:05:09.000Z")).toMatch(/^2026-11-2[789] \d\d:\d5$/);
  });
  it("passes through what it cannot read", () => {
    expect(localTime("yesterday")).toBe("yesterday");
  });
});

describe("clockTime", () => {
  it("shows only the time for today and the date too for another day", () => {
    const now = new Date(2026, 10, 28, 18, 0);
    expect(clockTime(new Date(2026, 10, 28, 14, 2).toISOString(), now)).toBe("14:02");
    expect(clockTime(new Date(2026, 10, 27, 14, 2).toISOString(), now)).toBe("2026-11-27 14:02");
  });
  it("passes through what it cannot read", () => {
    expect(clockTime("soon")).toBe("soon");
  });
});

describe("nextSort", () => {
  it("flips the direction on the sorted column", () => {
    expect(nextSort({ sort: "port", descending: false }, "port")).toEqual({ sort: "port", descending: true });
  });
  it("sorts dates newest first and names A to Z when first chosen", () => {
    expect(nextSort({ sort: "port", descending: false }, "updated_at").descending).toBe(true);
    expect(nextSort({ sort: "updated_at", descending: true }, "case_number").descending).toBe(false);
  });
});

describe("toggleCode", () => {
  it("adds and removes codes without duplicates", () => {
    expect(toggleCode("D1 D5", "D7", true)).toBe("D1 D5 D7");
    expect(toggleCode("D1 D5", "D1", true)).toBe("D1 D5");
    expect(toggleCode("D1 D5", "D1", false)).toBe("D5");
    expect(toggleCode("", "D2", true)).toBe("D2");
  });
});
