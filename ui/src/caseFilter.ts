// The case filter the list, the dashboard and the exports share, and the pure steps around it.
import type { CaseFilter, Locale } from "./bindings";
import { currentLocale, t } from "./labels";

export const PAGE_SIZE = 50;

export const DEFAULT_FILTER: CaseFilter = {
  state: null,
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
    filter.state,
    filter.search,
    filter.port,
    filter.opened_from,
    filter.opened_to,
    filter.concealment,
    filter.material,
    filter.detection,
    filter.outcome,
    filter.country,
    filter.flag,
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

/** "1–50 of 1,234" for the rows shown, or "No cases" when there are none, in the reader's language. */
export function pageLabel(offset: number, shown: number, total: number): string {
  if (total === 0) return t("cases.page_none");
  if (shown === 0) return t("cases.page_beyond", { total });
  return t("cases.page_range", { first: offset + 1, last: offset + shown, total });
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

/**
 * How a language writes a day with digits: year first (ISO 8601, as China does; English keeps to
 * it too, where 03/04 would mean two days), or day first (Thailand, Mexico). Thai years are
 * counted in the Buddhist Era, 543 ahead.
 */
const DAY_STYLE: Record<Locale, { dayFirst: boolean; yearOffset: number }> = {
  en: { dayFirst: false, yearOffset: 0 },
  "en-XA": { dayFirst: false, yearOffset: 0 },
  "zh-CN": { dayFirst: false, yearOffset: 0 },
  th: { dayFirst: true, yearOffset: 543 },
  es: { dayFirst: true, yearOffset: 0 },
};

/** A year typed in the Buddhist Era (2400 and on) is counted back to the common era. */
function commonYear(year: number, locale: Locale): number {
  const offset = DAY_STYLE[locale].yearOffset;
  return offset > 0 && year >= 2400 ? year - offset : year;
}

/**
 * A day as typed in the reader's language → `YYYY-MM-DD`, a real one (no 31 February). Year first
 * is read in every language (`2026-11-28`, `2026/11/28`, `2026年11月28日`); day first
 * (`28/11/2026`, `28-11-2026`, `28.11.2026`) where the language writes days so; in Thai, a
 * Buddhist-Era year too (`28/11/2569`).
 */
export function typedDay(text: string, locale: Locale = currentLocale()): Typed {
  const typed = text.trim();
  if (typed === "") return { value: null, valid: true };
  let parts: [number, number, number] | null = null;
  const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed);
  const dayFirst = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(typed);
  if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  else if (dayFirst && DAY_STYLE[locale].dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (!parts) return { value: typed, valid: false };
  const [year, month, day] = [commonYear(parts[0], locale), parts[1], parts[2]];
  const d = new Date(Date.UTC(year, month - 1, day));
  const real = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return real ? { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, valid: true } : { value: typed, valid: false };
}

/** A day (`YYYY-MM-DD`) as the reader's language writes it, the way `typedDay` reads it back. */
export function dayText(value: string, locale: Locale = currentLocale()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const style = DAY_STYLE[locale];
  const year = String(Number(m[1]) + style.yearOffset);
  return style.dayFirst ? `${m[3]}/${m[2]}/${year}` : value;
}
