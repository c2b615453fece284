// Helpers for the end-to-end tests: the real `loadline-app` binary in its real webview
// (WebKitGTK), driven over WebDriver through tauri-driver, which `tests/e2e/run` starts.
//
// Every test gets a fresh data directory; the CLI (`loadline --data-dir DIR ...`) needs no
// display, so a test can seed data before the window opens, change it while the window is
// open, and read back what the window wrote.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { Builder, By, Capabilities, Key, until } from 'selenium-webdriver';

export { By, Key, until };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The app under test: the debug build unless LOADLINE_APP names another. */
export const APP = resolve(process.env.LOADLINE_APP ?? join(ROOT, 'target', 'debug', 'loadline-app'));
/** The command line, the light binary beside the app unless LOADLINE_CLI names another. */
export const CLI = resolve(process.env.LOADLINE_CLI ?? join(dirname(APP), 'loadline'));
/** tauri-driver's address; `run` sets it. 127.0.0.1, not localhost (which may resolve to ::1). */
export const WEBDRIVER_URL = process.env.WEBDRIVER_URL ?? 'http://127.0.0.1:4444/';
export const ARTIFACTS = resolve(process.env.E2E_ARTIFACTS ?? join(ROOT, 'artifacts', 'e2e'));
/** How long to wait for the UI to show something before failing. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 15000);

/** A CSS selector for `[data-testid=id]`, optionally narrowed by more attributes. */
export function tid(id, extra = '') {
  return By.css(`[data-testid="${id}"]${extra}`);
}

/** A new, empty data directory. */
export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), 'loadline-e2e-'));
}

// ---------------------------------------------------------------------------------------
// The command line

/**
 * Runs `loadline --data-dir DIR ...args` and returns {status, stdout, stderr}; never throws
 * on a non-zero exit (use `cli` for that). No DISPLAY is needed.
 */
export function cliResult(dataDir, args, { input } = {}) {
  const r = spawnSync(CLI, ['--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    input,
    timeout: 30000,
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI and returns its standard output; throws with its stderr if it fails. */
export function cli(dataDir, ...args) {
  const r = cliResult(dataDir, args);
  if (r.status !== 0) {
    throw new Error(`loadline ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

/** Runs the CLI with `--json` appended and parses what it prints. */
export function cliJson(dataDir, ...args) {
  return JSON.parse(cli(dataDir, ...args, '--json'));
}

/** Every entry in the data directory, as `loadline list --all --json` shows it. */
export function entries(dataDir) {
  return cliJson(dataDir, 'list', '--all');
}

/** The non-negotiables in force now, as `loadline boundary list --json` shows them. */
export function boundaries(dataDir) {
  return cliJson(dataDir, 'boundary', 'list');
}

// ---------------------------------------------------------------------------------------
// The app

/**
 * Starts the app on `dataDir` through tauri-driver and waits until its page has loaded.
 * Returns the selenium WebDriver.
 */
export async function startApp(dataDir, { args = [] } = {}) {
  const caps = new Capabilities();
  caps.setBrowserName('wry');
  // tauri-driver turns this into WebKitWebDriver's `webkitgtk:browserOptions` {binary, args}.
  caps.set('tauri:options', { application: APP, args: ['--data-dir', dataDir, ...args] });
  const driver = await new Builder().withCapabilities(caps).usingServer(WEBDRIVER_URL).build();
  driver.loadlineDataDir = dataDir;
  try {
    await driver.wait(
      async () => (await driver.executeScript('return document.readyState')) === 'complete',
      TIMEOUT,
      'the page did not finish loading',
    );
  } catch (e) {
    await quit(driver);
    throw e;
  }
  return driver;
}

/** Ends the session and makes sure the app process is gone (the next test starts a new one). */
export async function quit(driver) {
  const dataDir = driver.loadlineDataDir;
  try {
    await within(driver.quit(), 10000, 'ending the session');
  } catch {
    // The session may already be gone; the process check below still runs.
  }
  if (dataDir) await reapApp(dataDir);
}

/**
 * The `loadline-app` processes started on `dataDir` (ours alone: the dir is unique): the tray's,
 * and the main window's while it is open (`window`: started with --window), with their parents.
 */
export function appProcesses(dataDir) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv, stat;
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // A zombie keeps its command line empty: it is gone but for its parent's wait.
    if (argv[0] !== APP || !argv.includes(dataDir)) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    found.push({ pid: Number(name), ppid, window: argv.includes('--window') });
  }
  return found;
}

function appPids(dataDir) {
  return appProcesses(dataDir).map((p) => p.pid);
}

/**
 * Waits for the app started on `dataDir` to exit; ends it (by pid) if it outlives its session,
 * since the single-instance plugin would hand the next test's launch to it.
 */
async function reapApp(dataDir) {
  for (let i = 0; i < 50; i++) {
    if (appPids(dataDir).length === 0) return;
    await sleep(100);
  }
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    for (const pid of appPids(dataDir)) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
    for (let i = 0; i < 30; i++) {
      if (appPids(dataDir).length === 0) return;
      await sleep(100);
    }
  }
}

/**
 * The usual shape of a test: a fresh data dir, `seed(dataDir)` before the app starts, the
 * app, `body(driver, dataDir)`; on failure a screenshot and the page's HTML into artifacts/e2e;
 * then the app is ended and (on success) the data dir removed.
 */
export async function withApp(t, body, { seed, args } = {}) {
  const dataDir = freshDataDir();
  let driver;
  let ok = false;
  try {
    if (seed) await seed(dataDir);
    driver = await startApp(dataDir, { args });
    await body(driver, dataDir);
    ok = true;
  } finally {
    if (!ok) await saveEvidence(t.name, driver, dataDir);
    if (driver) await quit(driver);
    if (ok) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits until `check()` is true, looking every 100 ms; fails naming `what` after `ms`. */
export async function waitUntil(what, check, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** `promise`, or a rejection once `ms` have passed. */
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A screenshot of the webview, the page's HTML and one of the whole X screen. */
export async function saveEvidence(name, driver, dataDir) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100));
  const saved = [];
  if (driver) {
    try {
      // WebKitWebDriver's screenshot has been seen to hang on a page with an empty body.
      writeFileSync(`${base}.png`, await within(driver.takeScreenshot(), 10000, 'screenshot'), 'base64');
      saved.push(`${base}.png`);
    } catch (e) {
      console.error(`# no webview screenshot: ${e.message}`);
    }
    try {
      writeFileSync(`${base}.html`, await within(driver.getPageSource(), 10000, 'page source'));
      saved.push(`${base}.html`);
    } catch (e) {
      console.error(`# no page source: ${e.message}`);
    }
  }
  if (process.env.DISPLAY) {
    const r = spawnSync('import', ['-window', 'root', `${base}.screen.png`], { timeout: 10000 });
    if (r.status === 0) saved.push(`${base}.screen.png`);
  }
  console.error(`# failure evidence: ${saved.join(', ') || 'none'}; data dir kept: ${dataDir}`);
}

// ---------------------------------------------------------------------------------------
// Finding and using elements

/**
 * Waits until an element `[data-testid=id]` (plus `extra` attribute selectors) is displayed
 * (or merely present, with `visible: false`); returns the first such element.
 */
export async function waitFor(driver, id, { extra = '', timeout = TIMEOUT, visible = true } = {}) {
  let found;
  await driver.wait(
    async () => {
      for (const el of await driver.findElements(tid(id, extra))) {
        try {
          if (!visible || (await el.isDisplayed())) {
            found = el;
            return true;
          }
        } catch {
          // stale: re-rendered between find and check; the next round sees the new one
        }
      }
      return false;
    },
    timeout,
    `no ${visible ? 'visible ' : ''}[data-testid=${id}]${extra} appeared`,
  );
  return found;
}

/** Waits until `[data-testid=id]` is gone (or hidden). */
export async function waitGone(driver, id, { extra = '', timeout = TIMEOUT } = {}) {
  await driver.wait(
    async () => {
      const found = await driver.findElements(tid(id, extra));
      for (const el of found) {
        try {
          if (await el.isDisplayed()) return false;
        } catch {
          // went stale: it is gone
        }
      }
      return true;
    },
    timeout,
    `[data-testid=${id}]${extra} did not go away`,
  );
}

/** Clicks `[data-testid=id]` once it is displayed and enabled. */
export async function click(driver, id, opts = {}) {
  return retryStale(async () => {
    const el = await waitFor(driver, id, opts);
    await driver.wait(until.elementIsEnabled(el), opts.timeout ?? TIMEOUT, `[data-testid=${id}] stayed disabled`);
    await el.click();
    return el;
  });
}

/** Replaces the value of the field `[data-testid=id]` by typing `text` (lines for a textarea). */
export async function type(driver, id, text, opts = {}) {
  return retryStale(async () => {
    const el = await waitFor(driver, id, opts);
    await el.clear();
    // clear() may leave a framework's bound state alone; select-all + delete covers that too.
    if ((await el.getAttribute('value')) !== '') await el.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.DELETE);
    // WebKitWebDriver drops a literal "\n": type each line break as the Enter key.
    const parts = String(text).split('\n').flatMap((line, i) => (i === 0 ? [line] : [Key.ENTER, line]));
    if (parts.some((p) => p !== '')) await el.sendKeys(...parts.filter((p) => p !== ''));
    return el;
  });
}

/**
 * Sets a field's value from script and fires `input` and `change`, as a person's edit would:
 * for `<select>`, date and time inputs whose typing rules differ between engines.
 */
export async function setValue(driver, id, value, opts = {}) {
  return retryStale(() => setValueOnce(driver, id, value, opts));
}

async function setValueOnce(driver, id, value, opts) {
  const el = await waitFor(driver, id, opts);
  await driver.executeScript(
    `const el = arguments[0], value = arguments[1];
     const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
       : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    el,
    String(value),
  );
  return el;
}

/** The visible text of `[data-testid=id]`. */
export async function textOf(driver, id, opts = {}) {
  return retryStale(async () => (await waitFor(driver, id, opts)).getText());
}

/**
 * Waits until some `[data-testid=id]` element's text contains `text`; returns that element.
 * Elements re-rendered while looking are simply looked up again.
 */
export async function waitForText(driver, id, text, { timeout = TIMEOUT, extra = '' } = {}) {
  let found;
  await driver.wait(
    async () => {
      for (const el of await driver.findElements(tid(id, extra))) {
        try {
          if ((await el.getText()).includes(text)) {
            found = el;
            return true;
          }
        } catch {
          // stale: re-rendered between find and read; the next round sees the new one
        }
      }
      return false;
    },
    timeout,
    `no [data-testid=${id}]${extra} with text "${text}" appeared`,
  );
  return found;
}

/**
 * Waits until some `[data-testid=id]` element's text matches `pattern`; returns that text.
 * Reads and matches in one step, so a re-render cannot make the answer stale.
 */
export async function waitForMatch(driver, id, pattern, { timeout = TIMEOUT, extra = '' } = {}) {
  let text;
  const seen = new Set();
  await driver.wait(
    async () => {
      for (const el of await driver.findElements(tid(id, extra))) {
        try {
          const t = await el.getText();
          seen.add(t);
          if (pattern.test(t)) {
            text = t;
            return true;
          }
        } catch {
          // stale: the next round sees the re-rendered element
        }
      }
      return false;
    },
    timeout,
    `no [data-testid=${id}]${extra} matching ${pattern} appeared; seen: ${JSON.stringify([...seen].slice(-5))}`,
  );
  return text;
}

/**
 * Runs `read` (which finds elements afresh) until it does not fail on an element that a
 * re-render replaced; returns its result.
 */
export async function retryStale(read, { timeout = TIMEOUT } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await read();
    } catch (e) {
      if (e?.name !== 'StaleElementReferenceError' || Date.now() > end) throw e;
      await sleep(50);
    }
  }
}

/** Waits for `ms` milliseconds: only for claims that something does NOT happen. */
export { sleep };

// ---------- the native quick-log window (Linux) ----------

/** Its title, as `src-tauri/src/quicklog_native.rs` sets it: xdotool finds it by name. */
export const QUICKLOG_TITLE = '^Log an interruption$';

/** Whether the quick-log window is on screen (a native GTK window: not one of WebDriver's). */
export function quicklogShown() {
  const found = spawnSync('xdotool', ['search', '--onlyvisible', '--name', QUICKLOG_TITLE], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

/** Waits until the quick-log window is shown (`shown`) or gone. */
export async function waitQuicklog(shown, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (quicklogShown() === shown) return;
    await sleep(50);
  }
  throw new Error(`timed out: ${what}`);
}

/** Keys pressed on the X server (XTEST), as a person presses them, `delay` ms apart. */
export function press(keys, delay = 60) {
  const run = spawnSync('xdotool', ['key', '--delay', String(delay), ...keys], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`xdotool key ${keys.join(' ')}: ${run.stderr}`);
}

/** Text typed on the X server, a character at a time. */
export function typeText(text) {
  const run = spawnSync('xdotool', ['type', '--delay', '40', text], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`xdotool type: ${run.stderr}`);
}
