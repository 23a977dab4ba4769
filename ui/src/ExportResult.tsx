// Exports on a screen: one at a time, saved where the person chooses, and where the file went with
// its fingerprint and a way to open its folder.
import { useRef, useState } from "react";
import type { ExportedFile } from "./bindings";
import { showInFolder } from "./ipc";
import { errorText, label, t } from "./labels";

export type ExportState = { busy: boolean; file: ExportedFile | null; error: string | null; cancelled: boolean };
type Exporting = Promise<ExportedFile | null>;

const IDLE: ExportState = { busy: false, file: null, error: null, cancelled: false };

/** One export at a time per screen; its result stays shown until the next one. */
export function useExport() {
  const [state, setState] = useState<ExportState>(IDLE);
  const run = (start: () => Exporting) => {
    if (state.busy) return;
    setState({ ...IDLE, busy: true });
    start()
      .then((file) => setState({ ...IDLE, file, cancelled: file === null }))
      .catch((e: unknown) => setState({ ...IDLE, error: errorText(e) }));
  };
  const dismiss = () => setState(IDLE);
  return { ...state, run, dismiss };
}

/** Where the file went and its fingerprint, so it can be found and checked later. */
export function ExportResult(props: { state: ExportState; onDismiss: () => void }) {
  const { busy, file, error, cancelled } = props.state;
  const [folderError, setFolderError] = useState<{ path: string; text: string } | null>(null);
  const showButton = useRef<HTMLButtonElement>(null);
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
  if (cancelled)
    return (
      <p className="export-result" role="status" data-testid="export-cancelled">
        {t("export_result.cancelled")}
      </p>
    );
  if (!file) return null;
  const show = () => {
    setFolderError(null);
    showInFolder(file.path).catch((e: unknown) => {
      setFolderError({ path: file.path, text: errorText(e) });
      showButton.current?.focus();
    });
  };
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
      {folderError?.path === file.path && (
        <p className="error" role="alert" data-testid="show-in-folder-error">
          {folderError.text}
        </p>
      )}
      <div className="actions">
        <button ref={showButton} onClick={show} data-testid="show-in-folder">
          {t("export_result.show_in_folder")}
        </button>
        <button className="quiet" onClick={props.onDismiss}>
          {t("export_result.close")}
        </button>
      </div>
    </div>
  );
}
