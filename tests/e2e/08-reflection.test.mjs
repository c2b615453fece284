// (8) The weekly reflection for a seeded week: its headline numbers and a heatmap cell are the
// core's, an answer is saved for that week, survives moving between weeks and a restart.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cli, click, freshDataDir, Key, quit, startApp, tid, type, waitFor, waitForText } from './lib.mjs';

function seed(dataDir) {
  cli(dataDir, 'settings', 'set', '--zone', 'Europe/Berlin');
  cli(dataDir, 'boundary', 'add', '--name', 'Family dinner', '--category', 'family', '--window', 'Mon-Fri 18:00-20:00');
  // 2026-W47: Wednesday 18:40 for 50 minutes (dinner), Thursday 23:30 for 45 (sleep hours).
  cli(dataDir, 'log', '--channel', 'chat', '--minutes', '50', '--at', '2026-11-18T18:40', '--tz', 'Europe/Berlin', '--source', 'alice');
  cli(dataDir, 'log', '--channel', 'page', '--minutes', '45', '--at', '2026-11-19T23:30', '--tz', 'Europe/Berlin', '--source', 'db-primary');
}

async function openWeek(driver, week) {
  await driver.executeScript(`location.hash = '#/reflection/${week}'`);
  await waitForText(driver, 'reflection-week-label', week);
}

test('a seeded week reflects the core numbers, and an answer is kept', async (t) => {
  const dataDir = freshDataDir();
  seed(dataDir);
  const week = JSON.parse(cli(dataDir, 'week', '2026-W47', '--json'));
  let driver = await startApp(dataDir);
  t.after(() => quit(driver));

  await openWeek(driver, '2026-W47');
  const headline = await (await waitFor(driver, 'reflection-headline')).getText();
  assert.match(headline, new RegExp(`\\b${week.sacrifices}\\s+sacrifices`), headline);
  assert.match(headline, /1 h 35 min/, `after-hours minutes as the core counts them: ${headline}`);
  // Wednesday (day 2) 18:00 holds 20 of the dinner-time minutes, 19:00 the other 30.
  const cell = await waitFor(driver, 'heat-cell', { extra: '[data-day="2"][data-hour="18"]', visible: false });
  assert.equal(await cell.getAttribute('data-minutes'), '20');
  const next = await waitFor(driver, 'heat-cell', { extra: '[data-day="2"][data-hour="19"]', visible: false });
  assert.equal(await next.getAttribute('data-minutes'), '30');

  await type(driver, 'answer-protect', 'Thursday dinner, phone off');
  await click(driver, 'energy-2');
  await click(driver, 'reflection-save');
  await waitFor(driver, 'reflection-saved');

  await click(driver, 'reflection-prev');
  await waitForText(driver, 'reflection-week-label', '2026-W46');
  assert.equal(await (await waitFor(driver, 'answer-protect')).getAttribute('value'), '', 'another week has its own answers');
  await click(driver, 'reflection-next');
  await waitForText(driver, 'reflection-week-label', '2026-W47');
  // The same steps from the keyboard, anywhere in the view (not typing in a field).
  await driver.executeScript('document.activeElement?.blur()');
  await driver.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_LEFT).keyUp(Key.ALT).perform();
  await waitForText(driver, 'reflection-week-label', '2026-W46');
  await driver.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_RIGHT).keyUp(Key.ALT).perform();
  await waitForText(driver, 'reflection-week-label', '2026-W47');
  await driver.wait(async () => (await (await waitFor(driver, 'answer-protect')).getAttribute('value')) === 'Thursday dinner, phone off', 10000, 'the answer is back');

  await quit(driver);
  driver = await startApp(dataDir);
  await openWeek(driver, '2026-W47');
  await driver.wait(async () => (await (await waitFor(driver, 'answer-protect')).getAttribute('value')) === 'Thursday dinner, phone off', 10000, 'the answer survives a restart');
  assert.equal(await (await waitFor(driver, 'energy-2', { visible: false })).isSelected(), true);
});

/** Three evenings (three sacrifices, over the load line of 2) in each of 2026-W45, W46 and W47. */
function seedHeavy(dataDir) {
  cli(dataDir, 'settings', 'set', '--zone', 'Europe/Berlin');
  for (const monday of [2, 9, 16]) {
    for (let d = 0; d < 3; d++) {
      const day = String(monday + d).padStart(2, '0');
      cli(dataDir, 'log', '--channel', 'page', '--minutes', '40', '--at', `2026-11-${day}T21:00`, '--tz', 'Europe/Berlin', '--source', 'db-primary');
    }
  }
}

test('a heavy week says so first, and its habit shows the weeks that make it', async (t) => {
  const dataDir = freshDataDir();
  seedHeavy(dataDir);
  const driver = await startApp(dataDir);
  t.after(() => quit(driver));

  await openWeek(driver, '2026-W47');
  const verdict = await (await waitFor(driver, 'reflection-verdict')).getText();
  assert.match(verdict, /^Over your load line: 3 sacrifices \(your line is 2\)/, verdict);
  assert.match(verdict, /3 of the last 4 weeks$/, 'the verdict counts the weeks as the habit warning does');
  const step = await (await waitFor(driver, 'reflection-next-step')).getText();
  assert.match(step, /runbook/i, `the habit's next step leads: ${step}`);

  // Warnings are folded to their titles; the habit's title carries the same count.
  const habit = await waitFor(driver, 'reflection-warning', { extra: '[data-rule="habit"]' });
  assert.match(await habit.getText(), /Over your load line in 3 of the last 4 weeks/);
  assert.equal((await habit.findElements(tid('reflection-warning-body'))).length, 0, 'folded');
  await (await habit.findElement(tid('reflection-warning-toggle'))).click();
  const rows = await driver.wait(async () => {
    const found = await habit.findElements(tid('habit-week'));
    return found.length > 0 ? found : null;
  }, 10000, 'the habit opens on its table of weeks');
  assert.equal(rows.length, 4, 'the habit rule window: 4 weeks, not 9 entry cards');
  assert.deepEqual(
    await Promise.all(rows.map((r) => r.getAttribute('data-week'))),
    ['2026-W47', '2026-W46', '2026-W45', '2026-W44'],
  );
  assert.match(await rows[0].getText(), /\)\s*3\s*2 h\s*2 · 2 h\s*Over: sacrifices$/);
  assert.match(await rows[3].getText(), /Under/);
  assert.equal((await habit.findElements(tid('entry-row'))).length, 0, 'no entry cards');

  // From the keyboard: Enter on its title folds it again.
  await (await habit.findElement(tid('reflection-warning-toggle'))).sendKeys(Key.ENTER);
  await driver.wait(async () => (await habit.findElements(tid('habit-weeks'))).length === 0, 5000, 'Enter folds it');
});
