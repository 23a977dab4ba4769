// End to end: two inspectors' apps sync through a real server process. One inspector's case
// reaches the other; both edit the same field offline; the conflict shows, is settled in the app,
// and the settlement reaches the first inspector.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, newCase, openCase, relaunch, setUp, synced } from "./app.mjs";
import { PASSWORD, SyncServer } from "./server.mjs";

async function start(dataDir, name, server) {
  const app = await launch(dataDir);
  if (name) await setUp(app, name);
  if (server) {
    await app.click('[data-testid="open-sync-settings"]');
    await app.type('[data-testid="sync-server"]', server.url);
    await app.type('[data-testid="sync-username"]', name.split(" ")[0].toLowerCase());
    await app.type('[data-testid="sync-password"]', PASSWORD);
    await app.click('[data-testid="sync-sign-in"]');
    await app.waitForText('[data-testid="sync-account"]', /inspector/i);
  }
  return app;
}

test("two inspectors sync through a server, and a conflicting edit is shown and settled", async () => {
  const server = await SyncServer.create([
    ["ines", "inspector", "NLRTM"],
    ["ivan", "inspector", "NLRTM"],
  ]);
  const [a, b] = [freshDataDir(), freshDataDir()];
  let app;
  try {
    // Ines records a case and it goes to the server.
    app = await start(a, "Ines Inspector", server);
    await app.click('[data-testid="close-sync-settings"]').catch(() => undefined);
    const caseNumber = await newCase(app, "NLRTM");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await synced(app);
    await app.quit();

    // Ivan signs in on his own laptop and receives it.
    app = await start(b, "Ivan Inspector", server);
    await app.click('[data-testid="close-sync-settings"]').catch(() => undefined);
    await openCase(app, caseNumber);
    await app.waitForValue('input[data-field="vessel_name"]', "MSC ANNA");
    await app.quit();

    // The server is out of reach; both correct the vessel name, differently.
    await server.stop();
    app = await relaunch(a, "Ines Inspector");
    await openCase(app, caseNumber);
    await app.type('input[data-field="vessel_name"]', "MSC ANNA II", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.waitForText('[data-testid="sync-state"]', /Offline/);
    await app.waitForAttribute('[data-testid="sync-waiting-events"]', "data-count", /^[1-9]/);
    await app.quit();
    app = await relaunch(b, "Ivan Inspector");
    await openCase(app, caseNumber);
    await app.type('input[data-field="vessel_name"]', "MSC ANA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.quit();

    // Back in range: Ines's edit goes up; Ivan's goes up and Ines's comes down: a conflict.
    await server.start();
    app = await relaunch(a, "Ines Inspector");
    await synced(app);
    await app.quit();
    app = await relaunch(b, "Ivan Inspector");
    await synced(app);
    await openCase(app, caseNumber);
    await app.waitForText('[data-testid="conflict-vessel_name"]', /MSC ANNA II/);
    // Both values, each with its author, the later (Ivan's) shown.
    await app.find('[data-testid="conflict-vessel_name"] button[aria-label="Keep this: MSC ANNA II (Ines Inspector)"]');
    await app.find('[data-testid="conflict-vessel_name"] button[aria-label="Keep this: MSC ANA (Ivan Inspector)"]');
    await app.waitForValue('input[data-field="vessel_name"]', "MSC ANA");
    await app.screenshot("sync-conflict.png");
    // Ivan checks the ship's papers: Ines was right.
    const keep = await app.all('[data-testid="conflict-vessel_name"] [data-testid^="keep-value-"]');
    assert.equal(keep.length, 2);
    await app.click('[data-testid="conflict-vessel_name"] button[aria-label^="Keep this: MSC ANNA II "]');
    await app.waitForValue('input[data-field="vessel_name"]', "MSC ANNA II");
    assert.equal((await app.all('[data-testid="conflict-vessel_name"]')).length, 0, "settled");
    await synced(app);
    await app.quit();

    // The settlement reaches Ines.
    app = await relaunch(a, "Ines Inspector");
    await synced(app);
    await openCase(app, caseNumber);
    await app.waitForValue('input[data-field="vessel_name"]', "MSC ANNA II");
    assert.equal((await app.all('[data-testid="conflict-vessel_name"]')).length, 0);
    await app.quit();
    app = null;
  } finally {
    if (app) await app.quit().catch(() => undefined);
    await server.stop();
  }
});
