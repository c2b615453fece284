// (7) The in-app list of warnings explains itself with the entries behind each one, and the
// export view previews exactly what would be written, keeping notes out until asked.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { By, cli, click, retryStale, setValue, sleep, tid, waitFor, waitForText, withApp } from './lib.mjs';

/** Three evening sacrifices in the last hour, after hours whatever the clock says. */
function sacrifices(dataDir) {
  cli(dataDir, 'settings', 'set', '--work', 'none', '--sleep', 'none');
  const ids = [];
  for (const ago of [50, 40, 30]) {
    const at = new Date(Date.now() - ago * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    ids.push(cli(dataDir, 'log', '--channel', 'page', '--minutes', '5', '--at', at, '--source', 'db-primary', '--note', `secret-${ago}`).trim());
  }
  return ids;
}

test('a warning in the app shows why: the entries behind it', async (t) => {
  let ids;
  await withApp(
    t,
    async (driver) => {
      await click(driver, 'nav-warnings');
      const row = await waitFor(driver, 'notice-row', { extra: '[data-rule="over_load_line"]', timeout: 20000 });
      assert.match(await row.getText(), /3 sacrifices/);
      await retryStale(async () => (await driver.findElement(By.css('[data-testid="notice-row"][data-rule="over_load_line"] [data-testid="notice-why"]'))).click());
      const shown = await waitFor(driver, 'notice-entries');
      await driver.wait(async () => (await shown.findElements(tid('entry-row'))).length === 3, 10000, 'three entries behind the warning');
      const listed = await Promise.all((await shown.findElements(tid('entry-row'))).map((r) => r.getAttribute('data-entry-id')));
      assert.deepEqual(listed.sort(), [...ids].sort());
    },
    { seed: (dataDir) => (ids = sacrifices(dataDir)) },
  );
});

test('the export preview is exactly what would be written, notes only when asked', async (t) => {
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-export');
      await waitFor(driver, 'export-range');
      await setValue(driver, 'export-range', 'all');
      await retryStale(async () => (await driver.findElement(By.css('[data-testid="export-format"] input[value="csv"]'))).click());
      await waitForText(driver, 'export-preview', 'start_utc');
      const preview = async () => (await driver.findElement(tid('export-preview'))).getText();
      assert.doesNotMatch(await preview(), /secret-/, 'notes stay out by default');
      const expected = cli(dataDir, 'export', '--format', 'csv', '--out', '-');
      assert.equal((await preview()).trim().replace(/\r/g, ''), expected.trim().replace(/\r/g, ''), 'the preview is the file');

      await click(driver, 'include-notes');
      await waitForText(driver, 'export-preview', 'secret-50');
      await sleep(200);
    },
    { seed: sacrifices },
  );
});
