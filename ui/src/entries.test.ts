// Unit tests of the entries a link field offers (entries.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { CaseView, Item } from "./bindings";
import { entryChoices } from "./entries";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue("en"));

function line(id: string, description: string | null, withdrawn: string | null = null): Item {
  const fields: Item["fields"] = {};
  if (description !== null) {
    fields.line_description = { value: description, event_id: "e", author: "A", at: "2026-11-28T12:00:00Z" };
  }
  return { id, section: "declared_lines", fields, withdrawn };
}

function view(items: Item[]): CaseView {
  return { case: { items } } as unknown as CaseView;
}

describe("entryChoices", () => {
  it("names each declared line by its number and the first line of its description", () => {
    const goods: Item = { id: "g", section: "goods_found", fields: {}, withdrawn: null };
    const choices = entryChoices(view([line("a", "Ceramic tiles\nglazed, 60x60"), goods, line("b", null)]), "declared_lines");
    expect(choices).toEqual([
      { id: "a", name: "Declared line 1: Ceramic tiles" },
      { id: "b", name: "Declared line 2" },
    ]);
  });
  it("offers no withdrawn line, and the others keep the numbers the case file shows", () => {
    const choices = entryChoices(view([line("a", "Tiles", "typed twice"), line("b", "Solder paste")]), "declared_lines");
    expect(choices).toEqual([{ id: "b", name: "Declared line 2: Solder paste" }]);
  });
  it("names each unit by its kind and number", () => {
    const unit = (id: string, kind: string | null, number: string | null, withdrawn: string | null = null): Item => {
      const fields: Item["fields"] = {};
      const at = { event_id: "e", author: "A", at: "2026-11-28T12:00:00Z" };
      if (kind) fields.unit_kind = { value: kind, ...at };
      if (number) fields.unit_number = { value: number, ...at };
      return { id, section: "units", fields, withdrawn };
    };
    const choices = entryChoices(
      view([unit("a", "container", "CSQU3054383"), unit("b", "postal", "RR123456785CN", "wrong case"), unit("c", "uld", null), unit("d", null, null)]),
      "units",
    );
    expect(choices).toEqual([
      { id: "a", name: "Unit 1: Container CSQU3054383" },
      { id: "c", name: "Unit 3: Air unit load device (ULD)" },
      { id: "d", name: "Unit 4" },
    ]);
  });
});
