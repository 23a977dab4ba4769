// End to end: the app from the keyboard, with the window holding the X input focus (under a bare
// Xvfb nothing gives it, and without it the page never sees real focus). Dialogs keep Tab inside
// and give the cursor back to what opened them; Esc closes only the topmost layer; shortcuts
// open a case, search, move through a case file and show their help; errors are tied to their
// fields; changes are said in live regions. axe checks every open dialog.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { ARTIFACTS, freshDataDir, launch, setUp, unlock } from "./app.mjs";
import { axeViolations } from "./a11y.mjs";
import { JPEG, png } from "./images.mjs";

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The app's window gets the X input focus, as a window manager would give it. */
function focusWindow() {
  execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--class", "quayside", "windowfocus"], { timeout: 10_000 });
}

/** What has the cursor: its test id (or tag and id), the dialog it is in, whether it shows a focus ring. */
async function focused(app) {
  return app.driver.executeScript(`
    const el = document.activeElement;
    if (!el || el === document.body) return { on: "body", dialog: null, ring: false };
    const dialog = el.closest("dialog[open]");
    return {
      on: el.dataset.testid || el.dataset.case && "case:" + el.dataset.case || el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""),
      dialog: dialog ? dialog.dataset.testid : null,
      section: el.closest('[id^="section-"], section[id^="s-"]')?.id ?? null,
      sha256: el.dataset.sha256 ?? null,
      ring: el.matches(":focus-visible"),
    };`);
}

async function waitFocused(app, on, message) {
  let last;
  try {
    await app.driver.wait(async () => (last = await focused(app)).on === on, 5_000);
  } catch {
    throw new Error(`${message}: the cursor is on ${JSON.stringify(last)}, expected ${on}`);
  }
  return last;
}

async function keys(app, ...sequence) {
  await app.driver.actions().sendKeys(...sequence).perform();
}

async function ctrl(app, key) {
  await app.driver.actions().keyDown(Key.CONTROL).sendKeys(key).keyUp(Key.CONTROL).perform();
}

async function gone(app, css) {
  await app.driver.wait(async () => (await app.all(css)).length === 0, 5_000, `${css} is still there`);
}

/**
 * The window as the X server shows it: WebKit's own screenshot leaves out what is drawn over the
 * page (a modal dialog's dimmed surround). Without ImageMagick's import, WebKit's screenshot.
 */
async function windowShot(app, name) {
  // Two frames, so what the last step changed is drawn.
  await app.driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
  try {
    const id = execFileSync("xdotool", ["search", "--onlyvisible", "--class", "quayside"]).toString().trim().split("\n")[0];
    execFileSync("import", ["-window", id, join(ARTIFACTS, name)]);
  } catch (e) {
    console.log(`${name}: WebKit's screenshot, without what is drawn over the page (${String(e).split("\n")[0]})`);
    await app.screenshot(name);
  }
}

/** The screen at 1024x640 and at the 1280x800 of the Xvfb screen, for a person to look at. */
async function shots(app, name) {
  const window = app.driver.manage().window();
  for (const [width, height] of [[1024, 640], [1280, 800]]) {
    await window.setRect({ width, height });
    // Resized under Xvfb, WebKitGTK leaves a tall modal dialog's backdrop unpainted until its
    // style changes: change it and back, so the shot shows what the window shows once drawn.
    await app.driver.executeScript(
      `const s = document.createElement("style");
       s.textContent = "dialog::backdrop { outline: 1px solid transparent }";
       document.head.append(s);
       requestAnimationFrame(() => s.remove());`,
    );
    await windowShot(app, `keyboard-${name}-${width}.png`);
  }
}

/** Controls in the open dialog smaller than `min` px either way. */
async function smallInDialog(app, min) {
  return app.driver.executeScript(
    `const out = [];
     for (const el of document.querySelectorAll("dialog[open] :is(button, a[href], input, select, textarea, [tabindex='0'])")) {
       const target = el.type === "checkbox" && el.closest("label") ? el.closest("label") : el;
       const r = target.getBoundingClientRect();
       if (r.width > 0 && (r.width + 0.5 < arguments[0] || r.height + 0.5 < arguments[0])) out.push((el.dataset.testid || el.textContent.trim()).slice(0, 40) + " " + Math.round(r.width) + "x" + Math.round(r.height));
     }
     return out;`,
    min,
  );
}

async function noAxeViolations(app, what) {
  assert.deepEqual(await axeViolations(app), [], `axe on ${what}`);
}

test("dialogs hold the keyboard and give it back; shortcuts take a case file from start to Submit", async () => {
  const files = freshDataDir();
  const photoA = join(files, "seal.jpg");
  const photoB = join(files, "hold.png");
  const pngBytes = png(96, 72, 5);
  writeFileSync(photoA, JPEG);
  writeFileSync(photoB, pngBytes);

  const app = await launch(freshDataDir());
  let step = "set-up";
  try {
    await setUp(app, "Kim Keyboard");
    await app.driver.manage().window().setRect({ width: 1280, height: 800 });
    focusWindow();

    // Ctrl+N: the new-case form, the cursor in its port field.
    step = "new-case";
    await ctrl(app, "n");
    await waitFocused(app, "new-case-port", "Ctrl+N");
    // A port that is no port: the error is tied to the field, which keeps the cursor.
    await keys(app, "XX1", Key.ENTER);
    await app.find('[data-testid="new-case-error"]');
    const port = await app.find('[data-testid="new-case-port"]');
    assert.equal(await port.getAttribute("aria-invalid"), "true");
    assert.equal(await port.getAttribute("aria-describedby"), "new-case-port-error");
    assert.equal(await app.driver.executeScript("return document.getElementById('new-case-port-error').textContent.length > 0"), true);
    const inPort = await waitFocused(app, "new-case-port", "after a refused port");
    assert.equal(inPort.ring, true, "the focused field shows its focus ring (the window has X focus)");
    await shots(app, "new-case-error");
    // Esc: the form goes, the cursor back on New case.
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="new-case-form"]');
    await waitFocused(app, "new-case", "Esc on the new-case form");

    // The case list: rows headed by their case number, nothing focusable without a role.
    step = "case";
    await ctrl(app, "n");
    await waitFocused(app, "new-case-port", "Ctrl+N again");
    await keys(app, "NLRTM", Key.ENTER);
    const caseNumber = await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
    const first = await focused(app);
    assert.notEqual(first.on, "body", "a new case puts the cursor in it");

    // A field saved is said in the polite live region.
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.waitForText('[data-testid="live-polite"]', /^Saved$/);

    // Ctrl+Down and Ctrl+Up move through the sections.
    step = "sections";
    await (await app.find('input[data-field="vessel_name"]')).click();
    const from = await focused(app);
    await app.driver.actions().keyDown(Key.CONTROL).sendKeys(Key.ARROW_DOWN).keyUp(Key.CONTROL).perform();
    let next;
    await app.driver.wait(async () => (next = await focused(app)).section !== from.section, 5_000, "Ctrl+Down did not move");
    assert.ok(next.section, `Ctrl+Down lands in a section: ${JSON.stringify(next)}`);
    await app.driver.actions().keyDown(Key.CONTROL).sendKeys(Key.ARROW_UP).keyUp(Key.CONTROL).perform();
    await app.driver.wait(async () => (await focused(app)).section === from.section, 5_000, "Ctrl+Up did not come back");
    // Ctrl+Enter: to Submit in the case's header, even from a field.
    await ctrl(app, Key.ENTER);
    await waitFocused(app, "case-submit", "Ctrl+Enter");

    // The photo viewer: the cursor in it, arrows step, Esc closes it and leaves the case open,
    // the cursor back on the thumbnail of the photo shown.
    step = "viewer";
    // "Add photos" by Enter: the Open dialog answers with two files.
    await app.driver.executeScript("document.querySelector('[data-testid=\"photo-add\"]').focus()");
    await app.pickPhotos([photoA, photoB], () => keys(app, Key.ENTER));
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 2, 10_000);
    await app.driver.executeScript("document.getElementById('s-photos')?.scrollIntoView()");
    const thumb = `[data-testid="thumb"][data-sha256="${sha256(JPEG)}"]`;
    await app.click(thumb);
    const inViewer = await waitFocused(app, "viewer-close", "the viewer opened");
    assert.equal(inViewer.dialog, "viewer");
    assert.equal(await (await app.find('[data-testid="viewer-close"]')).getAttribute("aria-keyshortcuts"), "Escape");
    await noAxeViolations(app, "the photo viewer");
    assert.deepEqual(await smallInDialog(app, 44), [], "targets in the photo viewer, for gloves");
    await shots(app, "photo-viewer");
    await keys(app, Key.ARROW_RIGHT);
    await app.waitForText('[data-testid="viewer-sha256"]', new RegExp(sha256(pngBytes)));
    await keys(app, Key.ARROW_LEFT);
    await app.waitForText('[data-testid="viewer-sha256"]', new RegExp(sha256(JPEG)));
    // A caption saved in the viewer is said by the viewer's own live region: the page's is inert under it.
    await app.type('[data-testid="viewer-caption"]', "Seal 0041, broken");
    await keys(app, Key.ENTER);
    await app.waitForText('[data-testid="viewer"] [data-testid="dialog-live-polite"]', /^Saved$/);
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="viewer"]');
    assert.equal((await app.all('[data-testid="case-detail"]')).length, 1, "Esc in the viewer keeps the case open");
    const back = await waitFocused(app, "thumb", "the viewer closed");
    assert.equal(back.sha256, sha256(JPEG), "the thumbnail it was opened from");

    // ? shows the shortcuts; Esc closes them, and only them.
    step = "help";
    await keys(app, "?");
    await app.find('[data-testid="help-overlay"]');
    assert.equal((await focused(app)).dialog, "help-overlay");
    await app.waitForText('[data-testid="help-overlay"] tr[data-action="new_case"]', /New case\s*Ctrl\s*\+\s*N/);
    await noAxeViolations(app, "the shortcut help");
    await shots(app, "help");
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="help-overlay"]');
    await waitFocused(app, "thumb", "the help closed");
    assert.equal((await app.all('[data-testid="case-detail"]')).length, 1);

    // Sync settings: Tab goes round inside, Shift+Tab too; Esc gives the cursor back to the button.
    step = "sync-settings";
    const opener = await app.find('[data-testid="open-sync-settings"]');
    await app.driver.executeScript("arguments[0].focus()", opener);
    await keys(app, Key.ENTER);
    await waitFocused(app, "sync-server", "sync settings opened");
    const ring = [];
    for (let i = 0; i < 14; i++) {
      await keys(app, Key.TAB);
      const at = await focused(app);
      assert.equal(at.dialog, "sync-settings", `Tab ${i + 1} left the dialog for ${JSON.stringify(at)}`);
      ring.push(at.on);
    }
    const cycle = ring.indexOf(ring[0], 1);
    assert.ok(cycle > 0, `Tab came round: ${ring.join(", ")}`);
    assert.deepEqual(ring.slice(cycle, 2 * cycle), ring.slice(0, cycle), "the same round each time");
    await keys(app, Key.SHIFT, Key.TAB, Key.NULL);
    assert.equal((await focused(app)).dialog, "sync-settings", "Shift+Tab stays in too");
    // A server that cannot be reached: the error is read with the server field, which gets the cursor.
    await app.type('[data-testid="sync-server"]', "http://127.0.0.1:9");
    await app.type('[data-testid="sync-username"]', "kim");
    await app.type('[data-testid="sync-password"]', "not the password");
    await app.click('[data-testid="sync-sign-in"]');
    await app.find('[data-testid="sync-error"]');
    await waitFocused(app, "sync-server", "a refused sign-in");
    const server = await app.find('[data-testid="sync-server"]');
    assert.equal(await server.getAttribute("aria-invalid"), "true");
    assert.equal(await server.getAttribute("aria-describedby"), "sync-error");
    await noAxeViolations(app, "the sync settings");
    await shots(app, "sync-settings");
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="sync-settings"]');
    await waitFocused(app, "open-sync-settings", "sync settings closed");
    assert.equal((await app.all('[data-testid="case-detail"]')).length, 1, "Esc in a dialog over a case closes the dialog only");

    // Device settings: the cursor on Close, back on Device after Esc.
    step = "device-settings";
    await app.click('[data-testid="open-device-settings"]');
    await waitFocused(app, "close-device-settings", "device settings opened");
    await noAxeViolations(app, "the device settings");
    assert.deepEqual(await smallInDialog(app, 24), [], "targets in the device settings");
    await shots(app, "device-settings");
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="device-settings"]');
    await waitFocused(app, "open-device-settings", "device settings closed");

    // Locked with a dialog open: the dialog is hidden under the lock screen, and back with the
    // cursor in it once unlocked.
    step = "lock";
    await app.click('[data-testid="open-sync-settings"]');
    await waitFocused(app, "sync-server", "sync settings opened again");
    await ctrl(app, "l");
    await app.find('[data-testid="unlock"]');
    assert.equal((await app.all("dialog[open]")).length, 0, "no dialog over the lock screen");
    await waitFocused(app, "passphrase", "the lock screen");
    await unlock(app, "Kim Keyboard");
    await app.find('[data-testid="sync-settings"][open]');
    assert.equal((await focused(app)).dialog, "sync-settings", "the cursor back in the dialog");
    await keys(app, Key.ESCAPE);
    await gone(app, '[data-testid="sync-settings"]');
    await waitFocused(app, "open-sync-settings", "sync settings closed after the lock");

    // Esc on the case: back to the list, the cursor on that case's row.
    step = "list";
    await app.driver.executeScript("document.activeElement.blur()");
    await keys(app, Key.ESCAPE);
    const row = await app.find('[data-testid="case-row"]');
    await waitFocused(app, `open-case`, "back on the list");
    assert.equal(await row.getAttribute("tabindex"), null, "rows take no focus of their own");
    const header = await app.find('[data-testid="case-row"] th[scope="row"] [data-testid="open-case"]');
    assert.match(await header.getAttribute("data-case"), /\S/);
    assert.match(await app.textOf('[data-testid="case-row"]'), new RegExp(caseNumber));
    await noAxeViolations(app, "the case list");
    // / searches (not typed into a field: the cursor is on a row's button).
    await keys(app, "/");
    await waitFocused(app, "case-search", "/");
    await shots(app, "case-list");
  } catch (e) {
    await app.screenshot(`failure-keyboard-${step}.png`).catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
