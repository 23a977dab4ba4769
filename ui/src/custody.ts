// Pure steps of an evidence item's chain of custody, unit-tested without a window.
import type { CustodyRecord } from "./bindings";
import { formatDateTime, t } from "./labels";

/**
 * One item's handovers in time order. `records` come in fold order and the sort is stable, so
 * handovers at the same minute keep the order they were folded in (as `custody::chain` does).
 */
export function itemChain(records: readonly CustodyRecord[], item: string): CustodyRecord[] {
  return records.filter((r) => r.item === item).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Who holds the item now: the receiver of the last handover, or null when none is recorded. */
export function currentHolder(chain: readonly CustodyRecord[]): string | null {
  return chain.length ? chain[chain.length - 1].to : null;
}

/** "28 Nov 2026, 14:30 — J. Smith → K. Jones, Dock 4 store, sealed bag intact (recorded by J. Smith)". */
export function custodyRow(r: CustodyRecord): string {
  return t("custody.row", { at: handoverTime(r.at), from: r.from, to: r.to, place: r.place, condition: r.condition, recorder: r.recorded_by });
}

/** A handover's time (local "YYYY-MM-DD HH:MM", as typed) in the reader's language; as typed if it reads as none. */
export function handoverTime(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(at);
  if (!m) return at;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return formatDateTime(new Date(year, month - 1, day, hour, minute).toISOString());
}

/** The line under the chain saying who holds the item now. */
export function holderLine(holder: string | null): string {
  return holder === null ? t("custody.nobody") : t("custody.held_by", { holder });
}

/** The local time as "YYYY-MM-DD HH:MM", the text the handover form starts with. */
export function custodyTimeText(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** What a person types to record a handover. `from: null` means "not typed: show the holder". */
export type HandoverForm = { from: string | null; to: string; place: string; at: string; condition: string };

export function newHandoverForm(userName: string | null, now: Date = new Date()): HandoverForm {
  return { from: null, to: userName ?? "", place: "", at: custodyTimeText(now), condition: "" };
}

/** The sender box's text: what was typed, else the current holder, else empty. */
export function senderText(form: HandoverForm, holder: string | null): string {
  return form.from ?? holder ?? "";
}

/**
 * After a handover is recorded: the receiver, place and condition start empty for the next one;
 * the sender follows the new holder and the time is kept (a person often records several at once).
 */
export function afterHandover(form: HandoverForm): HandoverForm {
  return { ...form, from: null, to: "", place: "", condition: "" };
}
