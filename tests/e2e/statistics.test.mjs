// End to end: the list and the dashboard share one filter and agree on the count; every export
// writes a file where it says, with the SHA-256 it shows.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    // Nothing listed is marked shareable and approved: no partner sheet, and the screen says why.
    await app.click('[data-testid="export-partner"]');
    await app.waitForText('[data-testid="export-result"]', /None of the 1 cases listed may be shared[\s\S]*approved/);

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

/** The system's Save dialog (GTK here), as a person answers it: the file name field, a whole path
 * typed into it, Enter. Returns once the dialog window is gone. */
function answerSaveDialog(path) {
  const xdotool = (...args) => execFileSync("xdotool", args, { timeout: 15_000 }).toString().trim();
  const dialog = xdotool("search", "--sync", "--onlyvisible", "--name", "^Save").split("\n")[0];
  xdotool("windowfocus", "--sync", dialog);
  xdotool("key", "--clearmodifiers", "ctrl+a");
  xdotool("type", "--delay", "20", path);
  xdotool("key", "Return");
  return dialog;
}

test("an export asks where to save it in the system's Save dialog, goes there whole, and a cancel keeps nothing", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir, [], { saveDialog: true });
  const chosenFolder = mkdtempSync(join(tmpdir(), "quayside-saved-"));
  const chosen = join(chosenFolder, "for the prosecutor.pdf");
  try {
    await setUp(app, "Ana Analyst");
    await recordCase(app, { material: "rare_earth", outcome: "O4" });
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-pdf"]');
    answerSaveDialog(chosen);
    await app.waitForAttribute('[data-testid="export-result"]', "data-path", new RegExp(`^${chosen}$`));
    const path = await exportedFile(app, "pdf");
    assert.equal(path, chosen);
    assert.equal(readFileSync(chosen).subarray(0, 5).toString(), "%PDF-");
    assert.equal(statSync(chosen).mode & 0o777, 0o600, "a file with personal data is the owner's alone");
    const staged = join(dataDir, "exports");
    assert.deepEqual(existsSync(staged) ? readdirSync(staged) : [], [], "nothing stays in the exports folder");

    // The test display has no desktop session, so no file manager: "Show in folder" says where
    // the file is instead, and keeps focus on the button.
    await app.click('[data-testid="show-in-folder"]');
    const shown = await app.find('[data-testid="show-in-folder-error"]');
    assert.ok((await shown.getText()).includes(chosen), await shown.getText());
    await app.screenshot("export-saved.png");

    // Closing the dialog without a choice saves nothing and says so.
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-pdf"]');
    const dialog = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "^Save"], { timeout: 15_000 }).toString().trim().split("\n")[0];
    execFileSync("xdotool", ["windowfocus", "--sync", dialog]);
    execFileSync("xdotool", ["key", "Escape"]);
    await app.find('[data-testid="export-cancelled"]');
    assert.deepEqual(existsSync(staged) ? readdirSync(staged) : [], []);
    assert.deepEqual(readdirSync(chosenFolder), ["for the prosecutor.pdf"]);
    await app.screenshot("export-cancelled.png");
  } finally {
    await app.kill(dataDir);
  }
});
