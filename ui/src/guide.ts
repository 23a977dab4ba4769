// Whether a case shows the first-case guide: on a person's first few cases on this device, until
// they hide it. Kept in the webview's local storage, which is not encrypted: a person is stored
// under a hash of their name, never the name, and only case ids go with it.

/** How many of a person's own cases show the guide. */
export const FIRST_CASES = 3;
const PREFIX = "quayside.guide.";

type Memory = { hidden: boolean; cases: string[] };

/** What the guide needs of local storage (so tests pass a map). */
export type GuideStore = Pick<Storage, "getItem" | "setItem">;

function read(store: GuideStore, person: string): Memory {
  try {
    const m = JSON.parse(store.getItem(PREFIX + person) ?? "null") as Partial<Memory> | null;
    return { hidden: m?.hidden === true, cases: Array.isArray(m?.cases) ? m.cases.filter((c) => typeof c === "string") : [] };
  } catch {
    return { hidden: false, cases: [] };
  }
}

function write(store: GuideStore, person: string, memory: Memory): void {
  try {
    store.setItem(PREFIX + person, JSON.stringify(memory));
  } catch {
    // Storage full or refused: the guide shows again next time, nothing worse.
  }
}

/**
 * Whether this case shows the guide to `person` (a key from `personKey`). A case counts as one
 * of their first when they opened it; it is remembered as such, so it keeps the guide while it
 * is being finished, and later cases of theirs do not get it.
 */
export function showsGuide(store: GuideStore, person: string, caseId: string, theirOwn: boolean): boolean {
  const memory = read(store, person);
  if (memory.hidden || !theirOwn) return false;
  if (memory.cases.includes(caseId)) return true;
  if (memory.cases.length >= FIRST_CASES) return false;
  write(store, person, { ...memory, cases: [...memory.cases, caseId] });
  return true;
}

/** The person hid the guide: not shown to them again on this device. */
export function hideGuide(store: GuideStore, person: string): void {
  write(store, person, { ...read(store, person), hidden: true });
}

/** A person's key in local storage: the SHA-256 of their name, in hex. */
export async function personKey(name: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(name.normalize("NFC")));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
