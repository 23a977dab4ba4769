// Checks of what a screen offers people who cannot or do not use it the usual way: axe-core's
// WCAG 2.2 A and AA rules injected into the real app, the size of every target, and reflow (no
// sideways scrolling but inside data tables).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** axe-core's violations on the screen now, as "rule: target" lines (none is a pass). */
export async function axeViolations(app) {
  await app.driver.executeScript(`if (!window.axe) { ${AXE} }`);
  const result = await app.driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.axe.run(document, { runOnly: { type: "tag", values: arguments[0] }, resultTypes: ["violations"] })
       .then((r) => done(r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }))))
       .catch((e) => done([{ id: "axe-error", nodes: [String(e)] }]));`,
    TAGS,
  );
  return result.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n}`));
}

/**
 * Interactive elements smaller than `min` CSS px either way, as the run sees them. Inline links
 * in running text are exempt (WCAG 2.5.8's inline exception), as are targets whose spacing circle
 * of `min` px holds no other target (its spacing exception) when `spacing` is true.
 */
export async function smallTargets(app, min) {
  return app.driver.executeScript(
    `const min = arguments[0];
     const sel = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="link"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
     const all = [...document.querySelectorAll(sel)].filter((el) => {
       if (el.closest('[inert], [aria-hidden="true"]')) return false;
       const s = getComputedStyle(el);
       if (s.display === "none" || s.visibility === "hidden") return false;
       const r = el.getBoundingClientRect();
       return r.width > 0 && r.height > 0;
     });
     const out = [];
     for (const el of all) {
       // A checkbox or radio inside its label: the label is the target.
       const target = (el.type === "checkbox" || el.type === "radio") && el.closest("label") ? el.closest("label") : el;
       const r = target.getBoundingClientRect();
       if (el.tagName === "A" && getComputedStyle(el).display === "inline") continue;
       if (r.width + 0.5 < min || r.height + 0.5 < min) {
         const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("data-testid") || el.tagName).trim().slice(0, 40);
         out.push(name + " " + Math.round(r.width) + "x" + Math.round(r.height));
       }
     }
     return out;`,
    min,
  );
}

/** How far the page is wider than its window, leaving out data tables that scroll in their own box. */
export async function overflow(app) {
  return app.driver.executeScript(
    `const width = window.innerWidth;
     let widest = document.documentElement.scrollWidth;
     const offenders = [];
     for (const el of document.body.querySelectorAll("*")) {
       if (el.closest("table, .table-scroll")) continue;
       const r = el.getBoundingClientRect();
       if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== "fixed") {
         offenders.push((el.getAttribute("data-testid") || el.className || el.tagName) + " to " + Math.round(r.right));
       }
     }
     return { width, widest, offenders: offenders.slice(0, 5) };`,
  );
}
