// End to end: an analyst links cases across ports. An inspector at Shenzhen records a container;
// an analyst who also works Rotterdam records the same container there, and after a sync sees
// the Shenzhen case in "Seen in other cases" and in the case's network, as a summary from another
// port that cannot be opened. Checked with axe and looked at in Spanish, the longest language,
// at 1024x640 and at full HD.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, newCase, setUp, synced } from "./app.mjs";
import { axeViolations, overflow } from "./a11y.mjs";
import { PASSWORD, SyncServer } from "./server.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };

async function signedIn(dataDir, name, server, role) {
  const app = await launch(dataDir);
  await setUp(app, name);
  await app.click('[data-testid="open-sync-settings"]');
  await app.type('[data-testid="sync-server"]', server.url);
  await app.type('[data-testid="sync-username"]', name.split(" ")[0].toLowerCase());
  await app.type('[data-testid="sync-password"]', PASSWORD);
  await app.click('[data-testid="sync-sign-in"]');
  await app.waitForText('[data-testid="sync-account"]', role);
  await app.click('[data-testid="close-sync-settings"]').catch(() => undefined);
  return app;
}

async function containerCase(app, port) {
  const number = await newCase(app, port);
  await app.type('input[data-field="container_number"]', "CSQU 305438 3", { leave: true });
  await app.waitSaved("", "container_number");
  return number;
}

test("an analyst sees another port's case naming the same container, as a summary in the case and its network", async () => {
  const server = await SyncServer.create([
    ["wei", "inspector", "CNSZX"],
    ["ana", "analyst", "NLRTM"],
  ]);
  let app;
  try {
    app = await signedIn(freshDataDir(), "Wei Inspector", server, /inspector/i);
    const shenzhen = await containerCase(app, "CNSZX");
    await synced(app);
    await app.quit();

    app = await signedIn(freshDataDir(), "Ana Analyst", server, /analyst/i);
    const rotterdam = await containerCase(app, "NLRTM");
    await synced(app);
    // Reopened after the sync: the summaries came with it.
    await app.click('[data-testid="case-back"]');
    await app.waitForText('[data-testid="case-row"]', new RegExp(rotterdam));
    await app.click('[data-testid="case-row"] [data-testid="open-case"]');
    await app.waitForText('[data-testid="related"] [data-kind="container"]', /In 1 other case/);
    const row = await app.textOf('[data-testid="related"] [data-kind="container"] [data-testid="related-summary"]');
    assert.match(row, new RegExp(`${shenzhen}[\\s\\S]*CNSZX[\\s\\S]*summary from another port`));
    // Nothing to press: the case is not held here.
    assert.equal((await app.all('[data-testid="related"] [data-testid="related-case"]')).length, 0);

    await app.click('[data-testid="open-device-settings"]');
    await app.choose('[data-testid="language"]', "es");
    await app.click('[data-testid="close-device-settings"]');
    await app.waitForText('[data-testid="related-summary"]', /resumen de otro puerto/);
    await app.driver.manage().window().setRect(SMALL);
    await app.driver.executeScript('document.querySelector("[data-testid=related-summary]").scrollIntoView({ block: "center" })');
    await app.screenshot("analyst-related-es-1024.png");
    const wide = await overflow(app);
    assert.ok(wide.widest <= wide.width, JSON.stringify(wide));
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.driver.executeScript('document.querySelector("[data-testid=related-summary]").scrollIntoView({ block: "center" })');
    await app.screenshot("analyst-related-es-1920.png");
    // The server counts that case at another port too: listed already, it is not counted again.
    assert.equal((await app.all('[data-testid="related-elsewhere"]')).length, 0);

    // The network reaches it too: chosen, the link is told, and it is said why it cannot be opened.
    await app.click('[data-testid="show-network"]');
    await app.find('[data-testid="network-graph"][data-drawn="3"]');
    await app.click('[data-testid="network-case"]');
    await app.waitForText('[data-testid="network-path"]', new RegExp(`${rotterdam} y ${shenzhen} mencionan ambos a CSQU3054383`));
    await app.find('[data-testid="network-summary-only"]');
    assert.equal((await app.all('[data-testid="network-open"]')).length, 0);
    await app.driver.manage().window().setRect(SMALL);
    await app.screenshot("analyst-network-es-1024.png");
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.screenshot("analyst-network-es-1920.png");
  } catch (e) {
    if (app) await app.screenshot("failure-analyst.png").catch(() => undefined);
    throw e;
  } finally {
    if (app) await app.quit().catch(() => undefined);
    await server.stop();
  }
});
