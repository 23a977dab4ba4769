// Driving the real Quayside binary through tauri-driver (WebKitWebDriver) on a real X display.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, Key, error, until } from "selenium-webdriver";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "../..");
export const APP = process.env.QUAYSIDE_APP ?? join(root, "target/debug/quayside");
export const ARTIFACTS = join(root, "artifacts");
const DRIVER = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444/";
// How long a helper waits for what a person would see. The benchmark of many cases waits longer:
// a device set up on 100,000 cases encrypts them first.
const WAIT_MS = Number(process.env.QUAYSIDE_E2E_WAIT_MS ?? 10_000);

export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), "quayside-e2e-"));
}

/** How long a launch may take: a cold start on a busy 2-core machine takes a few seconds. */
const LAUNCH_TIMEOUT_MS = 120_000;

/**
 * Start the app on `dataDir` (with `extraArgs`) and return a session whose helpers wait for what a
 * person would see. Exports go straight to `dataDir/exports`, as a kiosk's fixed folder does,
 * unless `saveDialog` is set: then each export asks where to go in the system's Save dialog.
 */
export async function launch(dataDir, extraArgs = [], { saveDialog = false, openDialog = false } = {}) {
  const exportDir = saveDialog ? [] : ["--export-dir", join(dataDir, "exports")];
  // The files `pickPhotos` answers the Open dialog with (a debug build's stand-in for the person),
  // unless `openDialog` is set: then the system's Open dialog asks.
  const picks = `${dataDir}.picks`;
  const testPicks = openDialog ? [] : ["--test-picks", picks];
  const starting = new Builder()
    .usingServer(DRIVER)
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: APP, args: ["--data-dir", dataDir, ...exportDir, ...testPicks, ...extraArgs] },
    })
    .build();
  // An app that dies before its window opens (GTK finding no display) leaves the driver waiting
  // for good: fail with the reason instead of hanging the run.
  let timer;
  const gaveUp = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the app did not start within ${LAUNCH_TIMEOUT_MS / 1000} s: see artifacts/tauri-driver-*.log`)),
      LAUNCH_TIMEOUT_MS,
    );
  });
  try {
    const driver = await Promise.race([starting, gaveUp]);
    return new Session(driver, picks);
  } finally {
    clearTimeout(timer);
  }
}

/** A read inside a wait: an element React replaced between finding and reading it (the sync badge
 * re-renders when the status changes) is read again on the next try, not a failure. */
async function fresh(read) {
  try {
    return await read();
  } catch (e) {
    if (e instanceof error.StaleElementReferenceError) return null;
    throw e;
  }
}

export class Session {
  constructor(driver, picks) {
    this.driver = driver;
    this.picks = picks;
  }

  /** Press "Add photos" and answer the Open dialog with `paths`, as a person picking them would.
   * `press` presses the button another way (Enter on it, say) instead of a click. */
  async pickPhotos(paths, press = () => this.click('[data-testid="photo-add"]')) {
    writeFileSync(this.picks, paths.join("\n"));
    await press();
  }

  async quit() {
    await this.driver.quit();
  }

  /** The battery dies: SIGKILL the app on `dataDir`, no chance to clean up, then drop the session. */
  async kill(dataDir) {
    try {
      execFileSync("pkill", ["-KILL", "-f", "--", `--data-dir ${dataDir}`]);
    } finally {
      await this.driver.quit().catch(() => undefined);
    }
  }

  find(css) {
    return this.driver.wait(until.elementLocated(By.css(css)), WAIT_MS, `nothing matches ${css}`);
  }

  async all(css) {
    return this.driver.findElements(By.css(css));
  }

  /** Bring an element to the middle of the window first: WebKitWebDriver does not scroll to one
   * lying just below the window's edge, and a sticky header may cover one at its top. */
  async reveal(el) {
    await this.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  }

  async click(css) {
    const el = await this.find(css);
    await this.driver.wait(until.elementIsEnabled(el), WAIT_MS);
    await this.reveal(el);
    await el.click();
    return el;
  }

  /** Replace a field's text the way a person does: delete what is there, type. */
  async type(css, text, { leave = false } = {}) {
    const el = await this.find(css);
    await this.reveal(el);
    await el.click();
    const old = (await el.getAttribute("value")) ?? "";
    // Backspaces rather than a Ctrl+A chord: WebKitWebDriver keeps the modifier down after a chord.
    if (old.length > 0) await el.sendKeys(Key.END, ...Array(old.length).fill(Key.BACK_SPACE));
    if (text.length > 0) await el.sendKeys(text);
    if (leave) await el.sendKeys(Key.TAB);
    return el;
  }

  /** `type`, then make sure the field holds exactly `text` (a passphrase: a lost key would
   * only show later as a wrong passphrase). */
  async typeExactly(css, text) {
    const el = await this.type(css, text);
    let held = "";
    try {
      await this.driver.wait(async () => (held = (await el.getAttribute("value")) ?? "") === text, 5_000);
    } catch {
      throw new Error(`typed ${text.length} characters into ${css}, it holds ${held.length}: ${JSON.stringify(held)}`);
    }
    return el;
  }

  async choose(css, value) {
    const el = await this.find(css);
    await this.reveal(el);
    await el.findElement(By.css(`option[value="${value}"]`)).click();
  }

  async textOf(css) {
    return (await this.find(css)).getText();
  }

  /** Wait until `css` shows text matching `pattern`; fail naming what it showed instead. */
  async waitForText(css, pattern) {
    let last = "";
    try {
      await this.driver.wait(async () => {
        const read = await fresh(async () => {
          const els = await this.all(css);
          return els.length === 0 ? null : els[0].getText();
        });
        if (read === null) return false;
        last = read;
        return pattern.test(last);
      }, WAIT_MS);
    } catch {
      throw new Error(`${css} shows ${JSON.stringify(last)}, expected ${pattern}`);
    }
    return last;
  }

  /** Like waitForText, for an attribute (text inside buttons is not always reported by WebKit). */
  async waitForAttribute(css, name, pattern) {
    let last = "";
    try {
      await this.driver.wait(async () => {
        const read = await fresh(async () => (await (await this.find(css)).getAttribute(name)) ?? "");
        if (read === null) return false;
        last = read;
        return pattern.test(last);
      }, WAIT_MS);
    } catch {
      throw new Error(`${css} has ${name}=${JSON.stringify(last)}, expected ${pattern}`);
    }
    return last;
  }

  async waitForValue(css, expected) {
    let last = "";
    try {
      await this.driver.wait(async () => {
        const read = await fresh(async () => (await this.find(css)).getAttribute("value"));
        if (read === null) return false;
        last = read;
        return last === expected;
      }, WAIT_MS);
    } catch {
      throw new Error(`${css} holds ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
    }
  }

  /** A field is saved when its state label is empty again. */
  async waitSaved(scope, field) {
    await this.waitForText(`${scope} [data-testid="state-${field}"]`, /^$/);
  }

  async screenshot(name) {
    // WebKit can lag a frame behind: let two frames pass first.
    await this.driver.executeAsyncScript(
      "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, name);
    writeFileSync(path, await this.driver.takeScreenshot(), "base64");
    return path;
  }
}

/** A sync that finished after this moment, with nothing left to send (a status read before the
 * last edit could show nothing waiting while that edit still is). */
export async function synced(app) {
  const since = new Date().toISOString();
  await app.driver.wait(async () => {
    try {
      const badge = await app.find('[data-testid="sync-badge"]');
      const last = (await badge.getAttribute("data-last-synced")) ?? "";
      const waiting = await (await app.find('[data-testid="sync-waiting-events"]')).getAttribute("data-count");
      return last >= since && waiting === "0";
    } catch (e) {
      // The status bar re-renders as each poll answers: an element found a moment ago may be gone.
      if (e.name === "StaleElementReferenceError") return false;
      throw e;
    }
  }, 15_000, "no sync finished with nothing waiting");
  await app.waitForText('[data-testid="sync-state"]', /Synced/);
}

/** Open a new case at `port` from the top bar (from a case, back on the list first: the bar's
 * new case button is there); its case number. */
export async function newCase(app, port) {
  if ((await app.all('[data-testid="case-back"]')).length > 0) await app.click('[data-testid="case-back"]');
  await app.click('[data-testid="new-case"]');
  await app.type('[data-testid="new-case-port"]', port);
  await app.click('[data-testid="new-case-create"]');
  return app.waitForText('[data-testid="case-number"]', new RegExp(`^${port}-`));
}

/** Open the case numbered `caseNumber` from the first row of the list. */
export async function openCase(app, caseNumber) {
  await app.waitForText('[data-testid="case-row"]', new RegExp(caseNumber));
  await app.click('[data-testid="case-row"] [data-testid="open-case"]');
  await app.waitForText('[data-testid="case-number"]', new RegExp(caseNumber));
}

/** Each test person's passphrase. */
export const passphraseOf = (name) => `${name} passphrase`;

/** A first launch: set the device up as `name` (name, passphrase twice), and acknowledge the
 * recovery key shown once. */
export async function setUp(app, name) {
  await app.type('[data-testid="user-name"]', name);
  await app.typeExactly('[data-testid="new-passphrase"]', passphraseOf(name));
  await app.typeExactly('[data-testid="new-passphrase-again"]', passphraseOf(name));
  await app.click('[data-testid="user-save"]');
  await app.waitForText('[data-testid="recovery-key"]', /^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
  await app.click('[data-testid="recovery-written"]');
  await app.click('[data-testid="recovery-done"]');
  await app.waitForText('[data-testid="who"]', new RegExp(name));
}

/** A later launch, or after a lock: `name` unlocks with their passphrase. */
export async function unlock(app, name) {
  await app.typeExactly('[data-testid="passphrase"]', passphraseOf(name));
  await app.click('[data-testid="unlock-submit"]');
  // The screens stay mounted under the lock screen: wait for the lock screen to go first. As it
  // goes, WebKit's driver may report the element it was looking at as stale: look again.
  await app.driver.wait(
    async () => {
      try {
        return (await app.all('[data-testid="unlock"]')).length === 0;
      } catch (e) {
        if (e.name === "StaleElementReferenceError") return false;
        throw e;
      }
    },
    30_000,
    "still locked",
  );
  await app.waitForText('[data-testid="who"]', new RegExp(name));
}

/** Start the app on a device `name` set up earlier, and unlock it. */
export async function relaunch(dataDir, name) {
  const app = await launch(dataDir);
  try {
    await unlock(app, name);
  } catch (e) {
    // Its session ended, so the next test can start one.
    await app.screenshot("failure-relaunch.png").catch(() => undefined);
    await app.kill(dataDir).catch(() => undefined);
    throw e;
  }
  return app;
}

/** A first launch: set the device up as `name`, sign in to `server` as `username`, whose
 * account has `role`. */
export async function firstStart(dataDir, name, username, role, server) {
  const { PASSWORD } = await import("./server.mjs");
  const app = await launch(dataDir);
  await setUp(app, name);
  await app.click('[data-testid="open-sync-settings"]');
  await app.type('[data-testid="sync-server"]', server.url);
  await app.type('[data-testid="sync-username"]', username);
  await app.type('[data-testid="sync-password"]', PASSWORD);
  await app.click('[data-testid="sync-sign-in"]');
  await app.waitForText('[data-testid="sync-account"]', new RegExp(role, "i"));
  await app.click('[data-testid="close-sync-settings"]').catch(() => undefined);
  return app;
}
