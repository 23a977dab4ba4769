// What the verification screen says: every failure as one line naming what it concerns, and
// what the sync server has proven of this device's record.
import type { ServerEvidence, VaultReport, VerifyReport } from "./bindings";
import { localTime } from "./format";
import { formatMessage } from "./labels";

export type EvidenceCheck = { log: VerifyReport; vault: VaultReport; server: ServerEvidence };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Every failure, one line each: event (device, number), photo (case), or server statement. */
export function failures(check: EvidenceCheck): string[] {
  return [
    ...check.log.damage,
    ...check.log.problems.map((p) => `Event ${p.event_id} (device ${p.device_id.slice(0, 8)}, number ${p.device_seq}${p.case ? `, case ${p.case}` : ""}): ${p.what}`),
    ...check.vault.problems.map((p) => `Photo ${p.file_name} of case ${p.case_number}: ${formatMessage(p.problem)}`),
    ...check.server.problems,
  ];
}

/** The one line that sums the check up. */
export function verdict(check: EvidenceCheck): string {
  const failed = failures(check).length;
  const { log, vault } = check;
  if (failed > 0) return `${plural(failed, "problem")} found in ${plural(log.events, "event")} and ${plural(vault.photos_checked, "photo")}`;
  const waiting = vault.not_fetched.length;
  const fetched = waiting === 0 ? "" : ` ${plural(waiting, "photo")} from other devices not fetched yet: the next sync brings ${waiting === 1 ? "it" : "them"}.`;
  return `Verified: ${plural(log.events, "event")} from ${plural(log.devices, "device")}, ${plural(vault.photos_checked - waiting, "photo")}. Every signature, device chain and photo here is as recorded.${fetched}`;
}

/** What the server has signed for this device, in plain words. */
export function serverLines(server: ServerEvidence): string[] {
  if (!server.server_key) return ["Not synced with a signing server yet: nothing shows a server received these records."];
  const lines = [`Server key ${server.server_key.slice(0, 16)}…`];
  if (server.checkpoint) {
    const checked = `Server log last checked at ${plural(server.checkpoint.size, "event")} on ${localTime(server.checkpoint.received_at)}`;
    // Only when no sync found it truncated, rewritten or signed by another key.
    lines.push(troubled(server) ? `${checked}; see the alerts above.` : `${checked}: it only ever grew.`);
  }
  lines.push(
    server.unproven_events === 0
      ? "Every synced event is proven to be in the server's log."
      : `${plural(server.unproven_events, "event")} not yet proven in the server's log (proven at the next sync).`,
  );
  lines.push(`${plural(server.receipts, "receipt")} from the server kept.`);
  for (const r of server.revoked_devices) {
    lines.push(`Device ${r.device_id.slice(0, 8)} was revoked on ${localTime(r.revoked_at)}: its events up to number ${r.last_valid_seq} stay valid.`);
  }
  return lines;
}

/** Events refused when they arrived by sync: not part of the record, named with the reason. */
export function refusedLines(log: VerifyReport): string[] {
  return log.refused.map((r) => `Refused at sync ${localTime(r.received_at)}: event ${r.event_id ?? "(unreadable)"}: ${r.reason}`);
}

/** Alerts that only say what an operator or the person did: a declared restore, a move to
 * another server. */
const NOTICES = new Set(["new_epoch", "server_changed"]);

export function isNotice(kind: string): boolean {
  return NOTICES.has(kind);
}

/** A sync found the server's log or key wrong. */
export function troubled(server: ServerEvidence): boolean {
  return server.alerts.some((a) => !isNotice(a.kind));
}
