// End to end: a supervisor reviews on an inspector's laptop. The laptop is signed in to a real
// server, so the colleague added in Device settings signs in with their account there: the account
// gives their name and role, they unlock with a passphrase of their own, and the approval they make
// on the laptop is taken by the server as theirs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstStart, freshDataDir, newCase, passphraseOf, synced, unlock } from "./app.mjs";
import { axeViolations, overflow, smallTargets } from "./a11y.mjs";
import { PASSWORD, SyncServer } from "./server.mjs";

const SMALL = { width: 1024, height: 640 };
const LARGE = { width: 1280, height: 800 };

test("a supervisor added with their server account unlocks an inspector's laptop and approves there", async () => {
  const server = await SyncServer.create([
    ["ines", "inspector", "NLRTM"],
    ["sam", "supervisor", "NLRTM"],
  ]);
  const dataDir = freshDataDir();
  const app = await firstStart(dataDir, "Ines Inspector", "ines", "inspector", server);
  try {
    const caseNumber = await newCase(app, "NLRTM");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.click('[data-testid="review-go-submit"]');
    await app.click('[data-testid="case-submit-confirm"]');
    await app.waitForText('[data-testid="case-state"]', /^Waiting for review$/);

    // Signed in to a server, the form asks for the colleague's account there.
    await app.click('[data-testid="open-device-settings"]');
    await app.find('[data-testid="person-server-password"]');
    await app.driver.executeScript('document.querySelector("[data-testid=person-name]").scrollIntoView({ block: "center" });');
    for (const [size, name] of [[SMALL, "1024"], [LARGE, "1280"]]) {
      await app.driver.manage().window().setRect(size);
      await app.screenshot(`device-person-server-${name}.png`);
      const wide = await overflow(app);
      assert.ok(wide.widest <= wide.width, `${name}: ${JSON.stringify(wide)}`);
    }
    assert.deepEqual(await axeViolations(app), []);
    assert.deepEqual(await smallTargets(app, 24), []);
    // In Spanish, the longest of the app's languages, at the small size.
    await app.driver.manage().window().setRect(SMALL);
    await app.choose('[data-testid="language"]', "es");
    await app.waitForText('[data-testid="device-settings"]', /Su nombre de usuario en el servidor|Su contraseña en el servidor/);
    await app.driver.executeScript('document.querySelector("[data-testid=person-name]").scrollIntoView({ block: "center" });');
    await app.screenshot("device-person-server-es-1024.png");
    const wideEs = await overflow(app);
    assert.ok(wideEs.widest <= wideEs.width, `es: ${JSON.stringify(wideEs)}`);
    await app.choose('[data-testid="language"]', "en");
    await app.waitForText('[data-testid="device-settings"]', /Their user name on the server/);

    // Ines, who set the laptop up, makes a new recovery key: shown once, here.
    await app.typeExactly('[data-testid="recovery-key-passphrase"]', "not her passphrase");
    await app.click('[data-testid="make-recovery-key"]');
    await app.waitForText("#recovery-error", /passphrase/i);
    await app.typeExactly('[data-testid="recovery-key-passphrase"]', passphraseOf("Ines Inspector"));
    await app.click('[data-testid="make-recovery-key"]');
    await app.waitForText('[data-testid="new-recovery-key"]', /^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    await app.driver.executeScript('document.querySelector("[data-testid=new-recovery-key]").scrollIntoView({ block: "center" });');
    await app.screenshot("device-new-recovery-key-1024.png");

    // A wrong server password is refused and says so; nobody is added.
    await app.type('[data-testid="person-name"]', "sam");
    await app.typeExactly('[data-testid="person-server-password"]', "not his password");
    await app.typeExactly('[data-testid="person-passphrase"]', passphraseOf("sam"));
    await app.click('[data-testid="person-add"]');
    await app.waitForText('#person-error', /user name or password/i);
    await app.typeExactly('[data-testid="person-server-password"]', PASSWORD);
    await app.click('[data-testid="person-add"]');
    await app.waitForText('[data-testid="device-settings"] p[role="status"]', /sam can now unlock/);
    await app.click('[data-testid="close-device-settings"]');

    // Sam unlocks with his own passphrase and is a supervisor here: the queue and Approve are his.
    await app.click('[data-testid="lock-now"]');
    await unlock(app, "sam");
    await app.waitForText('[data-testid="who"]', /sam/);
    await app.click('[data-testid="open-review-queue"]');
    await app.waitForText('[data-testid="queue-row"]', new RegExp(caseNumber));
    await app.click('[data-testid="queue-row"] [data-testid="open-queued-case"]');
    await app.click('[data-testid="approve-case"]');
    await app.click('[data-testid="approve-confirm"]');
    await app.waitForText('[data-testid="review-state"]', /^Approved by sam at /);
    await synced(app);
    // Nothing of the laptop's is set aside by the server.
    assert.equal(await (await app.find('[data-testid="sync-refused-count"]')).getAttribute("data-count"), "0");
    await app.screenshot("people-approved-on-laptop.png");
  } catch (e) {
    await app.screenshot("failure-people.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
    await server.stop();
  }
});
