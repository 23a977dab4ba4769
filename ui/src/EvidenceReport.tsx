// The Check evidence screen: the log, the photos and the server's proofs, checked together.
import { useState } from "react";
import { callBeside } from "./ipc";
import { alertLine, failures, isNotice, refusedLines, serverLines, troubled, verdict, type EvidenceCheck } from "./evidence";
import { errorText, t } from "./labels";

/** The verification screen's data: the log, the photos and the server's proofs, checked together. */
export function useEvidenceCheck(onError: (message: string) => void) {
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<EvidenceCheck | null>(null);
  async function run() {
    setChecking(true);
    try {
      // Beside the UI's calls: a check of a large store must not hold up editing.
      const [log, vault, server] = await Promise.all([
        callBeside("verify_log", {}),
        callBeside("check_vault", {}),
        callBeside("server_evidence", {}),
      ]);
      setCheck({ log, vault, server });
    } catch (e) {
      onError(errorText(e));
    } finally {
      setChecking(false);
    }
  }
  return { checking, check, run, close: () => setCheck(null) };
}

export function EvidenceReport(props: { check: EvidenceCheck; onClose: () => void }) {
  const { check } = props;
  const failed = failures(check);
  const alerts = check.server.alerts;
  const bad = failed.length > 0 || troubled(check.server);
  return (
    <div className={`card evidence ${bad ? "bad" : "ok"}`} role="status" data-testid="evidence-report">
      <strong className={failed.length ? "error" : undefined} data-testid="evidence-verdict">
        {verdict(check)}
      </strong>
      {failed.length > 0 && (
        <ul>
          {failed.map((line) => (
            <li key={line} data-testid="evidence-problem">
              {line}
            </li>
          ))}
        </ul>
      )}
      {alerts.length > 0 && (
        <ul className="alerts">
          {alerts.map((a) => (
            <li key={`${a.at}-${a.kind}`} className={isNotice(a.kind) ? undefined : "error"} data-testid="evidence-alert" data-kind={a.kind}>
              {alertLine(a)}
            </li>
          ))}
        </ul>
      )}
      {check.log.refused.length > 0 && (
        <ul className="refused">
          {refusedLines(check.log).map((line) => (
            <li key={line} data-testid="evidence-refused">
              {line}
            </li>
          ))}
        </ul>
      )}
      <div className="meta" data-testid="evidence-server">
        {serverLines(check.server).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
      <button className="quiet" onClick={props.onClose}>
        {t("evidence_report.close")}
      </button>
    </div>
  );
}
