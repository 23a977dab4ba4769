// Entries a field links to (the declared line goods were found within, the unit they were found
// in): named as the case file
// names them, with what they are, so a person chooses by name and never sees an id.
import type { CaseView, Item, Section } from "./bindings";
import { label, t } from "./labels";

/** An entry a link field may name: its id, stored, and its name, shown. */
export type EntryChoice = { id: string; name: string };

/** What an entry is, where its fields say: a declared line's description, a sample's seal, a unit's kind and number. */
const DESCRIBED_BY: Partial<Record<Section, (entry: Item) => string | undefined>> = {
  declared_lines: (entry) => entry.fields.line_description?.value.split("\n")[0].trim(),
  units: (entry) => {
    const kind = entry.fields.unit_kind?.value;
    const number = entry.fields.unit_number?.value;
    const parts = [kind ? label(`unit_kind.${kind}`) : undefined, number].filter((p) => p);
    return parts.length ? parts.join(" ") : undefined;
  },
  samples: (entry) => entry.fields.sample_seal?.value,
};

/** The entries a link to `section` chooses from: each that stands, by its name and what it is ("Declared line 1: Ceramic tiles", "Unit 2: Postal item RR123456785CN"). */
export function entryChoices(view: CaseView, section: Section): EntryChoice[] {
  const item = label(`item.${section}`);
  const described = DESCRIBED_BY[section];
  return view.case.items
    .filter((i) => i.section === section)
    .flatMap((entry, index) => {
      if (entry.withdrawn) return [];
      // Numbered as the case file numbers them: withdrawn entries keep their place.
      const name = t("case.item_name", { item, number: index + 1 });
      const detail = described?.(entry);
      return [{ id: entry.id, name: detail ? t("casefile.item_title", { name, detail }) : name }];
    });
}
