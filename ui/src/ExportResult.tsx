// Exports on a screen: one at a time, and where the file went with its fingerprint.
import { useState } from "react";
import type { ExportedFile } from "./bindings";
import { errorText, label, t } from "./labels";

export type ExportState = { busy: boolean; file: ExportedFile | null; error: string | null };
type Exporting = Promise<ExportedFile>;

/** One export at a time per screen; its result stays shown until the next one. */
export function useExport() {
  const [state, setState] = useState<ExportState>({ busy: false, file: null, error: null });
  const run = (start: () => Exporting) => {
    if (state.busy) return;
    setState({ busy: true, file: null, error: null });
    start()
      .then((file) => setState({ busy: false, file, error: null }))
      .catch((e: unknown) => setState({ busy: false, file: null, error: errorText(e) }));
  };
  const dismiss = () => setState({ busy: false, file: null, error: null });
  return { ...state, run, dismiss };
}

/** Where the file went and its fingerprint, so it can be found and checked later. */
export function ExportResult(props: { state: ExportState; onDismiss: () => void }) {
  const { busy, file, error } = props.state;
  if (busy)
    return (
      <p className="export-result busy" role="status">
        {t("export_result.busy")}
      </p>
    );
  if (error)
    return (
      <p className="export-result error" role="alert" data-testid="export-result">
        {t("export_result.failed", { reason: error })}
      </p>
    );
  if (!file) return null;
  return (
    <div className="export-result card" role="status" data-testid="export-result" data-path={file.path} data-sha256={file.sha256}>
      <div>
        {t("export_result.saved_to")} <span className="mono path">{file.path}</span> {t("export_result.bytes", { bytes: file.bytes })}
      </div>
      <div className="meta">
        {t("export_result.sha256")} <span className="mono hash">{file.sha256}</span>
      </div>
      <p className="notice" data-testid="export-notice">
        {label(file.notice_key)}
      </p>
      <button className="quiet" onClick={props.onDismiss}>
        {t("export_result.close")}
      </button>
    </div>
  );
}
