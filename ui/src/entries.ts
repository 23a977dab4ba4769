// Entries a field links to (the declared line goods were found within): named as the case file
// names them, with what they are, so a person chooses by name and never sees an id.
import type { CaseView, Field, Section } from "./bindings";
import { label, t } from "./labels";

/** An entry a link field may name: its id, stored, and its name, shown. */
export type EntryChoice = { id: string; name: string };

/** The field whose value says what an entry is, where one does. */
const DESCRIBED_BY: Partial<Record<Section, Field>> = {
  declared_lines: "line_description",
  samples: "sample_seal",
};

/** The entries a link to `section` chooses from: each that stands, by its name and what it is ("Declared line 1: Ceramic tiles"). */
export function entryChoices(view: CaseView, section: Section): EntryChoice[] {
  const item = label(`item.${section}`);
  const described = DESCRIBED_BY[section];
  return view.case.items
    .filter((i) => i.section === section)
    .flatMap((entry, index) => {
      if (entry.withdrawn) return [];
      // Numbered as the case file numbers them: withdrawn entries keep their place.
      const name = t("case.item_name", { item, number: index + 1 });
      const detail = described ? entry.fields[described]?.value.split("\n")[0].trim() : undefined;
      return [{ id: entry.id, name: detail ? t("casefile.item_title", { name, detail }) : name }];
    });
}
