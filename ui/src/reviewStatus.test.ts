// Unit tests of the review state shown for a case (reviewStatus.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { CaseView, Review } from "./bindings";
import { formatDateTime } from "./labels";
import { approvalSummary, changedSinceApproval, describeReview, lockedForReason, mayClose, mayDecide, maySubmit } from "./reviewStatus";
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
  acknowledged: [],
};
const decision = (by: string, comment: string | null = null) => ({ by, at: "2026-11-28T12:05:00Z", comment, event_id: "e1" });

describe("describeReview", () => {
  it("says where the case stands", () => {
    expect(describeReview(base)).toBe("Draft");
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
    expect(describeReview(base)).toBe("Borrador");
    useCatalogue("zh-CN");
    expect(describeReview({ ...reopened, uncovered: ["a", "b"] })).toBe("审核通过后已修改2处，待审核");
  });
  it("marks nothing as changed since an approval that never was", () => {
    expect(changedSinceApproval({ ...base, state: "submitted", uncovered: ["a"] }).size).toBe(0);
  });
});

describe("who may do what", () => {
  it("lets an inspector submit a draft or returned case only", () => {
    expect(maySubmit("draft")).toBe(true);
    expect(maySubmit("returned")).toBe(true);
    expect(maySubmit("submitted")).toBe(false);
    expect(maySubmit("approved")).toBe(false);
    expect(maySubmit("closed")).toBe(false);
    expect(maySubmit("withdrawn")).toBe(false);
  });
  it("lets supervisors and admins close approved cases only", () => {
    expect(mayClose("supervisor", "approved")).toBe(true);
    expect(mayClose("admin", "approved")).toBe(true);
    expect(mayClose("inspector", "approved")).toBe(false);
    expect(mayClose("supervisor", "reopened")).toBe(false);
    expect(mayClose("supervisor", "closed")).toBe(false);
  });
  it("lets supervisors and admins decide on queued cases only", () => {
    expect(mayDecide("supervisor", "submitted")).toBe(true);
    expect(mayDecide("admin", "reopened")).toBe(true);
    expect(mayDecide("inspector", "submitted")).toBe(false);
    expect(mayDecide("supervisor", "approved")).toBe(false);
    expect(mayDecide("supervisor", "closed")).toBe(false);
  });
  it("locks the form until a reason is given for changing a submitted or approved case", () => {
    expect(lockedForReason("approved", null)).toBe(true);
    expect(lockedForReason("approved", "Seal misread")).toBe(false);
    expect(lockedForReason("returned", null)).toBe(false);
    expect(lockedForReason("not_submitted", null)).toBe(false);
  });
});

describe("approvalSummary", () => {
  it("counts what an approval covers: changes, flags, acknowledgements and photos kept", () => {
    const photo = (sha256: string, excluded: string | null) => ({ sha256, excluded }) as unknown as CaseView["case"]["photos"][number];
    const flag = { code: "weight_discrepancy" as const, details: [] };
    const view = {
      state: "submitted",
      flags: [flag],
      drafts: [],
      change_reason: null,
      case: {
        review: { ...base, state: "submitted", uncovered: ["a", "b", "c"], acknowledged: [flag] },
        photos: [photo("1", null), photo("2", "a bystander's face"), photo("3", null)],
      },
    } as unknown as CaseView;
    expect(approvalSummary(view)).toEqual({ changes: 3, flags: 1, acknowledged: 1, photos: 2 });
  });
});
