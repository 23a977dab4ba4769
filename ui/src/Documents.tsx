// A case's shipping documents (bill of lading, invoice, packing list, ...): the list, and the form
// that attaches a PDF or scan with its type and number, picked in the Open dialog or dropped here.
import { FilePlus } from "lucide-react";
import { useState } from "react";
import type { AttachedDocument, CaseView, Document, DocumentType } from "./bindings";
import { DOCUMENT_TYPES, documentSize, documentTypeKey } from "./documents";
import { attachDocument, attachPickedDocument, call, pickDocuments } from "./ipc";
import { errorText, label, t } from "./labels";

type Outcome = { file: string; ok: boolean; text: string };

/** One file to attach: picked in the Open dialog (the app reads it) or dropped on the page. */
type Source = { name: string; size: number; attach(): Promise<AttachedDocument> };

export function Documents(props: { view: CaseView; frozen: boolean; maxBytes: number; onSaved: (v: CaseView) => void }) {
  const { view, frozen, onSaved } = props;
  const caseId = view.case.id;
  const [type, setType] = useState<DocumentType>("bill_of_lading");
  const [number, setNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function attachAll(files: Source[]) {
    if (files.length === 0 || busy) return;
    setBusy(true);
    const done: Outcome[] = [];
    for (const file of files) {
      if (file.size > props.maxBytes) {
        // Refused before reading: the file would otherwise be loaded into memory first.
        const size = Math.round((file.size / 1024 / 1024) * 10) / 10;
        const limit = Math.round(props.maxBytes / 1024 / 1024);
        done.push({ file: file.name, ok: false, text: t("documents.too_big", { size, limit }) });
        continue;
      }
      try {
        const r = await file.attach();
        onSaved(r.case);
        done.push({ file: file.name, ok: true, text: t(r.already_attached ? "documents.already_attached" : "documents.attached") });
      } catch (e) {
        done.push({ file: file.name, ok: false, text: errorText(e) });
      }
    }
    setOutcomes(done);
    if (done.some((o) => o.ok)) setNumber("");
    setBusy(false);
  }

  async function pickAndAttach() {
    try {
      const picked = await pickDocuments(t("documents.pick_title"), t("documents.pick_filter"));
      await attachAll(picked.map((p) => ({ name: p.file_name, size: p.size, attach: () => attachPickedDocument(caseId, p.token, type, number) })));
    } catch (e) {
      setOutcomes([{ file: t("documents.title"), ok: false, text: errorText(e) }]);
    }
  }

  const documents = view.case.documents;
  return (
    <section
      id="s-documents"
      className={`section documents ${dragging ? "dragging" : ""}`}
      data-testid="documents"
      onDragOver={(e) => {
        if (frozen) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (frozen) return;
        const files = [...e.dataTransfer.files].map((f) => ({ name: f.name, size: f.size, attach: () => attachDocument(caseId, f, type, number) }));
        void attachAll(files);
      }}
    >
      {documents.length === 0 ? (
        <p className="hint" data-testid="documents-none">
          {t("documents.none")}
        </p>
      ) : (
        <table className="documents-table" data-testid="documents-table">
          <thead>
            <tr>
              <th scope="col">{t("documents.type")}</th>
              <th scope="col">{t("documents.number")}</th>
              <th scope="col">{t("documents.file")}</th>
              <th scope="col">{t("documents.size")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("documents.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <DocumentRow key={d.sha256} document={d} caseId={caseId} frozen={frozen} onSaved={onSaved} />
            ))}
          </tbody>
        </table>
      )}
      {!frozen && (
        <div className="document-form">
          <label>
            <span>{t("documents.type")}</span>
            <select value={type} onChange={(e) => setType(e.target.value as DocumentType)} data-testid="document-type">
              {DOCUMENT_TYPES.map((d) => (
                <option key={d} value={d}>
                  {label(documentTypeKey(d))}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t("documents.number_optional")}</span>
            <input value={number} maxLength={100} onChange={(e) => setNumber(e.target.value)} data-testid="document-number" />
          </label>
          <button type="button" className="cf-add" disabled={busy} data-testid="document-add" onClick={() => void pickAndAttach()}>
            <FilePlus size={20} />
            {t("documents.add")}
          </button>
          <span className="hint">{t("documents.drop")}</span>
        </div>
      )}
      {outcomes.length > 0 && (
        <ul className="outcomes" data-testid="document-outcomes" role={outcomes.some((o) => !o.ok) ? "alert" : "status"}>
          {outcomes.map((o, i) => (
            <li key={i} className={o.ok ? "ok" : "bad"} data-ok={o.ok}>
              <strong>{o.file}</strong>: {o.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentRow(props: { document: Document; caseId: string; frozen: boolean; onSaved: (v: CaseView) => void }) {
  const { document: d } = props;
  const [excluding, setExcluding] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const size = documentSize(d.size);
  return (
    <tr className={d.excluded ? "excluded" : ""} data-testid="document-row" data-sha256={d.sha256}>
      <td>{label(documentTypeKey(d.document_type))}</td>
      <td>{d.number ?? <span className="hint">{t("documents.no_number")}</span>}</td>
      <td>
        {d.file_name}
        {d.excluded && <div className="hint">{t("documents.excluded", { reason: d.excluded })}</div>}
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>{t(size.key, { size: size.size })}</td>
      <td>
        {!props.frozen && !d.excluded && !excluding && (
          <button type="button" className="small" onClick={() => setExcluding(true)} data-testid="document-exclude">
            {t("documents.exclude")}
          </button>
        )}
        {excluding && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              call("exclude_document", { case_id: props.caseId, sha256: d.sha256, reason })
                .then((v) => {
                  props.onSaved(v);
                  setExcluding(false);
                })
                .catch((err: unknown) => setError(errorText(err)));
            }}
          >
            <input autoFocus aria-label={t("documents.exclude_reason")} placeholder={t("documents.exclude_reason")} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="small" disabled={!reason.trim()}>
              {t("documents.exclude")}
            </button>
            <button type="button" className="small quiet" onClick={() => setExcluding(false)}>
              {t("documents.cancel")}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
