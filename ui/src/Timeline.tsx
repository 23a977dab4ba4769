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
};

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {[...entries].reverse().map((e) => (
        <li key={e.event_id} data-kind={e.kind}>
          <div className="when">
            <time dateTime={e.wall_time}>{localTime(e.wall_time)}</time>
            <span className="author">
              {e.author} ({e.role})
            </span>
          </div>
          <div className="what">
            <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>
            {e.changes.map((c, i) => (
              <div key={i} className="change">
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
