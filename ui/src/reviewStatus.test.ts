// Unit tests of the review state shown for a case (reviewStatus.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { Review } from "./bindings";
import { formatDateTime } from "./labels";
import { changedSinceApproval, describeReview, lockedForReason, mayDecide, maySubmit } from "./reviewStatus";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue());

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
    const since = formatDateTime("2026-11-28T12:05:00Z");
    expect(describeReview({ ...base, state: "submitted", queued_at: "2026-11-28T12:05:00Z", submitted: decision("Ines") })).toBe(
      `Waiting for review since ${since} (submitted by Ines)`,
    );
    expect(describeReview({ ...base, state: "submitted", queued_at: "2026-11-28T12:05:00Z" })).toBe(`Waiting for review since ${since}`);
    expect(describeReview({ ...base, state: "returned", returned: decision("Sam", "Weigh again") })).toBe("Returned by Sam: Weigh again");
    expect(describeReview({ ...base, state: "returned", returned: decision("Sam") })).toBe("Returned by Sam");
    expect(describeReview({ ...base, state: "approved", approved: decision("Sam") })).toBe(`Approved by Sam at ${since}`);
  });
  it("counts the changes made after an approval", () => {
    const reopened = { ...base, state: "reopened" as const, approved: decision("Sam"), uncovered: ["a", "b"] };
    expect(describeReview(reopened)).toBe("Changed after approval: 2 changes — waiting for review");
    expect(describeReview({ ...reopened, uncovered: ["a"] })).toBe("Changed after approval: 1 change — waiting for review");
    expect(changedSinceApproval(reopened)).toEqual(new Set(["a", "b"]));
  });
  it("says it in the reader's language, with the plural that language uses", () => {
    const reopened = { ...base, state: "reopened" as const, approved: decision("Sam"), uncovered: ["a"] };
    useCatalogue("es");
    expect(describeReview(reopened)).toBe("Modificado tras la aprobación: 1 cambio — en espera de revisión");
    expect(describeReview({ ...reopened, uncovered: ["a", "b"] })).toBe("Modificado tras la aprobación: 2 cambios — en espera de revisión");
    expect(describeReview(base)).toBe("No enviado");
    useCatalogue("zh-CN");
    expect(describeReview({ ...reopened, uncovered: ["a", "b"] })).toBe("审核通过后已修改2处，待审核");
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
