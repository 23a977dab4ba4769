// The notice on a field edited on several devices at once: every value kept, and keeping one settles it.
import type { Conflict } from "./bindings";
import { formatDateTime, t } from "./labels";

/**
 * A field edited on several devices without either seeing the other's edit. Every value is kept;
 * the last one (in fold order) is the one shown. Keeping one records it as a new edit that has seen
 * them all, which settles the conflict on every device.
 */
export function ConflictNotice(props: {
  id: string;
  conflict: Conflict;
  disabled: boolean;
  onKeep: (text: string) => void;
}) {
  const { conflict } = props;
  const shown = conflict.values.length - 1;
  const count = conflict.values.length;
  return (
    <div id={props.id} className="conflict" role="group" aria-label={t("conflict.label")} data-testid={`conflict-${conflict.field}`}>
      <strong>{t("conflict.title", { count })}</strong>
      <ul>
        {conflict.values.map((rival, n) => (
          <li key={rival.event_id} data-shown={n === shown}>
            <span className="rival-value">{rival.value ?? t("conflict.empty")}</span>
            <span className="meta">
              {rival.author} · {formatDateTime(rival.at)}
            </span>
            {n === shown && <span className="shown-mark">{t("conflict.shown")}</span>}
            <button
              type="button"
              className="small"
              disabled={props.disabled}
              onClick={() => props.onKeep(rival.value ?? "")}
              data-testid={`keep-value-${n}`}
              aria-label={t("conflict.keep_value", { value: rival.value ?? t("conflict.empty_value"), author: rival.author })}
            >
              {t("conflict.keep")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The conflict on this field of the case (item null) or of one of its items, if any. */
export function conflictOf(conflicts: Conflict[], item: string | null, field: Conflict["field"]): Conflict | undefined {
  return conflicts.find((c) => c.item === item && c.field === field);
}
