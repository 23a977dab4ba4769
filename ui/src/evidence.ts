// What the verification screen says: every failure as one line naming what it concerns, and
// what the sync server has proven of this device's record.
import type { Alert, ServerEvidence, VaultReport, VerifyReport } from "./bindings";
import { formatDateTime, formatMessage, t } from "./labels";

export type EvidenceCheck = { log: VerifyReport; vault: VaultReport; server: ServerEvidence };

/** Every failure, one line each: event (device, number), photo (case), or server statement. */
export function failures(check: EvidenceCheck): string[] {
  return [
    ...check.log.damage.map(formatMessage),
    ...check.log.problems.map((p) => {
      // Sequence numbers are identifiers: never grouped like quantities.
      const [event, device, seq, what] = [p.event_id, p.device_id.slice(0, 8), String(p.device_seq), formatMessage(p.what)];
      return p.case
        ? t("evidence_report.event_problem_case", { event, device, seq, case: p.case, what })
        : t("evidence_report.event_problem", { event, device, seq, what });
    }),
    ...check.vault.problems.map((p) => t("evidence_report.photo_problem", { file: p.file_name, case: p.case_number, problem: formatMessage(p.problem) })),
    ...check.server.problems.map(formatMessage),
  ];
}

/** The one line that sums the check up. */
export function verdict(check: EvidenceCheck): string {
  const problems = failures(check).length;
  const { log, vault } = check;
  const [events, devices] = [log.events, log.devices];
  if (problems > 0) return t("evidence_report.failed", { problems, events, photos: vault.photos_checked });
  const waiting = vault.not_fetched.length;
  const photos = vault.photos_checked - waiting;
  return waiting === 0
    ? t("evidence_report.verified", { events, devices, photos })
    : t("evidence_report.verified_waiting", { events, devices, photos, waiting });
}

/** What the server has signed for this device, in plain words. */
export function serverLines(server: ServerEvidence): string[] {
  if (!server.server_key) return [t("evidence_report.not_synced")];
  const key = server.server_key.slice(0, 16);
  const lines = [t("evidence_report.server_key", { key })];
  if (server.checkpoint) {
    const size = server.checkpoint.size;
    const at = formatDateTime(server.checkpoint.received_at);
    // Only when no sync found it truncated, rewritten or signed by another key.
    lines.push(troubled(server) ? t("evidence_report.checkpoint_alerts", { size, at }) : t("evidence_report.checkpoint", { size, at }));
  }
  lines.push(
    server.unproven_events === 0 ? t("evidence_report.all_proven") : t("evidence_report.unproven", { count: server.unproven_events }),
  );
  lines.push(t("evidence_report.receipts", { count: server.receipts }));
  for (const r of server.revoked_devices) {
    const [device, at, seq] = [r.device_id.slice(0, 8), formatDateTime(r.revoked_at), String(r.last_valid_seq)];
    lines.push(t("evidence_report.revoked", { device, at, seq }));
  }
  return lines;
}

/** Events refused when they arrived by sync: not part of the record, named with the reason. */
export function refusedLines(log: VerifyReport): string[] {
  return log.refused.map((r) => {
    const at = formatDateTime(r.received_at);
    return r.event_id === null
      ? t("evidence_report.refused_unreadable", { at, reason: formatMessage(r.reason) })
      : t("evidence_report.refused", { at, event: r.event_id, reason: formatMessage(r.reason) });
  });
}

/** One alert a sync kept: when, and what was found, in the reader's language. */
export function alertLine(a: Alert): string {
  return t("evidence_report.alert", { at: formatDateTime(a.at), message: formatMessage(a.text) });
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
