// (11) The monthly self-check from the keyboard: a take from two months ago is there in words
// and on the chart; a new take is answered with 1–5, S and ←, reviewed and saved with Enter; the
// CLI on the same data directory reads the scores the core computed; today's take is corrected
// from the keyboard too; Escape leaves without saving; the reflection shows the same months.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cli, cliJson, cliResult, click, Key, waitFor, waitForMatch, waitForText, withApp } from './lib.mjs';

/** "YYYY-MM" of the month `back` months before this one (UTC is near enough to Berlin on the 5th). */
function monthBack(back) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const EARLIER = monthBack(2);

function seed(dataDir) {
  cli(dataDir, 'settings', 'set', '--zone', 'Europe/Berlin');
  // Every answer "sometimes" / "somewhat": 50 on both scales.
  const take = {
    personal: Array(6).fill('sometimes'),
    work: ['somewhat', 'somewhat', 'somewhat', 'sometimes', 'sometimes', 'sometimes', 'sometimes'],
    at: `${EARLIER}-05T10:00`,
  };
  const r = cliResult(dataDir, ['selfcheck', 'take', '--json', '-'], { input: JSON.stringify(take) });
  assert.equal(r.status, 0, r.stderr);
  // 45 minutes after hours in the same month.
  cli(dataDir, 'log', '--channel', 'page', '--minutes', '45', '--at', `${EARLIER}-05T21:00`, '--tz', 'Europe/Berlin', '--source', 'db-primary');
}

/** Presses one key where the focus is, then waits until the progress line reads `progress`. */
async function press(driver, key, progress) {
  await driver.actions().sendKeys(key).perform();
  if (progress) await waitForText(driver, 'selfcheck-progress', progress);
}

test('the self-check is taken, corrected and left from the keyboard; the CLI reads the same scores', async (t) => {
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-selfcheck');
      await waitForText(driver, 'selfcheck-latest', 'Personal 50. Work-related 50.');
      await waitForText(driver, 'selfcheck-due', 'Not taken yet this month');
      await waitForMatch(driver, 'selfcheck-not-a-diagnosis', /not a diagnosis/);
      await waitForMatch(driver, 'selfcheck-citation', /Kristensen.*doi:10\.1080\/02678370500297720/);
      // The earlier take and its month's after-hours time are on the chart.
      await waitFor(driver, 'selfcheck-point', { extra: `[data-part="personal"][data-month="${EARLIER}"][data-score="50"]`, visible: false });
      await waitFor(driver, 'selfcheck-bar-minutes', { extra: `[data-month="${EARLIER}"][data-value="45"]`, visible: false });
      await waitFor(driver, 'selfcheck-bar-sacrifices', { extra: `[data-month="${EARLIER}"][data-value="1"]`, visible: false });

      // Due this month: "Take the self-check" has the focus, and Enter opens the form.
      await waitFor(driver, 'selfcheck-take');
      await driver.wait(
        async () => (await driver.executeScript('return document.activeElement?.dataset?.testid')) === 'selfcheck-take',
        10000,
        'the take button has the focus',
      );
      await press(driver, Key.ENTER, '1 of 13');
      await waitForText(driver, 'selfcheck-question-text', 'How often do you feel tired?');

      // Personal: always, often, (sometimes, then back and skipped), seldom, never, always.
      await press(driver, '1', '2 of 13');
      await press(driver, '2', '3 of 13');
      await press(driver, '3', '4 of 13');
      await press(driver, Key.ARROW_LEFT, '3 of 13');
      assert.equal(await (await waitFor(driver, 'selfcheck-radio-3', { visible: false })).isSelected(), true, 'the answer is kept on the way back');
      await press(driver, 's', '4 of 13');
      await press(driver, '4', '5 of 13');
      await press(driver, '5', '6 of 13');
      await press(driver, '1', '7 of 13');
      // Work: the degree items take the same keys.
      await waitForText(driver, 'selfcheck-choice-1', 'To a very high degree');
      await press(driver, '2', '8 of 13');
      await press(driver, '2', '9 of 13');
      await press(driver, '2', '10 of 13');
      await press(driver, '3', '11 of 13');
      await press(driver, '3', '12 of 13');
      await press(driver, '3', '13 of 13');
      await waitForText(driver, 'selfcheck-question-text', 'enough energy for family and friends');
      await press(driver, '1', 'Review · 12 of 13 answered');
      await waitForText(driver, 'selfcheck-review-answer', 'Skipped');

      // Save has the focus on the review: Enter saves.
      await press(driver, Key.ENTER);
      // Personal (100+75+25+0+100)/5 = 60; work (3×75 + 3×50 + 0, the energy item reversed)/7 = 53.6.
      await waitForText(driver, 'selfcheck-latest', 'Personal 60 — up from 50 in');
      await waitForText(driver, 'selfcheck-latest', 'Work-related 53.6 — up from 50 in');
      let takes = cliJson(dataDir, 'selfcheck').takes;
      assert.equal(takes.length, 2);
      assert.deepEqual([takes[0].personal, takes[0].work, takes[0].client], [60, 53.6, null]);
      assert.deepEqual(takes[0].answered, { personal: 5, work: 7, client: null });
      assert.equal(takes[0].correctable, true);
      const thisMonth = monthBack(0);
      await waitFor(driver, 'selfcheck-point', { extra: `[data-part="personal"][data-month="${thisMonth}"][data-score="60"]`, visible: false });
      await waitFor(driver, 'selfcheck-point', { extra: `[data-part="work"][data-month="${thisMonth}"][data-score="53.6"]`, visible: false });
      await waitForText(driver, 'selfcheck-due', 'Taken this month');

      // Today's take: "Correct answers" opens the review with its answers; Backspace goes to the
      // last question, 5 answers "never" there and comes back to the review; Enter saves.
      await click(driver, 'selfcheck-correct');
      await waitForText(driver, 'selfcheck-progress', 'Review · 12 of 13 answered');
      await press(driver, Key.BACK_SPACE, '13 of 13');
      await press(driver, '5', 'Review · 12 of 13 answered');
      await press(driver, Key.ENTER);
      // (3×75 + 3×50 + 100)/7 = 67.9: never having enough energy is the most exhausted answer.
      await waitForText(driver, 'selfcheck-latest', 'Work-related 67.9');
      takes = cliJson(dataDir, 'selfcheck').takes;
      assert.equal(takes.length, 2, 'a correction is not a new take');
      assert.deepEqual([takes[0].personal, takes[0].work], [60, 67.9]);

      // Escape with an answer given asks once; a second Escape leaves, and nothing is kept.
      await click(driver, 'selfcheck-take');
      await waitForText(driver, 'selfcheck-progress', '1 of 13');
      await press(driver, '3', '2 of 13');
      await press(driver, Key.ESCAPE);
      await waitFor(driver, 'selfcheck-leaving');
      await press(driver, Key.ESCAPE);
      await waitFor(driver, 'selfcheck-latest');
      assert.equal(cliJson(dataDir, 'selfcheck').takes.length, 2, 'leaving keeps nothing');

      // The reflection shows the same months, with the way back here.
      await driver.executeScript(`location.hash = '#/reflection'`);
      await waitFor(driver, 'selfcheck-glance-chart');
      await waitForText(driver, 'selfcheck-glance-latest', 'Personal 60');
      await waitFor(driver, 'selfcheck-point', { extra: `[data-month="${thisMonth}"][data-score="67.9"]`, visible: false });
      await click(driver, 'selfcheck-glance-open');
      await waitFor(driver, 'selfcheck-takes');
    },
    { seed },
  );
});

test('the monthly reminder and the client scale are set in Settings, and the form asks in the person’s word', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await click(driver, 'nav-settings');
    await waitFor(driver, 'selfcheck-settings');
    const day = await waitFor(driver, 'selfcheck-day');
    assert.equal(await day.getAttribute('value'), '1', 'the core’s default day');
    await driver.executeScript(
      `const el = arguments[0]; el.value = '15'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      day,
    );
    await click(driver, 'selfcheck-client-scale');
    const word = await waitFor(driver, 'selfcheck-client-word');
    assert.equal(await driver.executeScript('return arguments[0].value', word), 'clients', 'the core’s default word');
    await click(driver, 'selfcheck-client-word-choice', { extra: ':nth-child(4)' });
    assert.equal(await driver.executeScript('return arguments[0].value', word), 'colleagues you support');
    await click(driver, 'prefs-save');
    await waitForText(driver, 'prefs-status', 'Saved');
    const { selfcheck } = cliJson(dataDir, 'settings', 'show').prefs;
    assert.deepEqual(selfcheck, { client_word: 'colleagues you support', reminder: { day: 15, time: '10:00' } });
    const questions = cliJson(dataDir, 'selfcheck', 'questions');
    assert.equal(questions.length, 19);
    assert.equal(questions[13].text, 'Do you find it hard to work with colleagues you support?');

    await click(driver, 'nav-selfcheck');
    await click(driver, 'selfcheck-take');
    await waitForText(driver, 'selfcheck-progress', '1 of 19');
  });
});
