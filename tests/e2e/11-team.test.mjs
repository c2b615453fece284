// (11) The team view: three people's records seeded with the CLI, their share files exported
// with the CLI, merged in the app's Team view (the real merge command: the files are handed in
// as a drop hands them, since a drop cannot be driven over WebDriver), with the verdict, each
// share, the single point of failure and a refusal naming the file. And the Export view's team
// share file: the preview is exactly the file "Save…" writes, through the real save dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { By, cli, click, freshDataDir, retryStale, setValue, sleep, tid, type, waitFor, waitForText, withApp } from './lib.mjs';

/** `n` after-hours pages at `hour`:00 in W45–W48 (from Monday 2026-11-02), `days` a week. */
function evenings(dataDir, { days, hour, minutes, source }) {
  for (const monday of [2, 9, 16, 23]) {
    for (let d = 0; d < days; d++) {
      const at = `2026-11-${String(monday + d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
      cli(dataDir, 'log', '--channel', 'page', '--minutes', String(minutes), '--at', at, '--tz', 'Europe/Berlin', '--source', source);
    }
  }
}

/**
 * Ana: four evenings a week on db-primary, which reaches nobody else; Ben: one evening on
 * payments; Chloe: two evenings on payments. Their share files, and one made with another key.
 */
function teamFiles() {
  const out = freshDataDir();
  const people = [
    ['Ana', { days: 4, hour: 20, minutes: 45, source: 'db-primary' }],
    ['Ben', { days: 1, hour: 19, minutes: 20, source: 'payments' }],
    ['Chloe', { days: 2, hour: 21, minutes: 25, source: 'payments' }],
  ];
  const files = {};
  for (const [name, load] of people) {
    const dir = freshDataDir();
    evenings(dir, load);
    const file = join(out, `${name.toLowerCase()}.json`);
    cli(dir, 'export', '--format', 'team', '--as', name, '--team-key', 'blue team', '--from', '2026-11-02', '--to', '2026-11-29', '--include', 'sources', '--out', file);
    files[name] = file;
  }
  const dave = freshDataDir();
  evenings(dave, { days: 1, hour: 22, minutes: 10, source: 'search' });
  files.Dave = join(out, 'dave.json');
  cli(dave, 'export', '--format', 'team', '--as', 'Dave', '--team-key', 'red team', '--from', '2026-11-02', '--to', '2026-11-29', '--out', files.Dave);
  return files;
}

/** Hands paths to the Team view as a drop does. */
async function drop(driver, paths) {
  await driver.executeScript(
    `window.dispatchEvent(new CustomEvent('loadline-team-files', { detail: arguments[0] }))`,
    paths,
  );
}

test('the Team view merges three share files: the verdict, the shares, the single point of failure', async (t) => {
  const files = teamFiles();
  await withApp(t, async (driver) => {
    await click(driver, 'nav-team');
    await waitFor(driver, 'team-empty');
    await drop(driver, [files.Ana, files.Ben, files.Chloe]);
    // Ana 16 × 45 = 720 min, Ben 4 × 20 = 80, Chloe 8 × 25 = 200: 72 % of 1000.
    await waitForText(driver, 'team-verdict', 'After-hours load is carried by one person: Ana 72 %.');
    const shares = await retryStale(async () =>
      Promise.all((await driver.findElements(tid('team-share'))).map(async (row) => [await row.getAttribute('data-person'), await row.getText()])),
    );
    assert.deepEqual(shares.map(([name]) => name), ['Ana', 'Ben', 'Chloe']);
    assert.match(shares[0][1], /72 %[\s\S]*over half/);
    assert.match(shares[1][1], /8 %/);
    assert.doesNotMatch(shares[1][1], /over half/);
    assert.match(shares[2][1], /20 %/);
    const spof = await waitFor(driver, 'team-spof');
    assert.equal(await spof.getText(), 'Single point of failure: reaches only Ana');
    const sources = await retryStale(async () =>
      Promise.all(
        (await driver.findElements(tid('team-source'))).map(async (row) => [
          await row.getAttribute('data-spof'),
          ...(await Promise.all((await row.findElements(By.css('td'))).slice(0, 4).map((td) => td.getText()))),
        ]),
      ),
    );
    assert.deepEqual(sources, [
      ['true', 'db-primary', '1', '16', '16'],
      ['false', 'payments', '2', '12', '12'],
    ]);
    const steps = await Promise.all((await driver.findElements(tid('team-step'))).map((s) => s.getText()));
    assert.ok(steps.some((s) => s.startsWith('Share the rota: Ana carries 72 %')), steps.join('\n'));
    assert.ok(steps.some((s) => s.startsWith('Write the runbook for db-primary')), steps.join('\n'));
    assert.equal((await driver.findElements(tid('team-file'))).length, 3);

    // Another team's file: refused in words naming it, and nothing merged until it is removed.
    await drop(driver, [files.Dave]);
    await waitForText(driver, 'team-refusal', 'dave.json: was made with another team key than ana.json');
    assert.equal((await driver.findElements(tid('team-verdict'))).length, 0);
    const dave = await retryStale(async () => {
      for (const row of await driver.findElements(tid('team-file'))) if ((await row.getText()).includes('dave.json')) return row;
      return null;
    });
    assert.match(await dave.getText(), /refused/);
    await retryStale(async () => dave.findElement(tid('team-remove')).then((b) => b.click()));
    await waitForText(driver, 'team-verdict', 'Ana 72 %');
    // The same file twice is one file.
    await drop(driver, [files.Ben]);
    await sleep(300);
    assert.equal((await driver.findElements(tid('team-file'))).length, 3);
  });
});

/** The GTK save dialog titled `title`: types `path` into its name field and presses Enter. */
async function saveThroughDialog(title, path) {
  let win = '';
  for (let i = 0; i < 100 && !win; i++) {
    const r = spawnSync('xdotool', ['search', '--onlyvisible', '--name', title], { encoding: 'utf8' });
    win = r.stdout.trim().split('\n')[0] ?? '';
    if (!win) await sleep(100);
  }
  assert.ok(win, `no "${title}" dialog appeared`);
  await sleep(500);
  const x = (...args) => assert.equal(spawnSync('xdotool', args, { encoding: 'utf8' }).status, 0, `xdotool ${args.join(' ')}`);
  x('windowfocus', '--sync', win);
  x('key', '--window', win, '--clearmodifiers', 'ctrl+a');
  x('type', '--window', win, '--delay', '20', path);
  await sleep(200);
  x('key', '--window', win, 'Return');
}

test("the Export view's team share file: the preview is exactly the file saved", async (t) => {
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-export');
      await retryStale(async () => (await driver.findElement(By.css('[data-testid="export-format"] input[value="team"]'))).click());
      // Nothing to show until the name and the passphrase are there: each field says so.
      await waitFor(driver, 'export-team-name');
      await waitFor(driver, 'export-preview-waiting');
      await type(driver, 'export-team-name', 'Ana');
      await type(driver, 'export-team-key', 'blue team');
      await setValue(driver, 'export-range', 'all');
      const preview = await waitForText(driver, 'export-preview', '"format":"loadline-team-share"');
      await waitForText(driver, 'export-preview-size', 'line');
      const shown = await preview.getText();
      assert.match(shown, /"name":"Ana"/);
      assert.doesNotMatch(shown, /blue team|db-primary/, 'no passphrase, no source name unless ticked');

      // Seconds pass between the preview and the save: the file is still the one shown.
      await sleep(1500);
      const path = join(dataDir, 'saved-share.json');
      await click(driver, 'export-save');
      await saveThroughDialog('Save the export', path);
      await waitForText(driver, 'export-saved', 'saved-share.json');
      assert.ok(existsSync(path));
      const saved = readFileSync(path, 'utf8');
      assert.equal(saved.trim(), shown.trim(), 'the preview is the file');
      // And it merges: the CLI reads it as a share file.
      const merged = JSON.parse(cli(dataDir, 'team', path, '--format', 'json'));
      assert.equal(merged.people[0].name, 'Ana');
    },
    { seed: (dir) => evenings(dir, { days: 2, hour: 20, minutes: 30, source: 'db-primary' }) },
  );
});
