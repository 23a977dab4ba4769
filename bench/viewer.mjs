// The viewer's original at full size: the real app (tauri-driver, a real window) opens a large
// photo (a noise PNG of about 94 MB, 5600x5600: the most a 100 MB limit leaves room for, and noise,
// so nothing compresses it away, dropped into a case) through the app's `original:` protocol, against the path it
// replaced in the same page on the same file: the `photo_image` command's base64 data URL over IPC.
// Both are timed inside the page from asking to the image decoded and ready to draw, alternating.
// A fair peer: the same bytes, the same vault read and hash check, the same decoder; only the way
// the bytes reach the page differs. Prints `BENCH {json}` lines.
//
//   node bench/viewer.mjs REPEAT      (bench/app-start.sh sets up the display and the driver)
import { freshDataDir, launch, newCase, setUp } from "../tests/e2e/app.mjs";
import { noisePng } from "../tests/e2e/images.mjs";

const repeat = Number(process.argv[2] ?? 1);
// The harness's own run (bench/run --tiny) needs no large file: a small one keeps it from rotting.
const SIDE = process.env.BENCH_TINY ? 600 : 5600;
const WAIT_MS = 300_000;

const figure = (name, value, unit) => console.log(`BENCH ${JSON.stringify({ group: "viewer", name, value, unit })}`);

/**
 * Drop `bytes` as a file named `name` onto the photos section, as a person drops a file: a release
 * build has no stand-in for the Open dialog. The bytes reach the page in pieces (WebDriver takes
 * a few megabytes a call), then go to the app as a dropped file's do.
 */
async function dropFile(app, name, bytes) {
  await app.driver.executeScript("window.__benchPieces = [];");
  const PIECE = 3 * 1024 * 1024;
  for (let at = 0; at < bytes.length; at += PIECE) {
    await app.driver.executeScript(
      "window.__benchPieces.push(Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0)));",
      bytes.subarray(at, at + PIECE).toString("base64"),
    );
  }
  await app.driver.executeScript(
    `const data = new DataTransfer();
     data.items.add(new File(window.__benchPieces, arguments[0], { type: "image/png" }));
     window.__benchPieces = null;
     const target = document.getElementById("s-photos");
     target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
     target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));`,
    name,
  );
}

/** Milliseconds from asking for the original `way` to the image decoded, timed in the page. */
async function open(app, sha256, way) {
  await app.driver.manage().setTimeouts({ script: WAIT_MS });
  return app.driver.executeAsyncScript(
    `const [sha, way, done] = arguments;
     const t0 = performance.now();
     (async () => {
       let src;
       if (way === "protocol") {
         src = window.__TAURI_INTERNALS__.convertFileSrc(sha, "original");
       } else {
         const image = await window.__TAURI_INTERNALS__.invoke("api", { command: "photo_image", args: { sha256: sha, size: "original" } });
         src = image.data_url;
       }
       const img = new Image();
       img.src = src;
       await img.decode();
       if (img.naturalWidth === 0) throw new Error("nothing decoded");
       done({ ms: performance.now() - t0 });
     })().catch((e) => done({ ms: performance.now() - t0, failed: String(e && e.message || e) }));`,
    sha256,
    way,
  );
}

const bytes = noisePng(SIDE);
const dataDir = freshDataDir();
const app = await launch(dataDir);
try {
  await setUp(app, "Bench Inspector");
  await newCase(app, "NLRTM");
  await dropFile(app, "large.png", bytes);
  await app.driver.wait(async () => (await app.all('[data-testid="thumb"]')).length === 1, WAIT_MS, "the photo imported");
  const sha256 = await (await app.find('[data-testid="thumb"]')).getAttribute("data-sha256");
  const times = { protocol: [], base64: [] };
  const failures = { protocol: [], base64: [] };
  for (let run = 0; run < repeat; run++) {
    const order = run % 2 === 0 ? ["protocol", "base64"] : ["base64", "protocol"];
    for (const way of order) {
      const { ms, failed } = await open(app, sha256, way);
      times[way].push(ms);
      if (failed) failures[way].push(failed);
    }
  }
  // The protocol must open it; the path it replaced may not (that is the finding, not an error).
  if (failures.protocol.length > 0) throw new Error(`the original did not open through the protocol: ${failures.protocol[0]}`);
  const best = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const [protocol, base64] = [best(times.protocol), best(times.base64)];
  const size = `${(bytes.length / 1e6).toFixed(1)} MB`;
  console.log(
    failures.base64.length > 0
      ? `viewer, a ${size} original at full size: protocol ${protocol.toFixed(0)} ms; base64 over IPC failed after ${base64.toFixed(0)} ms (${failures.base64[0]})`
      : `viewer, a ${size} original at full size: protocol ${protocol.toFixed(0)} ms, base64 over IPC ${base64.toFixed(0)} ms (${(base64 / protocol).toFixed(2)}x)`,
  );
  figure("original at full size, protocol", protocol, "ms");
  figure("original at full size, base64 over IPC", base64, "ms");
  figure("original size", bytes.length, "B");
} finally {
  await app.kill(dataDir);
}
