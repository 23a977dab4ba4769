// End to end: the real app, a real SQLite file, a real window.
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { freshDataDir, launch, setUp, relaunch, passphraseOf } from "./app.mjs";

const goods = '[data-section="goods_found"] [data-item="0"]';
const line = '[data-section="declared_lines"] [data-item="0"]';
const unit = (n) => `[data-section="units"] [data-item="${n}"]`;

test("an inspector records a case, the app is killed, and everything is there after a relaunch", async () => {
  const dataDir = freshDataDir();
  let app = await launch(dataDir);
  let caseNumber;
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "nl rtm");
    await app.click('[data-testid="new-case-create"]');
    caseNumber = await app.waitForText('[data-testid="case-number"]', /^NLRTM-\d{4}-[0-9A-Z]{6}-0001$/);

    // A wrong check digit is named as you type, and nothing is saved.
    await app.type('input[data-field="container_number"]', "CSQU3054384");
    await app.waitForText('[data-testid="note-container_number"]', /should be 3/);
    await app.waitForText('[data-testid="state-container_number"]', /draft, not saved/);
    // Corrected: confirmed and saved.
    await app.type('input[data-field="container_number"]', "csqu 305438 3");
    await app.waitForText('[data-testid="note-container_number"]', /check digit 3 is correct/);
    await app.waitSaved("", "container_number");

    await app.type('input[data-field="declared_hs_code"]', "3810.10", { leave: true });
    await app.waitSaved("", "declared_hs_code");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");

    await app.click('[data-testid="add-declared_lines"]');
    await app.type(`${line} textarea[data-field="line_description"]`, "Solder paste in tins", { leave: true });
    await app.type(`${line} input[data-field="line_weight"]`, "1000 kg", { leave: true });
    await app.waitSaved(line, "line_weight");

    await app.click('[data-testid="add-goods_found"]');
    await app.type(`${goods} input[data-field="goods_hs_code"]`, "2805.30", { leave: true });
    await app.waitForText(`${goods} [data-testid="note-goods_hs_code"]`, /watchlist/);
    await app.type(`${goods} input[data-field="goods_weight"]`, "1450 kg", { leave: true });
    await app.waitSaved(goods, "goods_weight");
    await app.choose(`${goods} select[data-field="goods_material"]`, "rare_earth");
    await app.waitSaved(goods, "goods_material");

    await app.waitForText('[data-testid="flags"] [data-flag="controlled_undeclared"]', /Rare-earth/);
    await app.waitForText('[data-testid="flags"] [data-flag="weight_discrepancy"]', /1,?450 kg.*1,?000 kg/);

    // Found within the declared paste, chosen by the line's name: the rare earth is hidden in
    // line 1, which is not a difference in the paste's weight.
    const link = await app.find(`${goods} select[data-field="goods_declared_line"]`);
    await app.reveal(link);
    const choices = await link.findElements(By.css("option"));
    const names = await Promise.all(choices.map((o) => o.getText()));
    const chosen = names.indexOf("Declared line 1: Solder paste in tins");
    assert.ok(chosen > 0, `the paste is offered by name: ${names.join(" | ")}`);
    await choices[chosen].click();
    await app.waitSaved(goods, "goods_declared_line");
    await app.waitForText('[data-testid="flags"] [data-flag="commingling"]', /1,?450 kg of Rare-earth.*declared line 1 \(Solder paste in tins, 1,?000 kg\)/);
    await app.driver.wait(async () => (await app.all('[data-testid="flags"] [data-flag="weight_discrepancy"]')).length === 0, 5000);
    await app.reveal(link);
    await app.screenshot("goods-declared-line.png");

    // The load went on in two units: the container, and a parcel whose number is checked as a
    // postal item's (a wrong S10 check digit is named with the right one). The goods were found
    // in the parcel, chosen by the unit's name.
    await app.click('[data-testid="add-units"]');
    await app.choose(`${unit(0)} select[data-field="unit_kind"]`, "container");
    await app.waitSaved(unit(0), "unit_kind");
    await app.type(`${unit(0)} input[data-field="unit_number"]`, "CSQU3054383", { leave: true });
    await app.waitSaved(unit(0), "unit_number");
    await app.click('[data-testid="add-units"]');
    await app.choose(`${unit(1)} select[data-field="unit_kind"]`, "postal");
    await app.waitSaved(unit(1), "unit_kind");
    await app.type(`${unit(1)} input[data-field="unit_number"]`, "RR123456784CN");
    await app.waitForText(`${unit(1)} [data-testid="note-unit_number"]`, /should be 5/);
    await app.type(`${unit(1)} input[data-field="unit_number"]`, "rr 123456785 cn", { leave: true });
    await app.waitSaved(unit(1), "unit_number");
    const inUnit = await app.find(`${goods} select[data-field="goods_unit"]`);
    await app.reveal(inUnit);
    const units = await inUnit.findElements(By.css("option"));
    const unitNames = await Promise.all(units.map((o) => o.getText()));
    const parcel = unitNames.indexOf("Unit 2: Postal item RR123456785CN");
    assert.ok(parcel > 0, `the parcel is offered by name: ${unitNames.join(" | ")}`);
    await units[parcel].click();
    await app.waitSaved(goods, "goods_unit");
    await app.reveal(inUnit);
    await app.screenshot("goods-unit.png");

    // Half-typed when the power goes: kept as a draft.
    await app.type('input[data-field="imo_number"]', "9074720");
    await app.waitForText('[data-testid="state-imo_number"]', /draft, not saved/);

    await app.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
    const shot = await app.screenshot("case-detail.png");
    assert.ok(statSync(shot).size > 10_000, "the screenshot holds a rendered page");
  } catch (e) {
    await app.screenshot("failure-first-run.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }

  app = await relaunch(dataDir, "Ines Inspector");
  try {
    // No sign-in again, the case is listed with its flags.
    await app.waitForText('[data-testid="case-row"]', new RegExp(caseNumber));
    const row = await app.textOf('[data-testid="case-row"]');
    assert.match(row, /CSQU3054383/);
    assert.match(row, /Controlled material undeclared/);
    // Search as you type: by a word of the declared goods, then by something in no case.
    await app.type('[data-testid="case-search"]', "solder");
    await app.waitForText('[data-testid="case-row"]', new RegExp(caseNumber));
    // By the parcel's number, as any unit's.
    await app.type('[data-testid="case-search"]', "RR123456785CN");
    await app.waitForText('[data-testid="case-row"]', new RegExp(caseNumber));
    await app.type('[data-testid="case-search"]', 'ceramic "tiles');
    await app.waitForText(".empty", /No cases match/);
    await app.type('[data-testid="case-search"]', "");
    await app.click('[data-testid="case-row"] [data-testid="open-case"]');

    await app.waitForValue('input[data-field="container_number"]', "CSQU3054383");
    await app.waitForValue(`${goods} input[data-field="goods_hs_code"]`, "2805.30");
    await app.waitForValue('input[data-field="imo_number"]', "9074720");
    await app.waitForText('[data-testid="note-imo_number"]', /should be 9/);

    const timeline = await app.textOf('[data-testid="timeline"]');
    assert.match(timeline, /Container number \(ISO 6346\): CSQU3054383/);
    assert.match(timeline, /Goods found 1 · HS code found: 2805\.30/);
    assert.match(timeline, /Goods found 1 · Found within or in place of: Declared line 1/);
    assert.match(timeline, /Goods found 1 · Found in unit: Unit 2/);
    assert.match(timeline, /Ines Inspector \(Inspector\)/);
    assert.doesNotMatch(timeline, /CSQU3054384/, "the invalid number was never recorded");
  } catch (e) {
    await app.screenshot("failure-relaunch.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

test("a database file that is not a database is reported, not crashed on", async () => {
  const dataDir = freshDataDir();
  const db = join(dataDir, "quayside.sqlite3");
  writeFileSync(db, "these are not the bytes of a database ".repeat(200));
  const app = await launch(dataDir);
  try {
    // Without keys, a file that is not a database cannot be told from an encrypted one whose keys
    // are gone: the app says so and offers a fresh set-up, which moves the file aside.
    const message = await app.waitForText('[data-testid="set-up"] [role="alert"]', /not a case database/);
    assert.match(message, /quayside\.sqlite3/);
    assert.ok(existsSync(db), "the file is left as it was");
  } finally {
    await app.quit();
  }
});

test("a case can be opened and filled from the keyboard alone", async () => {
  const app = await launch(freshDataDir());
  try {
    await app.type('[data-testid="user-name"]', "Kim Keyboard");
    const secret = passphraseOf("Kim Keyboard");
    await app.driver.actions().sendKeys(Key.TAB, secret, Key.TAB, secret, Key.ENTER).perform();
    // The recovery key screen: the box to tick has the focus, then Continue.
    await app.find('[data-testid="recovery-key"]');
    await app.driver.actions().sendKeys(Key.SPACE, Key.TAB, Key.ENTER).perform();
    await app.find('[data-testid="new-case"]');
    await app.driver.actions().keyDown(Key.CONTROL).sendKeys("n").keyUp(Key.CONTROL).perform();
    await app.find('[data-testid="new-case-port"]');
    await app.driver.actions().sendKeys("mxzlo", Key.ENTER).perform();
    await app.waitForText('[data-testid="case-number"]', /^MXZLO-/);

    // The cursor waits in the first empty field; Tab moves on and saves what was typed.
    await app.driver.wait(
      async () => (await app.driver.executeScript("return document.activeElement.dataset.field")) === "legal_basis",
      10_000,
    );
    await app.driver.actions().sendKeys("Customs Act art. 12", Key.TAB).perform();
    await app.waitSaved("", "legal_basis");
    const timeline = await app.textOf('[data-testid="timeline"]');
    assert.match(timeline, /Legal basis: Customs Act art\. 12/);
  } catch (e) {
    await app.screenshot("failure-keyboard.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
