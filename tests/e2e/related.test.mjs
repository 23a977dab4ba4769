// End to end: repeat offenders. A company recorded in traditional characters in one case is seen
// from the case that records it in simplified ones, and opened from there in one press; a near
// English spelling is suggested and linked by a person's decision, which the timeline keeps. The
// part is checked with axe, for reflow at 1024x640, for 44 px targets in the touch density, and
// looked at in Spanish, the longest language, and at full HD.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations, overflow, smallTargets } from "./a11y.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };
const party = '[data-section="parties"] [data-item="0"]';

/** A new case at THLCH naming one company, and the container it travelled in. */
async function caseNaming(app, company, container) {
  const number = await newCase(app, "THLCH");
  await app.type('input[data-field="container_number"]', container, { leave: true });
  await app.waitSaved("", "container_number");
  // The part below moves as the container's check appears: the button is pressed where it is.
  await app.driver.executeScript('document.querySelector("[data-testid=add-parties]").click()');
  await app.choose(`${party} select[data-field="party_kind"]`, "company");
  await app.waitSaved(party, "party_kind");
  await app.type(`${party} input[data-field="party_name"]`, company, { leave: true });
  await app.waitSaved(party, "party_name");
  return number;
}

/** The text of the related part's entry for an entity of `kind`. */
async function entry(app, kind) {
  return app.textOf(`[data-testid="related"] [data-kind="${kind}"]`);
}

test("a company seen in another case is listed there and opened; a near spelling is linked on a person's word", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ines Inspector");
    const first = await caseNaming(app, "深圳市華鑫貿易有限公司", "CSQU 305438 3");
    await app.find('[data-testid="related-none"]');
    const second = await caseNaming(app, "深圳市华鑫贸易有限公司", "CSQU3054383");

    await app.waitForText('[data-testid="related"] [data-kind="company"]', /In 1 other case/);
    assert.match(await entry(app, "company"), new RegExp(`深圳市华鑫贸易有限公司[\\s\\S]*${first}[\\s\\S]*THLCH`));
    assert.match(await entry(app, "container"), new RegExp(first));
    // Beside the party and the container's field too, each a way to those cases.
    await app.waitForText(`${party} [data-testid="seen-badge"][data-kind="company"]`, /^Company: in 1 other case$/);
    await app.waitForText('[data-section="transport"] [data-testid="seen-badge"][data-kind="container"]', /^Container: in 1 other case$/);
    await app.click(`${party} [data-testid="seen-badge"]`);
    await app.driver.wait(
      () => app.driver.executeScript('return document.activeElement?.getAttribute("data-kind") === "company" && document.activeElement.classList.contains("related-entity")'),
      10_000,
      "the badge leads to the company's cases",
    );
    await app.driver.manage().window().setRect(SMALL);
    await app.driver.executeScript('document.getElementById("s-related").scrollIntoView()');
    await app.screenshot("related-1024.png");
    const wide = await overflow(app);
    assert.ok(wide.widest <= wide.width, JSON.stringify(wide));
    assert.deepEqual(await axeViolations(app), []);

    // One press opens the other case; back there, this one is listed in turn.
    await app.click('[data-testid="related"] [data-kind="company"] [data-testid="related-case"]');
    await app.waitForText('[data-testid="case-number"]', new RegExp(`^${first}$`));
    await app.waitForText('[data-testid="related"] [data-kind="company"]', new RegExp(second));

    // A near spelling is suggested, not linked, until someone says it is the same company.
    const huaxing = await caseNaming(app, "Shenzhen Huaxing Trading Co., Ltd.", "CSQU 305438 3");
    await caseNaming(app, "SHENZHEN HUAXIN TRADING CO LTD", "TGHU 987654 2");
    await app.waitForText('[data-testid="related-suggestion"]', /Maybe the same as Shenzhen Huaxing Trading Co\., Ltd\. \(1 case\)/);
    assert.doesNotMatch(await entry(app, "company"), /In 1 other case/);
    const same = await app.find('[data-testid="related-same"]');
    assert.equal(await same.getAttribute("aria-label"), "SHENZHEN HUAXIN TRADING CO LTD is the same as Shenzhen Huaxing Trading Co., Ltd.");
    await app.click('[data-testid="related-same"]');
    await app.waitForText('[data-testid="related"] [data-kind="company"]', /In 1 other case[\s\S]*linked by a person/);
    assert.equal((await app.all('[data-testid="related-suggestion"]')).length, 0);
    await app.waitForText('[data-testid="timeline"]', /Link.*Company.*shenzhen huaxin trading is the same as shenzhen huaxing trading/s);

    // The network: the linked case one step away, and through its container the first two, two
    // steps away; how the first case is linked to this one, told in words.
    await app.click('[data-testid="show-network"]');
    await app.waitForText('[data-testid="network-summary"]', /Cases: 4 · shared entities: 5\./);
    await app.find('[data-testid="network-graph"] canvas');
    const listed = await app.all('[data-testid="network-case"]');
    assert.equal(listed.length, 3);
    await app.driver.wait(async () => {
      for (const button of await app.all('[data-testid="network-case"]')) {
        if ((await button.getText()).includes(first)) {
          await button.click();
          return true;
        }
      }
      return false;
    }, 10_000);
    await app.waitForText('[data-testid="network-path"]', new RegExp(`names SHENZHEN HUAXIN TRADING CO LTD \\(Company\\), which a person linked to Shenzhen Huaxing Trading Co\\., Ltd\\., named by ${huaxing}[\\s\\S]*${huaxing} and ${first} both name`));
    await app.driver.manage().window().setRect(SMALL);
    await app.screenshot("network-1024.png");
    const narrow = await overflow(app);
    assert.ok(narrow.widest <= narrow.width, JSON.stringify(narrow));
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.screenshot("network-1920.png");
    await app.click('[data-testid="network-back"]');
    await app.find('[data-testid="related"]');

    // Gloves: every control of the part 44 px or more in the touch density.
    await app.click('[data-testid="open-device-settings"]');
    await app.click('[data-testid="density-touch"]');
    await app.choose('[data-testid="language"]', "es");
    await app.click('[data-testid="close-device-settings"]');
    await app.driver.wait(() => app.driver.executeScript("return document.documentElement.dataset.density === 'touch'"), 10_000);
    await app.waitForText('[data-testid="related"] [data-kind="company"]', /En 1 caso más[\s\S]*vinculado por una persona/);
    await app.driver.manage().window().setRect(SMALL);
    await app.driver.executeScript('document.getElementById("s-related").scrollIntoView()');
    const small = await smallTargets(app, 44);
    assert.deepEqual(small.filter((t) => /Huaxing|THLCH|Es el mismo/.test(t)), []);
    await app.screenshot("related-touch-es-1024.png");
    await app.driver.manage().window().setRect(FULL_HD);
    await app.driver.executeScript('document.getElementById("s-related").scrollIntoView()');
    await app.screenshot("related-touch-es-1920.png");
    assert.deepEqual(await axeViolations(app), []);
  } catch (e) {
    await app.screenshot("failure-related.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
