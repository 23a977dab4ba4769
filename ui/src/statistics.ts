// Turning statistics buckets into labelled rows: labels come from the catalogue, never here.
import type { Bucket, Field, ReferenceData, RouteCount } from "./bindings";
import { codeLabel } from "./labels";

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
    const label = b.key === "" ? "Not recorded" : entry ? optionText(entry) : b.key;
    return { key: b.key, label, cases: b.cases, seized_kg: b.seized_kg };
  });
}

/** 1234.5 → "1,234.5 kg": at most one decimal, the same on every device. */
export function kilograms(kg: number): string {
  const rounded = Math.round(kg * 10) / 10;
  const [whole, fraction] = rounded.toFixed(1).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fraction === "0" ? grouped : `${grouped}.${fraction}`} kg`;
}

/** Countries of a route part, "" when unknown; a transshipment may name several, in order. */
export function routePart(countries: string): string {
  const parts = countries.split(/\s+/).filter(Boolean);
  return parts.length === 0 ? "—" : parts.join(", ");
}

export function routeText(r: RouteCount): string {
  return `${routePart(r.origin)} → ${routePart(r.transshipment)} → ${routePart(r.destination)}`;
}
