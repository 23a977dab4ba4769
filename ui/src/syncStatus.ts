// What the sync badge says, from a SyncStatus: pure, so every state is unit-tested without a window.
// Every word comes from the catalogue; the line is its parts joined with the catalogue's separator.
import type { LoopState, Phase, Progress, SyncErrorCode, SyncReport, SyncStatus } from "./bindings";
import { clockTime } from "./format";
import { t, formatMessage } from "./labels";

/** idle: not syncing at all; waiting: fine, but changes wait to be sent; warn: offline or refused. */
export type SyncTone = "idle" | "busy" | "ok" | "waiting" | "warn" | "bad";

export type SyncLine = {
  tone: SyncTone;
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
  connecting: "sync.phase_connecting",
  pushing: "sync.phase_pushing",
  uploading_photos: "sync.phase_uploading_photos",
  pulling: "sync.phase_pulling",
  downloading_photos: "sync.phase_downloading_photos",
};

// The token no longer works (revoked, replaced) or the password changed: retrying cannot help.
const SIGN_IN_AGAIN: SyncErrorCode[] = ["unauthorized", "bad_credentials"];

/** Parts of a line, joined as the language joins them ("Offline · 3 events waiting"). */
export function joinParts(parts: string[]): string {
  return parts.join(t("sync.separator"));
}

/** "retry in 8s", "retry in 4 min". */
export function retryIn(seconds: number): string {
  if (seconds < 1) return t("sync.retrying_now");
  if (seconds < 60) return t("sync.retry_seconds", { seconds: Math.round(seconds) });
  return t("sync.retry_minutes", { minutes: Math.round(seconds / 60) });
}

export function progressText(progress: Progress | null): string {
  if (!progress) return t("sync.syncing");
  const { done, total } = progress;
  const phase = PHASES[progress.phase] ? t(PHASES[progress.phase]) : progress.phase;
  // Pulling does not know its total in advance: then only what has come so far.
  if (total > 0) return t("sync.syncing_progress", { phase, done, total });
  if (done > 0) return t("sync.syncing_so_far", { phase, done });
  return t("sync.syncing_phase", { phase });
}

/** "3 events, 2 photos waiting", or `nothing` when none wait. */
function waiting(events: number, photos: number, nothing: string): string {
  const things: string[] = [];
  if (events > 0) things.push(t("sync.events", { count: events }));
  if (photos > 0) things.push(t("sync.photos", { count: photos }));
  return things.length ? t("sync.waiting", { things: things.join(t("sync.list_separator")) }) : nothing;
}

function retryPart(activity: LoopState | null): string[] {
  // next_attempt_in_s is a u64: typed bigint, but JSON brings a number. Number() reads either.
  if (!activity?.retries_by_itself || activity.next_attempt_in_s === null) return [];
  return [retryIn(Number(activity.next_attempt_in_s))];
}

function refusedPart(refused: number): string[] {
  return refused > 0 ? [t("sync.refused", { count: refused })] : [];
}

export function describeSync(status: SyncStatus, now: Date = new Date()): SyncLine {
  const activity = status.activity;
  const events = status.events_waiting;
  const photos = status.photos_waiting;
  const refused = status.refused.length;
  const line = (tone: SyncTone, parts: string[], needsSignIn = false): SyncLine => ({
    tone,
    text: joinParts(parts),
    signedIn: status.account !== null,
    syncing: status.account !== null && (activity?.syncing ?? false),
    needsSignIn,
    eventsWaiting: events,
    photosWaiting: photos,
    refused,
  });

  if (!status.account) return line("idle", [t("sync.not_signed_in")], true);
  if (activity?.syncing) return line("busy", [progressText(activity.progress)]);
  if (activity?.offline) {
    return line("warn", [
      t("sync.offline"),
      waiting(events, photos, t("sync.nothing_waiting")),
      ...retryPart(activity),
      ...refusedPart(refused),
    ]);
  }
  const failure = activity?.last_error ?? status.last_error?.text;
  const error = failure && formatMessage(failure);
  if (error) {
    const code = activity?.last_error_code;
    if (code && SIGN_IN_AGAIN.includes(code)) return line("bad", [t("sync.sign_in_again_because", { error })], true);
    return line("bad", [t("sync.failed", { error }), ...retryPart(activity)]);
  }

  const synced = status.last_synced_at;
  const time = synced ? clockTime(synced, now) : null;
  const parts = [
    time ? t("sync.synced", { time }) : t("sync.not_synced"),
    waiting(events, photos, synced ? t("sync.all_sent") : t("sync.nothing_to_send")),
  ];
  if (status.photos_to_fetch > 0) parts.push(t("sync.to_fetch", { count: status.photos_to_fetch }));
  parts.push(...refusedPart(refused));
  const allSent = synced !== null && events + photos === 0;
  const tone: SyncTone = refused > 0 ? "warn" : allSent ? "ok" : "waiting";
  return line(tone, parts);
}

/** The last sync's report: "sent 3 events · received 1 event · photos 2 up, 0 down". */
export function describeReport(r: SyncReport): string {
  const parts = [t("sync.report_sent", { count: r.pushed }), t("sync.report_received", { count: r.pulled })];
  if (r.photos_uploaded || r.photos_downloaded) {
    parts.push(t("sync.report_photos", { up: r.photos_uploaded, down: r.photos_downloaded }));
  }
  if (r.summaries) parts.push(t("sync.report_summaries", { count: r.summaries }));
  if (r.quarantined) parts.push(t("sync.report_refused", { count: r.quarantined }));
  return joinParts(parts);
}
