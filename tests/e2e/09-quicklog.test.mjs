// (9) The quick-log window (on Linux a native GTK window), opened the way the tray and the global
// shortcut open it (the shortcut, pressed on the X server), typed with the keyboard only; a
// draft that survives an accidental close; and the keyboard flow after a refused Enter. The
// window is not a webview, so it is driven as a person drives it: keys on the X server, and what
// it wrote read back through the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, cli, entries, press, sleep, typeText, waitFor, waitQuicklog, withApp } from './lib.mjs';

/** Presses the global shortcut; resolves once the window is on screen and has had a moment. */
async function openQuicklog() {
  press(['ctrl+alt+l']);
  await waitQuicklog(true, 'the shortcut opened the quick-log window');
  await sleep(150);
}

async function written(dataDir, n) {
  const end = Date.now() + 10000;
  while (Date.now() < end && entries(dataDir).length < n) await sleep(100);
  assert.equal(entries(dataDir).length, n, `${n} entries written`);
}

test('the shortcut opens a quick-log window that logs with the keyboard alone, then closes', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    await openQuicklog();
    press(['1', '4', '5', 'Tab', '2', '0', 'Tab']);
    typeText('kbd-only-source');
    press(['Return']);
    await written(dataDir, 1);
    const [e] = entries(dataDir);
    assert.equal(e.channel, 'page');
    assert.equal(e.minutes, 45);
    assert.equal(e.source, 'kbd-only-source');
    const minutesAgo = (Date.now() - Date.parse(e.start)) / 60000;
    assert.ok(minutesAgo > 19 && minutesAgo < 23, `started about 20 minutes ago: ${minutesAgo}`);
    // Logged, it says so and closes itself; the main window shows the entry.
    await waitQuicklog(false, 'the window closed after logging');
    await waitFor(driver, 'entry-row', { extra: `[data-entry-id="${e.id}"]` });
  });
});

test('a draft closed with Escape is there again when the window reopens', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    await openQuicklog();
    press(['2', '3', '0', 'Tab', 'Tab']);
    typeText('draft-source');
    await sleep(800); // the draft is kept a moment after each change
    press(['Escape']);
    await waitQuicklog(false, 'Escape closed the window');
    assert.deepEqual(entries(dataDir), [], 'nothing was logged');

    await openQuicklog();
    press(['Return']);
    await written(dataDir, 1);
    const [e] = entries(dataDir);
    assert.deepEqual([e.channel, e.minutes, e.source], ['call', 30, 'draft-source'], 'the restored draft logs');
  });
});

test('after a refused Enter the channel row takes the keys, so "1 45" is page, 45 minutes', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    await openQuicklog();
    // Enter on an empty form is refused (channel and minutes): nothing is written, the window stays.
    press(['Return']);
    await sleep(500);
    assert.deepEqual(entries(dataDir), []);
    await waitQuicklog(true, 'the refused window stays open');
    // "1" picks the first channel and moves on; "45" is the minutes, not "145".
    press(['1', '4', '5', 'Return']);
    await written(dataDir, 1);
    const [e] = entries(dataDir);
    assert.deepEqual([e.channel, e.minutes], ['page', 45]);
  });
});

test('refused minutes are selected, so what is typed next replaces them', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    await openQuicklog();
    // Over a week of minutes: refused. Were "99999" not selected, "30" would make it "9999930".
    press(['2', '9', '9', '9', '9', '9', 'Return']);
    await sleep(500);
    assert.deepEqual(entries(dataDir), []);
    press(['3', '0', 'Return']);
    await written(dataDir, 1);
    assert.deepEqual([entries(dataDir)[0].channel, entries(dataDir)[0].minutes], ['call', 30]);
  });
});

test('Enter on a suggested source picks it, Escape closes the list only; then Enter logs', async (t) => {
  const seed = (dataDir) => cli(dataDir, 'log', '--channel', 'page', '--minutes', '20', '--source', 'payments-api');
  await withApp(
    t,
    async (driver, dataDir) => {
      await waitFor(driver, 'week-headline');
      await openQuicklog();
      press(['1', '4', '5', 'Tab', 'Tab']);
      typeText('pay');
      await sleep(400);
      press(['Escape']);
      await sleep(300);
      await waitQuicklog(true, 'Escape closed only the suggestions');
      press(['BackSpace']);
      typeText('y');
      await sleep(400);
      press(['Down', 'Return']);
      await sleep(300);
      assert.equal(entries(dataDir).length, 1, 'Enter picked the suggestion; nothing new was logged');
      press(['Return']);
      await written(dataDir, 2);
      const e = entries(dataDir).find((x) => x.minutes === 45);
      assert.deepEqual([e.channel, e.source], ['page', 'payments-api']);
    },
    { seed },
  );
});

test('Settings does not offer to keep the native window ready: it opens at once anyway', async (t) => {
  await withApp(t, async (driver) => {
    await waitFor(driver, 'week-headline');
    await driver.executeScript("location.hash = '#/settings'");
    await waitFor(driver, 'shortcut-input');
    assert.equal((await driver.findElements({ css: '[data-testid="quicklog-ready"]' })).length, 0);
  });
});

test('the tray menu\'s "Log with details…" opens the same window', async (t) => {
  // A stand-in panel on the test bus: it reads the tray's menu and clicks the item, as a person
  // does in a desktop's panel (com.canonical.dbusmenu).
  const out = join(mkdtempSync(join(tmpdir(), 'loadline-tray-')), 'watcher.jsonl');
  const panel = spawn('/usr/bin/python3', [join(ROOT, 'tests', 'install', 'sni-watcher.py'), out, 'Log with details…'], { stdio: 'ignore' });
  t.after(() => panel.kill());
  const read = () => (existsSync(out) ? readFileSync(out, 'utf8') : '');
  for (let i = 0; i < 100 && !read().includes('"ready"'); i++) await sleep(100);
  assert.match(read(), /"ready"/, 'the stand-in panel owns its name');

  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    await waitQuicklog(true, 'the tray menu item opened the quick-log window', 20000);
    assert.match(read(), /"clicked"/);
    await sleep(150);
    press(['3', '1', '5', 'Return']);
    await written(dataDir, 1);
    assert.deepEqual([entries(dataDir)[0].channel, entries(dataDir)[0].minutes], ['chat', 15]);
  });
});
