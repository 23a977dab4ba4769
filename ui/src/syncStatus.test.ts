// Unit tests of the sync status wording (syncStatus.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { ApiError, LoopState, SyncReport, SyncStatus } from "./bindings";
import { describeReport, describeSync, progressText, retryIn } from "./syncStatus";
import { useCatalogue } from "./testCatalogue";

const NOW = new Date(2026, 10, 28, 18, 0);
const AT_14_02 = new Date(2026, 10, 28, 14, 2).toISOString();

const idleLoop: LoopState = {
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

function status(over: Partial<SyncStatus> = {}, loop: Partial<LoopState> = {}): SyncStatus {
  return {
    account: { username: "anna", role: "inspector", ports: ["NLRTM"], personal_data: false },
    server: "https://sync.example:8640",
    activity: { ...idleLoop, ...loop },
    last_synced_at: AT_14_02,
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

// JSON brings the u64 as a number, whatever the generated type says.
const seconds = (n: number) => n as unknown as bigint;

describe("describeSync", () => {
  it("asks to sign in when signed out, whatever the loop last said", () => {
    const line = describeSync(status({ account: null, events_waiting: 4 }, { last_error: { key: "error.server_failed", args: {} }, offline: true }), NOW);
    expect(line.text).toBe("Not syncing: sign in to a server");
    expect(line).toMatchObject({ tone: "idle", signedIn: false, needsSignIn: true, syncing: false, eventsWaiting: 4 });
  });

  it("says offline, what waits and when it retries", () => {
    const line = describeSync(
      status({ events_waiting: 12, photos_waiting: 3 }, { offline: true, last_error: { key: "error.offline", args: { server: { kind: "text", value: "https://sync.example" }, detail: { kind: "text", value: "timed out" } } }, attempts: 3, next_attempt_in_s: seconds(8) }),
      NOW,
    );
    expect(line.text).toBe("Offline · 12 events, 3 photos waiting · retry in 8s");
    expect(line).toMatchObject({ tone: "warn", eventsWaiting: 12, photosWaiting: 3 });
  });

  it("counts singulars and long waits in minutes", () => {
    const line = describeSync(status({ events_waiting: 1 }, { offline: true, next_attempt_in_s: BigInt(240) }), NOW);
    expect(line.text).toBe("Offline · 1 event waiting · retry in 4 min");
    expect(describeSync(status({}, { offline: true }), NOW).text).toBe("Offline · nothing waiting");
  });

  it("shows the phase and progress while syncing", () => {
    const line = describeSync(status({ events_waiting: 500 }, { syncing: true, progress: { phase: "pushing", done: 120, total: 500 } }), NOW);
    expect(line.text).toBe("Syncing… pushing 120/500");
    expect(line).toMatchObject({ tone: "busy", syncing: true });
    expect(describeSync(status({}, { syncing: true, progress: { phase: "pulling", done: 40, total: 0 } }), NOW).text).toBe("Syncing… pulling 40");
    expect(describeSync(status({}, { syncing: true }), NOW).text).toBe("Syncing…");
  });

  it("says all sent after a sync with nothing waiting", () => {
    const line = describeSync(status(), NOW);
    expect(line.text).toBe("Synced 14:02 · all sent");
    expect(line.tone).toBe("ok");
  });

  it("names the events and photos still waiting after a sync", () => {
    expect(describeSync(status({ events_waiting: 3 }), NOW).text).toBe("Synced 14:02 · 3 events waiting");
    const both = describeSync(status({ events_waiting: 3, photos_waiting: 2, photos_to_fetch: 1 }), NOW);
    expect(both.text).toBe("Synced 14:02 · 3 events, 2 photos waiting · 1 photo to fetch");
    expect(both).toMatchObject({ tone: "waiting", eventsWaiting: 3, photosWaiting: 2 });
    expect(describeSync(status({ photos_waiting: 1 }), NOW).text).toBe("Synced 14:02 · 1 photo waiting");
  });

  it("shows the date of a sync on another day", () => {
    const yesterday = new Date(2026, 10, 27, 9, 30).toISOString();
    expect(describeSync(status({ last_synced_at: yesterday }), NOW).text).toBe("Synced 2026-11-27 09:30 · all sent");
  });

  it("says not synced yet before the first sync", () => {
    const line = describeSync(status({ last_synced_at: null, events_waiting: 2 }), NOW);
    expect(line.text).toBe("Not synced yet · 2 events waiting");
    expect(line.tone).toBe("waiting");
  });

  it("asks to sign in again when the device or user was revoked", () => {
    const line = describeSync(
      status({ events_waiting: 5 }, { last_error: { key: "error.sign_in_again", args: {} }, last_error_code: "unauthorized", retries_by_itself: false, attempts: 1 }),
      NOW,
    );
    expect(line.text).toBe(
      "Sign in again: The server no longer accepts this device's sign-in (signed out, unused for too long, or the account was changed): sign in again",
    );
    expect(line).toMatchObject({ tone: "bad", needsSignIn: true, signedIn: true });
  });

  it("shows other errors with the next attempt", () => {
    const line = describeSync(
      status({}, { last_error: { key: "error.server_failed", args: {} }, last_error_code: "internal", next_attempt_in_s: seconds(30) }),
      NOW,
    );
    expect(line.text).toBe("Sync failed: The sync server failed on its side. Nothing here is lost; sync retries by itself. · retry in 30s");
    // The loop's error, worded in the reader's language.
    useCatalogue("zh-CN");
    const zh = describeSync(status({}, { last_error: { key: "error.server_failed", args: {} }, last_error_code: "internal", next_attempt_in_s: null }), NOW);
    expect(zh.text).toContain("同步服务器自身出现故障");
    expect(line.needsSignIn).toBe(false);
  });

  it("shows the error of a sync run without the loop, in the reader's words", () => {
    const last_error: ApiError = {
      code: "refused",
      text: { key: "error.sync_protocol", args: { detail: { kind: "text", value: "odd" } } },
      message: "The server answered something odd",
      field: null,
    };
    const line = describeSync(status({ activity: null, last_error }), NOW);
    expect(line.text).toBe(
      "Sync failed: The server answered something this version does not understand (odd). Sync retries later; if it persists, update the app.",
    );
    expect(line.tone).toBe("bad");
  });

  it("counts the events the server refused", () => {
    const refusal = { event_id: "e1", device_seq: 7, reason: { key: "refusal.port_not_worked", args: {} }, reason_english: "not your port", refused_at: AT_14_02 };
    const line = describeSync(status({ refused: [refusal, { ...refusal, event_id: "e2", device_seq: 8 }] }), NOW);
    expect(line.text).toBe("Synced 14:02 · all sent · 2 events refused");
    expect(line).toMatchObject({ tone: "warn", refused: 2 });
    const offline = describeSync(status({ refused: [refusal] }, { offline: true }), NOW);
    expect(offline.text).toBe("Offline · nothing waiting · 1 event refused");
  });
});

describe("retryIn", () => {
  it("reads seconds, minutes and now", () => {
    expect(retryIn(0)).toBe("retrying now");
    expect(retryIn(59)).toBe("retry in 59s");
    expect(retryIn(300)).toBe("retry in 5 min");
  });
});

describe("progressText", () => {
  it("names every phase", () => {
    expect(progressText({ phase: "uploading_photos", done: 1, total: 4 })).toBe("Syncing… uploading photos 1/4");
    expect(progressText({ phase: "downloading_photos", done: 0, total: 2 })).toBe("Syncing… downloading photos 0/2");
    expect(progressText({ phase: "connecting", done: 0, total: 0 })).toBe("Syncing… connecting");
  });
});

describe("describeReport", () => {
  const report: SyncReport = {
    pushed: 3,
    duplicates: 0,
    quarantined: 0,
    pulled: 1,
    summaries: 0,
    photos_uploaded: 0,
    photos_downloaded: 0,
    photo_problems: [],
    event_bytes_sent: 0,
    event_bytes_received: 0,
    bytes_sent: 0,
    bytes_received: 0,
  };

  it("says what was sent and received, and photos and refusals only when there were any", () => {
    expect(describeReport(report)).toBe("sent 3 events · received 1 event");
    expect(describeReport({ ...report, photos_uploaded: 2, quarantined: 1 })).toBe(
      "sent 3 events · received 1 event · photos 2 up, 0 down · 1 refused",
    );
    expect(describeReport({ ...report, summaries: 12 })).toBe(
      "sent 3 events · received 1 event · 12 case summaries from other ports",
    );
  });
});

describe("in another language", () => {
  it("words the line in the reader's language, with its plural rules", () => {
    useCatalogue("es");
    expect(describeSync(status({ events_waiting: 1, photos_waiting: 2 }, { offline: true }), NOW).text).toBe(
      "Sin conexión · 1 evento, 2 fotos en espera",
    );
    useCatalogue("zh-CN");
    expect(describeSync(status({ events_waiting: 3 }), NOW).text).toBe("已于 14:02 同步 · 3 个事件待发送");
    useCatalogue("th");
    expect(retryIn(300)).toBe("ลองใหม่ใน 5 นาที");
  });
});
