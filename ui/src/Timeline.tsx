import type { TimelineEntry } from "./bindings";
import { describeChange, localTime } from "./format";

const KIND_LABELS: Record<string, string> = {
  case_opened: "Opened the case",
  field_set: "Changed",
  item_added: "Added",
  item_moved: "Moved",
  item_withdrawn: "Withdrew",
  status_set: "Changed status",
  photo_attached: "Attached a photo",
  photo_caption_set: "Captioned a photo",
  photo_excluded: "Excluded a photo",
  undecodable: "Unreadable event",
  review_submitted: "Submitted for review",
  review_approved: "Approved",
  review_returned: "Returned to the inspector",
};

// The timeline labels the reason signed into a change of a submitted or approved case with this.
const REASON_LABEL = "Reason for the change";

/** Every recorded change, newest first; those made since the last approval are marked. */
export function Timeline({ entries, sinceApproval }: { entries: TimelineEntry[]; sinceApproval: Set<string> }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {[...entries].reverse().map((e) => (
        <li
          key={e.event_id}
          data-kind={e.kind}
          className={sinceApproval.has(e.event_id) ? "since-approval" : undefined}
          data-since-approval={sinceApproval.has(e.event_id) ? "true" : undefined}
        >
          <div className="when">
            <time dateTime={e.wall_time}>{localTime(e.wall_time)}</time>
            <span className="author">
              {e.author} ({e.role})
            </span>
            {sinceApproval.has(e.event_id) && <span className="since-approval-mark">Changed since approval</span>}
          </div>
          <div className="what">
            <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>
            {e.changes.map((c, i) => (
              <div key={i} className={c.label === REASON_LABEL ? "change reason" : "change"}>
                {describeChange(c)}
              </div>
            ))}
            {e.refused && <div className="error">Not applied: {e.refused}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
