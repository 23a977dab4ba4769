// What a case's review state means for the person looking at it: words, and what they may do.
import type { Review, ReviewState, Role } from "./bindings";
import { localTime } from "./format";

function changes(n: number): string {
  return n === 1 ? "1 change" : `${n} changes`;
}

/** One sentence for the review panel. */
export function describeReview(review: Review): string {
  switch (review.state) {
    case "not_submitted":
      return "Not submitted";
    case "submitted": {
      const since = review.queued_at ?? review.submitted?.at;
      const by = review.submitted ? ` (submitted by ${review.submitted.by})` : "";
      return since ? `Waiting for review since ${localTime(since)}${by}` : `Waiting for review${by}`;
    }
    case "returned": {
      const r = review.returned;
      if (!r) return "Returned to the inspector";
      return r.comment ? `Returned by ${r.by}: ${r.comment}` : `Returned by ${r.by}`;
    }
    case "approved": {
      const a = review.approved;
      return a ? `Approved by ${a.by} at ${localTime(a.at)}` : "Approved";
    }
    case "reopened":
      return `Changed after approval: ${changes(review.uncovered.length)} — waiting for review`;
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
