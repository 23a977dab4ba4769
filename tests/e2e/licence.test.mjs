// End to end: goods declared under a control-list entry without an export licence raise the flag
// naming the entry, the outcome they point to is offered (and recorded only when the person takes
// it), and recording the licence clears the flag.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { freshDataDir, launch, setUp } from "./app.mjs";

/** Open a case at Shanghai declaring tungsten metal (8101.94) with no licence. */
async function undeclaredLicenceCase(app) {
  await app.click('[data-testid="new-case"]');
  await app.type('[data-testid="new-case-port"]', "cn sha");
  await app.click('[data-testid="new-case-create"]');
  await app.waitForText('[data-testid="case-number"]', /^CNSHA-/);
  await app.type('input[data-field="declared_hs_code"]', "8101.94", { leave: true });
  await app.waitSaved("", "declared_hs_code");
}

test("controlled goods without a licence are flagged, the outcome only suggested", async () => {
  const app = await launch(freshDataDir());
  try {
    await setUp(app, "Ines Inspector");
    await undeclaredLicenceCase(app);
    await app.waitForText('[data-testid="control-list"]', /control list 1/);
    await app.waitForText(
      '[data-testid="flags"] [data-flag="controlled_without_licence"]',
      /Tungsten: ores, metal, oxides, carbides and tungstates \(entry CN-2025-10-1C117\.d of control list 1\)/,
    );
    await app.waitForText('[data-testid="suggested-outcome"]', /Detained pending lab result or licence/);
    const outcome = await app.find('select[data-field="outcome_code"]');
    assert.equal(await outcome.getAttribute("value"), "", "suggested, not set");
    await app.screenshot("licence-flag.png");

    await app.click('[data-testid="use-suggested-outcome"]');
    await app.waitForValue('select[data-field="outcome_code"]', "O3");
    await app.waitSaved("", "outcome_code");
    assert.equal((await app.all('[data-testid="use-suggested-outcome"]')).length, 0, "taken: nothing more to offer");

    await app.type('input[data-field="export_licence_number"]', "EL-2026-0417", { leave: true });
    await app.waitSaved("", "export_licence_number");
    await app.waitForText('[data-testid="flags"]', /No discrepancy flags/);
    assert.equal((await app.all('[data-testid="suggested-outcome"]')).length, 0);

    // An expiry before the inspection brings the flag back, saying why.
    await app.type('input[data-field="export_licence_valid_until"]', "2020-01-31", { leave: true });
    await app.waitSaved("", "export_licence_valid_until");
    await app.waitForText(
      '[data-testid="flags"] [data-flag="controlled_without_licence"]',
      /EL-2026-0417 was valid until 2020-01-31, before the inspection/,
    );
    await app.screenshot("licence-expired.png");
  } finally {
    await app.quit();
  }
});

test("in Spanish, the suggestion and its button fit a 1024x640 window and full HD", async () => {
  const dataDir = freshDataDir();
  writeFileSync(join(dataDir, "language"), "es");
  const app = await launch(dataDir);
  try {
    await setUp(app, "Inés Inspectora");
    await undeclaredLicenceCase(app);
    await app.waitForText('[data-testid="suggested-outcome"]', /Retenido pendiente|decisión es suya/);
    for (const [name, size] of [
      ["1024", { width: 1024, height: 640 }],
      ["1920", { width: 1920, height: 1080 }],
    ]) {
      await app.driver.manage().window().setRect(size);
      const flags = await app.find('[data-testid="flags"]');
      await app.driver.executeScript((el) => el.scrollIntoView({ block: "start" }), flags);
      const button = await app.find('[data-testid="use-suggested-outcome"]');
      const rect = await button.getRect();
      const width = await app.driver.executeScript(() => window.innerWidth);
      assert.ok(rect.x + rect.width <= width, `the button fits at ${name}: ${JSON.stringify(rect)}`);
      assert.ok(rect.height >= 24, `the button is a target: ${rect.height}`);
      await app.screenshot(`licence-suggested-es-${name}.png`);
    }
  } finally {
    await app.quit();
  }
});
