// Review of a case: submit, approve or return with comments, and the reason a change needs. After
// each step the cursor goes where the person goes on from: the new review state, the Return
// button when the return is cancelled, the field typed in once a reason is given.
import { useEffect, useRef, useState } from "react";
import type { CaseView, ReferenceData, Role, Section, SectionComment } from "./bindings";
import { call, CallError } from "./ipc";
import { changedSinceApproval, describeReview, mayDecide, maySubmit, needsChangeReason } from "./reviewStatus";
import { formatDateTime, label, roleLabel, t } from "./labels";
import { Dialog } from "./Dialog";

/**
 * Where the case stands in review, and the step this person may take: submit it, or (a
 * supervisor) approve or return it. The API checks roles too; its refusals are shown as they come.
 */
export function ReviewPanel(props: {
  view: CaseView;
  role: Role;
  reference: ReferenceData;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const { view, role } = props;
  const c = view.case;
  const review = c.review;
  const [comment, setComment] = useState("");
  const [returning, setReturning] = useState(false);
  const [pending, setPending] = useState(false);
  // What gets the cursor after the next render: a step's button is gone once it is taken.
  const stateLine = useRef<HTMLElement>(null);
  const returnButton = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<{ on: "state" | "return" } | null>(null);
  useEffect(() => {
    if (focusNext) (focusNext.on === "state" ? stateLine : returnButton).current?.focus();
  }, [focusNext]);
  const changed = changedSinceApproval(review).size;
  const approvedBy = review.approved?.by ?? "";
  const approvedAt = review.approved ? formatDateTime(review.approved.at) : "";
  const approvedComment = review.approved?.comment;
  const submittedComment = review.submitted?.comment;

  const act = (step: Promise<CaseView>) => {
    setPending(true);
    step
      .then((v) => {
        setComment("");
        props.onSaved(v);
        setFocusNext({ on: "state" });
      })
      .catch(props.onError)
      .finally(() => setPending(false));
  };
  const optional = comment.trim() === "" ? null : comment;

  return (
    <section className={`review-panel ${review.state}`} data-testid="review-panel" data-state={review.state} aria-label={t("approval.region")}>
      <div className="review-line">
        <strong ref={stateLine} tabIndex={-1} data-testid="review-state">
          {describeReview(review)}
        </strong>
        {review.state === "approved" && approvedComment && <span className="meta"> {t("approval.quoted", { comment: approvedComment })}</span>}
        {review.state === "submitted" && submittedComment && <span className="meta"> {t("approval.quoted", { comment: submittedComment })}</span>}
      </div>
      {changed > 0 && review.state !== "approved" && (
        <p className="changed-since" data-testid="changed-since-approval" data-count={changed}>
          {t("approval.changed_since", { count: changed, by: approvedBy, at: approvedAt })} <a href="#s-timeline">{t("approval.changed_since_link")}</a>
          {t("approval.changed_since_end")}
        </p>
      )}
      {!returning && (maySubmit(review.state) || mayDecide(role, review.state)) && (
        <div className="review-actions">
          <label className="grow">
            {maySubmit(review.state) ? t("approval.note_for_supervisor") : t("approval.comment")}
            <input value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-comment" />
          </label>
          {maySubmit(review.state) && (
            <button className="primary" disabled={pending} onClick={() => act(call("submit_case", { case_id: c.id, comment: optional }))} data-testid="submit-review">
              {t("approval.submit")}
            </button>
          )}
          {mayDecide(role, review.state) && (
            <>
              <button
                className="primary"
                disabled={pending}
                // The head this person has been reading: the approval covers exactly that.
                onClick={() => act(call("approve_case", { case_id: c.id, head: c.head, event_count: c.event_count, comment: optional }))}
                data-testid="approve-case"
              >
                {t("approval.approve")}
              </button>
              <button ref={returnButton} disabled={pending} onClick={() => setReturning(true)} data-testid="return-case">
                {t("approval.return")}
              </button>
            </>
          )}
        </div>
      )}
      {returning && (
        <ReturnForm
          reference={props.reference}
          initialComment={comment}
          pending={pending}
          onCancel={() => {
            setReturning(false);
            setFocusNext({ on: "return" });
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
  if (!needsChangeReason(state)) return null;
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
