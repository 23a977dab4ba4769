// The label catalogue: every section, field, event kind, flag, code, role and status is shown
// through `label(key)`. The keys come from the API (the Rust catalogue is the one source); the
// texts arrive once at start (the `labels` command, given to `setLabels` before anything is shown),
// so the UI holds no label text of its own.
import type { CaseStatus, CodeEntry, FlagCode, LabelPart, ReviewState, SectionInfo } from "./bindings";

let catalogue: Record<string, string> = {};

/** Set the catalogue: the app's start, with the `labels` command's answer; tests, a small one. */
export function setLabels(labels: Record<string, string | undefined>): void {
  catalogue = Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A key's text; for a key the catalogue lacks (a code or kind from a newer version), the code itself. */
export function label(key: string): string {
  return catalogue[key] ?? key.slice(key.indexOf(".") + 1);
}

export const flagLabel = (code: FlagCode) => label(`flag.${code}`);
export const kindLabel = (kind: string) => label(`event.${kind}`);
export const roleLabel = (role: string) => label(`role.${role}`);
export const statusLabel = (status: CaseStatus) => label(`status.${status}`);
export const reviewLabel = (state: ReviewState) => label(`review.${state}`);
export const codeLabel = (entry: CodeEntry) => label(entry.key);

/** What one item of the section is called ("Seal"); the heading for a section of fields. */
export function itemLabel(section: SectionInfo): string {
  return label(section.item_key ?? section.label_key);
}

/** A timeline change's label: its parts' texts joined, "Seal 2 · Seal number". */
export function changeLabel(parts: LabelPart[]): string {
  return parts.map((p) => ("key" in p ? label(p.key) : `${label(p.named.key)} ${p.named.name}`)).join(" · ");
}

/** The key a reason for a change is labelled with: the timeline sets that line apart. */
export const REASON_KEY = "change.reason";
