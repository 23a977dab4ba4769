// End to end: goods found are sealed as evidence and handed on; the chain shows who holds them,
// and a handover by someone who did not hold the item is flagged. A sample is handed to the lab
// through the same form.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, setUp } from "./app.mjs";

const goods = '[data-section="goods_found"] [data-item="0"]';
const evidence = '[data-section="evidence"] [data-item="0"]';
const sample = '[data-section="samples"] [data-item="0"]';

test("goods sealed as evidence change hands, and a break in the chain is flagged", async () => {
  const app = await launch(freshDataDir());
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);

    await app.click('[data-testid="add-goods_found"]');
    await app.type(`${goods} textarea[data-field="goods_description"]`, "Gallium ingots in paste tins", { leave: true });
    await app.waitSaved(goods, "goods_description");
    await app.click(`${goods} [data-testid="evidence-from-goods"]`);
    await app.waitForValue(`${evidence} textarea[data-field="evidence_description"]`, "Gallium ingots in paste tins");
    await app.waitForText(`${evidence} [data-testid="custody-chain"]`, /Nobody is recorded as holding this item/);
    await app.waitForText('[data-testid="flags"] [data-flag="custody_break"]', /nobody is recorded/);

    // Nobody holds it yet, so nobody is filled in as handing it over: refused with what is
    // missing, said beside each empty box, and what was typed stays.
    await app.type(`${evidence} [data-testid="custody-to"]`, "Sam Keeper");
    await app.type(`${evidence} [data-testid="custody-condition"]`, "seal EV-1 intact");
    await app.click(`${evidence} [data-testid="custody-save"]`);
    await app.waitForText(`${evidence} [data-testid="custody-from-note"]`, /Fill this in to record the handover/);
    await app.waitForText(`${evidence} [data-testid="custody-place-note"]`, /Fill this in/);
    await app.waitForAttribute(`${evidence} [data-testid="custody-from"]`, "aria-invalid", /^true$/);
    await app.waitForValue(`${evidence} [data-testid="custody-to"]`, "Sam Keeper");
    // A handover later than now is refused beside the time box.
    await app.type(`${evidence} [data-testid="custody-at"]`, "2099-01-01 10:00");
    await app.click(`${evidence} [data-testid="custody-save"]`);
    await app.waitForText(`${evidence} [data-testid="custody-at-note"]`, /in the future|later than now/i);
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    await app.type(
      `${evidence} [data-testid="custody-at"]`,
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`,
    );

    await app.type(`${evidence} [data-testid="custody-from"]`, "Ines Inspector");
    await app.type(`${evidence} [data-testid="custody-place"]`, "Rotterdam evidence store");
    await app.click(`${evidence} [data-testid="custody-save"]`);
    await app.waitForText(`${evidence} [data-testid="custody-row"]`, /Ines Inspector → Sam Keeper, Rotterdam evidence store/);
    await app.waitForAttribute(`${evidence} [data-testid="custody-chain"]`, "data-holder", /^Sam Keeper$/);
    assert.equal((await app.all('[data-testid="flags"] [data-flag="custody_break"]')).length, 0, "the chain holds");

    // Handed on by someone who was not holding it: flagged, naming both.
    await app.type(`${evidence} [data-testid="custody-from"]`, "Someone Else");
    await app.type(`${evidence} [data-testid="custody-to"]`, "Forensic Lab");
    await app.type(`${evidence} [data-testid="custody-place"]`, "Lab intake");
    await app.type(`${evidence} [data-testid="custody-condition"]`, "intact");
    await app.click(`${evidence} [data-testid="custody-save"]`);
    await app.waitForText('[data-testid="flags"] [data-flag="custody_break"]', /Sam Keeper held it.*Someone Else handed it/);
    await app.screenshot("custody.png");

    // A sample sealed for the lab is evidence too: nobody holds it until it is handed over.
    await app.click('[data-testid="add-samples"]');
    await app.type(`${sample} input[data-field="sample_seal"]`, "SB-0042", { leave: true });
    await app.waitSaved(sample, "sample_seal");
    await app.waitForText(`${sample} [data-testid="custody-chain"]`, /Nobody is recorded as holding this item/);
    await app.waitForText('[data-testid="flags"] [data-flag="custody_break"]', /Sample SB-0042: nobody is recorded/);
    await app.type(`${sample} [data-testid="custody-from"]`, "Ines Inspector");
    await app.type(`${sample} [data-testid="custody-to"]`, "Customs laboratory");
    await app.type(`${sample} [data-testid="custody-place"]`, "Quay 4");
    await app.type(`${sample} [data-testid="custody-condition"]`, "bag SB-0042 sealed");
    await app.click(`${sample} [data-testid="custody-save"]`);
    await app.waitForText(`${sample} [data-testid="custody-row"]`, /Ines Inspector → Customs laboratory, Quay 4/);
    await app.waitForAttribute(`${sample} [data-testid="custody-chain"]`, "data-holder", /^Customs laboratory$/);
    const breaks = await app.textOf('[data-testid="flags"] [data-flag="custody_break"]');
    assert.doesNotMatch(breaks, /Sample/, "the sample's chain holds");
    await app.reveal(await app.find(`${sample} [data-testid="custody-chain"]`));
    await app.screenshot("custody-sample.png");
  } finally {
    await app.quit();
  }
});
