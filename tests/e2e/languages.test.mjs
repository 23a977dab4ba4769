// End to end: the app in other languages. A walk through the screens in the pseudo-locale (English
// accented and a third longer) fails on any visible text no catalogue holds and on any screen wider
// than a 1024x640 window; a Shanghai inspector works in Chinese with Chinese and Thai names, finds
// the case by a fragment and exports a PDF that prints them; Spanish and Thai input as typed there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { freshDataDir, launch, root, setUp } from "./app.mjs";

/** The device's last language, as the lock screen reads it before anyone unlocks. */
function startIn(dataDir, tag) {
  writeFileSync(join(dataDir, "language"), tag);
}

/** A catalogue text as a language's file words it (`section.parties` in zh-CN). */
function catalogueText(tag, key) {
  const dir = join(root, "crates/quayside-i18n/locales", tag);
  const id = key.replaceAll(".", "-");
  for (const file of ["labels.ftl", "screens-app.ftl", "screens-cases.ftl", "screens-review.ftl", "documents.ftl"]) {
    const line = readFileSync(join(dir, file), "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${id} = `));
    if (line) return line.slice(id.length + 3);
  }
  throw new Error(`${key} is in no ${tag} file`);
}

/** Every text a person can see or hear on the screen now: text nodes of visible elements, and
 * titles, accessible names and placeholders. */
const VISIBLE_TEXT = `
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || el.closest('[aria-hidden="true"], [inert], script, style, textarea')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const box = el.getBoundingClientRect();
    if ((box.width === 0 || box.height === 0) && el.tagName !== "OPTION") continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
    if (el.closest('[aria-hidden="true"], [inert]')) continue;
    for (const name of ["title", "aria-label", "placeholder", "alt"]) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out;`;

/** A valid 1x1 PNG: named .jpg, the import stores it as PNG and says so. */
const PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Month names and day periods as `Intl` writes them in English. */
const INTL_WORDS = new RegExp(
  `\\b(${[...Array(12).keys()]
    .map((m) => new Intl.DateTimeFormat("en", { month: "short" }).format(new Date(2026, m, 1)))
    .concat(["AM", "PM"])
    .join("|")})\\b`,
  "g",
);

/**
 * Words no catalogue gave: the pseudo-locale replaces every vowel, so a run of ASCII letters with
 * a vowel in it came from somewhere else, once what the person typed is taken out.
 */
function foreignWords(texts, typed) {
  const found = new Set();
  for (let text of texts) {
    // Case numbers, hashes and addresses are data, not words; dates and times are Intl's, in
    // the pseudo-locale's base language. Case numbers go first: they hold typed port codes.
    text = text.replace(/[A-Z]{5}-\d{4}-[0-9A-Z]{6}-\d{4}/g, " ");
    for (const value of typed) text = text.replaceAll(value, " ");
    text = text
      .replace(/\b[0-9a-f]{8,}\b/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(INTL_WORDS, " ");
    for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) {
      if (/[aeiouyAEIOUY]/.test(word)) found.add(`${word} (in "${text.trim().slice(0, 60)}")`);
    }
  }
  return [...found];
}

async function checkScreen(app, name, typed, problems) {
  await app.driver.executeScript("window.scrollTo(0, 0);");
  await app.screenshot(`pseudo-${name}.png`);
  const texts = await app.driver.executeScript(VISIBLE_TEXT);
  for (const word of foreignWords(texts, typed)) problems.push(`${name}: ${word}`);
  const [scrollWidth, innerWidth] = await app.driver.executeScript(
    "return [document.documentElement.scrollWidth, window.innerWidth];",
  );
  if (scrollWidth > innerWidth) problems.push(`${name}: ${scrollWidth} px wide in a ${innerWidth} px window`);
}

test("every screen in the pseudo-locale shows only catalogue text and fits a 1024x640 window", async () => {
  const dataDir = freshDataDir();
  startIn(dataDir, "en-XA");
  const app = await launch(dataDir);
  const typed = ["Ines Inspector", "NLRTM", "MSC ANNA", "CSQU 305438 3", "CSQU3054383"];
  const problems = [];
  try {
    await app.driver.manage().window().setRect({ width: 1024, height: 640 });
    await app.find('[data-testid="user-name"]');
    await checkScreen(app, "set-up", typed, problems);
    await setUp(app, "Ines Inspector");
    // The device's short id is random data: a run like "K5MQRE" is no English word.
    typed.push(await (await app.find('[data-testid="who"]')).getAttribute("data-device"));
    await checkScreen(app, "case-list-empty", typed, problems);

    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await checkScreen(app, "new-case", typed, problems);
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
    await app.type('input[data-field="container_number"]', "CSQU 305438 3", { leave: true });
    await app.waitSaved("", "container_number");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    // A mistake, so a validation message is on screen too.
    await app.type('input[data-field="imo_number"]', "12");
    await app.find('[data-testid="note-imo_number"]');
    await checkScreen(app, "case-detail", typed, problems);
    // A PNG named .jpg: the import's note on it is Rust's keyed message, worded here. Only the
    // import's outcome is read: the history it adds words its own lines.
    const photo = join(tmpdir(), `quayside-pseudo-${process.pid}`, "seal.jpg");
    mkdirSync(dirname(photo), { recursive: true });
    writeFileSync(photo, Buffer.from(PNG_1PX, "base64"));
    await app.pickPhotos([photo]);
    await app.click('[data-testid="photo-outcomes"] summary');
    const outcome = await app.find('[data-testid="photo-outcomes"][open] li[data-ok="true"]');
    const note = await outcome.getText();
    assert.match(note, /PNG/, note);
    for (const word of foreignWords([note], [...typed, "seal.jpg"])) problems.push(`photo-import: ${word}`);

    await app.click('[data-testid="open-cases"]');
    await app.find('[data-testid="case-row"]');
    await checkScreen(app, "case-list", typed, problems);

    await app.click('[data-testid="open-statistics"]');
    await app.find('[data-testid="stats-total"]');
    await checkScreen(app, "statistics", typed, problems);

    await app.click('[data-testid="open-sync-settings"]');
    await app.find('[data-testid="sync-settings"]');
    await checkScreen(app, "sync-settings", typed, problems);
    await app.click('[data-testid="close-sync-settings"]');

    await app.click('[data-testid="open-device-settings"]');
    await app.find('[data-testid="device-settings"]');
    await checkScreen(app, "device-settings", typed, problems);
    await app.click('[data-testid="close-device-settings"]');

    await app.click('[data-testid="lock-now"]');
    await app.find('[data-testid="passphrase"]');
    await checkScreen(app, "lock", typed, problems);
  } catch (e) {
    await app.screenshot("failure-pseudo.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
  assert.deepEqual(problems, []);
});

const SHENZHEN = "深圳华鑫贸易有限公司";
const LAEM_CHABANG = "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด";
const party = (n) => `[data-section="parties"] [data-item="${n}"]`;

test("a Shanghai inspector works in Chinese: Chinese and Thai names, found by a fragment, printed in the PDF", async () => {
  const dataDir = freshDataDir();
  startIn(dataDir, "zh-CN");
  const app = await launch(dataDir);
  try {
    await setUp(app, "王伟");
    // The screens speak Chinese.
    await app.waitForText('[data-testid="open-statistics"]', new RegExp(catalogueText("zh-CN", "app.statistics")));
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "CNSHA");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^CNSHA-/);
    await app.waitForText('[data-section="parties"] h2', new RegExp(catalogueText("zh-CN", "section.parties")));
    // A container number as a Chinese input method types it.
    await app.type('input[data-field="container_number"]', "ＣＳＱＵ３０５４３８３", { leave: true });
    await app.waitSaved("", "container_number");

    await app.click('[data-testid="add-parties"]');
    await app.type(`${party(0)} textarea[data-field="party_name"], ${party(0)} input[data-field="party_name"]`, SHENZHEN, { leave: true });
    await app.waitSaved(party(0), "party_name");
    await app.click('[data-testid="add-parties"]');
    await app.type(`${party(1)} textarea[data-field="party_name"], ${party(1)} input[data-field="party_name"]`, LAEM_CHABANG, { leave: true });
    await app.waitSaved(party(1), "party_name");
    // The timeline words the app's own values in Chinese too ("added" is the catalogue's word).
    await app.waitForText('[data-testid="timeline"]', new RegExp(catalogueText("zh-CN", "change.added")));
    assert.doesNotMatch(await app.textOf('[data-testid="timeline"]'), /\badded\b/);
    await app.screenshot("zh-CN-case-detail.png");

    // Found by part of either name, and by the container number as painted.
    await app.click('[data-testid="open-cases"]');
    for (const query of ["华鑫", "华鑫贸易", "แหลมฉบัง", "csqu 305438 3"]) {
      await app.type('[data-testid="case-search"]', query);
      await app.waitForText('[data-testid="case-row"]', /CNSHA-/);
    }
    await app.screenshot("zh-CN-case-list.png");
    await app.click('[data-testid="case-row"] [data-testid="open-case"]');
    await app.click('[data-testid="case-export"]');
    await app.click('[data-testid="export-pdf"]');
    const result = await app.find('[data-testid="export-result"]');
    await app.driver.wait(async () => (await result.getAttribute("data-path")) !== null, 15_000);
    const pdf = await result.getAttribute("data-path");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"]).toString("utf8");
    assert.ok(text.includes(SHENZHEN), "the Chinese name is in the PDF's text");
    assert.ok(text.replace(/\s+/g, " ").includes(LAEM_CHABANG), "the Thai name is in the PDF's text");
    assert.ok(text.includes("王伟"), "the inspector's own name");
    assert.ok(text.includes(catalogueText("zh-CN", "section.parties")), "the PDF is worded in Chinese");
    assert.ok(text.includes(catalogueText("zh-CN", "pdf.title")), "its headings too");
    assert.ok(text.includes(catalogueText("zh-CN", "pdf.summary_findings")), "the summary of what was found");
    assert.ok(!text.includes("Seizure case file"), "no English heading is left");
    assert.doesNotMatch(text, /not in the PDF's font/);
    // Every font the PDF uses is embedded in it.
    const fonts = execFileSync("pdffonts", [pdf]).toString("utf8").split("\n").slice(2).filter(Boolean);
    assert.ok(fonts.length > 0);
    for (const font of fonts) assert.match(font, /\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/, `not embedded: ${font}`);
  } catch (e) {
    await app.screenshot("failure-zh-CN.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});

const goodsLine = '[data-section="goods_found"] [data-item="0"]';
const sample = '[data-section="samples"] [data-item="0"]';

/** Leave the case and open it again: the fields then show what the store holds. */
async function reopen(app, caseNumber) {
  await app.click('[data-testid="open-cases"]');
  await app.waitForText('[data-testid="case-row"]', new RegExp(caseNumber));
  await app.click('[data-testid="case-row"] [data-testid="open-case"]');
  await app.waitForText('[data-testid="case-number"]', new RegExp(caseNumber));
}

test("a Manzanillo inspector types a Spanish decimal comma and a Laem Chabang inspector a Buddhist-era date", async () => {
  const dataDir = freshDataDir();
  startIn(dataDir, "es");
  let app = await launch(dataDir);
  try {
    await setUp(app, "Lucía Hernández");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "MXZLO");
    await app.click('[data-testid="new-case-create"]');
    const caseNumber = await app.waitForText('[data-testid="case-number"]', /^MXZLO-/);
    await app.click('[data-testid="add-goods_found"]');
    await app.type(`${goodsLine} input[data-field="goods_weight"]`, "18.000,5 kg", { leave: true });
    await app.waitSaved(goodsLine, "goods_weight");
    await reopen(app, caseNumber);
    // Stored canonical, whatever the language it was typed in.
    await app.waitForValue(`${goodsLine} input[data-field="goods_weight"]`, "18000.5 kg");
    await app.screenshot("es-case-detail.png");
  } catch (e) {
    await app.screenshot("failure-es.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }

  const thaiDir = freshDataDir();
  startIn(thaiDir, "th");
  app = await launch(thaiDir);
  try {
    await setUp(app, "สมชาย ใจดี");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "THLCH");
    await app.click('[data-testid="new-case-create"]');
    const caseNumber = await app.waitForText('[data-testid="case-number"]', /^THLCH-/);
    await app.click('[data-testid="add-samples"]');
    // Day first, in the Common Era until the person chooses the Buddhist era.
    await app.type(`${sample} input[data-field="sample_taken_at"]`, "6/12/2026 14:05", { leave: true });
    await app.waitSaved(sample, "sample_taken_at");
    await app.type(`${sample} input[data-field="sample_taken_at"]`, "7/12/2569 09:30");
    await app.waitForText(`${sample} [data-testid="note-sample_taken_at"]`, /2569/);

    await app.click('[data-testid="open-device-settings"]');
    await app.click('[data-testid="buddhist-era"]');
    await app.driver.wait(async () => (await app.find('[data-testid="buddhist-era"]')).isSelected(), 10_000);
    await app.click('[data-testid="close-device-settings"]');
    await reopen(app, caseNumber);
    await app.type(`${sample} input[data-field="sample_taken_at"]`, "7/12/2569 09:30", { leave: true });
    await app.waitSaved(sample, "sample_taken_at");
    await reopen(app, caseNumber);
    await app.waitForValue(`${sample} input[data-field="sample_taken_at"]`, "2026-12-07 09:30");
    await app.screenshot("th-case-detail.png");
  } catch (e) {
    await app.screenshot("failure-th.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(thaiDir);
  }
});
