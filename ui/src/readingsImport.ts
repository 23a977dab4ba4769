// The meanings of an analyser export's columns as the mapping step shows them: one choice per
// column ("not read", the reading number, the time, an element or its uncertainty), to and from
// what the API reads (`ColumnMeaning`).
import type { CodeEntry, ColumnMeaning, ColumnRole } from "./bindings";

/** A column's choice: "" when it is not read, a role, or `role:symbol` for an element and its uncertainty. */
export type ColumnChoice = string;

/** The roles that stand alone, in the order they are offered. */
export const PLAIN_ROLES: ColumnRole[] = ["reading_id", "time", "instrument_serial", "instrument_make", "instrument_model"];

/** The choice a meaning is shown as. */
export function choiceOf(meaning: ColumnMeaning | undefined): ColumnChoice {
  if (!meaning) return "";
  return meaning.element ? `${meaning.role}:${meaning.element}` : meaning.role;
}

/** One choice per column, from the meanings the API recognised (columns it did not name are not read). */
export function choicesFrom(columns: number, meanings: ColumnMeaning[]): ColumnChoice[] {
  return Array.from({ length: columns }, (_, column) => choiceOf(meanings.find((m) => m.column === column)));
}

/** What the API is sent: one meaning per column that is read. */
export function meaningsFrom(choices: ColumnChoice[]): ColumnMeaning[] {
  return choices.flatMap((choice, column) => {
    if (!choice) return [];
    const [role, element] = choice.split(":") as [ColumnRole, string | undefined];
    return [{ column, role, element: element ?? null }];
  });
}

/** Every choice a column offers: not read, each plain role, then each element and each element's uncertainty. */
export function choicesOffered(elements: CodeEntry[]): ColumnChoice[] {
  return ["", ...PLAIN_ROLES, ...elements.map((e) => `element:${e.code}`), ...elements.map((e) => `uncertainty:${e.code}`)];
}

/** Elements chosen for more than one column: the import would refuse them, so the screen says so first. */
export function elementsChosenTwice(choices: ColumnChoice[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const choice of choices) {
    if (!choice.startsWith("element:")) continue;
    const symbol = choice.slice("element:".length);
    if (seen.has(symbol)) twice.add(symbol);
    seen.add(symbol);
  }
  return [...twice];
}

/** Whether any column is read as an element: without one there is nothing to import. */
export function readsAnElement(choices: ColumnChoice[]): boolean {
  return choices.some((c) => c.startsWith("element:"));
}
