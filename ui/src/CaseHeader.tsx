// The case file's header, which stays at the top while the file scrolls: which case, where it
// stands, how complete it is, and the two things done from anywhere in it: export and submit.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ArrowLeft, ChevronDown, Download, FileText, Flag, Package, Send, TriangleAlert } from "lucide-react";
import type { CaseState, CaseView, Flag as OpenFlag, FlagAcknowledgement, SectionInfo } from "./bindings";
import { percent, type Completeness, type Expectation } from "./completeness";
import { entryName } from "./CaseItems";
import { flagLabel, formatMessage, label, stateLabel, t } from "./labels";
import { announce } from "./announcer";

/**
 * After a step that moves the case (submit, approve, close): the cursor goes to the header's
 * state, and the new state is said, so the person knows where the case stands now.
 */
export function showNewState(state: CaseState) {
  document.querySelector<HTMLElement>('[data-testid="case-state"]')?.focus();
  announce(t("casefile.state_now", { state: stateLabel(state) }));
}

/** What a reviewer still expects, in words: "Goods found 2: Material", "Parties: no entry yet". */
export function describeExpectation(e: Expectation, sections: readonly SectionInfo[]): string {
  if (e.part === "photos") return t("casefile.missing_photo");
  const info = sections.find((s) => s.section === e.part);
  if (!info) return e.part;
  if (e.kind === "entry") return t("casefile.missing_entry", { section: label(info.label_key) });
  const item = entryName(info, e.number ?? 0);
  if (e.kind === "custody") return t("casefile.missing_holder", { item });
  const names = e.fields.map((f) => label(info.fields.find((x) => x.field === f)?.label_key ?? `field.${f}`));
  const field = names.length > 1 ? t("casefile.either", { first: names[0], second: names[1] }) : names[0];
  return e.item !== null ? t("casefile.missing_item_field", { item, field }) : field;
}

/** Closes on Escape (before the case screen takes it as "back") and on a press elsewhere. */
function useDismiss(open: boolean, close: () => void) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open, close]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  };
  return { root, onKeyDown };
}

export function CaseHeader(props: {
  view: CaseView;
  completeness: Completeness;
  conflicts: number;
  canSubmit: boolean;
  exportBusy: boolean;
  /** Below the header's row and still in view: the export's result, the submit form. */
  tray: ReactNode;
  submitting: boolean;
  onBack: () => void;
  onFlags: () => void;
  onConflicts: () => void;
  onMissing: () => void;
  onExportPdf: () => void;
  onExportBundle: () => void;
  onSubmit: () => void;
}) {
  const c = props.view.case;
  const flags = props.view.flags.length;
  const { done, total } = props.completeness;
  const goId = useId();
  return (
    <header className="cf-head" data-testid="case-head">
      <div className="cf-head-row">
        <button type="button" className="icon cf-back" onClick={props.onBack} aria-label={t("case.back")} aria-keyshortcuts="Escape" data-testid="case-back">
          <ArrowLeft size={22} />
        </button>
        <h1 className="mono" data-testid="case-number" tabIndex={-1}>
          {c.case_number}
        </h1>
        {/* Where the case stands, in one word: status and review together. */}
        <span className={`cf-chip status ${props.view.state}`} data-testid="case-state" data-state={props.view.state} tabIndex={-1}>
          {stateLabel(props.view.state)}
        </span>
        <button
          type="button"
          className={`cf-chip flags ${flags ? "raised" : ""}`}
          onClick={props.onFlags}
          data-testid="flags-count"
          data-count={flags}
        >
          <Flag size={18} />
          {t("casefile.flags", { count: flags })}
        </button>
        {props.conflicts > 0 && (
          <button type="button" className="cf-chip conflicts" onClick={props.onConflicts} data-testid="conflict-count" data-count={props.conflicts}>
            <TriangleAlert size={18} />
            {t("case.conflicts", { count: props.conflicts })}
          </button>
        )}
        <button
          type="button"
          className={`cf-chip completeness ${done === total ? "complete" : ""}`}
          onClick={props.onMissing}
          aria-describedby={done < total ? goId : undefined}
          data-testid="case-completeness"
          data-done={done}
          data-total={total}
        >
          <span className="cf-bar" aria-hidden="true">
            <span style={{ width: `${percent(done, total)}%` }} />
          </span>
          {t("casefile.filled", { done, total })}
        </button>
        {done < total && (
          <span id={goId} className="cf-sr">
            {t("casefile.go_missing")}
          </span>
        )}
        {/* Export and Submit stay together at the right end, on a line of their own if need be. */}
        <div className="cf-head-actions">
          <ExportMenu busy={props.exportBusy} onPdf={props.onExportPdf} onBundle={props.onExportBundle} />
          {props.canSubmit && (
            <button type="button" className="primary cf-submit" onClick={props.onSubmit} aria-expanded={props.submitting} aria-controls={props.submitting ? "cf-submit-panel" : undefined} data-testid="case-submit">
              <Send size={20} />
              {t("casefile.submit")}
            </button>
          )}
        </div>
      </div>
      {props.tray}
    </header>
  );
}

function ExportMenu(props: { busy: boolean; onPdf: () => void; onBundle: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const { root, onKeyDown } = useDismiss(open, close);
  const id = useId();
  const pick = (run: () => void) => {
    setOpen(false);
    button.current?.focus();
    run();
  };
  return (
    <div className="cf-export" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={id}
        disabled={props.busy}
        onClick={() => setOpen((o) => !o)}
        data-testid="case-export"
      >
        <Download size={20} />
        {t("casefile.export")}
        <ChevronDown size={18} />
      </button>
      <div id={id} className="cf-export-panel" hidden={!open}>
        <button type="button" onClick={() => pick(props.onPdf)} aria-describedby={`${id}-pdf`} data-testid="export-pdf">
          <FileText size={20} />
          {t("case.export_pdf")}
        </button>
        <p id={`${id}-pdf`} className="hint">
          {t("casefile.export_pdf_hint")}
        </p>
        <button type="button" onClick={() => pick(props.onBundle)} aria-describedby={`${id}-bundle`} data-testid="export-bundle">
          <Package size={20} />
          {t("case.export_bundle")}
        </button>
        <p id={`${id}-bundle`} className="hint">
          {t("case.export_bundle_title")}
        </p>
      </div>
    </div>
  );
}

/**
 * Submitting from the header: what a reviewer will still find missing, each a way to it, an
 * optional note, and the submission itself (worded "as it is" while something is missing).
 */
export function SubmitPanel(props: {
  caseNumber: string;
  missing: Expectation[];
  /** The flags open now: each is acknowledged, one by one, before the case can be submitted. */
  flags: OpenFlag[];
  sections: readonly SectionInfo[];
  pending: boolean;
  onGo: (e: Expectation) => void;
  onSubmit: (comment: string | null, acknowledged: FlagAcknowledgement[]) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState("");
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const left = props.flags.length - props.flags.filter((_, n) => ticked.has(n)).length;
  const leftId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const shown = props.missing.slice(0, 6);
  const more = props.missing.length - shown.length;
  return (
    <form
      id="cf-submit-panel"
      className="cf-tray-panel cf-submit-panel"
      aria-labelledby="cf-submit-title"
      data-testid="case-submit-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (left > 0) return;
        props.onSubmit(
          comment.trim() === "" ? null : comment,
          props.flags.map((f) => ({ code: f.code, details: f.details })),
        );
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 id="cf-submit-title" ref={heading} tabIndex={-1}>
        {t("casefile.submit_title", { number: props.caseNumber })}
      </h2>
      {props.missing.length === 0 ? (
        <p className="cf-ok">{t("casefile.submit_complete")}</p>
      ) : (
        <>
          <p>{t("casefile.submit_missing", { count: props.missing.length })}</p>
          <ul className="cf-missing" data-testid="case-submit-missing">
            {shown.map((e, n) => (
              <li key={n}>
                <button type="button" className="link" onClick={() => props.onGo(e)}>
                  {describeExpectation(e, props.sections)}
                </button>
              </li>
            ))}
            {more > 0 && <li>{t("casefile.and_more", { count: more })}</li>}
          </ul>
        </>
      )}
      {props.flags.length > 0 && (
        <fieldset className="cf-acknowledge" data-testid="case-submit-flags">
          <legend>{t("casefile.submit_flags")}</legend>
          {props.flags.map((f, n) => (
            <label key={`${f.code}-${n}`} className="cf-acknowledge-flag">
              <input
                type="checkbox"
                checked={ticked.has(n)}
                onChange={(e) => {
                  const next = new Set(ticked);
                  if (e.target.checked) next.add(n);
                  else next.delete(n);
                  setTicked(next);
                }}
                data-testid="case-submit-flag"
                data-flag={f.code}
              />
              <span>
                <strong>{flagLabel(f.code)}</strong> {f.details.map((d) => formatMessage(d)).join("; ")}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="cf-note-box">
        {t("approval.note_for_supervisor")}
        <input value={comment} onChange={(e) => setComment(e.target.value)} data-testid="case-submit-note" />
      </label>
      <div className="cf-actions">
        {left > 0 && (
          <span id={leftId} className="cf-submit-left" data-testid="case-submit-flags-left">
            {t("casefile.submit_flags_left", { count: left })}
          </span>
        )}
        <button type="submit" className="primary" disabled={props.pending || left > 0} aria-describedby={left > 0 ? leftId : undefined} data-testid="case-submit-confirm">
          <Send size={20} />
          {props.missing.length === 0 ? t("approval.submit") : t("casefile.submit_anyway")}
        </button>
        <button type="button" onClick={props.onCancel} data-testid="case-submit-cancel">
          {t("approval.cancel")}
        </button>
      </div>
    </form>
  );
}
