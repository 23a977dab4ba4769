// Unit tests of the handover form's own checks (handover.ts).
import { describe, expect, it } from "vitest";
import { firstProblem, handoverProblems } from "./handover";

const filled = { from: "Ines Inspector", to: "Sam Keeper", place: "Store", at: "2026-11-28 14:30", condition: "intact" };
const now = new Date(2026, 10, 28, 14, 30);

describe("a handover's boxes", () => {
  it("are all required, and the first empty one gets the cursor", () => {
    expect(handoverProblems(filled, "2026-11-28 14:30", now)).toEqual({});
    const problems = handoverProblems({ ...filled, from: " ", condition: "" }, "2026-11-28 14:30", now);
    expect(problems).toEqual({ from: "required", condition: "required" });
    expect(firstProblem(problems)).toBe("from");
    expect(firstProblem({})).toBeNull();
  });

  it("refuse a time later than now, beyond a watch a few minutes ahead", () => {
    expect(handoverProblems(filled, "2026-11-28 14:35", now)).toEqual({});
    expect(handoverProblems(filled, "2026-11-28 14:36", now)).toEqual({ at: "future" });
    expect(handoverProblems(filled, "2026-11-29", now)).toEqual({ at: "future" });
    expect(handoverProblems(filled, "2026-11-27", now)).toEqual({});
  });

  it("leave a time that could not be read to the check that read it", () => {
    expect(handoverProblems(filled, null, now)).toEqual({});
    expect(handoverProblems({ ...filled, at: "" }, null, now)).toEqual({ at: "required" });
  });
});
