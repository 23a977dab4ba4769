// Review of a case: where it stands, and a supervisor's steps: approve (after a summary of what
// the approval covers), return with comments, close an approved case. Submitting is the case
// header's (one Submit); this panel points to it. After each step the cursor goes to the header's
// state, which is announced; to the Return button when the return is cancelled; to the field
// typed in once a reason is given.
import { useEffect, useRef, useState } from "react";
import type { CaseState, CaseView, ReferenceData, Role, Section, SectionComment } from "./bindings";
import { call, CallError } from "./ipc";
import { approvalSummary, changedSinceApproval, describeReview, mayClose, mayDecide, maySubmit, needsChangeReason } from "./reviewStatus";
import { flagLabel, formatDateTime, formatMessage, formatNumber, label, roleLabel, t } from "./labels";
import { Dialog } from "./Dialog";
import { showNewState } from "./CaseHeader";

/**
 * Where the case stands in review, and the step this person may take: go to the header's Submit,
 * or (a supervisor) approve, return or close it. The API checks roles too; its refusals are shown
 * as they come.
 */
export function ReviewPanel(props: {
  view: CaseView;
  role: Role;
  reference: ReferenceData;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
  /** Open the header's submit form. */
  onGoSubmit: () => void;
}) {
  const { view, role } = props;
  const c = view.case;
  const review = c.review;
  const [comment, setComment] = useState("");
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState<"approve" | "close" | null>(null);
  const [pending, setPending] = useState(false);
  // What gets the cursor after the next render: the Return button once a return is cancelled.
  const returnButton = useRef<HTMLButtonElement>(null);
  const [focusReturn, setFocusReturn] = useState(0);
  useEffect(() => {
    if (focusReturn) returnButton.current?.focus();
  }, [focusReturn]);
  // The new state gets the cursor once the screen is drawn again: after a confirming dialog has
  // closed and handed focus back, not before.
  const [moved, setMoved] = useState<{ state: CaseState } | null>(null);
  useEffect(() => {
    if (moved) showNewState(moved.state);
  }, [moved]);
  const changed = changedSinceApproval(review).size;
  const approvedBy = review.approved?.by ?? "";
  const approvedAt = review.approved ? formatDateTime(review.approved.at) : "";
  const approvedComment = review.approved?.comment;
  const submittedComment = review.submitted?.comment;
  const decides = mayDecide(role, view.state);
  const closes = mayClose(role, view.state);

  const act = (step: Promise<CaseView>) => {
    setPending(true);
    step
      .then((v) => {
        setComment("");
        setConfirming(null);
        props.onSaved(v);
        setMoved({ state: v.state });
      })
      .catch((e: CallError) => {
        setConfirming(null);
        props.onError(e);
      })
      .finally(() => setPending(false));
  };
  const optional = comment.trim() === "" ? null : comment;

  return (
    <section className={`review-panel ${view.state}`} data-testid="review-panel" data-state={view.state} aria-label={t("approval.region")}>
      <div className="review-line">
        <strong tabIndex={-1} data-testid="review-state">
          {view.state === "closed" && c.closed ? t("approval.closed_by", { by: c.closed.by, at: formatDateTime(c.closed.at) }) : describeReview(review)}
        </strong>
        {view.state === "closed" && c.closed?.comment && <span className="meta"> {t("approval.quoted", { comment: c.closed.comment })}</span>}
        {view.state === "approved" && approvedComment && <span className="meta"> {t("approval.quoted", { comment: approvedComment })}</span>}
        {view.state === "submitted" && submittedComment && <span className="meta"> {t("approval.quoted", { comment: submittedComment })}</span>}
      </div>
      {review.acknowledged.length > 0 && view.state !== "draft" && view.state !== "returned" && (
        <div className="review-acknowledged" data-testid="review-acknowledged">
          <p>{t("approval.acknowledged", { count: review.acknowledged.length, by: review.submitted?.by ?? "" })}</p>
          <ul>
            {review.acknowledged.map((a, n) => (
              <li key={n} data-flag={a.code}>
                <strong>{flagLabel(a.code)}</strong> {a.details.map((d) => formatMessage(d)).join("; ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      {changed > 0 && review.state !== "approved" && (
        <p className="changed-since" data-testid="changed-since-approval" data-count={changed}>
          {t("approval.changed_since", { count: changed, by: approvedBy, at: approvedAt })} <a href="#s-timeline">{t("approval.changed_since_link")}</a>
          {t("approval.changed_since_end")}
        </p>
      )}
      {maySubmit(view.state) && (
        <p className="review-actions">
          <button type="button" className="link" onClick={props.onGoSubmit} data-testid="review-go-submit">
            {t("approval.go_submit")}
          </button>
        </p>
      )}
      {!returning && decides && (
        <div className="review-actions">
          <label className="grow">
            {t("approval.comment")}
            <input value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-comment" />
          </label>
          <button className="primary" disabled={pending} onClick={() => setConfirming("approve")} data-testid="approve-case">
            {t("approval.approve")}
          </button>
          <button ref={returnButton} disabled={pending} onClick={() => setReturning(true)} data-testid="return-case">
            {t("approval.return")}
          </button>
        </div>
      )}
      {closes && (
        <div className="review-actions">
          <button className="primary" disabled={pending} onClick={() => setConfirming("close")} data-testid="close-case">
            {t("approval.close")}
          </button>
        </div>
      )}
      {confirming === "approve" && (
        <ApproveDialog
          view={view}
          pending={pending}
          onCancel={() => setConfirming(null)}
          // The head this person has been reading: the approval covers exactly that.
          onApprove={() => act(call("approve_case", { case_id: c.id, head: c.head, event_count: c.event_count, comment: optional }))}
        />
      )}
      {confirming === "close" && (
        <CloseDialog
          caseNumber={c.case_number}
          pending={pending}
          onCancel={() => setConfirming(null)}
          onClose={(note) => act(call("close_case", { case_id: c.id, note }))}
        />
      )}
      {returning && (
        <ReturnForm
          reference={props.reference}
          initialComment={comment}
          pending={pending}
          onCancel={() => {
            setReturning(false);
            setFocusReturn((n) => n + 1);
          }}
          onReturn={(text, sections) => {
            setReturning(false);
            act(call("return_case", { case_id: c.id, comment: text, sections }));
          }}
        />
      )}
    </section>
  );
}

/** What the approval covers, to confirm before approving: changes, flags, acknowledgements, photos. */
function ApproveDialog(props: { view: CaseView; pending: boolean; onCancel: () => void; onApprove: () => void }) {
  const sum = approvalSummary(props.view);
  const confirm = useRef<HTMLButtonElement>(null);
  const rows: [string, number, string][] = [
    [t("approval.summary_changes"), sum.changes, "changes"],
    [t("approval.summary_flags"), sum.flags, "flags"],
    [t("approval.summary_acknowledged"), sum.acknowledged, "acknowledged"],
    [t("approval.summary_photos"), sum.photos, "photos"],
  ];
  return (
    <Dialog onClose={props.onCancel} labelledBy="approve-title" className="approve-summary" testId="approve-dialog" initialFocus={confirm}>
      <h2 id="approve-title">{t("approval.approve_title", { number: props.view.case.case_number })}</h2>
      <dl className="summary" data-testid="approve-summary">
        {rows.map(([name, value, part]) => (
          <div key={part} data-part={part} data-count={value}>
            <dt>{name}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {props.view.flags.length > 0 && (
        <ul className="approve-flags">
          {props.view.flags.map((f, n) => (
            <li key={n}>{flagLabel(f.code)}</li>
          ))}
        </ul>
      )}
      <div className="review-actions">
        <button ref={confirm} type="button" className="primary" disabled={props.pending} onClick={props.onApprove} data-testid="approve-confirm">
          {t("approval.approve")}
        </button>
        <button type="button" onClick={props.onCancel} data-testid="approve-cancel">
          {t("approval.cancel")}
        </button>
      </div>
    </Dialog>
  );
}

/** Closing an approved case, with an optional note: it is final, so it is confirmed first. */
function CloseDialog(props: { caseNumber: string; pending: boolean; onCancel: () => void; onClose: (note: string | null) => void }) {
  const [note, setNote] = useState("");
  const input = useRef<HTMLInputElement>(null);
  return (
    <Dialog onClose={props.onCancel} labelledBy="close-title" className="close-case" testId="close-dialog" initialFocus={input}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onClose(note.trim() === "" ? null : note);
        }}
      >
        <h2 id="close-title">{t("approval.close_title", { number: props.caseNumber })}</h2>
        <p>{t("approval.close_explain")}</p>
        <label>
          {t("approval.close_note")}
          <input ref={input} value={note} onChange={(e) => setNote(e.target.value)} data-testid="close-note" />
        </label>
        <div className="review-actions">
          <button type="submit" className="primary" disabled={props.pending} data-testid="close-confirm">
            {t("approval.close_confirm")}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t("approval.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ReturnForm(props: {
  reference: ReferenceData;
  initialComment: string;
  pending: boolean;
  onCancel: () => void;
  onReturn: (comment: string, sections: SectionComment[]) => void;
}) {
  const [comment, setComment] = useState(props.initialComment);
  const [bySection, setBySection] = useState<Partial<Record<Section, string>>>({});
  const [missing, setMissing] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (comment.trim() === "") {
      setMissing(true);
      return;
    }
    const sections = Object.entries(bySection)
      .filter(([, text]) => text && text.trim() !== "")
      .map(([section, text]) => ({ section: section as Section, comment: text as string }));
    props.onReturn(comment, sections);
  };
  return (
    <form
      className="return-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || e.nativeEvent.isComposing) return;
        // Esc cancels the return only: the case stays open.
        e.stopPropagation();
        props.onCancel();
      }}
      data-testid="return-form"
    >
      <label>
        {t("approval.return_question")}
        <textarea
          autoFocus
          rows={2}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          aria-invalid={missing ? true : undefined}
          aria-describedby="return-comment-note"
          data-testid="return-comment"
        />
      </label>
      <div id="return-comment-note" className={`note ${missing ? "bad" : ""}`} role={missing ? "alert" : undefined}>
        {missing ? t("approval.return_missing") : ""}
      </div>
      <fieldset>
        <legend>{t("approval.section_comments")}</legend>
        <div className="grid">
          {props.reference.sections.map((s) => (
            <label key={s.section}>
              {label(s.label_key)}
              <input
                value={bySection[s.section] ?? ""}
                onChange={(e) => setBySection({ ...bySection, [s.section]: e.target.value })}
                data-testid={`return-section-${s.section}`}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="review-actions">
        <button type="submit" className="primary" disabled={props.pending} data-testid="return-confirm">
          {t("approval.return_confirm")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("approval.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A supervisor's comment on one section, shown at the top of that section. */
export function SectionCommentNote(props: { view: CaseView; section: Section }) {
  const review = props.view.case.review;
  const comment = review.section_comments.find((s) => s.section === props.section);
  if (!comment) return null;
  const name = review.returned?.by ?? roleLabel("supervisor");
  return (
    <p className="section-comment" data-testid={`section-comment-${props.section}`}>
      <strong>{t("approval.comment_by", { name })}</strong> {comment.comment}
    </p>
  );
}

/**
 * Changing a case someone may rely on needs a reason, given before the change: until then the form
 * is read-only. The reason is kept with every change this person makes until the next review step.
 * When a save is refused for want of one (the case went into review under this screen:
 * `focusKey` goes up), it is asked for in a dialog where the person is, and the cursor goes back
 * to the field they were in once it is given.
 */
export function ChangeReason(props: { view: CaseView; onSaved: (v: CaseView) => void; onError: (e: CallError) => void; focusKey: number }) {
  const { view } = props;
  const [asked, setAsked] = useState(props.focusKey);
  const [asking, setAsking] = useState(false);
  const field = useRef<HTMLElement | null>(null);
  if (asked !== props.focusKey) {
    setAsked(props.focusKey);
    setAsking(props.focusKey > 0);
    // The field typed in, before the case turns read-only under it.
    field.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }
  const givenLine = useRef<HTMLParagraphElement>(null);
  const [givenHere, setGivenHere] = useState(0);
  useEffect(() => {
    if (givenHere) givenLine.current?.focus();
  }, [givenHere]);
  const input = useRef<HTMLInputElement>(null);
  const state = view.case.review.state;
  // A closed case takes no change at all, with or without a reason.
  if (!needsChangeReason(state) || view.state === "closed") return null;
  if (view.change_reason !== null) {
    return (
      <p className="change-reason given" ref={givenLine} tabIndex={-1} data-testid="change-reason-given">
        {t("approval.reason_given")} <strong>{view.change_reason}</strong>
      </p>
    );
  }
  const form = (
    <ReasonForm
      view={view}
      input={input}
      onSaved={(v) => {
        // Given here, not asked for: the form goes, the cursor to the line that replaces it.
        if (!asking) setGivenHere((n) => n + 1);
        props.onSaved(v);
      }}
      onError={props.onError}
    />
  );
  if (!asking) return form;
  return (
    <Dialog
      onClose={() => setAsking(false)}
      labelledBy="change-reason-label"
      className="reason-prompt"
      testId="change-reason-dialog"
      initialFocus={input}
      // Back in the field once it can be edited; cancelled, to the reason box on the case.
      returnFocus={() => {
        const back = field.current;
        return back?.isConnected && !(back as HTMLInputElement).disabled ? back : document.getElementById("change-reason");
      }}
    >
      {form}
    </Dialog>
  );
}

function ReasonForm(props: {
  view: CaseView;
  input: React.RefObject<HTMLInputElement | null>;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const { view } = props;
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const state = view.case.review.state;
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    call("set_change_reason", { case_id: view.case.id, reason })
      .then(props.onSaved)
      .catch(props.onError)
      .finally(() => setPending(false));
  };
  return (
    <form className="change-reason needed" onSubmit={save} data-testid="change-reason-notice" role="region" aria-label={t("approval.reason_region")}>
      <label htmlFor="change-reason" id="change-reason-label">
        {state === "submitted"
          ? t("approval.reason_submitted")
          : state === "reopened"
            ? t("approval.reason_reopened")
            : t("approval.reason_approved")}
      </label>
      <div className="inline-row">
        <input
          id="change-reason"
          ref={props.input}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("approval.reason_placeholder")}
          data-testid="change-reason"
        />
        <button type="submit" className="primary" disabled={pending || reason.trim() === ""} data-testid="change-reason-save">
          {t("approval.reason_save")}
        </button>
      </div>
      <p className="meta">{state === "approved" ? t("approval.reason_kept_approved") : t("approval.reason_kept")}</p>
    </form>
  );
}
