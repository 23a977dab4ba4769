// End to end: a handheld barcode scanner at the container door. It types as a keyboard does, a
// burst of keystrokes ending in Enter (WebDriver sends them the same way, with no pause between):
// each scan into a seal list's scan box adds a seal holding the number, and the box keeps the
// cursor for the next; a number the field refuses adds nothing and says why. A sample bag's label,
// printed in the case file's PDF, scanned into the case list's search opens its case. The camera
// reads codes as well (WebKit's mock camera shows none: it says so).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations } from "./a11y.mjs";

const BOX = '[data-testid="scan-seals"] input';

async function scan(app, text) {
  const box = await app.find(BOX);
  await box.sendKeys(text + Key.ENTER);
}

test("each scan into the seals' scan box adds a seal with the number, ready for the next", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await newCase(app, "CNSZX");
    await app.driver.executeScript('document.querySelector("[data-testid=scan-seals]").scrollIntoView({ block: "center" })');
    await app.click(BOX);
    await scan(app, "CN1234567");
    await app.waitForValue('[data-section="seals"] [data-item="0"] input[data-field="seal_number"]', "CN1234567");
    await scan(app, "CN1234568");
    await app.waitForValue('[data-section="seals"] [data-item="1"] input[data-field="seal_number"]', "CN1234568");
    await app.waitForText('[data-testid="scan-seals"] [data-testid="scan-note"]', /Seal CN1234568 added/);
    // The cursor stayed in the box, emptied for the next scan.
    const still = await app.driver.executeScript('return document.activeElement === document.querySelector(arguments[0]) && document.activeElement.value === ""', BOX);
    assert.ok(still, "the scan box keeps the cursor, empty");

    // A label the scanner misread into 201 characters: refused, nothing added.
    await scan(app, "9".repeat(201));
    await app.waitForText('[data-testid="scan-seals"] [data-testid="scan-note"]', /200/);
    assert.equal((await app.all('[data-section="seals"] input[data-field="seal_number"]')).length, 2);
    assert.deepEqual(await axeViolations(app), []);
    await app.screenshot("scan-seals.png");

    // The camera reads codes too: WebKit's mock camera shows none, and says so.
    await app.click('[data-testid="scan-seals"] [data-testid="scan-camera"]');
    await app.find('[data-testid="camera-preview"][data-ready="true"]');
    await app.click('[data-testid="camera-read"]');
    await app.waitForText('[data-testid="camera-shots"]', /No code found in that picture/);
    await app.screenshot("scan-camera.png");
    await app.click('[data-testid="camera-done"]');
    assert.equal((await app.all('[data-section="seals"] input[data-field="seal_number"]')).length, 2);

    // A sample bag sealed and scanned in; its label printed in the case file.
    const caseNumber = await app.textOf('[data-testid="case-number"]');
    const sampleBox = await app.find('[data-testid="scan-samples"] input');
    await sampleBox.sendKeys("S-000871" + Key.ENTER);
    await app.waitForValue('[data-section="samples"] [data-item="0"] input[data-field="sample_seal"]', "S-000871");
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-pdf"]');
    const result = await app.find('[data-testid="export-result"]');
    await app.driver.wait(async () => (await result.getAttribute("data-path")) !== null, 15_000);
    const pdf = await result.getAttribute("data-path");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"]).toString("utf8");
    const label = text.match(/QSB1:\S+/)?.[0];
    assert.ok(label?.startsWith(`QSB1:${caseNumber}:S`), `a sample bag label in the PDF: ${label}`);

    // Back at the list, the bag's label scanned into the search opens its case.
    await app.click('[data-testid="case-back"]');
    const search = await app.find('[data-testid="case-search"]');
    await search.sendKeys(label + Key.ENTER);
    await app.waitForText('[data-testid="case-number"]', new RegExp(`^${caseNumber}$`));
    // A misread label opens nothing and says so.
    await app.click('[data-testid="case-back"]');
    const misread = label.slice(0, -1) + (label.endsWith("0") ? "1" : "0");
    await (await app.find('[data-testid="case-search"]')).sendKeys(misread + Key.ENTER);
    await app.waitForText('[data-testid="case-search-label-error"]', /not a Quayside bag label/);
  } catch (e) {
    await app.screenshot("failure-scan.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
