// (12) Settings replays the reminder engine over the last four weeks with the thresholds as they
// stand in the form, before they are saved: a person tunes them against their own past.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cli, cliJson, click, type, waitFor, waitForMatch, withApp } from './lib.mjs';

test('the Advanced thresholds say what they would have shown over the last four weeks', async (t) => {
  const seed = (dataDir) => {
    // No working or sleep hours: every minute is after hours and nothing is quiet.
    cli(dataDir, 'settings', 'set', '--work', 'none', '--sleep', 'none');
    for (const daysAgo of [6, 5, 4]) {
      const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      cli(dataDir, 'log', '--channel', 'page', '--minutes', '30', '--at', at, '--source', 'db-primary');
    }
  };
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-settings');
      await click(driver, 'prefs-advanced');
      const said = await waitForMatch(driver, 'trial-summary', /notifications? in the last 4 weeks, at most \d+ in a week/);
      assert.ok(!said.startsWith('No '), said);

      await type(driver, 'notifications-per-week', '0');
      await waitForMatch(driver, 'trial-summary', /^No notifications in the last 4 weeks/);
      // Tried, not saved.
      assert.equal(cliJson(dataDir, 'settings', 'show').prefs.notifications_per_week, 3);
      await waitFor(driver, 'reminder-trial');
    },
    { seed },
  );
});
