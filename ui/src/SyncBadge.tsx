// The top bar's sync line and the way to the sync settings. No tooltips: one stays on screen over
// the dialog the click opened; what changes is said by the live region instead.
import { useState } from "react";
import type { SyncStatus } from "./bindings";
import { callBeside } from "./ipc";
import { errorText, t } from "./labels";
import { describeSync } from "./syncStatus";
import { announce } from "./announcer";
import type { RunSync } from "./useSyncStatus";

/** The top bar's sync line: what is happening, what waits, and Sync now. Click it for settings. */
export function SyncBadge(props: {
  status: SyncStatus | null;
  run: RunSync;
  /** Opens the sync settings; `from` gets the cursor back when they close. */
  onOpenSettings: (from: HTMLElement) => void;
}) {
  const { status, run, onOpenSettings } = props;
  const [starting, setStarting] = useState(false);
  // Kept as it came, worded when shown: in the language of the moment.
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);

  if (!status) {
    return (
      <div className="sync-badge tone-idle" data-testid="sync-badge" data-tone="idle">
        <span className="sync-state" data-testid="sync-state">
          {t("sync.checking")}
        </span>
      </div>
    );
  }

  const line = describeSync(status);
  const syncNow = () => {
    setStarting(true);
    setFailed(null);
    run(callBeside("sync_now", {}))
      .catch((error: unknown) => {
        setFailed({ error });
        announce(t("sync.now_failed", { error: errorText(error) }), true);
      })
      .finally(() => setStarting(false));
  };
  const tone = failed ? "bad" : line.tone;
  const text = failed ? t("sync.now_failed", { error: errorText(failed.error) }) : line.text;

  return (
    <div
      className={`sync-badge tone-${tone}`}
      data-testid="sync-badge"
      data-tone={tone}
      data-last-synced={status.last_synced_at ?? ""}
    >
      <span
        className="sync-state"
        data-testid="sync-state"
        role="button"
        tabIndex={0}
        aria-haspopup="dialog"
        onClick={(e) => onOpenSettings(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          onOpenSettings(e.currentTarget);
        }}
      >
        {/* In a span of its own: beside the hidden counts, a bare text node reads as no text to WebKit's WebDriver. */}
        <span>{text}</span>
        {/* The counts, readable by their data-count (0 when all sent) in any language. */}
        <span hidden data-testid="sync-waiting-events" data-count={line.eventsWaiting} />
        <span hidden data-testid="sync-waiting-photos" data-count={line.photosWaiting} />
        <span hidden data-testid="sync-refused-count" data-count={line.refused} />
      </span>
      <button
        className="small"
        data-testid="sync-now"
        onClick={syncNow}
        disabled={!line.signedIn || line.syncing || starting}
      >
        {t("sync.now")}
      </button>
    </div>
  );
}
