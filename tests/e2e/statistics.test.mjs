// End to end: the list and the dashboard share one filter and agree on the count; every export
// writes a file where it says, with the SHA-256 it shows.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { freshDataDir, launch, setUp } from "./app.mjs";

const goods = '[data-section="goods_found"] [data-item="0"]';

async function recordCase(app, { material, outcome }) {
  await app.click('[data-testid="open-cases"]');
  await app.click('[data-testid="new-case"]');
  await app.type('[data-testid="new-case-port"]', "NLRTM");
  await app.click('[data-testid="new-case-create"]');
  const caseNumber = await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
  if (material) {
    await app.click('[data-testid="add-goods_found"]');
    await app.type(`${goods} input[data-field="goods_weight"]`, "1450 kg", { leave: true });
    await app.waitSaved(goods, "goods_weight");
    await app.choose(`${goods} select[data-field="goods_material"]`, material);
    await app.waitSaved(goods, "goods_material");
  }
  await app.choose('select[data-field="outcome_code"]', outcome);
  await app.waitSaved("", "outcome_code");
  return caseNumber;
}

/** The export shown on screen: the file is there, and its bytes hash to the SHA-256 shown. */
async function exportedFile(app, extension) {
  const result = await app.waitForText('[data-testid="export-result"]', new RegExp(`Saved to .*\\.${extension}`));
  const el = await app.find('[data-testid="export-result"]');
  const path = await el.getAttribute("data-path");
  const sha256 = await el.getAttribute("data-sha256");
  assert.match(result, new RegExp(sha256));
  assert.equal(createHash("sha256").update(readFileSync(path)).digest("hex"), sha256);
  return path;
}

test("the dashboard follows the list's filters, counts what the list counts, and exports", async () => {
  const app = await launch(freshDataDir());
  try {
    await setUp(app, "Ana Analyst");
    const seized = await recordCase(app, { material: "rare_earth", outcome: "O4" });
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-pdf"]');
    const pdf = await exportedFile(app, "pdf");
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
    const released = await recordCase(app, { material: null, outcome: "O1" });

    await app.click('[data-testid="open-cases"]');
    await app.waitForText('[data-testid="page-label"]', /^1–2 of 2$/);
    await app.click('[data-testid="open-statistics"]');
    await app.waitForAttribute('[data-testid="stats-total"]', "data-total", /^2$/);
    // Each chart's numbers, labelled from the reference data (cells are read one by one: WebKit
    // runs a row's cells together in its text).
    const row = (chart, key) => `[data-testid="${chart}"] tr[data-key="${key}"]`;
    await app.waitForText(`${row("stats-by-material", "rare_earth")} th`, /^Rare-earth metals and compounds$/);
    await app.waitForAttribute(row("stats-by-material", "rare_earth"), "data-cases", /^1$/);
    await app.waitForText(`${row("stats-by-material", "rare_earth")} td:last-child`, /^1,450 kg$/);
    await app.waitForText(`${row("stats-by-outcome", "O4")} th`, /^O4 Seized$/);
    await app.waitForAttribute(row("stats-by-outcome", "O4"), "data-cases", /^1$/);
    await app.waitForText(`${row("stats-by-outcome", "O1")} th`, /^O1 Released, no irregularity$/);
    await app.click('[data-testid="stats-period-week"]');
    await app.waitForText('[data-testid="stats-over-time"] tbody th', /^\d{4}-W\d\d$/);
    await app.waitForAttribute('[data-testid="stats-over-time"] tbody tr', "data-cases", /^2$/);
    await app.screenshot("statistics.png");

    // Narrowed on the dashboard, narrowed in the list too.
    await app.choose('[data-testid="filter-material"]', "rare_earth");
    await app.waitForAttribute('[data-testid="stats-total"]', "data-total", /^1$/);
    await app.click('[data-testid="export-shared-stats"]');
    await exportedFile(app, "xlsx");
    await app.click('[data-testid="open-cases"]');
    await app.waitForText('[data-testid="page-label"]', /^1–1 of 1$/);
    await app.waitForText('[data-testid="case-row"]', new RegExp(seized));
    await app.waitForValue('[data-testid="filter-material"]', "rare_earth");
    await app.click('[data-testid="export-csv"]');
    const csv = readFileSync(await exportedFile(app, "csv"), "utf8");
    assert.match(csv, new RegExp(seized));
    assert.doesNotMatch(csv, new RegExp(released), "the export follows the filter");
    await app.click('[data-testid="export-xlsx"]');
    await exportedFile(app, "xlsx");

    // A country that is not two letters is marked, not applied.
    await app.type('[data-testid="filter-country"]', "CHN");
    await app.waitForAttribute('[data-testid="filter-country"]', "aria-invalid", /^true$/);
    await app.waitForText('[data-testid="page-label"]', /^1–1 of 1$/);
  } catch (e) {
    await app.screenshot("failure-statistics.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
