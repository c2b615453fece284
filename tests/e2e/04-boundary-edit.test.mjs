// (4) A non-negotiable declared through the CLI is edited in Settings; the store has the new
// name and windows from then on.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { boundaries, By, cli, click, retryStale, tid, type, waitFor, waitForText, withApp } from './lib.mjs';

test('editing a non-negotiable in Settings changes its name and windows in the store', async (t) => {
  let id;
  const seed = (dataDir) => {
    id = cli(dataDir, 'boundary', 'add', '--name', 'Family dinner', '--category', 'family', '--window', 'Mon-Fri 18:00-20:00').trim();
    assert.match(id, /^\d+$/, `the CLI prints the new id: ${id}`);
  };
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-settings');
      await waitForText(driver, 'boundary-row', 'Family dinner');
      const row = `[data-boundary-id="${id}"]`;
      await retryStale(async () => (await driver.findElement(By.css(`${row} [data-testid="boundary-edit"]`))).click());

      await waitFor(driver, 'boundary-form');
      const [name, windows] = await retryStale(async () => [
        await driver.findElement(tid('boundary-name')).getAttribute('value'),
        await driver.findElement(tid('boundary-windows')).getAttribute('value'),
      ]);
      assert.equal(name, 'Family dinner');
      assert.equal(windows, 'Mon-Fri 18:00-20:00');
      await type(driver, 'boundary-name', 'Family time');
      await type(driver, 'boundary-windows', 'Mon-Fri 18:30-20:30\nSun all day');
      await click(driver, 'boundary-save');

      await waitForText(driver, 'boundary-name-text', 'Family time');
      const now = boundaries(dataDir);
      assert.equal(now.length, 1, `one non-negotiable expected: ${JSON.stringify(now)}`);
      assert.equal(String(now[0].id), id, 'the same non-negotiable, edited (not a new one)');
      assert.equal(now[0].name, 'Family time');
      assert.equal(now[0].category, 'family');
      assert.deepEqual(now[0].windows, ['Mon-Fri 18:30-20:30', 'Sun all day']);
    },
    { seed },
  );
});
