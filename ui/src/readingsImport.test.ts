// The mapping step of an analyser import: what the API recognised is shown, the person's changes
// are sent back exactly, and a choice the import would refuse is caught first.
import { describe, expect, it } from "vitest";
import type { CodeEntry, ColumnMeaning } from "./bindings";
import { choicesFrom, choicesOffered, elementsChosenTwice, meaningsFrom, readsAnElement } from "./readingsImport";

const recognised: ColumnMeaning[] = [
  { column: 0, role: "reading_id", element: null },
  { column: 1, role: "time", element: null },
  { column: 3, role: "element", element: "Ga" },
  { column: 4, role: "uncertainty", element: "Ga" },
];

describe("the mapping of an analyser export's columns", () => {
  it("shows what the API recognised and leaves the other columns unread", () => {
    expect(choicesFrom(6, recognised)).toEqual(["reading_id", "time", "", "element:Ga", "uncertainty:Ga", ""]);
  });

  it("sends back exactly the columns the person chose, changed or not", () => {
    const choices = choicesFrom(6, recognised);
    expect(meaningsFrom(choices)).toEqual(recognised);
    choices[2] = "instrument_serial";
    choices[5] = "element:Sn";
    choices[1] = "";
    expect(meaningsFrom(choices)).toEqual([
      { column: 0, role: "reading_id", element: null },
      { column: 2, role: "instrument_serial", element: null },
      { column: 3, role: "element", element: "Ga" },
      { column: 4, role: "uncertainty", element: "Ga" },
      { column: 5, role: "element", element: "Sn" },
    ]);
  });

  it("offers each element as a value and as an uncertainty", () => {
    const elements = [{ code: "Ga" }, { code: "Sn" }] as CodeEntry[];
    const offered = choicesOffered(elements);
    expect(offered[0]).toBe("");
    expect(offered).toContain("element:Sn");
    expect(offered).toContain("uncertainty:Ga");
    expect(offered).toContain("time");
  });

  it("names an element chosen twice and an import with no element", () => {
    expect(elementsChosenTwice(["element:Ga", "uncertainty:Ga", "element:Ga", "element:Sn"])).toEqual(["Ga"]);
    expect(elementsChosenTwice(["element:Ga", "element:Sn"])).toEqual([]);
    expect(readsAnElement(["reading_id", "time"])).toBe(false);
    expect(readsAnElement(["", "element:W"])).toBe(true);
  });
});
