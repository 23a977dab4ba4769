// What stops a handover from being recorded, box by box, found before the API is asked, so each
// message stands beside its box. Pure, so it is tested without a window.

/** The boxes of the handover form, in screen order. */
export const BOXES = ["from", "to", "place", "at", "condition"] as const;
export type Box = (typeof BOXES)[number];

/** Longest text of a box, as the API allows. */
export const MAX_CHARS = 200;

/** How far past this device's clock a handover may be: a watch a little ahead (as the API). */
export const CLOCK_MARGIN_MINUTES = 5;

export type Problem = "required" | "future";

/** Empty boxes; and a time, in its stored form ("YYYY-MM-DD HH:MM", local), later than now. */
export function handoverProblems(values: Record<Box, string>, canonicalAt: string | null, now: Date = new Date()): Partial<Record<Box, Problem>> {
  const out: Partial<Record<Box, Problem>> = {};
  for (const box of BOXES) if (values[box].trim() === "") out[box] = "required";
  if (!out.at && canonicalAt !== null && laterThan(canonicalAt, now)) out.at = "future";
  return out;
}

function laterThan(at: string, now: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(at);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map((x) => Number(x ?? 0));
  const when = new Date(year, month - 1, day, hour, minute);
  return when.getTime() > now.getTime() + CLOCK_MARGIN_MINUTES * 60_000;
}

/** The first box with a problem, to put the cursor in. */
export function firstProblem(problems: Partial<Record<Box, Problem>>): Box | null {
  return BOXES.find((b) => problems[b] !== undefined) ?? null;
}
