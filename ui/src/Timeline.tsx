// The case's timeline: each event's kind, author and changes, labelled from the catalogue.
import type { Change, SectionInfo, TimelineEntry } from "./bindings";
import { readableChange } from "./changeValues";
import { describeChange } from "./format";
import { formatDateTime, kindLabel, REASON_KEY, roleLabel, t } from "./labels";

// The reason signed into a change of a submitted or approved case is set apart.
const isReason = (c: Change) => c.label.length === 1 && "key" in c.label[0] && c.label[0].key === REASON_KEY;

/** Every recorded change, newest first; those made since the last approval are marked. Codes of
 * lists read as the form shows them (`sections` says which fields have lists). */
export function Timeline({ entries, sinceApproval, sections }: { entries: TimelineEntry[]; sinceApproval: Set<string>; sections: readonly SectionInfo[] }) {
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
            <time dateTime={e.wall_time}>{formatDateTime(e.wall_time)}</time>
            <span className="author">{t("timeline.author", { author: e.author, role: roleLabel(e.role) })}</span>
            {sinceApproval.has(e.event_id) && <span className="since-approval-mark">{t("timeline.since_approval")}</span>}
          </div>
          <div className="what">
            <strong>{kindLabel(e.kind)}</strong>
            {e.changes.map((c, i) => (
              <div key={i} className={isReason(c) ? "change reason" : "change"}>
                {describeChange(readableChange(c, sections))}
              </div>
            ))}
            {e.refused && <div className="error">{t("timeline.refused", { reason: e.refused })}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
