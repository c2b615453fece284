// (10) A shortcut another application already holds is reported in Settings, not silently
// ignored, and Loadline lets go of the part of it that it did grab; once the key is free,
// saving again makes it work.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { click, press, setValue, sleep, waitFor, waitForMatch, waitGone, waitQuicklog, withApp } from './lib.mjs';

const GRABBER = join(dirname(fileURLToPath(import.meta.url)), 'grab-key.py');
const CONTROL_ALT = 4 | 8;
const NUM_LOCK = 16;

/** Another X client holding `k` with `mask`; resolves once the grab is made, rejects if refused. */
async function holdKey(t, mask) {
  const other = spawn('python3', [GRABBER, 'k', String(mask)], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.after(() => other.kill());
  await new Promise((resolve, reject) => {
    other.stdout.once('data', resolve);
    other.once('exit', (code) => reject(new Error(`grab-key.py ${mask} exited ${code}: the key is held`)));
  });
  return async () => {
    other.stdin.end();
    await new Promise((resolve) => other.once('exit', resolve));
  };
}

test('a shortcut held by another application is reported, let go of, and works once it is free', async (t) => {
  // Only its Num Lock variant is taken: Loadline grabs the plain one first, then is refused.
  const releaseNumLock = await holdKey(t, CONTROL_ALT | NUM_LOCK);

  await withApp(t, async (driver) => {
    await waitFor(driver, 'week-headline');
    await driver.executeScript("location.hash = '#/settings'");
    await setValue(driver, 'shortcut-input', 'Ctrl+Alt+K');
    await click(driver, 'prefs-save');
    await waitForMatch(driver, 'shortcut-problem', /Ctrl\+Alt\+K is not working[\s\S]*another application already uses it/i);

    // Loadline holds nothing of Ctrl+Alt+K now: another client can take the plain variant.
    const releasePlain = await holdKey(t, CONTROL_ALT);
    await releasePlain();
    await releaseNumLock();

    await click(driver, 'prefs-save');
    await waitGone(driver, 'shortcut-problem');
    const main = await driver.getWindowHandle();
    press(['ctrl+alt+k']);
    await waitQuicklog(true, 'Ctrl+Alt+K opened the quick-log window');
    await sleep(300);
    assert.equal(await driver.getWindowHandle(), main);
  });
});
