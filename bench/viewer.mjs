// The viewer's original at full size: the real app (tauri-driver, a real window) opens a large
// photo (a noise PNG of about 94 MB, 5600x5600: the most a 100 MB limit leaves room for, and noise,
// so nothing compresses it away, dropped into a case) through the app's `original:` protocol, against the path it
// replaced in the same page on the same file: the `photo_image` command's base64 data URL over IPC.
// Both are timed inside the page from asking to the image decoded and ready to draw, alternating.
// A fair peer: the same bytes, the same vault read and hash check, the same decoder; only the way
// the bytes reach the page differs. Prints `BENCH {json}` lines.
//
//   node bench/viewer.mjs REPEAT      (bench/app-start.sh sets up the display and the driver)
import { deflateSync } from "node:zlib";
import { freshDataDir, launch, newCase, setUp } from "../tests/e2e/app.mjs";

const repeat = Number(process.argv[2] ?? 1);
// The harness's own run (bench/run --tiny) needs no large file: a small one keeps it from rotting.
const SIDE = process.env.BENCH_TINY ? 600 : 5600;
const WAIT_MS = 300_000;

const figure = (name, value, unit) => console.log(`BENCH ${JSON.stringify({ group: "viewer", name, value, unit })}`);

/** A `side` x `side` RGB PNG of noise, stored (zlib level 0): about 3 bytes a pixel. */
function noisePng(side) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = side * 3 + 1;
  const raw = Buffer.alloc(row * side);
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    if (i % row === 0) continue; // filter byte: none
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 0 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

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
