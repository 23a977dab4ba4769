// App start at scale: the real app (QUAYSIDE_APP, a release build from bench/run) started through
// tauri-driver in a real window, on a store of many cases and on an empty one, alternating. Times
// from asking for the window to the unlock screen, from the passphrase's Enter to the first page of
// the case list shown in full (its rows and its total: the key derivation, opening the encrypted
// store and the first query), the whole start, the next page (click to painted, timed in the page), a search by case number, opening
// the store's one large case file, and the memory of the app's processes; the store of many cases in English and in Chinese, to compare.
// Prints `BENCH {json}` lines.
//
//   node bench/app-start.mjs DATA_DIR CASES REPEAT [RUN]     (bench/app-start.sh sets up the display)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { freshDataDir, launch, passphraseOf, setUp as setUpDevice } from "../tests/e2e/app.mjs";

const [dataDir, casesArg, repeatArg, runArg] = process.argv.slice(2);
const cases = Number(casesArg);
const repeat = Number(repeatArg ?? 1);
// The number of the caller's run, when it calls once per run: which store starts first alternates.
const firstRun = Number(runArg ?? 0);
if (!dataDir || !Number.isInteger(cases) || !Number.isInteger(repeat)) {
  console.error("usage: node bench/app-start.mjs DATA_DIR CASES REPEAT");
  process.exit(2);
}
const PAGE = 50;
const WAIT_MS = 120_000;
// The list's pager (with its total), or the empty list's "No cases yet" line.
const LISTED = '[data-testid="page-label"]';
const EMPTY = "main p.empty";

const figure = (name, value, unit) =>
  console.log(`BENCH ${JSON.stringify({ group: "scale", name, value, unit })}`);

/** Memory of a process (bytes): its proportional share of resident pages (PSS: a library page
 * shared by the app and its web view processes is counted once across them), and its peak RSS. */
function memory(pid) {
  const kb = (text, key) => Number((text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m")) ?? [0, 0])[1]) * 1024;
  return {
    pss: kb(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"), "Pss"),
    peak: kb(readFileSync(`/proc/${pid}/status`, "utf8"), "VmHWM"),
  };
}

function pids(args) {
  try {
    return execFileSync("pgrep", args, { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The text of everything `css` matches, read at once (rows re-rendered meanwhile are not stale). */
function texts(app, css) {
  return app.driver.executeScript("return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText)", css);
}

/**
 * Milliseconds from a click on `target` to the first frame painted once the screen shows it:
 * every selector of `present` matches, and `changed`'s text (if given) differs from its text
 * before. Timed inside the page: what a person waits for, without the WebDriver round trips a
 * wait from outside adds (tens of milliseconds a poll). The page's CSP allows no eval, so the
 * condition is data, not code.
 */
async function clickToShown(app, target, { present = [], changed = null }) {
  await app.driver.manage().setTimeouts({ script: WAIT_MS });
  return app.driver.executeAsyncScript(
    `const [target, present, changed, done] = arguments;
     const before = changed && document.querySelector(changed)?.textContent;
     const holds = () =>
       present.every((css) => document.querySelector(css)) &&
       (!changed || document.querySelector(changed)?.textContent !== before);
     const t0 = performance.now();
     const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
     const watch = new MutationObserver(() => {
       if (holds()) { watch.disconnect(); painted(); }
     });
     watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
     document.querySelector(target).click();`,
    target,
    present,
    changed,
  );
}

const PERSON = "Bench Inspector";
// The large case of the store the cases benchmark builds: its vessel, and its goods lines besides
// the ordinary one (so the last is numbered this, counted from 0).
const LARGE_VESSEL = "MV LARGEFILE";
const LARGE_GOODS = 30;

/** Start the app on `dir`, unlock it, wait for the first page of `expected` cases; times and memory. */
async function start(dir, expected) {
  const t0 = performance.now();
  const app = await launch(dir);
  try {
    const field = await app.driver.wait(async () => (await app.all('[data-testid="passphrase"]'))[0], WAIT_MS, "no unlock screen");
    const lockScreen = (performance.now() - t0) / 1000;
    await field.sendKeys(passphraseOf(PERSON));
    const tUnlock = performance.now();
    await app.click('[data-testid="unlock-submit"]');
    const shown = Math.min(PAGE, expected);
    await app.driver.wait(async () => {
      if (expected === 0) return (await app.all(EMPTY)).length > 0;
      const label = await app.all(`${LISTED}[data-total="${expected}"]`);
      if (label.length === 0) return false;
      return (await app.all('[data-testid="case-row"]')).length === shown;
    }, WAIT_MS, `the case list did not show ${shown} of ${expected} cases`);
    const firstPage = (performance.now() - t0) / 1000;
    const unlocked = (performance.now() - tUnlock) / 1000;

    const [pid] = pids(["-f", "--", `--data-dir ${dir}( |$)`]);
    if (!pid) throw new Error(`no app process runs on ${dir}`);
    const own = memory(pid);
    // WebKitGTK draws the page in child processes of the app: counted apart.
    const children = pids(["-P", String(pid)]).map((child) => memory(child).pss);
    const web = children.reduce((sum, rss) => sum + rss, 0);

    let nextPage = null;
    if (expected > PAGE) {
      nextPage = await clickToShown(app, '[data-testid="page-next"]', { changed: '[data-testid="page-label"]' });
    }

    // Search for a case seen on this page by its number, as an inspector types it.
    let search = null;
    if (expected > 0) {
      const numbers = await texts(app, '[data-testid="case-row"] > :first-child');
      const wanted = numbers[numbers.length - 1].trim();
      const box = await app.find('[data-testid="case-search"]');
      await box.click();
      await box.sendKeys(wanted);
      const t2 = performance.now();
      await app.driver.wait(async () => {
        const label = await app.all(`${LISTED}[data-total="${expected}"]`);
        if (label.length > 0) return false;
        const first = await texts(app, '[data-testid="case-row"] > :first-child');
        return first.length > 0 && first[0].includes(wanted);
      }, WAIT_MS, `searching ${wanted} did not find it`);
      search = performance.now() - t2;
    }

    // Open the one large case of the benchmark's store (found by its vessel): from the click on
    // its row to its last goods line and its timeline painted.
    let largeCase = null;
    if (expected > 0) {
      // The search before found one case too: back to the whole list first.
      await app.typeExactly('[data-testid="case-search"]', "");
      await app.driver.wait(async () => (await app.all(`${LISTED}[data-total="${expected}"]`)).length > 0, WAIT_MS, "the search was not cleared");
      await app.typeExactly('[data-testid="case-search"]', LARGE_VESSEL);
      await app.driver.wait(async () => (await app.all(`${LISTED}[data-total="1"]`)).length > 0, WAIT_MS, `no case of ${LARGE_VESSEL}`);
      largeCase = await clickToShown(app, '[data-testid="case-row"] [data-testid="open-case"]', {
        present: [`[data-section="goods_found"] [data-item="${LARGE_GOODS}"]`, '[data-testid="timeline"] li'],
      });
    }
    return { firstPage, lockScreen, unlocked, own, web, nextPage, search, largeCase };
  } finally {
    await app.quit();
  }
}

/** The first start of a data folder sets the device up (and encrypts a store made before
 * encryption, as the benchmark's store of many cases is): done once, before any timing. */
async function setUp(dir) {
  const app = await launch(dir);
  try {
    await app.driver.wait(
      async () => (await app.all('[data-testid="user-name"], [data-testid="passphrase"]')).length > 0,
      WAIT_MS,
    );
    if ((await app.all('[data-testid="user-name"]')).length > 0) await setUpDevice(app, PERSON);
  } finally {
    await app.quit();
  }
}

/** The bench person reads `locale` from now on: chosen in Device settings, as a person would,
 * in a start that is not timed. */
async function chooseLanguage(dir, locale) {
  const app = await launch(dir);
  try {
    await app.driver.wait(async () => (await app.all('[data-testid="passphrase"]'))[0], WAIT_MS, "no unlock screen");
    await app.typeExactly('[data-testid="passphrase"]', passphraseOf(PERSON));
    await app.click('[data-testid="unlock-submit"]');
    await app.click('[data-testid="open-device-settings"]');
    await app.choose('[data-testid="language"]', locale);
    await app.driver.wait(
      async () => (await app.driver.executeScript("return document.documentElement.lang")) === locale,
      WAIT_MS,
      `the app did not switch to ${locale}`,
    );
  } finally {
    await app.quit();
  }
}

const SMALL = { width: 1024, height: 640 };
const FULL_HD = { width: 1920, height: 1080 };
// A company the cases benchmark names in every 500th case (200 cases at 100,000).
const REPEAT_OFFENDER = "Huaxin Trading";

/** Show `css` mid-screen and take a screenshot at each size, named for the store's size. */
async function lookAt(app, css, name) {
  for (const [size, rect] of [["1024", SMALL], ["1920", FULL_HD]]) {
    await app.driver.manage().window().setRect(rect);
    await app.driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", css);
    await app.screenshot(`scale-${name}-${cases}-${size}.png`);
  }
}

/**
 * The route map and the network of a repeat offender's case on the store of many cases, in
 * Spanish (the longest language): from the click to drawn, and screenshots at 1024x640 and full
 * HD to look at (artifacts/scale-*.png). Once, after the timed starts.
 */
async function lookAtScale(dir) {
  const app = await launch(dir);
  try {
    await app.driver.wait(async () => (await app.all('[data-testid="passphrase"]'))[0], WAIT_MS, "no unlock screen");
    await app.typeExactly('[data-testid="passphrase"]', passphraseOf(PERSON));
    await app.click('[data-testid="unlock-submit"]');
    await app.driver.wait(async () => (await app.all(`${LISTED}[data-total="${cases}"]`)).length > 0, WAIT_MS, "no case list");
    const map = await clickToShown(app, '[data-testid="open-statistics"]', {
      present: ['[data-testid="route-map"] [data-leg]'],
    });
    const legs = (await app.all('[data-testid="route-map"] [data-leg]')).length;
    await lookAt(app, '[data-testid="route-map"]', "route-map");
    console.log(`route map of ${cases} cases: ${legs} legs drawn ${map.toFixed(0)} ms after the click`);
    figure("app: statistics with the route map drawn", map, "ms");

    await app.click('[data-testid="open-cases"]');
    await app.typeExactly('[data-testid="case-search"]', REPEAT_OFFENDER);
    await app.driver.wait(async () => (await app.all(`${LISTED}[data-total="${cases}"]`)).length === 0, WAIT_MS, "the search did not narrow the list");
    await app.click('[data-testid="case-row"] [data-testid="open-case"]');
    // The part "Seen in other cases" comes once the case's entities are looked up.
    await app.find('[data-testid="show-network"]');
    const network = await clickToShown(app, '[data-testid="show-network"]', {
      present: ['[data-testid="network-graph"][data-drawn]'],
    });
    const drawn = await app.driver.executeScript('return document.querySelector("[data-testid=network-graph]").dataset.drawn');
    const summary = await app.textOf('[data-testid="network-summary"]');
    await lookAt(app, '[data-testid="network-graph"]', "network");
    console.log(`network of a repeat offender's case among ${cases}: ${drawn} nodes drawn ${network.toFixed(0)} ms after the click (${summary})`);
    figure("app: network of a repeat offender drawn", network, "ms");
  } finally {
    await app.quit();
  }
}

const empty = freshDataDir();
await setUp(dataDir);
await setUp(empty);
for (let run = 0; run < repeat; run++) {
  // Alternate which goes first, so neither always starts on a machine the other just warmed.
  const order = (firstRun + run) % 2 === 0 ? ["full", "empty"] : ["empty", "full"];
  for (const which of order) {
    if (which === "full") {
      // The same store read in English and in Chinese, one after the other: what the language
      // costs is the catalogue's size and its text's layout, the store is the same.
      const byLanguage = {};
      for (const locale of ["en", "zh-CN"]) {
        await chooseLanguage(dataDir, locale);
        const r = await start(dataDir, cases);
        byLanguage[locale] = r;
        const tag = locale === "en" ? "" : ` in ${locale}`;
        console.log(
          `app on ${cases} cases${tag}: unlock screen in ${r.lockScreen.toFixed(2)} s, unlock to first page in ${r.unlocked.toFixed(2)} s, first page in ${r.firstPage.toFixed(2)} s, next page in ${r.nextPage?.toFixed(0) ?? "-"} ms, search in ${r.search.toFixed(0)} ms, large case file in ${r.largeCase.toFixed(0)} ms, ` +
            `app ${(r.own.pss / 1e6).toFixed(0)} MB (peak RSS ${(r.own.peak / 1e6).toFixed(0)} MB), web view ${(r.web / 1e6).toFixed(0)} MB (PSS)`,
        );
        figure(`app start to first page${tag}`, r.firstPage, "s");
        figure(`app start to unlock screen${tag}`, r.lockScreen, "s");
        figure(`unlock to first page${tag}`, r.unlocked, "s");
        if (r.nextPage !== null) figure(`app: next page${tag}`, r.nextPage, "ms");
        figure(`app: search a case number${tag}`, r.search, "ms");
        figure(`app: open the large case file${tag}`, r.largeCase, "ms");
        if (locale === "en") {
          figure("app memory", r.own.pss, "B");
          figure("app memory, peak RSS", r.own.peak, "B");
          figure("web view memory", r.web, "B");
        }
      }
      const [en, zh] = [byLanguage.en, byLanguage["zh-CN"]];
      console.log(
        `zh-CN against en on ${cases} cases: first page ${(zh.firstPage / en.firstPage).toFixed(2)}x, unlock to first page ${(zh.unlocked / en.unlocked).toFixed(2)}x, next page ${zh.nextPage && en.nextPage ? (zh.nextPage / en.nextPage).toFixed(2) : "-"}x, large case file ${(zh.largeCase / en.largeCase).toFixed(2)}x`,
      );
    } else {
      const r = await start(empty, 0);
      console.log(`app on an empty store: first page in ${r.firstPage.toFixed(2)} s, app ${(r.own.pss / 1e6).toFixed(0)} MB (PSS)`);
      figure("app start to first page, empty store", r.firstPage, "s");
      figure("app memory, empty store", r.own.pss, "B");
      figure("web view memory, empty store", r.web, "B");
    }
  }
}
await chooseLanguage(dataDir, "es");
await lookAtScale(dataDir);
