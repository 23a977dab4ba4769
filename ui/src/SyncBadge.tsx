// The top bar's sync line and the way to the sync settings.
import { useState } from "react";
import type { SyncStatus } from "./bindings";
import { callBeside } from "./ipc";
import { errorText } from "./labels";
import { describeSync, type SyncPart } from "./syncStatus";

const COUNT_TESTIDS: Record<NonNullable<SyncPart["count"]>, string> = {
  events: "sync-waiting-events",
  photos: "sync-waiting-photos",
  refused: "sync-refused-count",
};

/** The top bar's sync line: what is happening, what waits, and Sync now. Click it for settings. */
export function SyncBadge(props: {
  status: SyncStatus | null;
  run: (action: Promise<SyncStatus>) => Promise<SyncStatus>;
  onOpenSettings: () => void;
}) {
  const { status, run, onOpenSettings } = props;
  const [starting, setStarting] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  if (!status) {
    return (
      <div className="sync-badge tone-idle" data-testid="sync-badge" data-tone="idle">
        <span className="sync-state" data-testid="sync-state">
          Checking sync…
        </span>
      </div>
    );
  }

  const line = describeSync(status);
  const syncNow = () => {
    setStarting(true);
    setFailed(null);
    run(callBeside("sync_now", {}))
      .catch((e: unknown) => setFailed(errorText(e)))
      .finally(() => setStarting(false));
  };
  const tone = failed ? "bad" : line.tone;
  const shownCounts = new Set(line.parts.map((p) => p.count));
  const counts = { events: line.eventsWaiting, photos: line.photosWaiting, refused: line.refused };

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
        title={`${failed ?? line.text}\n(click for sync settings)`}
        onClick={onOpenSettings}
        onKeyDown={(e) => {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          onOpenSettings();
        }}
      >
        {failed
          ? `Sync now failed: ${failed}`
          : line.parts.map((p, i) =>
              p.count ? (
                <span key={i} className="sync-count" data-testid={COUNT_TESTIDS[p.count]} data-count={counts[p.count]}>
                  {p.text}
                </span>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
        {/* Counts the line does not mention stay readable by their data-count (0 when all sent). */}
        {(["events", "photos"] as const)
          .filter((kind) => failed || !shownCounts.has(kind))
          .map((kind) => (
            <span key={kind} hidden data-testid={COUNT_TESTIDS[kind]} data-count={counts[kind]} />
          ))}
      </span>
      <button
        className="small"
        data-testid="sync-now"
        onClick={syncNow}
        disabled={!line.signedIn || line.syncing || starting}
        title={line.signedIn ? "Send and fetch changes now" : "Sign in to a server first"}
      >
        Sync now
      </button>
    </div>
  );
}
