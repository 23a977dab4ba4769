// End to end: an inspector submits a case, acknowledging its flag, a supervisor on another device
// approves it after reading what the approval covers, the inspector changes it afterwards (saying
// why), the change sends it back to the supervisor, who approves it again and closes it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstStart, freshDataDir, newCase, openCase, relaunch, synced } from "./app.mjs";
import { SyncServer } from "./server.mjs";

const SEAL = "SL4471923";
const seal = '[data-section="seals"] [data-item="0"]';
const goods = '[data-section="goods_found"] [data-item="0"]';

/** The test id of what has the cursor. */
const focusedOn = (app) => app.driver.executeScript("return document.activeElement?.dataset.testid ?? null");

/** Submit from the header, ticking each open flag first when there are any. */
async function submitFromHeader(app) {
  await app.click('[data-testid="case-submit"]');
  await app.find('[data-testid="case-submit-panel"]');
  for (const box of await app.all('[data-testid="case-submit-flag"]')) await box.click();
  await app.click('[data-testid="case-submit-confirm"]');
}

test("a case is submitted with its flag acknowledged, approved on another device, changed with a reason, back in review, approved again and closed", async () => {
  const server = await SyncServer.create([
    ["ines", "inspector", "NLRTM"],
    ["sam", "supervisor", "NLRTM"],
  ]);
  const [inesData, samData] = [freshDataDir(), freshDataDir()];
  let app;
  let step = "ines-records";
  try {
    // Ines records a case with a seal number and submits it.
    app = await firstStart(inesData, "Ines Inspector", "ines", "inspector", server);
    assert.equal((await app.all('[data-testid="open-review-queue"]')).length, 0, "inspectors have no review queue");
    const caseNumber = await newCase(app, "NLRTM");
    await app.type('input[data-field="vessel_name"]', "MSC ANNA", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.click('[data-testid="add-seals"]');
    await app.type(`${seal} input[data-field="seal_number"]`, SEAL, { leave: true });
    await app.waitSaved(seal, "seal_number");
    // Goods weigh half again what was declared: a flag Ines must acknowledge to submit.
    await app.type('input[data-field="declared_weight"]', "1000 kg", { leave: true });
    await app.waitSaved("", "declared_weight");
    await app.click('[data-testid="add-goods_found"]');
    await app.type(`${goods} input[data-field="goods_weight"]`, "1500 kg", { leave: true });
    await app.waitSaved(goods, "goods_weight");
    await app.waitForText('[data-testid="case-state"]', /^Draft$/);
    // One Submit, the header's: the review panel leads to it.
    assert.equal((await app.all('[data-testid="submit-review"]')).length, 0);
    await app.click('[data-testid="review-go-submit"]');
    await app.waitForText('[data-testid="case-submit-panel"]', new RegExp(`Submit ${caseNumber} for review`));
    await app.waitForText('[data-testid="case-submit-flags"]', /Weight differs/);
    const confirm = await app.find('[data-testid="case-submit-confirm"]');
    assert.equal(await confirm.isEnabled(), false, "not until the flag is acknowledged");
    await app.waitForText('[data-testid="case-submit-flags-left"]', /Tick the open flag to submit/);
    await app.type('[data-testid="case-submit-note"]', "Seal checked twice");
    await app.click('[data-testid="case-submit-flag"]');
    await app.click('[data-testid="case-submit-confirm"]');
    await app.waitForText('[data-testid="case-state"]', /^Waiting for review$/);
    await app.driver.wait(async () => (await focusedOn(app)) === "case-state", 5_000, "the cursor is on the new state");
    await app.waitForText('[data-testid="review-state"]', /^Waiting for review since .* \(submitted by Ines Inspector\)$/);
    await app.waitForText('[data-testid="review-acknowledged"]', /Ines Inspector acknowledged this flag on submitting:[\s\S]*Weight differs/);
    await app.waitForText('[data-testid="timeline"]', /Flag acknowledged · Weight differs/);
    assert.equal((await app.all('[data-testid="approve-case"]')).length, 0, "an inspector cannot approve");
    // Read-only once submitted: the value as text, no box to type in.
    await app.find('[data-field="vessel_name"][data-readonly="true"]');
    await synced(app);
    await app.quit();

    // Sam, a supervisor of the port, finds it in his queue and by its seal number, and approves it.
    step = "sam-approves";
    app = await firstStart(samData, "Sam Supervisor", "sam", "supervisor", server);
    await synced(app);
    await app.click('[data-testid="open-review-queue"]');
    const queued = await app.waitForText('[data-testid="queue-row"]', new RegExp(caseNumber));
    assert.match(queued, /Waiting for review/);
    assert.match(queued, /Ines Inspector/);
    await app.waitForAttribute('[data-testid="open-review-queue"]', "data-count", /^1$/);
    await app.click('[data-testid="open-cases"]');
    await app.type('[data-testid="case-search"]', SEAL);
    await app.waitForText('[data-testid="page-label"]', /^1–1 of 1$/);
    await openCase(app, caseNumber);
    await app.waitForText('[data-testid="review-state"]', /Waiting for review/);
    await app.waitForText('[data-testid="review-acknowledged"]', /Weight differs/);
    // Approving shows what the approval covers first.
    await app.click('[data-testid="approve-case"]');
    await app.waitForText('[data-testid="approve-dialog"]', new RegExp(`Approve ${caseNumber}\\?`));
    await app.waitForAttribute('[data-testid="approve-summary"] [data-part="flags"]', "data-count", /^1$/);
    await app.waitForAttribute('[data-testid="approve-summary"] [data-part="acknowledged"]', "data-count", /^1$/);
    await app.waitForAttribute('[data-testid="approve-summary"] [data-part="changes"]', "data-count", /^[1-9]\d*$/);
    await app.click('[data-testid="approve-confirm"]');
    await app.waitForText('[data-testid="review-state"]', /^Approved by Sam Supervisor at /);
    await app.waitForText('[data-testid="case-state"]', /^Approved$/);
    await app.waitForText('[data-testid="timeline"]', /Review approved/);
    await synced(app);
    await app.quit();

    // Ines corrects the vessel name: she is asked why first, and the reason goes with the change.
    step = "ines-changes";
    app = await relaunch(inesData, "Ines Inspector");
    await synced(app);
    await openCase(app, caseNumber);
    await app.waitForText('[data-testid="review-state"]', /^Approved by Sam Supervisor at /);
    await app.waitForText('[data-testid="change-reason-notice"]', /This case was approved\. To change it, say why:/);
    await app.find('[data-field="vessel_name"][data-readonly="true"]'); // read-only until a reason is given
    await app.type('[data-testid="change-reason"]', "Vessel name misread from the bill of lading");
    await app.click('[data-testid="change-reason-save"]');
    await app.waitForText('[data-testid="change-reason-given"]', /^Changing because: Vessel name misread from the bill of lading$/);
    await app.type('input[data-field="vessel_name"]', "MSC ANNA II", { leave: true });
    await app.waitSaved("", "vessel_name");
    await app.waitForText('[data-testid="review-state"]', /^Changed after approval: 1 change — waiting for review$/);
    await app.waitForText('[data-testid="changed-since-approval"]', /1 change since the approval by Sam Supervisor/);
    const timeline = await app.textOf('[data-testid="timeline"]');
    assert.match(timeline, /Vessel name: MSC ANNA → MSC ANNA II/);
    assert.match(timeline, /Reason for the change: Vessel name misread from the bill of lading/);
    const marked = await app.all("ol.timeline li.since-approval");
    assert.equal(marked.length, 1, "only the change since the approval is marked");
    assert.match(await marked[0].getText(), /MSC ANNA II/);
    await app.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
    await app.screenshot("review-changed-after-approval.png");
    await synced(app);
    await app.quit();

    // The change reaches Sam: the case is back in his queue, as changed after approval.
    step = "sam-sees-reopened";
    app = await relaunch(samData, "Sam Supervisor");
    await synced(app);
    await app.click('[data-testid="open-review-queue"]');
    await app.waitForText('[data-testid="queue-row"]', new RegExp(`${caseNumber}[\\s\\S]*Changed after approval`));
    await app.waitForAttribute('[data-testid="queue-row"]', "data-state", /^reopened$/);
    await app.click('[data-testid="queue-row"] [data-testid="open-queued-case"]');
    await app.waitForText('[data-testid="review-state"]', /^Changed after approval: 1 change/);
    await app.waitForText('[data-testid="case-state"]', /^Changed after approval$/);

    // He approves the change, then closes the case: it is done, and does not go back to the queue.
    await app.click('[data-testid="approve-case"]');
    await app.waitForAttribute('[data-testid="approve-summary"] [data-part="changes"]', "data-count", /^1$/);
    await app.click('[data-testid="approve-confirm"]');
    await app.waitForText('[data-testid="case-state"]', /^Approved$/);
    await app.click('[data-testid="close-case"]');
    await app.type('[data-testid="close-note"]', "Goods handed to the bonded warehouse");
    await app.click('[data-testid="close-confirm"]');
    await app.waitForText('[data-testid="case-state"]', /^Closed$/);
    await app.driver.wait(async () => (await focusedOn(app)) === "case-state", 5_000, "the cursor is on the new state");
    await app.waitForText('[data-testid="review-state"]', /^Closed by Sam Supervisor at /);
    await app.waitForText('[data-testid="timeline"]', /Case closed/);
    assert.equal((await app.all('[data-testid="close-case"], [data-testid="approve-case"], [data-testid="change-reason"]')).length, 0, "nothing more to do");
    await app.find('[data-field="vessel_name"][data-readonly="true"]');
    await app.waitForAttribute('[data-testid="open-review-queue"]', "data-count", /^0$/);
    await app.quit();
    app = null;
  } catch (e) {
    await app?.screenshot(`failure-review-${step}.png`).catch(() => undefined);
    throw e;
  } finally {
    if (app) await app.quit().catch(() => undefined);
    await server.stop();
  }
});

test("a supervisor returns a case with comments on its sections, and it can be submitted again", async () => {
  // The supervisor's role is the server account's word: set up locally, a person is an inspector.
  const server = await SyncServer.create([["sam", "supervisor", "NLRTM"]]);
  const app = await firstStart(freshDataDir(), "Sam Supervisor", "sam", "supervisor", server);
  try {
    await app.click('[data-testid="new-case"]');
    await app.type('[data-testid="new-case-port"]', "NLRTM");
    await app.click('[data-testid="new-case-create"]');
    await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
    await submitFromHeader(app);
    await app.waitForText('[data-testid="review-state"]', /^Waiting for review since/);
    await app.waitForAttribute('[data-testid="open-review-queue"]', "data-count", /^1$/);

    // The comment is required: the form says so rather than send an empty one.
    await app.click('[data-testid="return-case"]');
    await app.click('[data-testid="return-confirm"]');
    await app.waitForAttribute('[data-testid="return-comment"]', "aria-invalid", /^true$/);
    await app.type('[data-testid="return-comment"]', "Record the seals before submitting");
    await app.type('[data-testid="return-section-seals"]', "Seal number missing");
    await app.click('[data-testid="return-confirm"]');
    await app.waitForText('[data-testid="review-state"]', /^Returned by Sam Supervisor: Record the seals before submitting$/);
    await app.waitForText('[data-testid="section-comment-seals"]', /Seal number missing/);
    assert.equal((await app.all('[data-testid^="section-comment-"]')).length, 1, "only the section commented on");
    assert.equal(await (await app.find('input[data-field="vessel_name"]')).isEnabled(), true, "a returned case is editable");
    await app.waitForText('[data-testid="timeline"]', /Returned to the inspector/);

    await submitFromHeader(app);
    await app.waitForText('[data-testid="review-state"]', /^Waiting for review since/);
    assert.equal((await app.all('[data-testid="section-comment-seals"]')).length, 0, "cleared by the new submission");
    // Nobody approves their own submission: the refusal is shown as it comes.
    await app.click('[data-testid="approve-case"]');
    await app.click('[data-testid="approve-confirm"]');
    await app.waitForText('.detail > .error[role="alert"]', /another supervisor must approve it/);
  } catch (e) {
    await app.screenshot("failure-review-return.png").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
    await server.stop();
  }
});
