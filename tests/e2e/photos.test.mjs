// End to end: photos attached through the real app's Open dialog (the system's, once; its stand-in
// otherwise), seen after a relaunch.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { freshDataDir, launch, setUp, relaunch } from "./app.mjs";
import { JPEG, png, pngBomb } from "./images.mjs";

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

test("photos attached in the app are in the gallery after a relaunch, bad files named", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const pngBytes = png(120, 90, 3);
  const paths = {
    jpeg: join(files, "seal 0041.jpg"),
    png: join(files, "tiles.png"),
    text: join(files, "notes.jpg"),
    truncated: join(files, "half.jpg"),
    bomb: join(files, "bomb.png"),
    huge: join(files, "huge.jpg"),
  };
  writeFileSync(paths.jpeg, JPEG);
  writeFileSync(paths.png, pngBytes);
  writeFileSync(paths.text, "inspection notes, not a photo");
  writeFileSync(paths.truncated, JPEG.subarray(0, JPEG.length / 2));
  writeFileSync(paths.bomb, pngBomb(60000, 60000));
  writeFileSync(paths.huge, "");
  truncateSync(paths.huge, 200 * 1024 * 1024); // sparse: 200 MB long, no disk used

  let app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "THLCH");
    await app.click('[data-testid="new-case-create"]');
    await app.find('[data-testid="case-detail"]');

    await app.pickPhotos(Object.values(paths));
    await app.waitForText('[data-testid="photo-outcomes"] summary', /^2 of 6 files imported, 4 not imported$/);
    const outcomes = await app.textOf('[data-testid="photo-outcomes"]');
    assert.match(outcomes, /seal 0041\.jpg: attached/);
    assert.match(outcomes, /tiles\.png: attached/);
    assert.match(outcomes, /notes\.jpg: notes\.jpg is not a JPEG, PNG, HEIC, TIFF or WebP image/);
    assert.match(outcomes, /half\.jpg: .*(truncated|cut short|incomplete)/i);
    assert.match(outcomes, /bomb\.png: .*60,000/);
    assert.match(outcomes, /huge\.jpg: 200 MB is over the 100 MB limit/);

    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 2, 10_000);

    // Dropped onto the photos section (a real File in a real drop event; the OS drag itself is
    // out of WebDriver's reach).
    const dropped = png(64, 64, 9);
    await app.driver.executeScript(
      `const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
       const data = new DataTransfer();
       data.items.add(new File([bytes], "dropped.png", { type: "image/png" }));
       const target = document.getElementById("s-photos");
       target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
       target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));`,
      dropped.toString("base64"),
    );
    await app.waitForText('[data-testid="photo-outcomes"] summary', /^1 of 1 files imported$/);
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 3, 10_000);

    await app.click(`[data-testid="thumb"][data-sha256="${sha256(JPEG)}"]`);
    assert.equal(await app.textOf('[data-testid="viewer-sha256"]'), sha256(JPEG));
    await app.type('[data-testid="viewer-caption"]', "Seal 0041, broken");
    await app.driver.executeScript("document.activeElement.blur()");
    await app.screenshot("photo-viewer.png");
    await app.click('[data-testid="viewer-close"]');
    await app.waitForAttribute(`[data-testid="thumb"][data-sha256="${sha256(JPEG)}"]`, "data-caption", /^Seal 0041, broken$/);
  } catch (e) {
    await app.screenshot("failure-photos.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }

  app = await relaunch(dataDir, "Ines Inspector");
  try {
    // The integrity screen: all intact, then an original altered behind the app's back.
    await app.click('[data-testid="check-evidence"]');
    await app.waitForText('[data-testid="evidence-report"]', /^Verified: 5 events from 1 device, 3 photos\./);
    const original = join(dataDir, "vault", sha256(JPEG).slice(0, 2), sha256(JPEG));
    chmodSync(original, 0o644);
    const altered = Buffer.from(JPEG);
    altered[altered.length - 4] ^= 0xff;
    writeFileSync(original, altered);
    await app.click('[data-testid="check-evidence"]');
    await app.waitForText('[data-testid="evidence-report"]', /1 problem found[\s\S]*Photo seal 0041\.jpg of case THLCH-.*altered/);

    await app.click('[data-testid="case-row"] [data-testid="open-case"]');
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 3, 10_000);
    const names = await Promise.all((await app.all('[data-testid="thumb"]')).map((t) => t.getAttribute("data-sha256")));
    assert.deepEqual(names.sort(), [sha256(JPEG), sha256(pngBytes), sha256(png(64, 64, 9))].sort());
    await app.waitForAttribute(`[data-testid="thumb"][data-sha256="${sha256(JPEG)}"]`, "data-caption", /^Seal 0041, broken$/);
    await app.driver.executeScript("document.getElementById('s-photos').scrollIntoView()");
    await app.screenshot("gallery.png");

    // An original at full size streams from the vault through the app's own protocol, bytes not
    // base64; an altered one is not shown, and the viewer says why.
    await app.click(`[data-testid="thumb"][data-sha256="${sha256(pngBytes)}"]`);
    await app.click('[data-testid="viewer-full"]');
    await app.driver.wait(
      () =>
        app.driver.executeScript(
          `const i = document.querySelector("[data-testid=viewer-img]");
           return !!i && (i.src.startsWith("original:") || i.src.startsWith("http://original.localhost/")) && i.complete && i.naturalWidth === 120;`,
        ),
      10_000,
      "the original through the protocol",
    );
    await app.click('[data-testid="viewer-close"]');
    await app.click(`[data-testid="thumb"][data-sha256="${sha256(JPEG)}"]`);
    await app.click('[data-testid="viewer-full"]');
    await app.waitForText('[data-testid="viewer"] .no-thumb', /altered|changed/);
    await app.click('[data-testid="viewer-close"]');
  } catch (e) {
    await app.screenshot("failure-photos-relaunch.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

test("a 200-photo import keeps the app responsive: a field typed meanwhile is saved before it ends", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const paths = [];
  for (let i = 0; i < 200; i++) {
    const path = join(files, `IMG_${String(i).padStart(4, "0")}.png`);
    writeFileSync(path, png(640, 480, i));
    paths.push(path);
  }
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "MXZLO");
    await app.click('[data-testid="new-case-create"]');
    await app.find('[data-testid="case-detail"]');

    await app.pickPhotos(paths);
    await app.waitForText('[data-testid="photo-progress"]', /^\d+ of 200$/);
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    const during = await app.all('[data-testid="photo-progress"]');
    assert.equal(during.length, 1, "the field was saved while the import was still running");

    await app.driver.wait(async () => (await app.all('[data-testid="photo-progress"]')).length === 0, 120_000);
    await app.waitForText('[data-testid="photo-outcomes"] summary', /^200 of 200 files imported$/);
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 200, 30_000);
  } catch (e) {
    await app.screenshot("failure-200-photos.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

/** The system's Open dialog (GTK here), as a person answers it: Ctrl+L for the location, a whole
 * path typed, Enter; or Esc to cancel. Returns once the dialog has closed (or the keys for Esc are sent). */
function answerOpenDialog(path) {
  const xdotool = (...args) => execFileSync("xdotool", args, { timeout: 15_000 }).toString().trim();
  const dialog = xdotool("search", "--sync", "--onlyvisible", "--name", "^Choose photos").split("\n")[0];
  xdotool("windowfocus", "--sync", dialog);
  if (path === null) {
    xdotool("key", "Escape");
    return;
  }
  xdotool("key", "--clearmodifiers", "ctrl+l");
  xdotool("type", "--delay", "20", path);
  // The location's completion may take the first Enter; a person presses again.
  for (let i = 0; i < 5; i++) {
    xdotool("sleep", "0.4", "key", "Return");
    try {
      execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^Choose photos"]);
    } catch {
      return; // no such window left: xdotool says so by failing
    }
  }
}

test("Add photos asks in the system's Open dialog; the page gets a token, never the path", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const photo = join(files, "seal 0042.jpg");
  writeFileSync(photo, JPEG);
  const app = await launch(dataDir, [], { openDialog: true });
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "CNSHA");
    await app.click('[data-testid="new-case-create"]');
    await app.find('[data-testid="case-detail"]');

    // Cancelled: nothing imported, nothing said.
    await app.click('[data-testid="photo-add"]');
    answerOpenDialog(null);
    await app.driver.wait(async () => (await app.find('[data-testid="photo-add"]')).isEnabled(), 10_000);
    assert.equal((await app.all('[data-testid="photo-outcomes"]')).length, 0);
    assert.equal((await app.all('[data-testid="thumb"]')).length, 0);

    await app.click('[data-testid="photo-add"]');
    answerOpenDialog(photo);
    await app.waitForText('[data-testid="photo-outcomes"] summary', /^1 of 1 files imported$/);
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 1, 10_000);
    const thumb = await app.find('[data-testid="thumb"]');
    assert.equal(await thumb.getAttribute("data-sha256"), sha256(JPEG));
    assert.ok(!(await app.driver.getPageSource()).includes(files), "no path of the disk reaches the page");

    // A page that guesses at tokens gets nothing read from the disk.
    const refused = await app.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("attach_picked_photo", { caseId: "00000000-0000-0000-0000-000000000000", token: "0123" })
        .then(() => done("attached"), (e) => done(e.message ?? String(e)));`);
    assert.match(refused, /no file was picked under this token/);
  } catch (e) {
    await app.screenshot("failure-open-dialog.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
