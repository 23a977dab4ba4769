// Pure formatting helpers, unit-tested without a window.
import type { CaseSort } from "./bindings";
import type { WordedChange } from "./changeValues";
import { changeLabel, t } from "./labels";

/**
 * "2026-11-28 14:05" in the device's local time zone, from an RFC 3339 timestamp: the same in
 * every language (a stamp to compare and sort). A date for reading is `formatDateTime`.
 */
export function localTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Vessel name: MSC ANNA → MSC ANNA II", with empty sides named, in the reader's language. */
export function describeChange(c: WordedChange): string {
  const label = changeLabel(c.label);
  if (c.from === null && c.to === null) return label;
  if (c.from === null) return t("timeline.change_set", { label, to: c.to ?? "" });
  if (c.to === null) return t("timeline.change_cleared", { label, from: c.from });
  return t("timeline.change", { label, from: c.from, to: c.to });
}

/** Clicking a column sorts by it; clicking the sorted column again flips the direction. */
export function nextSort(
  current: { sort: CaseSort; descending: boolean },
  clicked: CaseSort,
): { sort: CaseSort; descending: boolean } {
  if (current.sort === clicked) return { sort: clicked, descending: !current.descending };
  // Dates read best newest first; names and codes A to Z.
  const newestFirst = clicked === "updated_at" || clicked === "opened_at" || clicked === "flags";
  return { sort: clicked, descending: newestFirst };
}

/** Multi-choice values are stored as space-separated codes. */
export function toggleCode(current: string, code: string, on: boolean): string {
  const set = new Set(current.split(/\s+/).filter(Boolean));
  if (on) set.add(code);
  else set.delete(code);
  return [...set].join(" ");
}

/** "14:02" for a time today, otherwise the full local date and time: a status line stays short. */
export function clockTime(rfc3339: string, now: Date = new Date()): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? localTime(rfc3339).slice(11) : localTime(rfc3339);
}
