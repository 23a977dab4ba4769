// How a field learns it needs a change reason before it can save, and that one was given since.
import { createContext } from "react";

export type ReasonPrompt = {
  /** A save was refused for want of a reason: show the prompt. */
  ask: () => void;
  /** Goes up each time a reason is given, so fields holding refused text save it then. */
  given: number;
};

export const ReasonPromptContext = createContext<ReasonPrompt>({ ask: () => undefined, given: 0 });
