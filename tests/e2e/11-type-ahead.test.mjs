// (11) Type-ahead through the real shortcut: the keys typed from the press of Ctrl+Alt+L on,
// before the quick-log window exists, are all there (the shortcut's press holds them in the app
// until the page takes them), and an Escape typed at once closes the window again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { entries, sleep, waitFor, withApp } from './lib.mjs';

/** The app's log (the data directory's `logs`), all of it. */
function appLog(dataDir) {
  const dir = join(dataDir, 'logs');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

/** One xdotool run: the shortcut, then `keys`, `delay` ms apart from the press on (XTEST). */
function typeAtOnce(delay, ...keys) {
  execFileSync('xdotool', ['key', '--delay', String(delay), 'ctrl+alt+l', ...keys]);
}

test('Ctrl+Alt+L then 1 4 0 Enter typed at once logs exactly one 40-minute page', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    typeAtOnce(30, '1', '4', '0', 'Return');
    await driver.wait(async () => entries(dataDir).length > 0, 20000, 'the typed-ahead entry is written');
    // Logged, the window says so and closes itself; nothing more is logged meanwhile.
    await driver.wait(async () => (await driver.getAllWindowHandles()).length === 1, 15000, 'the window closed after logging');
    const logged = entries(dataDir);
    assert.equal(logged.length, 1, 'exactly one entry');
    assert.equal(logged[0].channel, 'page');
    assert.equal(logged[0].minutes, 40);
  });
});

test('an Escape typed at once after the shortcut closes the window and logs nothing', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const windows = async () => (await driver.getAllWindowHandles()).length;
    typeAtOnce(20, 'Escape');
    // The window is made, its page takes the held Escape (the app logs it), and it is gone again.
    await driver.wait(async () => /quick-log window ready in .*keys typed ahead: 1\)/.test(appLog(dataDir)), 20000, 'the page took the Escape typed ahead');
    await driver.wait(async () => (await windows()) === 1, 15000, 'the held Escape closed the window');
    await sleep(1500);
    assert.equal(await windows(), 1, 'it stays closed');
    assert.deepEqual(entries(dataDir), [], 'nothing was logged');

    // The keyboard is free again: the shortcut opens the window as ever.
    execFileSync('xdotool', ['key', 'ctrl+alt+l']);
    await driver.wait(async () => (await windows()) === 2, 15000, 'the shortcut opens the window again');
  });
});
