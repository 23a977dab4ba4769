// A part of the case file that folds: its heading is a button that shows or hides the part, and
// says how much of what a reviewer expects is filled in.
import type { ReactNode } from "react";
import { ChevronRight, CircleCheck, CircleDashed } from "lucide-react";
import { partState, type Part, type PartProgress } from "./completeness";
import { t } from "./labels";

/** What folds: the parts of the file, the shipping documents, the cases naming the same parties, and the timeline. */
export type Foldable = Part | "documents" | "related" | "timeline";

/** The element ids of a part: where the menu jumps to, and the heading's button. */
export const partId = (part: Foldable) => (part === "photos" || part === "documents" ? `${part}-part` : `s-${part}`);
export const toggleId = (part: Foldable) => `${partId(part)}-toggle`;

export function CaseSection(props: {
  part: Foldable;
  title: string;
  /** Live entries of a list, shown beside the title. */
  count?: number;
  progress: PartProgress | null;
  open: boolean;
  onToggle: (part: Foldable) => void;
  children: ReactNode;
}) {
  const { part, progress, open } = props;
  const id = partId(part);
  const shows = progress !== null && progress.total > 0;
  return (
    <section
      id={id}
      className={`cf-section ${open ? "open" : "folded"}`}
      // The photos part wraps the gallery's own section, which carries the name.
      data-section={part === "photos" || part === "documents" || part === "related" || part === "timeline" ? undefined : part}
      data-part={part}
      data-testid={`section-${part}`}
      data-progress={progress ? partState(progress) : undefined}
      aria-labelledby={toggleId(part)}
    >
      <h2 className="cf-section-head">
        <button
          type="button"
          id={toggleId(part)}
          className="cf-fold"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-describedby={shows ? `${id}-progress` : undefined}
          onClick={() => props.onToggle(part)}
          data-testid={`fold-${part}`}
        >
          <ChevronRight className="cf-chevron" size={22} />
          <span className="cf-title">{props.title}</span>
          {props.count !== undefined && <span className="count">{props.count}</span>}
        </button>
        {shows && <Progress id={`${id}-progress`} progress={progress} />}
      </h2>
      <div id={`${id}-body`} className="cf-section-body" hidden={!open}>
        {props.children}
      </div>
    </section>
  );
}

/** "3 of 5 filled", or "Complete" with a tick. */
export function Progress(props: { id?: string; progress: PartProgress; compact?: boolean }) {
  const { done, total } = props.progress;
  const complete = done === total;
  return (
    <span id={props.id} className={`cf-progress ${complete ? "complete" : done === 0 ? "empty" : "partial"}`} data-done={done} data-total={total}>
      {complete ? <CircleCheck size={18} /> : <CircleDashed size={18} />}
      <span>
        {complete
          ? t("casefile.complete")
          : props.compact
            ? t("casefile.progress_short", { done, total })
            : t("casefile.progress", { done, total })}
      </span>
    </span>
  );
}
