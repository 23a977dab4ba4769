// Unit tests of when the first-case guide shows (guide.ts).
import { describe, expect, it } from "vitest";
import { FIRST_CASES, hideGuide, personKey, showsGuide, type GuideStore } from "./guide";

function memoryStore(): GuideStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("the first-case guide", () => {
  it("shows on a person's first cases, and keeps showing on those", () => {
    const store = memoryStore();
    for (let n = 1; n <= FIRST_CASES; n++) expect(showsGuide(store, "ines", `case-${n}`, true)).toBe(true);
    expect(showsGuide(store, "ines", "case-4", true)).toBe(false);
    expect(showsGuide(store, "ines", "case-1", true)).toBe(true);
    // Someone else on the same device has their own first cases.
    expect(showsGuide(store, "ivan", "case-4", true)).toBe(true);
  });

  it("does not show on a case someone else opened", () => {
    const store = memoryStore();
    expect(showsGuide(store, "sam", "case-1", false)).toBe(false);
    expect(showsGuide(store, "sam", "case-2", true)).toBe(true);
  });

  it("stays hidden once the person hides it", () => {
    const store = memoryStore();
    expect(showsGuide(store, "ines", "case-1", true)).toBe(true);
    hideGuide(store, "ines");
    expect(showsGuide(store, "ines", "case-1", true)).toBe(false);
    expect(showsGuide(store, "ines", "case-2", true)).toBe(false);
  });

  it("reads damaged storage as nothing remembered", () => {
    const store = memoryStore();
    store.setItem("quayside.guide.ines", "{not json");
    expect(showsGuide(store, "ines", "case-1", true)).toBe(true);
  });

  it("stores a hash of the name, never the name", async () => {
    const store = memoryStore();
    const key = await personKey("Ines Inspector");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await personKey("Ines Inspector")).toBe(key);
    expect(await personKey("Ivan Inspector")).not.toBe(key);
    showsGuide(store, key, "case-1", true);
    expect([...store.data.keys()].join(" ") + [...store.data.values()].join(" ")).not.toMatch(/Ines/);
  });
});
