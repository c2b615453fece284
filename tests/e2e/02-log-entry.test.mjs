// (2) Logging an interruption in the window writes it to the store: the CLI, on the same data
// directory, lists it with what was typed, as soon as the window says it is logged.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { click, entries, tid, type, waitFor, waitForText, withApp } from './lib.mjs';

test('an entry logged in the window is in the store with its source and minutes', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'log-form');
    assert.deepEqual(entries(dataDir), [], 'a fresh data directory holds no entries');

    await type(driver, 'log-channel', 'page');
    await type(driver, 'log-minutes', '25');
    // The source is a detail, folded away until asked for.
    assert.equal(await (await driver.findElement(tid('log-source'))).isDisplayed(), false, 'details start folded');
    await click(driver, 'log-more-toggle');
    await type(driver, 'log-source', 'payments-api');
    await click(driver, 'log-submit');

    // The window acknowledges only what is committed: once it says so, the CLI must see it.
    await waitForText(driver, 'log-status', 'Logged');
    const all = entries(dataDir);
    assert.equal(all.length, 1, `one entry expected: ${JSON.stringify(all)}`);
    assert.equal(all[0].source, 'payments-api');
    assert.equal(all[0].minutes, 25);
    assert.equal(all[0].channel, 'page');

    // And the window lists it.
    await waitForText(driver, 'entry-row', 'payments-api');
    await waitFor(driver, 'entry-row', { extra: `[data-entry-id="${all[0].id}"]` });
  });
});

test('at the default window size the Log button is in view without scrolling', async (t) => {
  await withApp(t, async (driver) => {
    // As a person sees it every day after the first-run welcome.
    await click(driver, 'welcome-skip');
    await driver.wait(async () => (await driver.findElements(tid('welcome'))).length === 0, 10000, 'the welcome is gone');
    const button = await waitFor(driver, 'log-submit');
    const [bottom, height] = await driver.executeScript(
      'const r = arguments[0].getBoundingClientRect(); return [r.bottom, window.innerHeight];',
      button,
    );
    assert.ok(bottom <= height, `the button ends at ${bottom}px of a ${height}px window`);
  });
});
