// (2) Logging an interruption in the window writes it to the store: the CLI, on the same data
// directory, lists it with what was typed, as soon as the window says it is logged.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { click, entries, type, waitFor, waitForText, withApp } from './lib.mjs';

test('an entry logged in the window is in the store with its source and minutes', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'log-form');
    assert.deepEqual(entries(dataDir), [], 'a fresh data directory holds no entries');

    await type(driver, 'log-channel', 'page');
    await type(driver, 'log-minutes', '25');
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
