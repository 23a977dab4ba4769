// What a screen reader is told without the cursor moving: saves, sync changes, errors. One polite
// and one assertive live region (LiveRegion.tsx) show the last message of each; any screen, or
// code outside React, announces through `announce`.
import { useSyncExternalStore } from "react";
import type { SyncStatus } from "./bindings";
import { describeSync } from "./syncStatus";

export type Announcement = { text: string; assertive: boolean; id: number };

let last: { polite: Announcement | null; assertive: Announcement | null } = { polite: null, assertive: null };
let count = 0;
const listeners = new Set<() => void>();

/** Say `text` once: politely (after what is being read), or at once for an error. */
export function announce(text: string, assertive = false): void {
  if (!text) return;
  // A new id each time, so the same words said twice ("Saved", "Saved") are read twice.
  const message = { text, assertive, id: ++count };
  last = assertive ? { ...last, assertive: message } : { ...last, polite: message };
  listeners.forEach((l) => l());
}

/** The id of the last thing said (0 before anything). */
export function currentAnnouncementId(): number {
  return count;
}

export function useAnnouncements() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
  );
}

/**
 * What a change of the sync status is worth saying, if anything: going offline, a failure (at
 * once), events refused (at once), and a sync that ended after trouble or that moved something
 * ("Synced 14:02 · all sent"). Background syncs with nothing to exchange, and progress, are not.
 */
export function syncAnnouncement(before: SyncStatus | null, after: SyncStatus, now: Date = new Date()): Omit<Announcement, "id"> | null {
  if (!before) return null;
  const was = describeSync(before, now);
  const is = describeSync(after, now);
  if (is.tone === "bad") return was.tone === "bad" && was.text === is.text ? null : { text: is.text, assertive: true };
  if (is.refused > was.refused) return { text: is.text, assertive: true };
  if (after.activity?.offline && !before.activity?.offline) return { text: is.text, assertive: false };
  if (after.last_synced_at && after.last_synced_at !== before.last_synced_at) {
    const report = after.activity?.last_report;
    const moved = report ? report.pushed + report.pulled + report.photos_uploaded + report.photos_downloaded > 0 : false;
    const recovered = was.tone === "bad" || was.tone === "warn" || !before.last_synced_at;
    if (moved || recovered) return { text: is.text, assertive: false };
  }
  return null;
}
