// Unit tests of custody chain ordering and wording (custody.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { CustodyRecord } from "./bindings";
import { afterHandover, currentHolder, custodyRow, custodyTimeText, handoverTime, holderLine, itemChain, newHandoverForm, senderText } from "./custody";
import { formatDateTime, setBuddhistEra } from "./labels";
import { useCatalogue } from "./testCatalogue";

// The typed local time as the reader's language writes it (the exact spaces are ICU's).
const shown = (y: number, m: number, d: number, h: number, min: number) => formatDateTime(new Date(y, m - 1, d, h, min).toISOString());

beforeEach(() => useCatalogue("en"));

function record(over: Partial<CustodyRecord>): CustodyRecord {
  return {
    item: "bag-1",
    from: "A. Officer",
    to: "B. Officer",
    place: "Dock 4",
    at: "2026-11-28 14:30",
    condition: "seal intact",
    event_id: "e1",
    device_id: "d1",
    recorded_by: "A. Officer",
    ...over,
  };
}

describe("itemChain", () => {
  it("keeps only the item's handovers, in time order", () => {
    const records = [
      record({ event_id: "late", at: "2026-11-29 09:00" }),
      record({ event_id: "other", item: "bag-2", at: "2026-11-01 08:00" }),
      record({ event_id: "early", at: "2026-11-28 10:15" }),
    ];
    expect(itemChain(records, "bag-1").map((r) => r.event_id)).toEqual(["early", "late"]);
  });
  it("keeps fold order for handovers at the same time", () => {
    const records = [record({ event_id: "first" }), record({ event_id: "second" }), record({ event_id: "third", at: "2026-11-28 14:00" })];
    expect(itemChain(records, "bag-1").map((r) => r.event_id)).toEqual(["third", "first", "second"]);
  });
  it("does not reorder what it was given", () => {
    const records = [record({ event_id: "b", at: "2026-11-29 09:00" }), record({ event_id: "a", at: "2026-11-28 09:00" })];
    itemChain(records, "bag-1");
    expect(records.map((r) => r.event_id)).toEqual(["b", "a"]);
  });
  it("is empty for an item with no handover", () => {
    expect(itemChain([record({})], "bag-9")).toEqual([]);
  });
});

describe("currentHolder", () => {
  it("is the receiver of the last handover in time", () => {
    const chain = itemChain(
      [record({ to: "C. Lab", at: "2026-11-30 08:00" }), record({ to: "B. Officer", at: "2026-11-28 14:30" })],
      "bag-1",
    );
    expect(currentHolder(chain)).toBe("C. Lab");
  });
  it("is nobody without a handover", () => {
    expect(currentHolder([])).toBeNull();
  });
});

describe("custodyRow", () => {
  it("reads time, sender to receiver, place, condition and who recorded it", () => {
    expect(custodyRow(record({}))).toBe(`${shown(2026, 11, 28, 14, 30)} — A. Officer → B. Officer, Dock 4, seal intact (recorded by A. Officer)`);
    expect(shown(2026, 11, 28, 14, 30)).toMatch(/^Nov 28, 2026, 2:30\sPM$/);
  });
  it("reads in the reader's language, the time as that language writes it", () => {
    useCatalogue("es");
    const row = custodyRow(record({}));
    expect(row).toContain("28 nov 2026");
    expect(row).toContain("A. Officer → B. Officer, Dock 4, seal intact");
    expect(row).toContain("A. Officer)");
    expect(row).not.toContain("recorded by");
  });
});

describe("handoverTime", () => {
  it("is the typed local time in the reader's language, or the text as typed", () => {
    expect(handoverTime("2026-11-08 09:05")).toBe(shown(2026, 11, 8, 9, 5));
    expect(handoverTime("2026-11-08 09:05")).toMatch(/^Nov 8, 2026, 9:05\sAM$/);
    expect(handoverTime("yesterday noon")).toBe("yesterday noon");
    useCatalogue("th");
    expect(handoverTime("2026-11-08 09:05")).toContain("2026");
    setBuddhistEra(true);
    expect(handoverTime("2026-11-08 09:05")).toContain("2569");
    setBuddhistEra(false);
  });
});

describe("holderLine", () => {
  it("names the holder, or says nobody holds it", () => {
    expect(holderLine("B. Officer")).toBe("Held by: B. Officer");
    expect(holderLine(null)).toBe("Nobody is recorded as holding this item");
    useCatalogue("zh-CN");
    expect(holderLine("B. Officer")).toContain("B. Officer");
    expect(holderLine("B. Officer")).not.toContain("Held by");
  });
});

describe("custodyTimeText", () => {
  it("is the local date and time to the minute", () => {
    expect(custodyTimeText(new Date(2026, 10, 8, 9, 5, 59))).toBe("2026-11-08 09:05");
  });
});

describe("handover form", () => {
  it("starts with the person's name as receiver and the time now", () => {
    const form = newHandoverForm("K. Jones", new Date(2026, 0, 2, 3, 4));
    expect(form).toEqual({ from: null, to: "K. Jones", place: "", at: "2026-01-02 03:04", condition: "" });
    expect(newHandoverForm(null).to).toBe("");
  });
  it("shows the holder as sender until something is typed", () => {
    const form = newHandoverForm(null);
    expect(senderText(form, "B. Officer")).toBe("B. Officer");
    expect(senderText(form, null)).toBe("");
    expect(senderText({ ...form, from: "" }, "B. Officer")).toBe("");
    expect(senderText({ ...form, from: "X" }, "B. Officer")).toBe("X");
  });
  it("clears receiver, place and condition after a save, keeps the time, and follows the new holder", () => {
    const form = { from: "A", to: "B", place: "Dock 4", at: "2026-11-28 14:30", condition: "intact" };
    const next = afterHandover(form);
    expect(next).toEqual({ from: null, to: "", place: "", at: "2026-11-28 14:30", condition: "" });
    expect(senderText(next, "B")).toBe("B");
  });
});
