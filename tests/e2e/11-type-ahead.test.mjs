// (11) Type-ahead through the real shortcut: the keys typed from the press of Ctrl+Alt+L on,
// whether the quick-log window is up yet or not, are all there (the shortcut's press holds them
// in the app until the window takes them), and an Escape typed at once closes the window again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { entries, press, quicklogShown, sleep, waitUntil, waitFor, waitQuicklog, withApp } from './lib.mjs';

/** The app's log (the data directory's `logs`), all of it. */
function appLog(dataDir) {
  const dir = join(dataDir, 'logs');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}


test('Ctrl+Alt+L then 1 4 0 Enter typed at once logs exactly one 40-minute page, held keys included', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    // 0 ms apart the keys come before the window exists: the grab holds them and the window types
    // them in; 30 ms apart some may come after it is up. Either way, one entry each time.
    for (const [i, delay] of [0, 30].entries()) {
      // One xdotool run: the shortcut, then the keys, `delay` ms apart from the press on (XTEST).
      press(['ctrl+alt+l', '1', '4', '0', 'Return'], delay);
      await waitUntil(`entry ${i + 1} is written`, () => entries(dataDir).length > i);
      // Logged, the window says so and closes itself; nothing more is logged meanwhile.
      await waitQuicklog(false, 'the window closed after logging');
    }
    const logged = entries(dataDir);
    assert.equal(logged.length, 2, 'exactly one entry each time');
    assert.ok(logged.every((e) => e.channel === 'page' && e.minutes === 40), JSON.stringify(logged));
    const held = [...appLog(dataDir).matchAll(/keys typed ahead: (\d+)\)/g)].map((m) => Number(m[1]));
    assert.ok(held[0] > 0, `the keys typed at once were held and typed in: ${held}`);
  });
});

test('an Escape typed at once after the shortcut closes the window and logs nothing', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    press(['ctrl+alt+l', 'Escape'], 20);
    // The window is made, takes the keys (the app logs it), and the Escape closes it again.
    await waitUntil('the window was ready', () => /quick-log window ready in /.test(appLog(dataDir)));
    await waitQuicklog(false, 'the Escape closed the window');
    await sleep(1500);
    assert.equal(quicklogShown(), false, 'it stays closed');
    assert.deepEqual(entries(dataDir), [], 'nothing was logged');

    // The keyboard is free again: the shortcut opens the window as ever.
    press(['ctrl+alt+l']);
    await waitQuicklog(true, 'the shortcut opens the window again');
  });
});
