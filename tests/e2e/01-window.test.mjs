// (1) The app starts on an empty data directory: its window is titled "Loadline" and shows
// the week at a glance, with the product's default load line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { waitFor, waitForMatch, withApp } from './lib.mjs';

/** Titles of the X server's top-level windows: the native title, not the page's. */
function xWindowNames() {
  const r = spawnSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `xwininfo failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/^\s+0x[0-9a-f]+ "([^"]*)"/gm)].map((m) => m[1]);
}

test('the window opens titled "Loadline" and shows the week headline', async (t) => {
  await withApp(t, async (driver) => {
    await waitFor(driver, 'week-headline');
    // Loaded (not the placeholder), an empty week against the default load line of 2.
    const text = await waitForMatch(driver, 'week-headline', /load line/);
    assert.match(text, /\b0 sacrifices\b/, `headline: ${text}`);
    assert.match(text, /load line 2\b/, `headline: ${text}`);
    assert.equal(await driver.getTitle(), 'Loadline', 'the page title');
    if (process.env.DISPLAY) {
      const names = xWindowNames();
      assert.ok(names.includes('Loadline'), `no X window titled "Loadline" among: ${names.join(', ')}`);
    }
  });
});
