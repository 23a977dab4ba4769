// Unit tests of the evidence check's verdicts (evidence.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { Alert, RefusedEvent, ServerEvidence } from "./bindings";
import { alertLine, failures, refusedLines, serverLines, verdict, type EvidenceCheck } from "./evidence";
import { useCatalogue } from "./testCatalogue";

beforeEach(() => useCatalogue());

const server: ServerEvidence = {
  server_key: null,
  checkpoint: null,
  unproven_events: 0,
  receipts: 0,
  revoked_devices: [],
  alerts: [],
  problems: [],
};
const clean: EvidenceCheck = {
  log: { events: 12, devices: 2, problems: [], damage: [], refused: [] },
  vault: { photos_checked: 1, problems: [], not_fetched: [] },
  server,
};

describe("verdict and failures", () => {
  it("says verified with the counts when nothing failed", () => {
    expect(failures(clean)).toEqual([]);
    expect(verdict(clean)).toBe("Verified: 12 events from 2 devices, 1 photo. Every signature, device chain and photo here is as recorded.");
  });
  it("counts another device's photo not fetched yet apart, not as a failure", () => {
    const waiting: EvidenceCheck = {
      ...clean,
      vault: {
        photos_checked: 3,
        problems: [],
        not_fetched: [{ case_id: "c", case_number: "NLRTM-1", file_name: "tiles.png", sha256: "cd", problem: { key: "notice.photo_not_fetched", args: {} } }],
      },
    };
    expect(failures(waiting)).toEqual([]);
    expect(verdict(waiting)).toBe(
      "Verified: 12 events from 2 devices, 2 photos. Every signature, device chain and photo here is as recorded. 1 photo from other devices not fetched yet: the next sync brings it.",
    );
  });
  it("names the event, the photo and the server statement that failed", () => {
    const bad: EvidenceCheck = {
      log: {
        events: 12,
        devices: 2,
        problems: [{ event_id: "e-7", device_id: "0123456789abcdef", device_seq: 7, case: "NLRTM-1", what: { key: "finding.gap_one", args: { seq: { kind: "text", value: "6" } } } }],
        damage: [{ key: "finding.file_damaged", args: { detail: { kind: "text", value: "wrong # of entries in index cases_by_port" } } }],
        refused: [],
      },
      vault: {
        photos_checked: 1,
        problems: [{ case_id: "c", case_number: "NLRTM-1", file_name: "seal.jpg", sha256: "ab", problem: { key: "notice.photo_seal_broken", args: {} } }],
        not_fetched: [],
      },
      server: {
        ...server,
        problems: [
          {
            key: "finding.statement_unverified",
            args: {
              kind: { kind: "label", value: "statement.receipt" },
              at: { kind: "text", value: "2026-12-01" },
              id: { kind: "text", value: "3" },
              detail: { kind: "text", value: "the server's signature does not verify" },
            },
          },
        ],
      },
    };
    const lines = failures(bad);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^the database file is damaged: /);
    expect(lines[1]).toBe("Event e-7 (device 01234567, number 7, case NLRTM-1): gap in the device's chain: number 6 is missing");
    expect(lines[2]).toBe(
      "Photo seal.jpg of case NLRTM-1: The original's seal is broken: it was altered, cut short or replaced by another file",
    );
    expect(lines[3]).toBe("the server's receipt received 2026-12-01 (kept as statement 3) does not verify: the server's signature does not verify");
    expect(verdict(bad)).toBe("4 problems found in 12 events and 1 photo");
    expect(failures({ ...bad, log: { ...bad.log, problems: [{ ...bad.log.problems[0], case: null, device_seq: 12345 }] } })[1]).toBe(
      "Event e-7 (device 01234567, number 12345): gap in the device's chain: number 6 is missing",
    );
    // Rust's findings in the reader's language, SQLite's own words kept as they are.
    useCatalogue("zh-CN");
    const zh = failures(bad);
    expect(zh[0]).toBe("数据库文件已损坏：wrong # of entries in index cases_by_port");
    expect(zh[1]).toBe("事件 e-7（设备 01234567，序号 7，案件 NLRTM-1）：设备的链有缺口：缺少序号 6");
    expect(zh[3]).toBe("于 2026-12-01 收到的服务器回执（保存为声明 3）核验未通过：the server's signature does not verify");
    useCatalogue("th");
    expect(failures(bad)[1]).toContain("สายโซ่ของอุปกรณ์ขาดช่วง: ลำดับที่ 6 หายไป");
  });
  it("counts in the reader's language, one and many", () => {
    const one: EvidenceCheck = { ...clean, log: { ...clean.log, events: 1, devices: 1 } };
    useCatalogue("es");
    expect(verdict(one)).toBe("Verificado: 1 evento de 1 dispositivo, 1 foto. Todas las firmas, cadenas de dispositivo y fotos aquí coinciden con lo registrado.");
    expect(verdict({ ...clean, log: { ...clean.log, events: 1200 } })).toMatch(/^Verificado: 1200 eventos de 2 dispositivos, 1 foto\./);
    useCatalogue("th");
    expect(verdict(clean)).toMatch(/^ตรวจสอบแล้ว: 12 เหตุการณ์จาก 2 อุปกรณ์ ภาพถ่าย 1 ภาพ /);
    useCatalogue();
    expect(verdict({ ...clean, log: { ...clean.log, events: 12000 } })).toMatch(/^Verified: 12,000 events from 2 devices/);
  });
});

describe("serverLines", () => {
  it("says when nothing was ever synced", () => {
    expect(serverLines(server)[0]).toMatch(/Not synced with a signing server/);
  });
  it("sums up the checkpoint, proofs, receipts and revocations", () => {
    const lines = serverLines({
      ...server,
      server_key: "a1b2c3d4e5f6a7b8c9d0",
      checkpoint: { size: 40, received_at: "2026-12-01T10:00:00Z" },
      unproven_events: 2,
      receipts: 3,
      revoked_devices: [{ device_id: "feedfacecafe", last_valid_seq: 9, revoked_at: "2026-12-01T09:00:00Z" }],
    });
    expect(lines[0]).toBe("Server key a1b2c3d4e5f6a7b8…");
    expect(lines[1]).toMatch(/^Server log last checked at 40 events on .*: it only ever grew\.$/);
    expect(lines[2]).toBe("2 events not yet proven in the server's log (proven at the next sync).");
    expect(lines[3]).toBe("3 receipts from the server kept.");
    expect(serverLines({ ...server, server_key: "a1", unproven_events: 1, receipts: 1 }).slice(1)).toEqual([
      "1 event not yet proven in the server's log (proven at the next sync).",
      "1 receipt from the server kept.",
    ]);
    expect(lines[4]).toMatch(/^Device feedface was revoked on .*: its events up to number 9 stay valid\.$/);
  });
});

describe("refusedLines", () => {
  it("names each event refused at sync with its reason, apart from the failures", () => {
    const refused: RefusedEvent[] = [
        { event_id: "e-9", reason: { key: "refusal.fork", args: {} }, reason_english: "fork: device d1 already holds number 3", received_at: "2026-12-01T10:00:00Z" },
        {
          event_id: null,
          reason: { key: "refusal.unknown", args: { detail: { kind: "text", value: "the body cannot be read" } } },
          reason_english: "the body cannot be read",
          received_at: "2026-12-01T10:00:00Z",
        },
    ];
    const log = { ...clean.log, refused };
    const lines = refusedLines(log);
    expect(lines[0]).toMatch(/^Refused at sync .*: event e-9: another change holds its place in the device's record: /);
    // A reason from before codes were kept, or of a code this version does not know: as recorded.
    expect(lines[1]).toMatch(/event \(unreadable\): the body cannot be read$/);
    expect(failures({ ...clean, log })).toEqual([]);
    useCatalogue("es");
    expect(refusedLines(log)[0]).toContain("otro cambio ocupa su lugar en el registro del dispositivo");
  });
});

describe("serverLines with an alert", () => {
  it("does not say the log only grew when a sync found it truncated", () => {
    const lines = serverLines({
      ...server,
      server_key: "a1b2c3d4e5f6a7b8c9d0",
      checkpoint: { size: 40, received_at: "2026-12-01T10:00:00Z" },
      alerts: [{ at: "2026-12-01T11:00:00Z", kind: "log_inconsistent", text: { key: "alert.log_inconsistent", args: {} }, message: "the log shrank" }],
    });
    expect(lines[1]).toMatch(/see the alerts above\.$/);
    expect(lines.join(" ")).not.toMatch(/only ever grew/);
  });
  it("treats a move to another server as a notice only", () => {
    const lines = serverLines({
      ...server,
      server_key: "a1b2c3d4e5f6a7b8c9d0",
      checkpoint: { size: 4, received_at: "2026-12-01T10:00:00Z" },
      alerts: [{ at: "2026-12-01T11:00:00Z", kind: "server_changed", text: { key: "alert.server_changed", args: {} }, message: "moved" }],
    });
    expect(lines[1]).toMatch(/only ever grew/);
  });
  it("treats a declared restore as a notice only", () => {
    const lines = serverLines({
      ...server,
      server_key: "a1b2c3d4e5f6a7b8c9d0",
      checkpoint: { size: 4, received_at: "2026-12-01T10:00:00Z" },
      alerts: [{ at: "2026-12-01T11:00:00Z", kind: "new_epoch", text: { key: "alert.new_epoch", args: {} }, message: "restored" }],
    });
    expect(lines[1]).toMatch(/only ever grew/);
  });
});

describe("alertLine", () => {
  it("words an alert by its kind in the reader's language, and an unknown kind as recorded", () => {
    const alert: Alert = { at: "2026-12-01T11:00:00Z", kind: "log_inconsistent", text: { key: "alert.log_inconsistent", args: {} }, message: "the log shrank from 40 to 38" };
    expect(alertLine(alert)).toMatch(/: A sync found the server's log truncated or rolled back, or rewritten: .* report it to your supervisor\.$/);
    useCatalogue("th");
    expect(alertLine(alert)).toContain("บันทึกของเซิร์ฟเวอร์ถูกตัดทอน");
    useCatalogue("en");
    const newer: Alert = { ...alert, kind: "moon_phase", text: { key: "alert.other", args: { detail: { kind: "text", value: "the moon is full" } } } };
    expect(alertLine(newer)).toMatch(/: the moon is full$/);
  });
});
