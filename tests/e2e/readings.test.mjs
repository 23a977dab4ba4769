// End to end: an analyser's CSV export imported into a case's readings, its columns confirmed in
// the mapping step, and the flag it raises against the declaration.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, setUp } from "./app.mjs";

const VANTA = [
  "Reading No,Time,Instrument Serial,Ga,Ga +/-,Sn,Sn +/-,Pb,Pb +/-",
  "1,2026-11-28 10:02:11,VNT-804211,38.2,0.4,41.75,0.31,12.1,0.2",
  "2,2026-11-28 10:03:40,VNT-804211,<LOD,,62.5,0.5,36.1,0.3",
].join("\n");

test("an analyser export is imported into a sample's readings and flags gallium in solder paste", async () => {
  const app = await launch(freshDataDir());
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "cn sha");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^CNSHA-/);
    await app.type('input[data-field="declared_hs_code"]', "3810.10", { leave: true });
    await app.waitSaved("", "declared_hs_code");
    await app.click('[data-testid="add-samples"]');
    await app.choose('[data-section="samples"] [data-item="0"] select[data-field="sample_method"]', "xrf");
    await app.waitSaved('[data-section="samples"] [data-item="0"]', "sample_method");

    // The file as a person would choose it: the input's files set, and its change announced.
    const input = await app.find('[data-testid="readings-import-file"]');
    await app.driver.executeScript(
      (el, text) => {
        const files = new DataTransfer();
        files.items.add(new File([text], "vanta.csv", { type: "text/csv" }));
        el.files = files.files;
        el.dispatchEvent(new Event("change", { bubbles: true }));
      },
      input,
      VANTA,
    );
    await app.waitForText('[data-testid="readings-import"]', /vanta\.csv: 2 readings/);
    const gallium = await app.find('[data-testid="readings-import-column-3"]');
    assert.equal(await gallium.getAttribute("value"), "element:Ga");
    await app.reveal(await app.find('[data-testid="readings-import-run"]'));
    await app.screenshot("readings-import-mapping.png");
    await app.click('[data-testid="readings-import-run"]');
    await app.waitForText('[data-testid="readings-import-done"]', /5 readings added/);
    await app.waitForText('[data-testid="flags"] [data-flag="analyser_controlled"]', /38\.2 % Ga in sample 1/);
    await app.screenshot("readings-imported.png");
  } finally {
    await app.quit();
  }
});
