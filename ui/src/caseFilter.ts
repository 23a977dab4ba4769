// The case filter the list, the dashboard and the exports share, and the pure steps around it.
import type { CaseFilter } from "./bindings";

export const PAGE_SIZE = 50;

export const DEFAULT_FILTER: CaseFilter = {
  status: null,
  flagged_only: false,
  sort: "updated_at",
  descending: true,
  offset: 0,
};

/**
 * Apply a change to the filter. Anything that changes which cases are selected or their order
 * starts again at the first page: page 7 of another selection means nothing.
 */
export function refine(filter: CaseFilter, patch: Partial<CaseFilter>): CaseFilter {
  return { ...filter, ...patch, offset: patch.offset ?? 0 };
}

/** The page the list shows. */
export function pageOf(filter: CaseFilter): CaseFilter {
  return { ...filter, limit: PAGE_SIZE };
}

/** Every case the filter selects: what is counted and exported. */
export function everyPage(filter: CaseFilter): CaseFilter {
  return { ...filter, limit: null, offset: 0 };
}

/** Statistics count every case the list selects, the search included, so the numbers match. */
export function statisticsFilter(filter: CaseFilter): CaseFilter {
  return everyPage(filter);
}

/** Conditions that narrow the selection (sort and page do not). */
export function narrowingCount(filter: CaseFilter): number {
  const given = [
    filter.status,
    filter.search,
    filter.port,
    filter.opened_from,
    filter.opened_to,
    filter.concealment,
    filter.material,
    filter.detection,
    filter.outcome,
    filter.country,
  ].filter((v) => v !== null && v !== undefined && String(v).trim() !== "").length;
  return given + (filter.flagged_only ? 1 : 0);
}

/** Clear every narrowing condition, keeping the sort. */
export function cleared(filter: CaseFilter): CaseFilter {
  return { ...DEFAULT_FILTER, sort: filter.sort, descending: filter.descending };
}

/** 1234567 → "1,234,567", the same on every device (no locale). */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1–50 of 1,234" for the rows shown, or "No cases" when there are none. */
export function pageLabel(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return total === 0 ? "No cases" : `None of ${thousands(total)}`;
  return `${thousands(offset + 1)}–${thousands(offset + shown)} of ${thousands(total)}`;
}

export function previousOffset(offset: number): number | null {
  return offset > 0 ? Math.max(0, offset - PAGE_SIZE) : null;
}

export function nextOffset(offset: number, total: number): number | null {
  return offset + PAGE_SIZE < total ? offset + PAGE_SIZE : null;
}

export type Typed = { value: string | null; valid: boolean };

/** A port as typed ("nl rtm") → its UN/LOCODE ("NLRTM"); the store checks it properly. */
export function typedPort(text: string): Typed {
  const value = text.replace(/\s+/g, "").toUpperCase();
  if (value === "") return { value: null, valid: true };
  return { value, valid: /^[A-Z]{2}[A-Z2-9]{3}$/.test(value) };
}

/** A country as typed ("nl") → its ISO 3166 alpha-2 code ("NL"). */
export function typedCountry(text: string): Typed {
  const value = text.trim().toUpperCase();
  if (value === "") return { value: null, valid: true };
  return { value, valid: /^[A-Z]{2}$/.test(value) };
}

/** A day as `YYYY-MM-DD`, a real one (no 31 February). */
export function typedDay(text: string): Typed {
  const value = text.trim();
  if (value === "") return { value: null, valid: true };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return { value, valid: false };
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const real = d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  return { value, valid: real };
}
