// End to end: pointing at the finding on a photo. In the viewer the inspector draws a box by
// dragging, an arrow by two taps (no drag needed), a freehand line, a text, and an arrow with the
// keyboard alone; hides and shows them;
// edits the text and removes the arrow. Each is a signed event (the timeline lists them) and the
// original is untouched. Looked at in Spanish with the touch density at 1024x640 and full HD,
// axe-checked, every control 44 px or more.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations, smallTargets } from "./a11y.mjs";
import { png } from "./images.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };
const LAYER = '[data-testid="annotation-layer"]';

/** Press at `from` on the layer (offsets from its centre), move through `through`, release at the last. */
async function drag(app, points) {
  const layer = await app.find(LAYER);
  let actions = app.driver.actions({ async: true }).move({ origin: layer, x: points[0][0], y: points[0][1] }).press();
  for (const [x, y] of points.slice(1)) actions = actions.move({ origin: layer, x, y, duration: 60 });
  await actions.release().perform();
}

async function tap(app, x, y) {
  const layer = await app.find(LAYER);
  await app.driver.actions({ async: true }).move({ origin: layer, x, y }).press().release().perform();
}

function count(app, css) {
  return app.driver.executeScript("return document.querySelectorAll(arguments[0]).length", css);
}

async function waitCount(app, css, n, what) {
  await app.driver.wait(async () => (await count(app, css)) === n, 10_000, `${what}: ${n}`);
}

test("an inspector draws on a photo, edits and removes marks, and the original stays as it was", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const photo = join(files, "puerta-contenedor.png");
  const bytes = png(640, 480, 5);
  writeFileSync(photo, bytes);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="open-device-settings"]');
    await app.click('[data-testid="density-touch"]');
    await app.choose('[data-testid="language"]', "es");
    await app.click('[data-testid="close-device-settings"]');
    await app.driver.wait(() => app.driver.executeScript("return document.documentElement.dataset.density === 'touch'"), 10_000, "the touch density");
    await newCase(app, "MXZLO");
    await app.pickPhotos([photo]);
    await app.click('[data-testid="thumb"]');
    await app.driver.wait(
      () => app.driver.executeScript('const i = document.querySelector("[data-testid=viewer-img]"); return !!i && i.complete && i.naturalWidth > 0;'),
      10_000,
      "the photo in the viewer",
    );
    await app.waitForText('[data-testid="viewer-annotations"]', /No hay nada dibujado/);

    // A box by dragging.
    await app.click('[data-testid="annotate-box"]');
    await drag(app, [
      [-120, -80],
      [-40, -20],
      [40, 30],
    ]);
    await waitCount(app, '[data-testid="annotation-entry"]', 1, "a box");
    // An arrow by two taps: the first sets its start, the second its end.
    await app.click('[data-testid="annotate-arrow"]');
    await tap(app, 120, 90);
    await app.find('[data-testid="annotation-start"]');
    await tap(app, 50, 35);
    await waitCount(app, '[data-testid="annotation-entry"]', 2, "an arrow");
    // A freehand line; a tap alone draws nothing.
    await app.click('[data-testid="annotate-freehand"]');
    await tap(app, 0, 0);
    await drag(app, [
      [-150, 100],
      [-120, 110],
      [-90, 95],
      [-60, 120],
    ]);
    await waitCount(app, '[data-testid="annotation-entry"]', 3, "a freehand line");
    // Text: typed, then placed.
    await app.click('[data-testid="annotate-text"]');
    await app.type('[data-testid="annotation-text"]', "polvo en el tambor 3", { leave: true });
    await tap(app, -150, 60);
    await waitCount(app, '[data-testid="annotation-entry"]', 4, "a text");
    // An arrow with the keyboard alone: the drawing area takes the focus, the arrow keys move its
    // point, Enter sets the start and then the end.
    await app.click('[data-testid="annotate-arrow"]');
    await app.driver.executeScript(`document.querySelector('${LAYER}').focus()`);
    await app.find('[data-testid="annotation-cursor"]');
    await app.driver.actions({ async: true }).sendKeys(Key.ARROW_RIGHT, Key.ARROW_RIGHT, Key.ARROW_DOWN, Key.ENTER).perform();
    await app.find('[data-testid="annotation-start"]');
    await app.driver.actions({ async: true }).keyDown(Key.SHIFT).sendKeys(Key.ARROW_RIGHT, Key.ARROW_DOWN).keyUp(Key.SHIFT).sendKeys(Key.ENTER).perform();
    await waitCount(app, '[data-testid="annotation-entry"]', 5, "an arrow drawn with the keyboard");
    assert.equal(await app.driver.executeScript("return document.activeElement.dataset.testid"), "annotation-layer", "the focus stays to draw on");
    await app.click('[data-testid="annotate-text"]');
    await waitCount(app, `${LAYER} [data-testid="annotation-mark"]`, 5, "five marks drawn");
    const shapes = await app.driver.executeScript(`return [...document.querySelectorAll('${LAYER} [data-testid="annotation-mark"]')].map((m) => m.dataset.shape)`);
    assert.deepEqual(shapes, ["box", "arrow", "freehand", "text", "arrow"]);
    await app.waitForText(`${LAYER} text`, /polvo en el tambor 3/);

    // Screenshots with the marks, the text tool chosen, in the touch density.
    await app.driver.manage().window().setRect(SMALL);
    await app.screenshot("annotate-es-touch-1024.png");
    const small = await smallTargets(app, 44);
    assert.deepEqual(small.filter((t) => /Flecha|Recuadro|Trazo|Texto|Mostrar|Eliminar|annotation/.test(t)), []);
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.screenshot("annotate-es-touch-1920.png");

    // Hidden and shown again.
    await app.click('[data-testid="annotate-text"]');
    await app.click('[data-testid="annotations-shown"]');
    await waitCount(app, LAYER, 0, "no layer while hidden");
    await app.click('[data-testid="annotations-shown"]');
    await waitCount(app, `${LAYER} [data-testid="annotation-mark"]`, 5, "shown again");
    // Hidden, then a shape chosen: drawing shows what is drawn.
    await app.click('[data-testid="annotations-shown"]');
    await waitCount(app, LAYER, 0, "hidden again");
    await app.click('[data-testid="annotate-box"]');
    await waitCount(app, `${LAYER} [data-testid="annotation-mark"]`, 5, "shown by choosing a shape");
    assert.equal(await (await app.find('[data-testid="annotations-shown"]')).getAttribute("aria-pressed"), "true");
    await app.click('[data-testid="annotate-box"]');

    // The text edited (a new event under the same id), the arrow removed.
    const entryText = await app.type('[data-testid="annotation-entry-text"]', "antimonio en el tambor 3");
    await entryText.sendKeys(Key.ENTER);
    await app.waitForText(`${LAYER} text`, /antimonio en el tambor 3/);
    const removes = await app.all('[data-testid="annotation-remove"]');
    await removes[1].click();
    await waitCount(app, '[data-testid="annotation-entry"]', 4, "the arrow removed");
    const left = await app.driver.executeScript(`return [...document.querySelectorAll('${LAYER} [data-testid="annotation-mark"]')].map((m) => m.dataset.shape)`);
    assert.deepEqual(left, ["box", "freehand", "text", "arrow"]);
    assert.equal(await app.textOf('[data-testid="viewer-sha256"]'), sha, "the photo is the original, by its hash");
    await app.click('[data-testid="viewer-close"]');
    await app.waitForText('[data-testid="thumb-marks"]', /^4 anotaciones$/);

    // Seven signed events: five drawn, one edited, one removed.
    await app.driver.wait(
      async () => ((await app.textOf('[data-testid="timeline"]')).match(/Foto anotada/g) ?? []).length === 7,
      10_000,
      "seven annotation events in the timeline",
    );
  } catch (e) {
    await app.screenshot("failure-annotate.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
