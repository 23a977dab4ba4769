// End to end: an inspector's case is synced and the evidence check shows it proven in the server's
// log; the case's evidence bundle, checked by quayside-check on its own, verifies; then the server
// is rolled back to an older copy of its data, and the next sync and the evidence check say so.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { firstStart, freshDataDir, newCase, root, synced } from "./app.mjs";
import { SERVER, SyncServer } from "./server.mjs";

const CHECK = process.env.QUAYSIDE_CHECK ?? join(root, "target/debug/quayside-check");

/** quayside-check's exit code and what it printed. */
function check(args) {
  try {
    return { code: 0, out: execFileSync(CHECK, args, { encoding: "utf8" }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

test("synced evidence is proven, its bundle verifies offline, and a rolled-back server is reported", async () => {
  const server = await SyncServer.create([["ines", "inspector", "NLRTM"]]);
  let app;
  try {
    app = await firstStart(freshDataDir(), "Ines Inspector", "ines", "inspector", server);
    const caseNumber = await newCase(app, "NLRTM");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await synced(app);

    // The bundle: written where the app says, with the SHA-256 it shows, and verified offline.
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-bundle"]');
    await app.waitForText('[data-testid="export-result"]', /Saved to .*evidence.*\.zip/);
    const result = await app.find('[data-testid="export-result"]');
    const path = await result.getAttribute("data-path");
    assert.equal(createHash("sha256").update(readFileSync(path)).digest("hex"), await result.getAttribute("data-sha256"));
    const bundle = check(["--bundle", path]);
    assert.equal(bundle.code, 0, bundle.out);
    assert.match(bundle.out, new RegExp(`^verified: case ${caseNumber}, 2 events from 1 devices, 0 photos`, "m"));
    // Against the key the bundle names, the check says it is not anchored...
    assert.match(bundle.out, /^2 of 2 events proven in the server's log, by the server key the bundle itself names .*NOT ANCHORED/m);
    // ...and against the server's own key, obtained from its operator, it is.
    const key = execFileSync(SERVER, ["--data-dir", server.dataDir, "key"], { encoding: "utf8" }).trim();
    const anchored = check(["--bundle", path, "--server-key", key]);
    assert.equal(anchored.code, 0, anchored.out);
    assert.match(anchored.out, new RegExp(`^2 of 2 events proven in the server's log \\(server key ${key}, as given\\)$`, "m"));

    // The evidence screen: verified, and proven on the server.
    await app.click('[data-testid="open-cases"]');
    await app.click('[data-testid="check-evidence"]');
    await app.waitForText('[data-testid="evidence-verdict"]', /^Verified: 2 events from 1 device, 0 photos\./);
    await app.waitForText('[data-testid="evidence-server"]', /Every synced event is proven to be in the server's log/);

    // The server's data is copied now, the log grows, then the copy is put back (a rollback
    // nobody declared). The next sync says the log shrank, and so does the evidence screen.
    await server.stop();
    const copy = join(tmpdir(), `quayside-server-copy-${process.pid}`);
    cpSync(server.dataDir, copy, { recursive: true });
    await server.start();
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
    await synced(app);
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    cpSync(copy, server.dataDir, { recursive: true });
    await server.start();
    await app.click('[data-testid="open-cases"]');
    await app.waitForText('[data-testid="sync-state"]', /truncated or rolled back/);
    await app.click('[data-testid="check-evidence"]');
    const alert = await app.waitForText('[data-testid="evidence-alert"]', /truncated or rolled back/);
    assert.match(alert, /report/i);
  } catch (e) {
    await app?.screenshot("failure-evidence.png").catch(() => undefined);
    throw e;
  } finally {
    if (app) await app.quit();
    await server.stop();
  }
});
