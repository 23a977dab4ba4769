// End to end: the app as drawn for bright sun, night shifts and gloves. On the case list, a filled
// case file, statistics, device and sync settings and the photo viewer, in each theme and density
// at 1024x640: axe-core's WCAG 2.2 A/AA rules, target sizes (44 px and 8 px apart for touch,
// 24 px compact), nothing wider than the window, and the focus ring against what is around it.
// Then 200% zoomed with the keyboard: every screen in one column, nothing sideways but data
// tables, a top bar whose parts do not overlap; the zoom kept as the person's, and on the lock
// screen after a restart. Prints the figures per screen; screenshots (1024x640 and 1280x800) go
// to artifacts/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Key } from "selenium-webdriver";
import { freshDataDir, launch, passphraseOf, setUp } from "./app.mjs";
import { axeViolations, overflow, smallTargets } from "./a11y.mjs";
import { JPEG } from "./images.mjs";

const SMALL = { width: 1024, height: 640 };
const LARGE = { width: 1280, height: 800 };
const THEMES = ["light", "contrast", "dark"];
const DENSITIES = ["compact", "touch"];
const MIN_TARGET = { compact: 24, touch: 44 };
const TOUCH_GAP = 8;
const goods = '[data-section="goods_found"] [data-item="0"]';

/** A case with something in most sections: items, a handover form, a photo and its hash. */
async function fillCase(app, photoDir) {
  await app.click('[data-testid="new-case"]');
  await app.type('[data-testid="new-case-port"]', "NLRTM");
  await app.click('[data-testid="new-case-create"]');
  await app.waitForText('[data-testid="case-number"]', /^NLRTM-/);
  for (const [field, value] of [
    ["container_number", "CSQU 305438 3"],
    ["vessel_name", "MSC ANNA"],
    ["imo_number", "9074729"],
  ]) {
    await app.type(`input[data-field="${field}"]`, value, { leave: true });
    await app.waitSaved("", field);
  }
  await app.click('[data-testid="add-goods_found"]');
  await app.type(`${goods} input[data-field="goods_weight"]`, "1450 kg", { leave: true });
  await app.waitSaved(goods, "goods_weight");
  await app.choose(`${goods} select[data-field="goods_material"]`, "rare_earth");
  await app.waitSaved(goods, "goods_material");
  const seal = '[data-section="seals"] [data-item="0"]';
  await app.click('[data-testid="add-seals"]');
  await app.type(`${seal} input[data-field="seal_number"]`, "EU1234567", { leave: true });
  await app.waitSaved(seal, "seal_number");
  const party = '[data-section="parties"] [data-item="0"]';
  await app.click('[data-testid="add-parties"]');
  await app.type(`${party} input[data-field="party_name"], ${party} textarea[data-field="party_name"]`, "Shenzhen Huaxin Trading Co.", {
    leave: true,
  });
  await app.waitSaved(party, "party_name");
  await app.click(`${goods} [data-testid="evidence-from-goods"]`);
  const chain = '[data-section="evidence"] [data-testid="custody-chain"]';
  try {
    await app.find(chain);
  } catch {
    // WebKit's driver drops a click now and then (the goods item re-rendering as it saves): the
    // button is pressed once more; this walk is about the screens, not the button.
    await app.click(`${goods} [data-testid="evidence-from-goods"]`);
    await app.find(chain);
  }
  await app.choose('select[data-field="outcome_code"]', "O4");
  await app.waitSaved("", "outcome_code");
  const photo = join(photoDir, "seal 0041.jpg");
  writeFileSync(photo, JPEG);
  await app.pickPhotos([photo]);
  await app.driver.wait(async () => (await app.all('[data-testid="thumb"] img')).length === 1, 10_000, "no thumbnail");
}

/**
 * Click what `css` finds. Zoomed in, WebKit's driver places a click without the page's zoom (at
 * 200% a click on Statistics lands on Cases, and one below the window's first half is refused as
 * out of view), so a zoomed window is clicked from the page, as the same click event.
 */
async function press(app, css) {
  const folded = await app.driver.executeScript(
    `const el = document.querySelector(arguments[0]); const menu = document.querySelector('[data-testid="topbar-menu"]');
     return !!el && !!el.closest(".topbar-more") && getComputedStyle(menu).display !== "none" && menu.getAttribute("aria-expanded") !== "true";`,
    css,
  );
  if (folded) await press(app, '[data-testid="topbar-menu"]');
  const el = await app.find(css);
  const zoomed = await app.driver.executeScript(
    'arguments[0].scrollIntoView({ block: "center", inline: "nearest" }); return window.outerWidth > window.innerWidth * 1.2;',
    el,
  );
  if (zoomed) await app.driver.executeScript("arguments[0].click();", el);
  else await app.click(css);
}

/** The screens checked, each reached from wherever the app is. */
const SCREENS = {
  "case-list": async (app) => {
    await press(app, '[data-testid="open-cases"]');
    await app.find('[data-testid="case-row"]');
  },
  "case-file": async (app) => {
    await press(app, '[data-testid="open-cases"]');
    await press(app, '[data-testid="case-row"] [data-testid="open-case"]');
    await app.find('[data-testid="timeline"] li');
  },
  statistics: async (app) => {
    await press(app, '[data-testid="open-statistics"]');
    await app.find('[data-testid="stats-by-material"]');
  },
  "device-settings": async (app) => {
    await press(app, '[data-testid="open-device-settings"]');
    await app.find('[data-testid="display-settings"]');
  },
  "sync-settings": async (app) => {
    await press(app, '[data-testid="open-sync-settings"]');
    await app.find('[data-testid="sync-settings"]');
  },
  "photo-viewer": async (app) => {
    await SCREENS["case-file"](app);
    await press(app, '[data-testid="thumb"]');
    await app.find('[data-testid="viewer-sha256"]');
  },
};

async function closeDialogs(app) {
  for (const close of ["close-device-settings", "close-sync-settings", "viewer-close"]) {
    if ((await app.all(`[data-testid="${close}"]`)).length > 0) await press(app, `[data-testid="${close}"]`);
  }
}

async function visit(app, screen) {
  await closeDialogs(app);
  await SCREENS[screen](app);
  await app.driver.executeScript("window.scrollTo(0, 0);");
}

/** Choose a theme and density in device settings, as a person does. */
async function choose(app, theme, density) {
  await closeDialogs(app);
  await press(app, '[data-testid="open-device-settings"]');
  await press(app, `[data-testid="theme-${theme}"]`);
  await press(app, `[data-testid="density-${density}"]`);
  await app.driver.wait(
    () => app.driver.executeScript(`const d = document.documentElement.dataset; return d.theme === arguments[0] && d.density === arguments[1];`, theme, density),
    10_000,
    `the app is not drawn ${theme}, ${density}`,
  );
  await press(app, '[data-testid="close-device-settings"]');
}

/**
 * Pairs of targets closer than `gap` px (edge to edge), as the run sees them, in the open modal
 * dialog if there is one. A checkbox or radio
 * inside its label counts as its label; a target inside another (a link in a clickable row) is
 * part of it; inline links in running text are exempt, as WCAG 2.5.8 has them.
 */
async function crowdedTargets(app, gap) {
  return app.driver.executeScript(
    `const gap = arguments[0];
     const sel = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="link"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
     // Under a modal dialog only the dialog's targets can be reached.
     const scope = document.querySelector('dialog[open], [aria-modal="true"], [role="dialog"]') ?? document;
     const targets = new Set();
     for (const el of scope.querySelectorAll(sel)) {
       if (el.closest('[inert], [aria-hidden="true"]')) continue;
       const s = getComputedStyle(el);
       if (s.display === "none" || s.visibility === "hidden") continue;
       if (el.tagName === "A" && s.display === "inline") continue;
       const target = (el.type === "checkbox" || el.type === "radio") && el.closest("label") ? el.closest("label") : el;
       const r = target.getBoundingClientRect();
       if (r.width > 0 && r.height > 0) targets.add(target);
     }
     const list = [...targets].map((el) => ({ el, r: el.getBoundingClientRect() }));
     const name = (el) => (el.getAttribute("data-testid") || el.getAttribute("aria-label") || el.textContent || el.tagName).trim().slice(0, 30);
     const out = [];
     for (let i = 0; i < list.length; i++) {
       for (let j = i + 1; j < list.length; j++) {
         const a = list[i], b = list[j];
         if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
         const dx = Math.max(0, Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right));
         const dy = Math.max(0, Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom));
         const d = Math.hypot(dx, dy);
         if (d + 0.5 < gap) out.push(name(a.el) + " / " + name(b.el) + " " + d.toFixed(1) + "px");
       }
     }
     return out;`,
    gap,
  );
}

/**
 * The focus ring of the element focused now: its width and its contrast with what is around it
 * (the ground it sits on, found by walking up to the first box with a colour of its own).
 */
async function focusRing(app) {
  return app.driver.executeScript(
    `const el = document.activeElement;
     if (!el || el === document.body) return null;
     const s = getComputedStyle(el);
     const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
     const lum = ([r, g, b]) => {
       const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
       return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
     };
     let ground = el.parentElement, bg = "rgb(255, 255, 255)";
     while (ground) {
       const c = getComputedStyle(ground).backgroundColor;
       const [, , , alpha] = rgb(c);
       if (c && c !== "transparent" && alpha !== 0) { bg = c; break; }
       ground = ground.parentElement;
     }
     const [a, b] = [lum(rgb(s.outlineColor)), lum(rgb(bg))];
     return {
       what: el.getAttribute("data-testid") || el.tagName,
       visible: el.matches(":focus-visible"),
       width: parseFloat(s.outlineWidth) || 0,
       style: s.outlineStyle,
       contrast: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100,
     };`,
  );
}

/** The top bar: how tall, and which of its parts overlap another. */
async function topBar(app) {
  return app.driver.executeScript(
    `const bar = document.querySelector(".topbar");
     const parts = [...bar.querySelectorAll(":scope > *, .topbar-more > *, .sync-badge > *, nav.screens > *")].filter((el) => !el.classList.contains("sync-badge") && !el.matches("nav.screens") && el.getBoundingClientRect().width > 0);
     const overlaps = [];
     for (let i = 0; i < parts.length; i++)
       for (let j = i + 1; j < parts.length; j++) {
         const a = parts[i].getBoundingClientRect(), b = parts[j].getBoundingClientRect();
         if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
           overlaps.push((parts[i].getAttribute("data-testid") || parts[i].className) + " over " + (parts[j].getAttribute("data-testid") || parts[j].className));
       }
     const cut = parts.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute("data-testid") || el.className);
     const head = document.querySelector(".cf-head");
     const sticky = head && getComputedStyle(head).position === "sticky" ? Math.round(head.getBoundingClientRect().height) : 0;
     return { height: Math.round(bar.getBoundingClientRect().height), window: window.innerHeight, sticky, overlaps, cut };`,
  );
}

async function zoomKeys(app, key, times = 1) {
  for (let i = 0; i < times; i++) await app.driver.actions().keyDown(Key.CONTROL).sendKeys(key).keyUp(Key.CONTROL).perform();
}

async function waitForWidth(app, test, what) {
  let width = 0;
  await app.driver.wait(async () => test((width = await app.driver.executeScript("return window.innerWidth;"))), 10_000).catch(() => {
    throw new Error(`${what}: the window is ${width} CSS px wide`);
  });
  return width;
}

/** Give the app's window the X input focus, so :focus-visible matches under a bare Xvfb. */
function focusWindow() {
  try {
    execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--class", "quayside", "windowfocus"], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

test("every screen in each theme and density passes WCAG 2.2 A/AA, with targets large and far apart enough", async () => {
  const dataDir = freshDataDir();
  const app = await launch(dataDir);
  const problems = [];
  const figures = [];
  try {
    await setUp(app, "Ines Inspector");
    await fillCase(app, freshDataDir());
    const focused = focusWindow();
    for (const theme of THEMES) {
      for (const density of DENSITIES) {
        await app.driver.manage().window().setRect(SMALL);
        await choose(app, theme, density);
        for (const screen of Object.keys(SCREENS)) {
          const where = `${theme}/${density} ${screen}`;
          await visit(app, screen);
          const axe = await axeViolations(app);
          const small = await smallTargets(app, MIN_TARGET[density]);
          const crowded = density === "touch" ? await crowdedTargets(app, TOUCH_GAP) : [];
          const wide = await overflow(app);
          figures.push(
            `${where.padEnd(34)} axe ${axe.length}, under ${MIN_TARGET[density]} px ${small.length}` +
              (density === "touch" ? `, closer than ${TOUCH_GAP} px ${crowded.length}` : "") +
              `, ${wide.widest} px wide in ${wide.width}`,
          );
          problems.push(...axe.map((v) => `${where}: ${v}`));
          problems.push(...small.map((v) => `${where}: target under ${MIN_TARGET[density]} px: ${v}`));
          problems.push(...crowded.map((v) => `${where}: targets closer than ${TOUCH_GAP} px: ${v}`));
          if (wide.widest > wide.width || wide.offenders.length) problems.push(`${where}: ${wide.widest} px wide in ${wide.width}: ${wide.offenders.join(", ")}`);
          if (screen === "device-settings") {
            await app.driver.executeScript('document.querySelector("[data-testid=display-settings]").scrollIntoView();');
            if (focused) {
              // The focus ring, reached by keyboard: thick enough, and 3:1 against its ground.
              await app.click('[data-testid="zoom-level"]');
              await app.driver.actions().sendKeys(Key.TAB).perform();
              const ring = await focusRing(app);
              figures.push(`${where.padEnd(34)} focus ring on ${ring?.what}: ${ring?.width} px ${ring?.style}, ${ring?.contrast}:1${ring?.visible ? "" : " (not :focus-visible)"}`);
              const least = theme === "contrast" ? 4 : 3;
              if (!ring || ring.style === "none" || ring.width < least || ring.contrast < 3) problems.push(`${where}: focus ring ${JSON.stringify(ring)}`);
            }
          }
          if (screen === "case-file") {
            await app.screenshot(`display-${theme}-${density}-case-file-top-1024.png`);
            await app.driver.executeScript(`document.querySelector(${JSON.stringify(goods)}).scrollIntoView({ block: "start" });`);
            await app.screenshot(`display-${theme}-${density}-case-file-goods-1024.png`);
          } else {
            await app.screenshot(`display-${theme}-${density}-${screen}-1024.png`);
          }
        }
        await app.driver.manage().window().setRect(LARGE);
        for (const screen of Object.keys(SCREENS)) {
          await visit(app, screen);
          await app.screenshot(`display-${theme}-${density}-${screen}-1280.png`);
        }
      }
    }
    if (!focused) figures.push("focus rings not checked: xdotool could not give the window focus");
  } catch (e) {
    await app.screenshot("failure-display.png").catch(() => undefined);
    throw e;
  } finally {
    console.log(figures.join("\n"));
    await app.kill(dataDir);
  }
  assert.deepEqual(problems, []);
});

// Known and open: since the case file gained its sticky header, the zoomed case file (and the
// viewer over it) is 523 px wide in a 512 px window. Reported, not counted, until it is fixed.
test("at 200% zoomed with Ctrl+= every screen reflows to the window; the zoom is the person's, kept", async () => {
  const dataDir = freshDataDir();
  let app = await launch(dataDir);
  const problems = [];
  const figures = [];
  try {
    await app.driver.manage().window().setRect(SMALL);
    await setUp(app, "Ines Inspector");
    await fillCase(app, freshDataDir());
    await press(app, '[data-testid="open-cases"]');
    // Five steps: 110, 125, 150, 175, 200.
    await zoomKeys(app, "=", 5);
    const width = await waitForWidth(app, (w) => w <= SMALL.width / 2 + 1, "at 200%");
    figures.push(`200%: the window is ${width} CSS px wide`);
    for (const screen of Object.keys(SCREENS)) {
      await visit(app, screen);
      const wide = await overflow(app);
      const bar = await topBar(app);
      figures.push(
        `200% ${screen.padEnd(16)} ${wide.widest} px wide in ${wide.width}; top bar ${bar.height} px of ${bar.window} ` +
          `(${Math.round((100 * bar.height) / bar.window)}%), sticky header ${bar.sticky} px, ${bar.overlaps.length} overlapping, ${bar.cut.length} cut`,
      );
      // Chrome that stays on screen leaves most of a zoomed window to the work.
      if (bar.height + bar.sticky > bar.window / 4) problems.push(`200% ${screen}: top bar and sticky header take ${bar.height + bar.sticky} px of ${bar.window}`);
      if (wide.widest > wide.width || wide.offenders.length) problems.push(`200% ${screen}: ${wide.widest} px wide in ${wide.width}: ${wide.offenders.join(", ")}`);
      problems.push(...bar.overlaps.map((o) => `200% ${screen}: top bar: ${o}`));
      problems.push(...bar.cut.map((o) => `200% ${screen}: top bar: ${o} is cut`));
      await app.screenshot(`display-zoom200-${screen}-1024.png`);
      if (screen === "case-file") {
        await app.driver.executeScript('document.querySelector("nav.sections")?.scrollIntoView({ block: "start" });');
        await app.screenshot(`display-zoom200-case-file-sections-1024.png`);
        await app.driver.executeScript('document.getElementById("s-timeline").scrollIntoView({ block: "start" });');
        await app.screenshot(`display-zoom200-case-file-timeline-1024.png`);
        await app.driver.executeScript(`document.querySelector(${JSON.stringify(goods)}).scrollIntoView({ block: "start" });`);
        await app.screenshot(`display-zoom200-case-file-goods-1024.png`);
      }
    }
    await closeDialogs(app);
    // Kept as Ines's: the settings say so, and the lock screen after a restart is drawn at 200%.
    await press(app, '[data-testid="open-device-settings"]');
    await app.waitForAttribute('[data-testid="zoom-level"]', "data-zoom", /^200$/);
    await press(app, '[data-testid="close-device-settings"]');
    await app.kill(dataDir);
    app = await launch(dataDir);
    await app.driver.manage().window().setRect(SMALL);
    await app.find('[data-testid="passphrase"]');
    await waitForWidth(app, (w) => w <= SMALL.width / 2 + 1, "the lock screen after a restart");
    const lock = await overflow(app);
    figures.push(`200% lock screen       ${lock.widest} px wide in ${lock.width}`);
    if (lock.widest > lock.width || lock.offenders.length) problems.push(`200% lock screen: ${lock.widest} px wide in ${lock.width}`);
    await app.screenshot("display-zoom200-lock-1024.png");
    // Typed and sent with Enter: the unlock button is clicked no better than any other zoomed.
    await (await app.find('[data-testid="passphrase"]')).sendKeys(passphraseOf("Ines Inspector"), Key.ENTER);
    // Zoomed in, who is signed in is folded into the top bar's menu: read, not seen.
    await app.driver.wait(
      () => app.driver.executeScript(`return document.querySelector('[data-testid="who"]')?.textContent.includes("Ines Inspector");`),
      10_000,
      "Ines is not signed in again",
    );
    await waitForWidth(app, (w) => w <= SMALL.width / 2 + 1, "unlocked again");
    // Ctrl+0: back to 100%, and kept.
    await zoomKeys(app, "0");
    await waitForWidth(app, (w) => w >= SMALL.width - 1, "after Ctrl+0");
    await press(app, '[data-testid="open-device-settings"]');
    await app.waitForAttribute('[data-testid="zoom-level"]', "data-zoom", /^100$/);
    // Ctrl+- zooms out.
    await press(app, '[data-testid="close-device-settings"]');
    await zoomKeys(app, "-");
    await waitForWidth(app, (w) => w > SMALL.width + 50, "after Ctrl+-");
  } catch (e) {
    await app.screenshot("failure-display-zoom.png").catch(() => undefined);
    throw e;
  } finally {
    console.log(figures.join("\n"));
    await app.kill(dataDir);
  }
  assert.deepEqual(problems, []);
});
