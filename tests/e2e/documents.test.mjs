// End to end: a shipping document attached through the real app's Open dialog (its stand-in) with
// its type and number, and a scan dropped on it, listed in the case file; a file that is no
// document refused with what to do; the part's controls large enough to press with gloves in the
// touch density.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { freshDataDir, launch, setUp } from "./app.mjs";
import { png } from "./images.mjs";

/** A small, whole one-page PDF. */
function pdf(text) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Controls inside `css` smaller than `min` px either way. */
async function smallTargetsIn(app, css, min) {
  return app.driver.executeScript(
    `const [css, min] = arguments;
     const sel = 'button, input, select, textarea, summary, a[href]';
     return [...document.querySelectorAll(css + ' ' + sel.split(', ').join(', ' + css + ' '))]
       .filter((el) => el.getBoundingClientRect().width > 0)
       .filter((el) => { const r = el.getBoundingClientRect(); return r.width + 0.5 < min || r.height + 0.5 < min; })
       .map((el) => (el.getAttribute('data-testid') || el.textContent || el.tagName).trim() + ' ' + Math.round(el.getBoundingClientRect().height));`,
    css,
    min,
  );
}

test("a PDF attached through the app is listed with its type and number; a file that is no document is refused", async () => {
  const dataDir = freshDataDir();
  const files = freshDataDir();
  const invoice = join(files, "invoice 2041.pdf");
  const notes = join(files, "notes.pdf");
  writeFileSync(invoice, pdf("Commercial invoice INV-2041"));
  writeFileSync(notes, "inspection notes, not a PDF");

  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "THLCH");
    await app.click('[data-testid="new-case-create"]');
    await app.find('[data-testid="case-detail"]');
    await app.find('[data-testid="documents-none"]');

    await app.choose('[data-testid="document-type"]', "commercial_invoice");
    await app.type('[data-testid="document-number"]', "INV-2041");
    writeFileSync(app.picks, [invoice, notes].join("\n"));
    await app.click('[data-testid="document-add"]');
    await app.waitForText('[data-testid="document-outcomes"]', /notes\.pdf/);
    const outcomes = await app.textOf('[data-testid="document-outcomes"]');
    assert.match(outcomes, /invoice 2041\.pdf: attached/);
    assert.match(outcomes, /notes\.pdf: notes\.pdf is not a PDF, JPEG, PNG or TIFF file .*Nothing was stored/);

    const rows = await app.all('[data-testid="document-row"]');
    assert.equal(rows.length, 1);
    const row = await rows[0].getText();
    assert.match(row, /Commercial invoice/);
    assert.match(row, /INV-2041/);
    assert.match(row, /invoice 2041\.pdf/);
    assert.match(row, /\d+ KB/);
    assert.match(await app.textOf('[data-testid="section-documents"]'), /Shipping documents\s*1/);

    // A scan dropped onto the part (a real File in a real drop event; the OS drag itself is out of
    // WebDriver's reach), as a packing list without a number.
    await app.choose('[data-testid="document-type"]', "packing_list");
    await app.driver.executeScript(
      `const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
       const data = new DataTransfer();
       data.items.add(new File([bytes], "packing list.png", { type: "image/png" }));
       const target = document.getElementById("s-documents");
       target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
       target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));`,
      png(200, 280, 4).toString("base64"),
    );
    await app.waitForText('[data-testid="document-outcomes"]', /packing list\.png: attached/);
    await app.driver.wait(async () => (await app.all('[data-testid="document-row"]')).length === 2, 10_000);
    const scan = await (await app.all('[data-testid="document-row"]'))[1].getText();
    assert.match(scan, /Packing list\s*none\s*packing list\.png/);

    await app.click('[data-testid="open-device-settings"]');
    await app.click('[data-testid="density-touch"]');
    await app.click('[data-testid="close-device-settings"]');
    await app.driver.wait(() => app.driver.executeScript("return document.documentElement.dataset.density === 'touch'"), 10_000);
    await app.driver.executeScript("document.getElementById('documents-part').scrollIntoView()");
    assert.deepEqual(await smallTargetsIn(app, "#documents-part", 44), []);
    await app.screenshot("documents-touch.png");
  } catch (e) {
    await app.screenshot("failure-documents.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
