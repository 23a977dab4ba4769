// The label catalogue: every section, field, event kind, flag, code, role and status is shown
// through `label(key)`. The keys come from the API (the Rust catalogue is the one source); the
// texts arrive once at start (the `labels` command, given to `setLabels` before anything is shown),
// so the UI holds no label text of its own.
import type { CaseStatus, CodeEntry, FlagCode, LabelPart, Message, ReviewState, SectionInfo } from "./bindings";
import { CallError } from "./ipc";

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

/**
 * A keyed message from Rust (an error, a notice, a refusal, a flag's detail) in words. Interim,
 * until the catalogue is Fluent here too: the key's text with each plain `{ $name }` filled in;
 * a message this cannot render (a selector, a key the catalogue lacks) shows `english`, the
 * English Rust sent beside it where it sends one, else the key.
 */
export function formatMessage(m: Message, english?: string): string {
  const text = catalogue[m.key];
  if (text === undefined) return english ?? m.key;
  const filled = text.replace(/\{ *\$([A-Za-z0-9_-]+) *\}/g, (whole, name: string) => {
    const arg = m.args[name];
    if (!arg) return whole;
    return arg.kind === "label" ? label(arg.value) : String(arg.value);
  });
  return filled.includes("{") ? (english ?? filled) : filled;
}

/** What a failed call says, in words: an API error's message, or anything else as text. */
export function errorText(e: unknown): string {
  return e instanceof CallError ? formatMessage(e.error.text, e.error.message) : String(e);
}

/** The key a reason for a change is labelled with: the timeline sets that line apart. */
export const REASON_KEY = "change.reason";
