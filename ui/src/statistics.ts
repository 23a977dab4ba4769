// Turning statistics buckets into labelled rows: labels come from the catalogue, never here.
import type { Bucket, Field, ReferenceData } from "./bindings";
import { codeLabel, formatNumber, intlTag, t } from "./labels";

export type LabelledBucket = { key: string; label: string; cases: number; seized_kg: number };

/** The field of the case form whose code list a statistic or filter uses. */
export const CODE_FIELDS = {
  concealment: "concealment_method",
  material: "goods_material",
  detection: "detection_methods",
  outcome: "outcome_code",
} as const satisfies Record<string, Field>;

export type CodeList = { code: string; label: string }[];

export function codeList(reference: ReferenceData, field: Field): CodeList {
  for (const s of reference.sections) {
    const f = s.fields.find((x) => x.field === field);
    if (f) return f.options.map((o) => ({ code: o.code, label: codeLabel(o) }));
  }
  return [];
}

/** "C3 False floor" for lettered codes (inspectors know them by code), the label otherwise. */
export function optionText(entry: { code: string; label: string }): string {
  return /^[A-Z]\d+$/.test(entry.code) && entry.code !== entry.label ? `${entry.code} ${entry.label}` : entry.label;
}

export function labelled(buckets: Bucket[], list: CodeList): LabelledBucket[] {
  return buckets.map((b) => {
    const entry = list.find((e) => e.code === b.key);
    const label = b.key === "" ? t("stats.not_recorded") : entry ? optionText(entry) : b.key;
    return { key: b.key, label, cases: b.cases, seized_kg: b.seized_kg };
  });
}

/** 1234.5 → "1,234.5 kg" ("1234,5 kg" in Spanish): at most one decimal, in the reader's language. */
export function kilograms(kg: number): string {
  const number = formatNumber(kg, 1);
  return t("stats.kilograms", { kg: number });
}

/** The cases over time, each week ("2026-W07") or month ("2026-02") named in the reader's language. */
export function overTime(buckets: Bucket[]): LabelledBucket[] {
  return buckets.map((b) => ({ key: b.key, label: periodLabel(b.key), cases: b.cases, seized_kg: b.seized_kg }));
}

/** "Feb 2026", "2026年2月", "ก.พ. 2569"; a week as ISO 8601 numbers it, its year in the reader's calendar. */
export function periodLabel(key: string): string {
  const week = /^(\d{4})-W(\d\d)$/.exec(key);
  if (week) {
    const year = yearText(Number(week[1]));
    return t("stats.week_label", { year, week: week[2] });
  }
  const month = /^(\d{4})-(\d\d)$/.exec(key);
  if (month) {
    const first = Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
    return new Intl.DateTimeFormat(intlTag(), { year: "numeric", month: "short", timeZone: "UTC" }).format(first);
  }
  return key;
}

/** A year as the reader's calendar numbers it: 2569 for 2026 in Thai (Buddhist era), else 2026. */
function yearText(year: number): string {
  const parts = new Intl.DateTimeFormat(intlTag(), { year: "numeric", timeZone: "UTC" }).formatToParts(Date.UTC(year, 6, 1));
  return parts.find((p) => p.type === "year")?.value ?? String(year);
}

/** Countries of a route part, "" when unknown; a transshipment may name several, in order. */
export function routePart(countries: string): string {
  const parts = countries.split(/\s+/).filter(Boolean);
  return parts.length === 0 ? "—" : parts.join(", ");
}

/**
 * Ticks for an axis from 0 to at least `max`: at most five, at steps of 1, 2, 2.5 or 5 times a
 * power of ten, whole numbers only for counts (one case is 0 and 1, not 0 to 4 in quarters).
 */
export function axisTicks(max: number, whole: boolean): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    whole && rough <= 1
      ? 1
      : ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-9) && (!whole || Number.isInteger(s))) ?? 10 * magnitude);
  const steps = Math.ceil(max / step - 1e-9);
  // toPrecision: 3 × 0.1 is 0.30000000000000004 in floating point.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** East Asian wide characters: about one em each, where Latin and Thai letters take about 0.6. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const MARK = /\p{M}/u;

const charEm = (c: string) => (MARK.test(c) ? 0 : WIDE.test(c) ? 1 : 0.6);

/** A text's rough width in ems, without a DOM to measure it in (an estimate on the wide side). */
export function textEm(text: string): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em;
}

/** `text` as it fits in `maxEm`, cut with "…" when it does not (the full text goes in a title). */
export function fitLabel(text: string, maxEm: number): string {
  if (textEm(text) <= maxEm) return text;
  let shown = "";
  let em = 0;
  for (const c of text) {
    const w = charEm(c);
    // One em is kept for the ellipsis; a combining mark takes none, so it stays with its letter.
    if (em + w > maxEm - 1) break;
    shown += c;
    em += w;
  }
  return `${shown.trimEnd()}…`;
}

/** Pixels an axis needs for its widest tick label, at `fontPx`, with room for the tick mark. */
export function axisWidth(labels: string[], fontPx: number): number {
  return Math.ceil(Math.max(1, ...labels.map(textEm)) * fontPx) + 12;
}
