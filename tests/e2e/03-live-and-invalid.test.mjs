// (3) The window follows the data directory: an entry logged through the CLI while the app
// runs shows up without a restart. And a bad value is refused beside its field, writing nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cli, click, entries, retryStale, sleep, tid, type, waitFor, waitForText, withApp } from './lib.mjs';

test('an entry logged through the CLI while the app runs appears in the window', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitForText(driver, 'week-headline', 'load line');
    assert.equal((await driver.findElements(tid('entry-row'))).length, 0, 'no entries before the CLI logs one');

    const id = cli(dataDir, 'log', '--channel', 'call', '--minutes', '40', '--source', 'db-cluster-7').trim();
    assert.match(id, /^\d+$/, `the CLI prints the new id: ${id}`);

    await waitForText(driver, 'entry-row', 'db-cluster-7', { timeout: 10000 });
    const [channel, minutes] = await retryStale(async () => {
      const row = await driver.findElement(tid('entry-row', `[data-entry-id="${id}"]`));
      return [await row.findElement(tid('entry-channel')).getText(), await row.findElement(tid('entry-minutes')).getText()];
    });
    assert.match(channel, /call/i);
    assert.match(minutes, /40/);
  });
});

for (const bad of ['0', '-5']) {
  test(`minutes ${bad} is refused beside the minutes field and nothing is written`, async (t) => {
    await withApp(t, async (driver, dataDir) => {
      await waitFor(driver, 'log-form');
      await type(driver, 'log-channel', 'chat');
      await type(driver, 'log-minutes', bad);
      await click(driver, 'log-submit');

      const error = await waitFor(driver, 'field-error', { extra: '[data-field="minutes"]' });
      const message = await error.getText();
      assert.match(message, /minutes/i, `the message names the field: ${message}`);
      assert.match(message, /\b1\b.*\b10,?080\b/, `the message says what is allowed: ${message}`);

      // Give a wrongly accepted write time to land before looking.
      await sleep(500);
      assert.deepEqual(entries(dataDir), [], 'nothing is written');
      assert.equal((await driver.findElements(tid('entry-row'))).length, 0, 'nothing is listed');
    });
  });
}

test('an empty form says what to enter beside each field, and each message goes as its field is fixed', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'log-form');
    await click(driver, 'log-submit');

    const channel = await waitFor(driver, 'field-error', { extra: '[data-field="channel"]' });
    assert.match(await channel.getText(), /channel/i, 'an empty channel has its own message, naming the field');
    const minutes = await waitFor(driver, 'field-error', { extra: '[data-field="minutes"]' });
    assert.equal(await minutes.getText(), 'Enter the minutes it took, from 1 to 10,080');

    await type(driver, 'log-channel', 'page');
    await driver.wait(async () => (await driver.findElements(tid('field-error', '[data-field="channel"]'))).length === 0, 5000, 'the channel message clears once a channel is typed');
    assert.equal((await driver.findElements(tid('field-error', '[data-field="minutes"]'))).length, 1, 'the minutes message stays until the minutes are fixed');
    await type(driver, 'log-minutes', '20');
    await driver.wait(async () => (await driver.findElements(tid('field-error'))).length === 0, 5000, 'no message is left once both are fixed');
    assert.deepEqual(entries(dataDir), [], 'nothing was written on the way');
  });
});
