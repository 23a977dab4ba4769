// A photo taken with the camera in the app, from pressing "Take photo" to its thumbnail shown in
// the case, in the real app (tauri-driver, a real window) with WebKit's mock camera at its largest
// frame. Its peer, alternating in the same page: the same frame, encoded the same way (JPEG at the
// same quality) beforehand, dropped into the case as a file, from the drop to its thumbnail shown.
// A fair peer: the same pixels, the same import, vault, thumbnail and redraw; what the camera path
// adds is grabbing the frame and encoding it. Prints `BENCH {json}` lines.
//
//   node bench/capture.mjs REPEAT      (bench/app-start.sh sets up the display, the driver and
//                                      QUAYSIDE_MOCK_CAMERA; the app is built with mock cameras)
import { freshDataDir, launch, newCase, setUp } from "../tests/e2e/app.mjs";

const repeat = Number(process.argv[2] ?? 1);
// Shots of each kind per run: enough for a median within one app.
const SHOTS = process.env.BENCH_TINY ? 2 : 5;
const WAIT_MS = 120_000;

const figure = (name, value, unit) => console.log(`BENCH ${JSON.stringify({ group: "capture", name, value, unit })}`);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Encode `count` frames of the preview now, as the camera path encodes one, each told apart by a pixel. */
function prepareFrames(app, count) {
  return app.driver.executeAsyncScript(
    `const [count, done] = arguments;
     const v = document.querySelector("[data-testid=camera-preview]");
     (async () => {
       window.__benchFrames = [];
       for (let i = 0; i < count; i++) {
         const canvas = document.createElement("canvas");
         canvas.width = v.videoWidth;
         canvas.height = v.videoHeight;
         const g = canvas.getContext("2d");
         g.drawImage(v, 0, 0);
         g.fillStyle = "rgb(" + (i * 37 % 256) + ", 17, 99)";
         g.fillRect(0, 0, 2, 2);
         const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
         window.__benchFrames.push(new File([blob], "dropped-" + i + ".jpg", { type: "image/jpeg" }));
       }
       done({ width: v.videoWidth, height: v.videoHeight, bytes: window.__benchFrames[0].size });
     })().catch((e) => done({ failed: String(e && e.message || e) }));`,
    count,
  );
}

/** Milliseconds from taking (or dropping) a photo to one more thumbnail drawn, timed in the page. */
async function timed(app, how) {
  await app.driver.manage().setTimeouts({ script: WAIT_MS });
  return app.driver.executeAsyncScript(
    `const [how, wait, done] = arguments;
     const shown = () => [...document.querySelectorAll("[data-testid=thumb] img")].filter((i) => i.complete && i.naturalWidth > 0).length;
     const before = shown();
     const t0 = performance.now();
     if (how === "camera") {
       document.querySelector("[data-testid=camera-take]").click();
     } else {
       const data = new DataTransfer();
       data.items.add(window.__benchFrames.shift());
       const target = document.getElementById("s-photos");
       target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
       target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
     }
     const tick = () => {
       if (shown() > before) return done({ ms: performance.now() - t0 });
       if (performance.now() - t0 > wait) return done({ failed: "no new thumbnail after " + wait + " ms" });
       requestAnimationFrame(tick);
     };
     tick();`,
    how,
    WAIT_MS,
  );
}

const times = { camera: [], file: [] };
let frame = null;
for (let run = 0; run < repeat; run++) {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Bench Inspector");
    await newCase(app, "THLCH");
    await app.click('[data-testid="camera-open"]');
    await app.find('[data-testid="camera-preview"][data-ready="true"]');
    frame = await prepareFrames(app, SHOTS);
    if (frame.failed) throw new Error(`the frames could not be encoded: ${frame.failed}`);
    // Alternating, with the preview running for both: the same load behind each.
    for (let shot = 0; shot < SHOTS; shot++) {
      for (const how of shot % 2 === 0 ? ["camera", "file"] : ["file", "camera"]) {
        const { ms, failed } = await timed(app, how);
        if (failed) throw new Error(`${how}: ${failed}`);
        times[how].push(ms);
        // The take button is busy until the photo is stored: the next shot waits for it.
        await app.driver.wait(() => app.driver.executeScript('return !document.querySelector("[data-testid=camera-take]").disabled'), WAIT_MS);
      }
    }
  } finally {
    await app.kill(dataDir);
  }
}
const [camera, file] = [median(times.camera), median(times.file)];
console.log(
  `capture, a ${frame.width}x${frame.height} frame (${(frame.bytes / 1e3).toFixed(0)} kB as JPEG): camera to thumbnail ${camera.toFixed(0)} ms, the same frame dropped as a file ${file.toFixed(0)} ms (${(file / camera).toFixed(2)}x)`,
);
figure("camera capture to thumbnail shown", camera, "ms");
figure("same frame dropped as a file to thumbnail shown", file, "ms");
figure("frame", frame.width * frame.height, "px");
