// End to end: the app opens locked. A person sets the device up, records a case and leaves a draft
// half typed; the app locks on Ctrl+L and by itself after the idle time, and unlocking (after a
// wrong passphrase is refused) shows the draft as it was. A second person unlocks with their own
// passphrase and is the author of what they record. Afterwards no file in the data folder shows a
// name or number typed into the case.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { freshDataDir, launch, passphraseOf, setUp, unlock } from "./app.mjs";

const IDLE_SECONDS = 8;
const VESSEL = "ZQX PLANTED VESSEL";
const DRAFT = "CSQU3054384";

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the app locks on demand and when idle, unlocks with the draft intact, and hides every name on disk", async () => {
  const dataDir = freshDataDir();
  let app = await launch(dataDir, ["--idle-lock-seconds", String(IDLE_SECONDS)]);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
    await app.type('input[data-field="vessel_name"]', VESSEL, { leave: true });
    await app.waitSaved("", "vessel_name");
    // Half typed (a wrong check digit): a draft, not saved.
    await app.type('input[data-field="container_number"]', DRAFT);
    await app.waitForText('[data-testid="state-container_number"]', /draft, not saved/);

    // Ctrl+L locks at once; the case is hidden behind the lock screen.
    await app.driver.actions().keyDown(Key.CONTROL).sendKeys("l").keyUp(Key.CONTROL).perform();
    await app.find('[data-testid="unlock"]');
    const hidden = await app.driver.executeScript(
      "return document.querySelector('.workspace').hasAttribute('inert')",
    );
    assert.equal(hidden, true, "the screens under the lock take no input");
    await app.screenshot("lock-screen.png");

    // A wrong passphrase is refused and says so; the right one brings the draft back as it was.
    await app.type('[data-testid="passphrase"]', "not the passphrase");
    await app.click('[data-testid="unlock-submit"]');
    await app.waitForText('[data-testid="unlock-error"]', /passphrase/i);
    await unlock(app, "Ines Inspector");
    await app.waitForValue('input[data-field="container_number"]', DRAFT);
    await app.waitForText('[data-testid="state-container_number"]', /draft, not saved/);

    // Left alone past the idle time, it locks by itself; unlocking keeps the draft again.
    await app.driver.wait(
      async () => (await app.all('[data-testid="unlock"]')).length > 0,
      (IDLE_SECONDS + 10) * 1000,
      "no idle lock",
    );
    await unlock(app, "Ines Inspector");
    await app.waitForValue('input[data-field="container_number"]', DRAFT);

    // A colleague is added, and unlocks with their own passphrase: their edits carry their name.
    await app.click('[data-testid="open-device-settings"]');
    await app.type('[data-testid="person-name"]', "Ivan Inspector");
    await app.typeExactly('[data-testid="person-passphrase"]', passphraseOf("Ivan Inspector"));
    await app.click('[data-testid="person-add"]');
    await app.waitForText('[data-testid="device-settings"] p[role="status"]', /Ivan Inspector can now unlock/);
    await app.click('[data-testid="close-device-settings"]');
    await app.click('[data-testid="lock-now"]');
    await unlock(app, "Ivan Inspector");
    await app.type('input[data-field="voyage"]', "123W", { leave: true });
    await app.waitSaved("", "voyage");
    await app.waitForText('[data-testid="timeline"]', /Ivan Inspector/);
  } catch (e) {
    await app.screenshot("failure-lock.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }

  // Nothing typed into the case, nor the people's names, can be read from any file on disk.
  const planted = [VESSEL, "Ines Inspector", "Ivan Inspector", "123W"];
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    for (const text of planted) {
      for (const encoding of ["utf8", "utf16le"]) {
        assert.equal(bytes.indexOf(Buffer.from(text, encoding)), -1, `${file} shows "${text}" (${encoding})`);
      }
    }
  }
});
