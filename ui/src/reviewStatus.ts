// What a case's state and review mean for the person looking at it: words, and what they may do.
import type { CaseState, CaseView, Review, ReviewState, Role } from "./bindings";
import { formatDateTime, reviewLabel, stateLabel, t } from "./labels";

/** Every state a case can be in, in the order of its life: the list's filter offers them so. */
export const CASE_STATES: readonly CaseState[] = ["draft", "submitted", "returned", "approved", "reopened", "closed", "withdrawn"];

/** One sentence for the review panel. */
export function describeReview(review: Review): string {
  switch (review.state) {
    case "not_submitted":
      // The same word as the header's state: one vocabulary for where a case stands.
      return stateLabel("draft");
    case "submitted": {
      const since = review.queued_at ?? review.submitted?.at;
      const by = review.submitted?.by;
      if (since) {
        const at = formatDateTime(since);
        return by ? t("approval.waiting_since_by", { since: at, by }) : t("approval.waiting_since", { since: at });
      }
      return by ? t("approval.waiting_by", { by }) : reviewLabel("submitted");
    }
    case "returned": {
      const r = review.returned;
      if (!r) return t("approval.returned");
      return r.comment ? t("approval.returned_by_comment", { by: r.by, comment: r.comment }) : t("approval.returned_by", { by: r.by });
    }
    case "approved": {
      const a = review.approved;
      if (!a) return reviewLabel("approved");
      const at = formatDateTime(a.at);
      return t("approval.approved_by", { by: a.by, at });
    }
    case "reopened":
      return t("approval.reopened", { count: review.uncovered.length });
  }
}

/** The case is sent (again) to review: a draft, or one returned. */
export function maySubmit(state: CaseState): boolean {
  return state === "draft" || state === "returned";
}

const supervises = (role: Role) => role === "supervisor" || role === "admin";

/** Supervisors and admins decide on a case in the queue (the API refuses others too). */
export function mayDecide(role: Role, state: CaseState): boolean {
  return supervises(role) && (state === "submitted" || state === "reopened");
}

/** Supervisors and admins close an approved case (the API refuses others too). */
export function mayClose(role: Role, state: CaseState): boolean {
  return supervises(role) && state === "approved";
}

/** What an approval would cover, for the supervisor to confirm before approving. */
export function approvalSummary(view: CaseView): { changes: number; flags: number; acknowledged: number; photos: number } {
  return {
    changes: view.case.review.uncovered.length,
    flags: view.flags.length,
    acknowledged: view.case.review.acknowledged.length,
    photos: view.case.photos.filter((p) => p.excluded === null).length,
  };
}

/** Someone may rely on the file: a change must say why, before it is made. */
export function needsChangeReason(state: ReviewState): boolean {
  return state === "submitted" || state === "approved" || state === "reopened";
}

/** The form is read-only until the person has said why they change a submitted or approved case. */
export function lockedForReason(state: ReviewState, changeReason: string | null): boolean {
  return needsChangeReason(state) && changeReason === null;
}

/** The changes made since the last approval, to mark in the timeline; none if never approved. */
export function changedSinceApproval(review: Review): Set<string> {
  return review.approved ? new Set(review.uncovered) : new Set();
}
