// End to end: the camera at the container door, with WebKit's mock cameras (no camera needed).
// The preview runs, the second camera is chosen, two photos are taken one after the other straight
// into the case at the camera's full resolution, and each is recorded as taken here, not imported.
// The camera screen is checked with axe and looked at in Spanish at 1024x640 and full HD.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations, overflow } from "./a11y.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };
const READY = '[data-testid="camera-preview"][data-ready="true"]';

/** The preview's frame size (what a photo taken now is made from) and the largest the camera offers. */
function frameSize(app) {
  return app.driver.executeScript(
    `const v = document.querySelector("[data-testid=camera-preview]");
     const caps = v.srcObject.getVideoTracks()[0].getCapabilities();
     return { frame: [v.videoWidth, v.videoHeight], largest: [caps.width.max, caps.height.max] };`,
  );
}

test("photos taken with the camera go into the case at full resolution, recorded as taken here", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="open-device-settings"]');
    await app.choose('[data-testid="language"]', "es");
    await app.click('[data-testid="close-device-settings"]');
    await newCase(app, "THLCH");
    await app.click('[data-testid="camera-open"]');
    await app.find(READY);
    // The camera's largest frame, not the size the preview is drawn at on the screen; the rear
    // camera first, as a tablet held to a container door wants.
    const first = await frameSize(app);
    assert.deepEqual(first.frame, first.largest);
    const cameras = await app.all('[data-testid="camera-choose"] option');
    assert.equal(cameras.length, 2);
    const chosen = await app.driver.executeScript('return document.querySelector("[data-testid=camera-choose]").value');
    let other = null;
    for (const option of cameras) {
      const value = await option.getAttribute("value");
      if (value !== chosen) other = value;
    }
    await app.choose('[data-testid="camera-choose"]', other);
    await app.driver.wait(
      () => app.driver.executeScript('return document.querySelector("[data-testid=camera-choose]").value === arguments[0]', other),
      10_000,
    );
    await app.find(READY);
    const { frame, largest } = await frameSize(app);
    assert.deepEqual(frame, largest);
    const cameraName = await app.driver.executeScript('const s = document.querySelector("[data-testid=camera-choose]"); return s.options[s.selectedIndex].textContent;');

    await app.click('[data-testid="camera-take"]');
    await app.waitForAttribute('[data-testid="camera-count"]', "data-count", /^1$/);
    await app.click('[data-testid="camera-take"]');
    await app.waitForAttribute('[data-testid="camera-count"]', "data-count", /^2$/);
    await app.waitForText('[data-testid="camera-shots"]', /Foto 1 guardada[\s\S]*Foto 2 guardada/);

    await app.driver.manage().window().setRect(SMALL);
    await app.screenshot("camera-es-1024.png");
    assert.deepEqual(await axeViolations(app), []);
    // Every control of the camera screen takes a gloved finger, whatever the density chosen.
    const small = await app.driver.executeScript(
      `return [...document.querySelectorAll("[data-testid=camera] button, [data-testid=camera] select")]
         .map((e) => e.getBoundingClientRect())
         .filter((r) => r.width < 44 || r.height < 44)
         .map((r) => r.width + "x" + r.height);`,
    );
    assert.deepEqual(small, []);
    const wide = await overflow(app);
    assert.ok(wide.widest <= wide.width, JSON.stringify(wide));
    await app.driver.manage().window().setRect(FULL_HD);
    await app.screenshot("camera-es-1920.png");
    await app.click('[data-testid="camera-done"]');

    // In the gallery at once; each one taken here, on this device, with the camera it came from.
    await app.driver.wait(async () => (await app.all('[data-testid="thumb"]')).length === 2, 10_000, "two photos in the gallery");
    await app.click('[data-testid="thumb"]');
    const device = await app.driver.executeScript('return document.querySelector("[data-testid=device-short-id]")?.textContent ?? ""');
    await app.waitForText('[data-testid="viewer-source"]', /Tomada con la cámara en Quayside en el dispositivo \S+/);
    if (device) assert.match(await app.textOf('[data-testid="viewer-source"]'), new RegExp(device.trim()));
    assert.ok((await app.textOf('[data-testid="viewer"]')).includes(cameraName), cameraName);
    // The original at full size is the whole frame.
    await app.click('[data-testid="viewer-full"]');
    await app.driver.wait(
      () =>
        app.driver.executeScript(
          'const i = document.querySelector("[data-testid=viewer] img"); return !!i && i.complete && i.naturalWidth === arguments[0] && i.naturalHeight === arguments[1];',
          frame[0],
          frame[1],
        ),
      10_000,
      `the original is ${frame[0]} x ${frame[1]}`,
    );
    await app.click('[data-testid="viewer-close"]');
  } catch (e) {
    await app.screenshot("failure-camera.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
