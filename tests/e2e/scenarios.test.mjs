// End to end: an acceptance scenario entered through the case file as an inspector enters it,
// and the flags the case shows. Antimony cast inside plastic mannequins: undeclared controlled
// material, commingled within the declared line; the sample handed to the lab breaks no chain.
import assert from "node:assert/strict";
import { test } from "node:test";
import { By } from "selenium-webdriver";
import { freshDataDir, launch, setUp } from "./app.mjs";

const entry = (section, n) => `[data-section="${section}"] [data-item="${n}"]`;

/** Fills a box of `scope` (a text box, or a select given `{ choose: true }`) and waits for the save. */
async function fill(app, scope, field, value, { tag = "input" } = {}) {
  if (tag === "select") await app.choose(`${scope} select[data-field="${field}"]`, value);
  else await app.type(`${scope} ${tag}[data-field="${field}"]`, value, { leave: true });
  await app.waitSaved(scope, field);
}

/** Chooses the entry offered as `name` in a link box of `scope`. */
async function link(app, scope, field, name) {
  const box = await app.find(`${scope} select[data-field="${field}"]`);
  await app.reveal(box);
  const options = await box.findElements(By.css("option"));
  const names = await Promise.all(options.map((o) => o.getText()));
  const at = names.indexOf(name);
  assert.ok(at > 0, `${name} is offered: ${names.join(" | ")}`);
  await options[at].click();
  await app.waitSaved(scope, field);
}

async function shownFlags(app) {
  const flags = await app.all('[data-testid="flags"] [data-flag]');
  return Promise.all(flags.map((f) => f.getAttribute("data-flag")));
}

test("antimony cast inside declared mannequins raises the undeclared and commingling flags only", async () => {
  const app = await launch(freshDataDir());
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "MXZLO");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^MXZLO-/);

    await fill(app, "", "declared_description", "Plastic full-body display mannequins", { tag: "textarea" });
    await fill(app, "", "declared_hs_code", "9618.00");
    await fill(app, "", "declared_quantity", "400 pcs");
    await fill(app, "", "declared_weight", "6000 kg");
    await fill(app, "", "declared_origin", "CN");

    for (const [n, place, role] of [
      [0, "CNNGB", "origin"],
      [1, "MXZLO", "destination"],
    ]) {
      await app.click('[data-testid="add-route"]');
      await fill(app, entry("route", n), "leg_locode", place);
      await fill(app, entry("route", n), "leg_role", role, { tag: "select" });
      await fill(app, entry("route", n), "leg_basis", "declared", { tag: "select" });
    }

    const line = entry("declared_lines", 0);
    await app.click('[data-testid="add-declared_lines"]');
    await fill(app, line, "line_description", "Plastic full-body display mannequins", { tag: "textarea" });
    await fill(app, line, "line_hs_code", "9618.00");
    await fill(app, line, "line_quantity", "400 pcs");
    await fill(app, line, "line_weight", "6000 kg");

    const mannequins = entry("goods_found", 0);
    await app.click('[data-testid="add-goods_found"]');
    await fill(app, mannequins, "goods_description", "Plastic display mannequins", { tag: "textarea" });
    await link(app, mannequins, "goods_declared_line", "Declared line 1: Plastic full-body display mannequins");
    await fill(app, mannequins, "goods_hs_code", "9618.00");
    await fill(app, mannequins, "goods_quantity", "400 pcs");
    await fill(app, mannequins, "goods_weight", "4200 kg");

    const ingots = entry("goods_found", 1);
    await app.click('[data-testid="add-goods_found"]');
    await fill(app, ingots, "goods_description", "Antimony ingots cast in resin inside the torsos", { tag: "textarea" });
    await link(app, ingots, "goods_declared_line", "Declared line 1: Plastic full-body display mannequins");
    await fill(app, ingots, "goods_hs_code", "8110.10");
    await fill(app, ingots, "goods_material", "antimony", { tag: "select" });
    await fill(app, ingots, "goods_form", "ingot", { tag: "select" });
    await fill(app, ingots, "goods_weight", "1800 kg");

    const concealment = entry("concealments", 0);
    await app.click('[data-testid="add-concealments"]');
    await fill(app, concealment, "concealment_method", "C3", { tag: "select" });
    await fill(app, concealment, "concealment_location", "Inside the torsos of 320 mannequins");

    // The sample leaves sealed for the lab: nobody holds it until it is handed over.
    const sample = entry("samples", 0);
    await app.click('[data-testid="add-samples"]');
    await fill(app, sample, "sample_seal", "SB-MX-0112");
    await fill(app, sample, "sample_method", "xrf", { tag: "select" });
    await app.waitForText('[data-testid="flags"] [data-flag="custody_break"]', /Sample SB-MX-0112: nobody is recorded/);
    await app.type(`${sample} [data-testid="custody-from"]`, "Ines Inspector");
    await app.type(`${sample} [data-testid="custody-to"]`, "Customs laboratory");
    await app.type(`${sample} [data-testid="custody-place"]`, "Manzanillo customs laboratory");
    await app.type(`${sample} [data-testid="custody-condition"]`, "bag SB-MX-0112 sealed");
    await app.click(`${sample} [data-testid="custody-save"]`);
    await app.waitForAttribute(`${sample} [data-testid="custody-chain"]`, "data-holder", /^Customs laboratory$/);

    await app.waitForText('[data-testid="flags"] [data-flag="commingling"]', /1,?800 kg of Antimony found within declared line 1 \(Plastic full-body display mannequins, 6,?000 kg\)/);
    await app.waitForText('[data-testid="flags"] [data-flag="controlled_undeclared"]', /Antimony/);
    await app.driver.wait(async () => (await shownFlags(app)).length === 2, 5000).catch(() => undefined);
    assert.deepEqual((await shownFlags(app)).sort(), ["commingling", "controlled_undeclared"]);
    await app.reveal(await app.find('[data-testid="flags"]'));
    await app.screenshot("scenario-mannequins.png");
  } catch (e) {
    await app.screenshot("failure-scenario-mannequins.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
