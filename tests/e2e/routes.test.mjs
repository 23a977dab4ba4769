// End to end: the dashboard's route map. Two cases' route legs (one through Singapore, too small
// for the world's coarse outlines) are drawn as legs between countries, as wide as their cases,
// the countries named; checked with axe and looked at in Thai at 1024x640 and at full HD.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, newCase, setUp } from "./app.mjs";
import { axeViolations, overflow } from "./a11y.mjs";

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };

async function caseRoute(app, legs) {
  await newCase(app, "MXZLO");
  for (const [n, [locode, role]] of legs.entries()) {
    const leg = `[data-section="route"] [data-item="${n}"]`;
    await app.driver.executeScript('document.querySelector("[data-testid=add-route]").click()');
    await app.type(`${leg} input[data-field="leg_locode"]`, locode, { leave: true });
    await app.waitSaved(leg, "leg_locode");
    await app.choose(`${leg} select[data-field="leg_role"]`, role);
    await app.waitSaved(leg, "leg_role");
  }
}

test("route legs are drawn on the world map as wide as their cases, Singapore's too", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  try {
    await setUp(app, "Ana Analyst");
    await caseRoute(app, [["CNSZX", "origin"], ["THLCH", "transshipment"], ["MXZLO", "destination"]]);
    await caseRoute(app, [["CNSHA", "origin"], ["THLCH", "transshipment"], ["MXZLO", "destination"]]);
    await caseRoute(app, [["CNSHA", "origin"], ["SGSIN", "transshipment"], ["MXZLO", "destination"]]);
    await app.click('[data-testid="case-back"]');
    await app.click('[data-testid="open-statistics"]');
    await app.waitForAttribute('[data-testid="stats-total"]', "data-total", /^3$/);
    const leg = (from, to) => `[data-testid="route-map"] [data-leg="${from}>${to}"]`;
    await app.waitForAttribute(leg("CN", "TH"), "data-cases", /^2$/);
    await app.waitForAttribute(leg("TH", "MX"), "data-cases", /^2$/);
    // Singapore is in the finer outlines only, loaded for it.
    await app.waitForAttribute(leg("CN", "SG"), "data-cases", /^1$/);
    await app.waitForAttribute(leg("SG", "MX"), "data-cases", /^1$/);
    const widths = await app.driver.executeScript(
      `return [arguments[0], arguments[1]].map((css) => Number(document.querySelector(css).getAttribute("stroke-width")));`,
      leg("CN", "TH"),
      leg("CN", "SG"),
    );
    assert.ok(widths[0] > widths[1], `two cases draw wider than one: ${widths}`);
    // The drawing's name, which a screen reader reads (an SVG title is not shown text).
    const named = await app.driver.executeScript('return document.querySelector("[data-testid=route-map] svg > title").textContent');
    assert.match(named, /4 legs between 4 countries/);

    await app.driver.manage().window().setRect(SMALL);
    await app.click('[data-testid="open-device-settings"]');
    await app.choose('[data-testid="language"]', "th");
    await app.click('[data-testid="close-device-settings"]');
    // The dashboard is read again in the new language: the map comes back once it has.
    await app.find('[data-testid="route-map"] [data-leg]');
    await app.driver.executeScript('document.querySelector("[data-testid=route-map]").scrollIntoView({ block: "center" })');
    await app.screenshot("route-map-th-1024.png");
    const wide = await overflow(app);
    assert.ok(wide.widest <= wide.width, JSON.stringify(wide));
    assert.deepEqual(await axeViolations(app), []);
    await app.driver.manage().window().setRect(FULL_HD);
    await app.driver.executeScript('document.querySelector("[data-testid=route-map]").scrollIntoView({ block: "center" })');
    await app.screenshot("route-map-th-1920.png");
  } catch (e) {
    await app.screenshot("failure-routes.png").catch(() => undefined);
    throw e;
  } finally {
    await app.kill(dataDir);
  }
});
