// (13) Capture through the Inbox: what the CLI captured from a PagerDuty export waits in the
// window; A accepts, D dismisses, E edits then accepts; each lands in the store as the CLI sees it.
// The tray's "N found…" item brings the window to the Inbox.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  By,
  cli,
  cliJson,
  click,
  entries,
  retryStale,
  ROOT,
  type,
  waitFor,
  waitForText,
  waitUntil,
  withApp,
} from './lib.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'capture');

test('suggestions are accepted, edited and dismissed from the keyboard', async (t) => {
  let captured;
  const seed = (dataDir) => {
    captured = JSON.parse(cli(dataDir, 'capture', join(FIXTURES, 'incidents.json'), '--from', '2026-09-01', '--json'));
    assert.ok(captured.suggested >= 3, `the fixture suggests some: ${captured.said}`);
  };
  await withApp(
    t,
    async (driver, dataDir) => {
      await waitForText(driver, 'inbox-badge', String(captured.suggested));
      await click(driver, 'nav-inbox');
      await waitForText(driver, 'inbox-headline', `${captured.suggested} found in your pages`);
      const rows = async () => driver.findElements(By.css('[data-testid="suggestion"]'));
      // The first suggestion chosen, then a key: as a person who clicks and types.
      const key = async (k) => {
        await retryStale(async () => (await rows())[0].click());
        await (await driver.switchTo().activeElement()).sendKeys(k);
      };
      assert.equal((await rows()).length, captured.suggested);

      // A on the first (selected) suggestion logs it.
      const first = captured.suggestions[0];
      await key('a');
      await driver.wait(async () => entries(dataDir).length === 1, 10000, 'A logs the suggestion');
      assert.equal(entries(dataDir)[0].minutes, first.minutes);
      await driver.wait(async () => (await rows()).length === captured.suggested - 1, 10000, 'it leaves the inbox');

      // D dismisses the next one for good.
      await key('d');
      await driver.wait(async () => (await rows()).length === captured.suggested - 2, 10000, 'D dismisses');
      assert.equal(cliJson(dataDir, 'inbox').length, captured.suggested - 2);

      // E opens the edit; a bad minutes value is refused beside its field, then fixed.
      await key('e');
      await waitFor(driver, 'edit-minutes');
      await type(driver, 'edit-minutes', '0');
      await click(driver, 'edit-accept');
      await waitFor(driver, 'edit-minutes', { extra: '[aria-invalid="true"]' });
      await type(driver, 'edit-minutes', '42');
      await click(driver, 'edit-accept');
      await driver.wait(async () => entries(dataDir).length === 2, 10000, 'the edited one is logged');
      assert.ok(entries(dataDir).some((e) => e.minutes === 42));
      const again = JSON.parse(cli(dataDir, 'capture', join(FIXTURES, 'incidents.json'), '--from', '2026-09-01', '--json'));
      assert.equal(again.suggested, 0, 'capturing again suggests nothing');
    },
    { seed },
  );
});

test('a file written into the watched folder is captured while the app runs', async (t) => {
  const { mkdtempSync, copyFileSync, renameSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const folder = mkdtempSync(join(tmpdir(), 'loadline-watched-'));
  await withApp(
    t,
    async (driver, dataDir) => {
      await click(driver, 'nav-inbox');
      await waitForText(driver, 'watched-folder', folder);
      // As a script would: write beside, then move into place.
      copyFileSync(join(FIXTURES, 'incidents.json'), join(folder, '.incidents.json.part'));
      renameSync(join(folder, '.incidents.json.part'), join(folder, 'incidents.json'));
      await driver.wait(async () => cliJson(dataDir, 'inbox').length > 0, 15000, 'the new file is captured');
      await waitFor(driver, 'inbox-badge');
    },
    { seed: (dataDir) => cli(dataDir, 'settings', 'set', '--capture-folder', folder) },
  );
});

test('the tray’s inbox item brings the open window to the Inbox', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const captured = JSON.parse(
      cli(dataDir, 'capture', join(FIXTURES, 'incidents.json'), '--from', '2026-09-01', '--json'),
    );
    const label = `${captured.suggested} found in your pages…`;
    await waitForText(driver, 'inbox-badge', String(captured.suggested));
    // A stand-in panel comes up now, reads the tray's menu and clicks the item, as a person does:
    // the window is open and listening, in its own process, when the tray asks it for the view.
    const out = join(mkdtempSync(join(tmpdir(), 'loadline-tray-')), 'watcher.jsonl');
    const panel = spawn('/usr/bin/python3', [join(ROOT, 'tests', 'install', 'sni-watcher.py'), out, label], {
      stdio: 'ignore',
    });
    t.after(() => panel.kill());
    const read = () => (existsSync(out) ? readFileSync(out, 'utf8') : '');
    await waitUntil('the panel clicked the inbox item', () => read().includes('"clicked"'));
    await waitForText(driver, 'inbox-headline', `${captured.suggested} found in your pages`);
    assert.equal(await driver.executeScript('return location.hash'), '#/inbox');
  });
});
