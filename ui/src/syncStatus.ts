// What the sync badge says, from a SyncStatus: pure, so every state is unit-tested without a window.
import type { LoopState, Phase, Progress, SyncErrorCode, SyncStatus } from "./bindings";
import { clockTime } from "./format";
import { formatMessage } from "./labels";

/** idle: not syncing at all; waiting: fine, but changes wait to be sent; warn: offline or refused. */
export type SyncTone = "idle" | "busy" | "ok" | "waiting" | "warn" | "bad";

/** A piece of the line. Counts are marked so the badge can tag them (data-count) for tests. */
export type SyncPart = { text: string; count?: "events" | "photos" | "refused" };

export type SyncLine = {
  tone: SyncTone;
  parts: SyncPart[];
  /** The whole line as read. */
  text: string;
  signedIn: boolean;
  syncing: boolean;
  /** Only a person can fix this: sign in (again). The badge then opens the settings. */
  needsSignIn: boolean;
  eventsWaiting: number;
  photosWaiting: number;
  refused: number;
};

const PHASES: Record<Phase, string> = {
  connecting: "connecting",
  pushing: "pushing",
  uploading_photos: "uploading photos",
  pulling: "pulling",
  downloading_photos: "downloading photos",
};

// The token no longer works (revoked, replaced) or the password changed: retrying cannot help.
const SIGN_IN_AGAIN: SyncErrorCode[] = ["unauthorized", "bad_credentials"];

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "retry in 8s", "retry in 4 min". */
export function retryIn(seconds: number): string {
  if (seconds < 1) return "retrying now";
  if (seconds < 60) return `retry in ${Math.round(seconds)}s`;
  return `retry in ${Math.round(seconds / 60)} min`;
}

export function progressText(progress: Progress | null): string {
  if (!progress) return "Syncing…";
  const { phase, done, total } = progress;
  // Pulling does not know its total in advance: then only what has come so far.
  const figures = total > 0 ? ` ${done}/${total}` : done > 0 ? ` ${done}` : "";
  return `Syncing… ${PHASES[phase] ?? phase}${figures}`;
}

function waitingParts(events: number, photos: number, nothing: string): SyncPart[] {
  const parts: SyncPart[] = [];
  if (events > 0) parts.push({ text: plural(events, "event"), count: "events" });
  if (events > 0 && photos > 0) parts.push({ text: ", " });
  if (photos > 0) parts.push({ text: plural(photos, "photo"), count: "photos" });
  parts.push({ text: parts.length ? " waiting" : nothing });
  return parts;
}

function retryParts(activity: LoopState | null): SyncPart[] {
  // next_attempt_in_s is a u64: typed bigint, but JSON brings a number. Number() reads either.
  if (!activity?.retries_by_itself || activity.next_attempt_in_s === null) return [];
  return [{ text: ` · ${retryIn(Number(activity.next_attempt_in_s))}` }];
}

function refusedParts(refused: number): SyncPart[] {
  return refused > 0 ? [{ text: " · " }, { text: `${plural(refused, "event")} refused`, count: "refused" }] : [];
}

export function describeSync(status: SyncStatus, now: Date = new Date()): SyncLine {
  const activity = status.activity;
  const events = status.events_waiting;
  const photos = status.photos_waiting;
  const refused = status.refused.length;
  const line = (tone: SyncTone, parts: SyncPart[], needsSignIn = false): SyncLine => ({
    tone,
    parts,
    text: parts.map((p) => p.text).join(""),
    signedIn: status.account !== null,
    syncing: status.account !== null && (activity?.syncing ?? false),
    needsSignIn,
    eventsWaiting: events,
    photosWaiting: photos,
    refused,
  });

  if (!status.account) return line("idle", [{ text: "Not syncing: sign in to a server" }], true);
  if (activity?.syncing) return line("busy", [{ text: progressText(activity.progress) }]);
  if (activity?.offline) {
    return line("warn", [{ text: "Offline · " }, ...waitingParts(events, photos, "nothing waiting"), ...retryParts(activity), ...refusedParts(refused)]);
  }
  const error = activity?.last_error ?? (status.last_error && formatMessage(status.last_error.text));
  if (error) {
    const code = activity?.last_error_code;
    if (code && SIGN_IN_AGAIN.includes(code)) return line("bad", [{ text: `Sign in again: ${error}` }], true);
    return line("bad", [{ text: `Sync failed: ${error}` }, ...retryParts(activity)]);
  }

  const head = status.last_synced_at ? `Synced ${clockTime(status.last_synced_at, now)} · ` : "Not synced yet · ";
  const parts = [{ text: head }, ...waitingParts(events, photos, status.last_synced_at ? "all sent" : "nothing to send")];
  if (status.photos_to_fetch > 0) parts.push({ text: ` · ${plural(status.photos_to_fetch, "photo")} to fetch` });
  parts.push(...refusedParts(refused));
  const allSent = status.last_synced_at !== null && events + photos === 0;
  const tone: SyncTone = refused > 0 ? "warn" : allSent ? "ok" : "waiting";
  return line(tone, parts);
}
