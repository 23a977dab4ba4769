// Unit tests of the review state shown for a case (reviewStatus.ts).
import { describe, expect, it } from "vitest";
import type { Review } from "./bindings";
import { changedSinceApproval, describeReview, lockedForReason, mayDecide, maySubmit } from "./reviewStatus";

const base: Review = {
  state: "not_submitted",
  submitted: null,
  queued_at: null,
  approved: null,
  returned: null,
  section_comments: [],
  uncovered: [],
  last_step: null,
};
const decision = (by: string, comment: string | null = null) => ({ by, at: "2026-11-28T12:05:00Z", comment, event_id: "e1" });

describe("describeReview", () => {
  it("says where the case stands", () => {
    expect(describeReview(base)).toBe("Not submitted");
    expect(describeReview({ ...base, state: "submitted", queued_at: "2026-11-28T12:05:00Z", submitted: decision("Ines") })).toMatch(
      /^Waiting for review since 2026-11-2\d \d\d:05 \(submitted by Ines\)$/,
    );
    expect(describeReview({ ...base, state: "returned", returned: decision("Sam", "Weigh again") })).toBe("Returned by Sam: Weigh again");
    expect(describeReview({ ...base, state: "approved", approved: decision("Sam") })).toMatch(/^Approved by Sam at 2026-11-2\d/);
  });
  it("counts the changes made after an approval", () => {
    const reopened = { ...base, state: "reopened" as const, approved: decision("Sam"), uncovered: ["a", "b"] };
    expect(describeReview(reopened)).toBe("Changed after approval: 2 changes — waiting for review");
    expect(describeReview({ ...reopened, uncovered: ["a"] })).toMatch(/1 change —/);
    expect(changedSinceApproval(reopened)).toEqual(new Set(["a", "b"]));
  });
  it("marks nothing as changed since an approval that never was", () => {
    expect(changedSinceApproval({ ...base, state: "submitted", uncovered: ["a"] }).size).toBe(0);
  });
});

describe("who may do what", () => {
  it("lets an inspector submit a new or returned case only", () => {
    expect(maySubmit("not_submitted")).toBe(true);
    expect(maySubmit("returned")).toBe(true);
    expect(maySubmit("submitted")).toBe(false);
    expect(maySubmit("approved")).toBe(false);
  });
  it("lets supervisors and admins decide on queued cases only", () => {
    expect(mayDecide("supervisor", "submitted")).toBe(true);
    expect(mayDecide("admin", "reopened")).toBe(true);
    expect(mayDecide("inspector", "submitted")).toBe(false);
    expect(mayDecide("supervisor", "approved")).toBe(false);
  });
  it("locks the form until a reason is given for changing a submitted or approved case", () => {
    expect(lockedForReason("approved", null)).toBe(true);
    expect(lockedForReason("approved", "Seal misread")).toBe(false);
    expect(lockedForReason("returned", null)).toBe(false);
    expect(lockedForReason("not_submitted", null)).toBe(false);
  });
});
