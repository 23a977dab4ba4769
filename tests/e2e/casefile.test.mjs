// End to end: the case file an inspector finishes at the quay. A seizure recorded by keyboard alone
// (focus lands in each new entry), sections that fold, a header that stays in view, entries named
// as groups, a move and a withdrawal each undone in one press, the first-case guide, submitting
// from the header, the read-only file after it; axe
// finds nothing on the filled file; screenshots at 1024x640 and 1280x800.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { axeViolations, overflow, smallTargets } from "./a11y.mjs";
import { freshDataDir, launch, setUp } from "./app.mjs";

const goods = (n) => `[data-section="goods_found"] [data-item="${n}"]`;
const concealment = '[data-section="concealments"] [data-item="0"]';
const party = '[data-section="parties"] [data-item="0"]';

/** What has the focus: its test id, field, tag, and the entry (group) it is in. */
const ACTIVE = `
  const el = document.activeElement;
  const group = el && el.closest('[role="group"][aria-labelledby]');
  const title = group && document.getElementById(group.getAttribute("aria-labelledby").split(" ")[0]);
  return {
    testid: el?.dataset?.testid ?? null,
    field: el?.dataset?.field ?? null,
    tag: el?.tagName ?? null,
    section: el?.closest("[data-section]")?.dataset.section ?? null,
    item: el?.closest("[data-item]")?.dataset.item ?? null,
    group: title ? title.textContent : null,
  };`;

async function active(app) {
  return app.driver.executeScript(ACTIVE);
}

/** Press keys as a person does (into whatever has the focus). */
async function press(app, ...keys) {
  await app.driver.actions().sendKeys(...keys).perform();
}

/** Tab forward until the element with `testid` has the focus; fail after `max` presses. */
async function tabTo(app, testid, max = 250) {
  for (let n = 0; n < max; n++) {
    if ((await active(app)).testid === testid) return n;
    await press(app, Key.TAB);
  }
  throw new Error(`${testid} never got the focus in ${max} presses of Tab`);
}

/** The X window gets input focus, so :focus-visible matches as it would for a person. */
function focusWindow() {
  try {
    execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--class", "quayside", "windowfocus"], { timeout: 5_000 });
  } catch {
    // Without it, the screenshots show no focus ring; the checks below do not depend on it.
  }
}

async function size(app, width, height) {
  await app.driver.manage().window().setRect({ width, height });
  await app.driver.wait(async () => (await app.driver.executeScript("return window.innerWidth")) <= width, 5_000);
}

async function shot(app, name) {
  await app.screenshot(`casefile-${name}.png`);
}

/** Where an element's top is in the window, in CSS pixels. */
const top = (app, css) => app.driver.executeScript(`return document.querySelector(arguments[0]).getBoundingClientRect().top`, css);

test("an inspector records a seizure in the case file by keyboard, folds it, submits it from the header", async () => {
  // Local storage outlives a run: a name of its own makes this the person's first case.
  const name = `Rosa Recorder ${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, name);
    focusWindow();
    await size(app, 1280, 800);
    await app.driver.actions().keyDown(Key.CONTROL).sendKeys("n").keyUp(Key.CONTROL).perform();
    await app.find('[data-testid="new-case-port"]');
    await press(app, "cnsha", Key.ENTER);
    const caseNumber = await app.waitForText('[data-testid="case-number"]', /^CNSHA-/);

    // A first case: the guide says what a seizure file needs, nothing ticked yet.
    await app.waitForAttribute('[data-testid="case-guide"]', "data-done", /^0$/);
    await app.driver.wait(async () => (await active(app)).field === "legal_basis", 10_000, "the cursor waits in the first empty field");
    await shot(app, "new-1280x800");
    await size(app, 1024, 640);
    await shot(app, "new-1024x640");

    // Two goods lines, a concealment and a party, by keyboard alone: after each Add the cursor
    // is in the new entry's first box, inside a group named after the entry.
    await tabTo(app, "add-goods_found");
    // The window has input focus, so the ring a keyboard user follows is drawn: thick, in the accent.
    const ring = await app.driver.executeScript("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth];");
    assert.deepEqual(ring, ["solid", "3px"], "the focused Add button shows its focus ring");
    await press(app, Key.ENTER);
    await app.driver.wait(async () => (await active(app)).item === "0" && (await active(app)).field === "goods_description", 10_000);
    let at = await active(app);
    assert.deepEqual([at.section, at.tag, at.group], ["goods_found", "TEXTAREA", "Goods found 1"]);
    await press(app, "Gallium ingots in solder paste tins", Key.TAB, "8112.92", Key.TAB);
    assert.equal((await active(app)).field, "goods_material");
    await press(app, Key.TAB, Key.TAB, "40 pcs", Key.TAB, "38.5 kg", Key.TAB);
    await app.waitSaved(goods(0), "goods_weight");

    await tabTo(app, "add-goods_found");
    await press(app, Key.ENTER);
    await app.driver.wait(async () => (await active(app)).item === "1", 10_000, "the second entry gets the cursor");
    at = await active(app);
    assert.deepEqual([at.field, at.group], ["goods_description", "Goods found 2"]);
    await press(app, "Germanium powder in tile adhesive bags", Key.TAB, Key.TAB, Key.TAB, Key.TAB, Key.TAB, "12 kg", Key.TAB);
    await app.waitSaved(goods(1), "goods_weight");

    await tabTo(app, "add-concealments");
    await press(app, Key.ENTER);
    await app.driver.wait(async () => (await active(app)).item === "0" && (await active(app)).section === "concealments", 10_000, "the concealment gets the cursor");
    at = await active(app);
    assert.deepEqual([at.field, at.tag, at.group], ["concealment_method", "SELECT", "Concealment 1"]);
    await press(app, Key.TAB, "Tins with a false bottom under solder paste", Key.TAB, "Rear stack, pallets 3 to 7", Key.TAB);
    await app.waitSaved(concealment, "concealment_location");
    // Codes are chosen from lists (a native list's popup is out of the driver's reach).
    await app.choose(`${concealment} select[data-field="concealment_method"]`, "C3");
    await app.waitSaved(concealment, "concealment_method");
    await app.choose(`${goods(0)} select[data-field="goods_material"]`, "gallium_germanium");
    await app.waitSaved(goods(0), "goods_material");
    await app.choose(`${goods(1)} select[data-field="goods_material"]`, "gallium_germanium");
    await app.waitSaved(goods(1), "goods_material");

    await tabTo(app, "add-parties");
    await press(app, Key.ENTER);
    await app.driver.wait(async () => (await active(app)).item === "0" && (await active(app)).section === "parties", 10_000, "the party gets the cursor");
    at = await active(app);
    assert.deepEqual([at.field, at.tag, at.group], ["party_role", "SELECT", "Party 1"]);
    await press(app, Key.TAB, Key.TAB, "Shenzhen Huaxin Trading Co.", Key.TAB);
    await app.waitSaved(party, "party_name");
    // The role is what tells parties apart: once chosen, the group is named by it.
    await app.choose(`${party} select[data-field="party_role"]`, "shipper");
    await app.waitSaved(party, "party_role");
    await app.waitForText(`${party} .item-title`, /^Party 1: Shipper$/);
    // A name is only the name: the field's state and tags are described, not named.
    const nameLabel = await app.driver.executeScript(
      `const box = document.querySelector(arguments[0]); return [box.labels[0].textContent, box.getAttribute("aria-describedby")];`,
      `${party} input[data-field="party_name"]`,
    );
    assert.equal(nameLabel[0], "Name");
    assert.match(nameLabel[1], /-state/);
    assert.match(nameLabel[1], /-personal/);

    // What is filled counts: the guide ticks the goods, the header counts what a reviewer expects.
    await app.waitForAttribute('[data-testid="case-guide"] [data-step="goods_found"]', "data-done", /^true$/);
    await app.waitForAttribute('[data-testid="case-guide"] [data-step="concealments"]', "data-done", /^true$/);
    await app.waitForAttribute('[data-testid="case-guide"] [data-step="parties"]', "data-done", /^true$/);
    await app.waitForAttribute('[data-testid="case-guide"] [data-step="declaration"]', "data-done", /^false$/);
    const done = Number(await (await app.find('[data-testid="case-completeness"]')).getAttribute("data-done"));
    const total = Number(await (await app.find('[data-testid="case-completeness"]')).getAttribute("data-total"));
    assert.ok(done > 5 && done < total, `${done} of ${total}`);

    // A message appearing under a box keeps its room: nothing below it moves.
    const gap = async () => (await top(app, '[data-testid="section-seals"]')) - (await top(app, 'input[data-field="imo_number"]'));
    const before = await gap();
    await app.type('input[data-field="imo_number"]', "12");
    await app.waitForText('[data-testid="note-imo_number"]', /\S/);
    assert.equal(await gap(), before, "the sections below did not move");
    assert.equal(await (await app.find('input[data-field="imo_number"]')).getAttribute("aria-invalid"), "true");
    await app.type('input[data-field="imo_number"]', "9074729", { leave: true });
    await app.waitSaved("", "imo_number");

    // Filled case file: screenshots, then axe, target sizes and reflow at 1024x640.
    await app.driver.executeScript(`document.querySelector('[data-testid="section-goods_found"]').scrollIntoView()`);
    await shot(app, "filled-goods-1024x640");
    assert.deepEqual(await axeViolations(app), [], "axe finds nothing on the filled case file");
    // The top bar's sync badge belongs to another screen's owner.
    const small = (await smallTargets(app, 24)).filter((t) => !/^(Not syncing|Synced|Sync)/.test(t));
    assert.deepEqual(small, [], "every target of the case file is at least 24 px");
    const layout = await app.driver.executeScript(
      `return [getComputedStyle(document.documentElement).getPropertyValue("--cf-head-h"),
               document.querySelector('[data-testid="case-head"]').getBoundingClientRect().height,
               document.querySelector(".cf-nav").getBoundingClientRect().top]`,
    );
    assert.ok(layout[2] >= layout[1], `the section menu (${layout[2]}) is below the header (${layout[1]}, ${layout[0]})`);
    const wide = await overflow(app);
    assert.ok(wide.widest <= wide.width, `the page is ${wide.widest} px wide in ${wide.width}: ${wide.offenders}`);
    await size(app, 1280, 800);
    await shot(app, "filled-goods-1280x800");
    await size(app, 1024, 640);

    // The entry's menu holds reordering and withdrawing, apart from the entry's other buttons;
    // withdrawing asks why and names the entry, and Escape closes it without leaving the case.
    await app.click(`${goods(1)} [data-testid="entry-actions"]`);
    await app.find(`${goods(1)} [data-testid="move-up"]`);
    await shot(app, "entry-menu-1024x640");
    await app.click(`${goods(1)} [data-testid="move-up"]`);
    await app.waitForValue(`${goods(0)} textarea[data-field="goods_description"]`, "Germanium powder in tile adhesive bags");
    // Now first, it cannot go up: the cursor stays in its menu, on the way back down.
    await app.driver.wait(async () => (await active(app)).testid === "move-down", 5_000, "the cursor stays in the moved entry's menu");
    await press(app, Key.ESCAPE);
    await app.driver.wait(async () => (await active(app)).testid === "entry-actions", 5_000, "Escape closes the menu onto its button");
    await app.find('[data-testid="case-detail"]');
    await app.click(`${goods(1)} [data-testid="entry-actions"]`);
    await app.click(`${goods(1)} [data-testid="withdraw-start"]`);
    assert.equal((await active(app)).testid, "withdraw-reason", "the reason box has the cursor");
    assert.equal(await (await app.find(`${goods(1)} [data-testid="withdraw-confirm"]`)).isEnabled(), false, "no withdrawal without a reason");
    await shot(app, "withdraw-1024x640");
    await press(app, Key.ESCAPE);
    assert.equal((await app.all(`${goods(1)} [data-testid="withdraw-reason"]`)).length, 0, "Escape cancels");
    await app.find('[data-testid="case-detail"]');

    // A move or a withdrawal is taken back with one press, from a notice beside the entry that
    // stays until the case changes again (the move up above is still offered).
    const noticeText = (n) => app.textOf(`${goods(n)} .entry-notice-text`);
    assert.equal(await noticeText(0), "Goods found 1 moved up.");
    await app.click(`${goods(0)} [data-testid="entry-actions"]`);
    await app.click(`${goods(0)} [data-testid="move-down"]`);
    await app.waitForValue(`${goods(1)} textarea[data-field="goods_description"]`, "Germanium powder in tile adhesive bags");
    await app.waitForText(`${goods(1)} .entry-notice-text`, /^Goods found 2 moved down\.$/);
    assert.equal((await app.all('[data-testid="entry-notice"]')).length, 1, "only the last step is offered");
    await app.waitForText('[data-testid="live-polite"]', /Goods found 2 moved down\./);
    await press(app, Key.ESCAPE);
    await shot(app, "moved-notice-1024x640");
    const undoSize = await app.driver.executeScript(
      `const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.width, r.height];`,
      `${goods(1)} [data-testid="entry-undo"]`,
    );
    assert.ok(undoSize[0] >= 44 && undoSize[1] >= 44, `Undo is ${undoSize} px`);
    await app.click(`${goods(1)} [data-testid="entry-undo"]`);
    await app.waitForValue(`${goods(0)} textarea[data-field="goods_description"]`, "Germanium powder in tile adhesive bags");
    await app.waitForValue(`${goods(1)} textarea[data-field="goods_description"]`, "Gallium ingots in solder paste tins");
    await app.driver.wait(async () => (await active(app)).item === "0" && (await active(app)).section === "goods_found", 5_000, "the cursor goes to the entry moved back");
    assert.equal((await app.all('[data-testid="entry-notice"]')).length, 0, "nothing left to undo");
    await app.waitForText('[data-testid="live-polite"]', /Goods found 1 moved back\./);

    await app.click(`${goods(1)} [data-testid="entry-actions"]`);
    await app.click(`${goods(1)} [data-testid="withdraw-start"]`);
    await press(app, "entered on the wrong case", Key.ENTER);
    await app.waitForText(`${goods(1)} .entry-notice-text`, /^Goods found 2 withdrawn\.$/);
    assert.equal((await app.all(`${goods(1)} textarea`)).length, 0, "withdrawn: no boxes");
    await app.driver.wait(async () => (await active(app)).item === "1", 5_000, "the cursor stays with the withdrawn entry");
    await app.driver.executeScript(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" })`, goods(1));
    await shot(app, "withdrawn-notice-1024x640");
    assert.deepEqual(await axeViolations(app), [], "axe finds nothing with the notice shown");
    await app.click(`${goods(1)} [data-testid="entry-undo"]`);
    await app.waitForValue(`${goods(1)} textarea[data-field="goods_description"]`, "Gallium ingots in solder paste tins");
    await app.waitForValue(`${goods(1)} input[data-field="goods_weight"]`, "38.5 kg");
    await app.driver.wait(async () => (await active(app)).item === "1" && (await active(app)).field === "goods_description", 5_000, "the cursor goes to the restored entry");
    await app.waitForText('[data-testid="live-polite"]', /Goods found 2 restored\./);

    // Withdrawn and the notice closed, the entry can still be restored later.
    await app.click(`${goods(1)} [data-testid="entry-actions"]`);
    await app.click(`${goods(1)} [data-testid="withdraw-start"]`);
    await press(app, "entered on the wrong case", Key.ENTER);
    await app.click(`${goods(1)} [data-testid="entry-notice-close"]`);
    assert.equal((await app.all('[data-testid="entry-notice"]')).length, 0);
    await app.click(`${goods(1)} [data-testid="restore-item"]`);
    await app.waitForValue(`${goods(1)} input[data-field="goods_weight"]`, "38.5 kg");
    const history = await app.textOf('[data-testid="timeline"]');
    assert.match(history, /Goods found 2: withdrawn: entered on the wrong case → restored/);

    // Sections fold and unfold, by their heading and from the section menu.
    const fold = '[data-testid="fold-declaration"]';
    await app.click(fold);
    await app.waitForAttribute(fold, "aria-expanded", /^false$/);
    assert.equal(await (await app.find('input[data-field="declaration_number"]')).isDisplayed(), false);
    await press(app, Key.ENTER);
    await app.waitForAttribute(fold, "aria-expanded", /^true$/);
    assert.equal(await (await app.find('input[data-field="declaration_number"]')).isDisplayed(), true);
    await app.click('[data-testid="fold-all"]');
    await app.waitForAttribute('[data-testid="fold-parties"]', "aria-expanded", /^false$/);
    await app.driver.executeScript("window.scrollTo(0, 0)");
    await shot(app, "folded-1024x640");
    await app.click('[data-testid="nav-parties"]');
    await app.waitForAttribute('[data-testid="fold-parties"]', "aria-expanded", /^true$/);
    // The cursor moves a frame after the part unfolds: waited for, not read at once.
    await app.driver.wait(async () => (await active(app)).testid === "fold-parties", 5_000, "the menu takes the cursor to the section");
    await app.click('[data-testid="unfold-all"]');
    await app.waitForAttribute('[data-testid="fold-declaration"]', "aria-expanded", /^true$/);

    // Sealing goods as evidence opens the evidence part, folded or not, at the new bag's number.
    await app.click('[data-testid="fold-evidence"]');
    await app.waitForAttribute('[data-testid="fold-evidence"]', "aria-expanded", /^false$/);
    await app.click(`${goods(0)} [data-testid="evidence-from-goods"]`);
    await app.driver.wait(async () => (await active(app)).field === "evidence_number", 10_000, "the new evidence item's number gets the cursor");
    at = await active(app);
    assert.deepEqual([at.section, at.group], ["evidence", "Evidence item 1"]);
    await app.waitForAttribute('[data-testid="fold-evidence"]', "aria-expanded", /^true$/);
    await press(app, "EV-0001", Key.TAB);
    await app.waitForText('[data-section="evidence"] [data-item="0"] .item-title', /^Evidence item 1: EV-0001$/);
    // A handover with boxes left empty: each says so beside itself, tied to its box.
    const bag = '[data-section="evidence"] [data-item="0"]';
    await app.type(`${bag} [data-testid="custody-place"]`, "");
    await app.click(`${bag} [data-testid="custody-save"]`);
    await app.waitForText(`${bag} [data-testid="custody-place-note"]`, /Fill this in to record the handover/);
    assert.equal(await (await app.find(`${bag} [data-testid="custody-place"]`)).getAttribute("aria-invalid"), "true");
    assert.equal((await active(app)).testid, "custody-from", "the cursor goes to the first box to fill");
    await app.driver.executeScript(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" })`, `${bag} [data-testid="custody-chain"]`);
    await shot(app, "custody-1024x640");
    assert.deepEqual(await axeViolations(app), [], "axe finds nothing on the handover form's messages");

    // The header stays in view at the bottom of the file, with Submit and Export.
    await app.driver.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
    await app.driver.wait(async () => (await app.driver.executeScript("return window.scrollY")) > 1000, 5_000);
    assert.ok(Math.abs(await top(app, '[data-testid="case-head"]')) < 1, "the header is at the top of the window");
    assert.equal(await (await app.find('[data-testid="case-submit"]')).isDisplayed(), true);
    assert.equal(await (await app.find('[data-testid="case-export"]')).isDisplayed(), true);
    await shot(app, "bottom-1024x640");
    await size(app, 1280, 800);
    await app.driver.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
    assert.ok(Math.abs(await top(app, '[data-testid="case-head"]')) < 1);
    await shot(app, "bottom-1280x800");
    await size(app, 1024, 640);

    // The timeline reads codes as the form shows them.
    const timeline = await app.textOf('[data-testid="timeline"]');
    assert.match(timeline, /Concealment 1 · Method: C3 Hidden inside articles or liquids/);
    assert.match(timeline, /Controlled material: Gallium, germanium/);

    // Submitting from the header: what a reviewer will find missing, each a way to it.
    await app.click('[data-testid="case-submit"]');
    await app.waitForText('[data-testid="case-submit-panel"]', new RegExp(`Submit ${caseNumber} for review`));
    await app.waitForText('[data-testid="case-submit-missing"]', /Legal basis/);
    await shot(app, "submit-1024x640");
    assert.deepEqual(await axeViolations(app), [], "axe finds nothing with the submit form open");
    await app.type('[data-testid="case-submit-note"]', "Two lines found, samples to follow");
    // Each open flag is acknowledged before the case can go.
    for (const box of await app.all('[data-testid="case-submit-flag"]')) await box.click();
    await app.click('[data-testid="case-submit-confirm"]');
    await app.waitForText('[data-testid="review-state"]', /^Waiting for review since/);
    assert.equal((await app.all('[data-testid="case-submit"]')).length, 0, "nothing to submit any more");

    // Read-only now: values as text, no boxes to type in, and Tab does not stop on them.
    await app.find('[data-field="party_name"][data-readonly="true"]');
    assert.equal((await app.all(".form input[data-field], .form textarea[data-field], .form select[data-field]")).length, 0);
    assert.equal((await app.all('[data-testid="add-goods_found"], [data-testid="entry-actions"]')).length, 0);
    await app.driver.executeScript(`document.querySelector('[data-testid="section-goods_found"]').scrollIntoView()`);
    await shot(app, "read-only-1024x640");
    assert.deepEqual(await axeViolations(app), [], "axe finds nothing on the read-only file");
    await size(app, 1280, 800);
    await shot(app, "read-only-1280x800");

    // The guide, hidden, stays hidden: not on this case, not on the next.
    await app.click('[data-testid="guide-hide"]');
    assert.equal((await app.all('[data-testid="case-guide"]')).length, 0);
    await app.click('[data-testid="case-back"]');
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "THLCH");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^THLCH-/);
    await app.find('[data-testid="section-case"]');
    await app.driver.sleep(1_000);
    assert.equal((await app.all('[data-testid="case-guide"]')).length, 0, "not shown to a person who hid it");
  } catch (e) {
    await app.screenshot("failure-casefile.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

for (const [tag, name, port] of [
  ["es", "Lucía Inspectora", "MXZLO"],
  ["th", "สมชาย ตรวจสอบ", "THLCH"],
]) {
  test(`the case file in ${tag} fits a 1024x640 window, header and entries included`, async () => {
    const dataDir = freshDataDir();
    // The device's last language, as the lock screen reads it: the person set up speaks it.
    writeFileSync(join(dataDir, "language"), tag);
    const app = await launch(dataDir);
    try {
      await setUp(app, name);
      focusWindow();
      await size(app, 1024, 640);
      await app.click('[data-testid="new-case"]');
      await app.type('[data-testid="new-case-port"]', port);
      await app.click('[data-testid="new-case-create"]');
      await app.find('[data-testid="case-head"]');
      await app.click('[data-testid="add-parties"]');
      await app.driver.wait(async () => (await active(app)).field === "party_role", 10_000);
      await app.choose(`${party} select[data-field="party_role"]`, "consignee");
      await app.waitSaved(party, "party_role");
      await app.click(`${party} [data-testid="entry-actions"]`);
      const head = await app.driver.executeScript(`return document.querySelector('[data-testid="case-head"]').getBoundingClientRect().height`);
      assert.ok(head <= 120, `the header is ${head} px high`);
      const wide = await overflow(app);
      assert.ok(wide.widest <= wide.width, `${wide.widest} px wide in ${wide.width}: ${wide.offenders}`);
      await shot(app, `${tag}-party-1024x640`);
      await app.driver.executeScript("window.scrollTo(0, 0)");
      await shot(app, `${tag}-top-1024x640`);
    } catch (e) {
      await app.screenshot(`failure-casefile-${tag}.png`).catch(() => undefined);
      throw e;
    } finally {
      await app.quit();
    }
  });
}

test("a case is withdrawn with its reason and taken back, with one state in the header", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForAttribute('[data-testid="case-state"]', "data-state", /^draft$/);
    // No status field beside the state: withdrawing is a step, and it asks why.
    assert.equal((await app.all('[data-testid="case-status"]')).length, 0);
    await app.click('[data-testid="withdraw-case"]');
    await app.type('input[aria-label="Why is the case withdrawn?"]', "duplicate of the case opened at the gate");
    await app.click('form.inline button[type="submit"]');
    await app.waitForAttribute('[data-testid="case-state"]', "data-state", /^withdrawn$/);
    await app.waitForText(".cf-meta", /Withdrawn: duplicate of the case opened at the gate/);
    assert.equal((await app.all('[data-testid="review-panel"]')).length, 0, "no review of a withdrawn case");
    await app.screenshot("casefile-withdrawn-1024x640.png");
    await app.click('[data-testid="reopen-case"]');
    await app.waitForAttribute('[data-testid="case-state"]', "data-state", /^draft$/);
    await app.find('[data-testid="withdraw-case"]');
  } finally {
    await app.kill(dataDir);
  }
});
