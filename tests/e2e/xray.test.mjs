// End to end: an X-ray from the scanner operator. A 16-bit grayscale TIFF of a 12-bit detector is
// imported with a thumbnail that is not black, shown in the viewer as a rendering through its
// window, and the person narrows the window to see into the dense cargo. Looked at in Spanish at
// 1024x640 and at full HD, axe-checked.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations } from "./a11y.mjs";
import { xrayTiff } from "./images.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };

/** The mean gray of an image shown in the page, drawn on a canvas. */
function meanGray(app, css) {
  return app.driver.executeScript(
    `const img = document.querySelector(arguments[0]);
     const c = document.createElement("canvas"); c.width = img.naturalWidth; c.height = img.naturalHeight;
     const g = c.getContext("2d"); g.drawImage(img, 0, 0);
     const d = g.getImageData(0, 0, c.width, c.height).data; let sum = 0;
     for (let i = 0; i < d.length; i += 4) sum += d[i];
     return sum / (d.length / 4);`,
    css,
  );
}

test("an X-ray is imported with a visible thumbnail and looked into through its window", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const scan = join(files, "scan-0412.tiff");
  writeFileSync(scan, xrayTiff(640, 480));
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="open-device-settings"]');
    await app.choose('[data-testid="language"]', "es");
    await app.click('[data-testid="close-device-settings"]');
    await newCase(app, "MXZLO");
    await app.pickPhotos([scan]);
    await app.driver.wait(
      () => app.driver.executeScript('const i = document.querySelector("[data-testid=thumb] img"); return !!i && i.complete && i.naturalWidth > 0;'),
      15_000,
      "the X-ray's thumbnail",
    );
    // The high byte of 400..3,600 is at most 14 of 255: that thumbnail was black.
    assert.ok((await meanGray(app, '[data-testid="thumb"] img')) > 60, "a thumbnail a person can see");

    await app.click('[data-testid="thumb"]');
    await app.find('[data-testid="viewer-window"]');
    const view = '[data-testid="viewer"] .viewer-image img';
    await app.driver.wait(() => app.driver.executeScript("const i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;", view), 10_000);
    const before = await meanGray(app, view);
    // White at a lower level, by the keyboard as by a gloved thumb: what is less dense turns white.
    const high = await app.find('[data-testid="viewer-window-high"]');
    await high.click();
    for (let i = 0; i < 12; i++) await high.sendKeys(Key.PAGE_DOWN);
    await app.driver.wait(
      async () => (await meanGray(app, view)) > before + 20,
      10_000,
      "the view follows the window",
    );
    await app.driver.manage().window().setRect(SMALL);
    await app.screenshot("xray-window-es-1024.png");
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.screenshot("xray-window-es-1920.png");
    await app.click('[data-testid="viewer-window-auto"]');
    await app.driver.wait(async () => Math.abs((await meanGray(app, view)) - before) < 5, 10_000, "back to the automatic window");
  } catch (e) {
    await app.screenshot("failure-xray.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
