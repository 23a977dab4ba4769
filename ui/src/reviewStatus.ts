// What a case's review state means for the person looking at it: words, and what they may do.
import type { Review, ReviewState, Role } from "./bindings";
import { formatDateTime, reviewLabel, t } from "./labels";

/** One sentence for the review panel. */
export function describeReview(review: Review): string {
  switch (review.state) {
    case "not_submitted":
      return reviewLabel("not_submitted");
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

/** An inspector sends the case (again) to review. */
export function maySubmit(state: ReviewState): boolean {
  return state === "not_submitted" || state === "returned";
}

/** Supervisors and admins decide on a case in the queue (the API refuses others too). */
export function mayDecide(role: Role, state: ReviewState): boolean {
  return (role === "supervisor" || role === "admin") && (state === "submitted" || state === "reopened");
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
