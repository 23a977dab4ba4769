// Which sync status changes are said to a screen reader user, and how urgently.
import { beforeEach, describe, expect, it } from "vitest";
import type { LoopState, SyncReport, SyncStatus } from "./bindings";
import { syncAnnouncement } from "./announcer";
import { useCatalogue } from "./testCatalogue";

const NOW = new Date(2026, 10, 28, 18, 0);
const at = (h: number, m: number) => new Date(2026, 10, 28, h, m).toISOString();

const loop: LoopState = {
  syncing: false,
  progress: null,
  last_error: null,
  last_error_code: null,
  offline: false,
  revoked: false,
  revocation_pending: false,
  retries_by_itself: true,
  attempts: 0,
  next_attempt_in_s: null,
  last_report: null,
};

const report = (pushed: number, pulled = 0): SyncReport => ({
  pushed,
  duplicates: 0,
  summaries: 0,
  quarantined: 0,
  pulled,
  photos_uploaded: 0,
  photos_downloaded: 0,
  photo_problems: [],
  event_bytes_sent: 0,
  event_bytes_received: 0,
  bytes_sent: 0,
  bytes_received: 0,
});

function status(over: Partial<SyncStatus> = {}, activity: Partial<LoopState> = {}): SyncStatus {
  return {
    account: { username: "anna", role: "inspector", ports: ["NLRTM"], personal_data: false },
    server: "https://sync.example:8640",
    activity: { ...loop, ...activity },
    last_synced_at: at(14, 2),
    events_waiting: 0,
    photos_waiting: 0,
    photos_to_fetch: 0,
    refused: [],
    last_error: null,
    revoked: false,
    revocation_pending: false,
    ...over,
  };
}

beforeEach(() => useCatalogue("en"));

describe("syncAnnouncement", () => {
  it("says nothing for the first status read", () => {
    expect(syncAnnouncement(null, status(), NOW)).toBeNull();
  });

  it("says a sync that moved something, politely, with its time", () => {
    const before = status({ events_waiting: 2, last_synced_at: at(13, 50) });
    expect(syncAnnouncement(before, status({}, { last_report: report(2) }), NOW)).toEqual({ text: "Synced 14:02 · all sent", assertive: false });
  });

  it("says nothing for a background sync that exchanged nothing, nor for progress", () => {
    const before = status({ last_synced_at: at(13, 50) }, { last_report: report(0) });
    expect(syncAnnouncement(before, status({}, { last_report: report(0) }), NOW)).toBeNull();
    const progress = { phase: "pushing" as const, done: 1, total: 3 };
    expect(syncAnnouncement(status({}, { syncing: true, progress }), status({}, { syncing: true, progress: { ...progress, done: 2 } }), NOW)).toBeNull();
  });

  it("says going offline once, politely", () => {
    const offline = status({ events_waiting: 3 }, { offline: true });
    const said = syncAnnouncement(status(), offline, NOW);
    expect(said).toEqual({ text: "Offline · 3 events waiting", assertive: false });
    expect(syncAnnouncement(offline, { ...offline, events_waiting: 4 }, NOW)).toBeNull();
  });

  it("says being back after trouble, even when nothing moved", () => {
    const offline = status({ last_synced_at: at(13, 0) }, { offline: true });
    expect(syncAnnouncement(offline, status({}, { last_report: report(0) }), NOW)?.text).toBe("Synced 14:02 · all sent");
  });

  it("says a failure at once, and the same failure only once", () => {
    const failed = status({}, { last_error: { key: "error.server_failed", args: {} } });
    expect(syncAnnouncement(status(), failed, NOW)).toEqual({
      text: "Sync failed: The sync server failed on its side. Nothing here is lost; sync retries by itself.",
      assertive: true,
    });
    expect(syncAnnouncement(failed, failed, NOW)).toBeNull();
  });

  it("says refused events at once", () => {
    const refused = status({ refused: [{ event_id: "e1", device_seq: 4, reason: { key: "refusal.bad_signature", args: {} }, reason_english: "forged", refused_at: at(14, 2) }] });
    expect(syncAnnouncement(status(), refused, NOW)).toMatchObject({ assertive: true, text: expect.stringContaining("1 event refused") });
  });
});
