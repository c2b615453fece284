// (5) The reminder engine speaks through a real org.freedesktop.Notifications server on the
// test's session bus (python-dbusmock's notification_daemon template): a warning arrives as a
// desktop notification once, and none arrives while a non-negotiable's window is active —
// it waits until the window is gone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { APP, cli, freshDataDir, sleep, waitUntil } from './lib.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Starts the fake notification server; returns {log(), stop()}. */
async function notificationServer(t, dataDir) {
  const logFile = join(dataDir, 'notifications.log');
  const mock = spawn(PYTHON, ['-m', 'dbusmock', '--session', '--template', 'notification_daemon', '-l', logFile], {
    stdio: 'ignore',
  });
  t.after(() => mock.kill());
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  // The log file appears once the server owns its name on the bus.
  for (let i = 0; i < 100 && !existsSync(logFile); i++) await sleep(100);
  await sleep(300);
  // One call per record; a notification's body may span lines.
  const calls = () => log().split(/\n(?=\d+\.\d+ )/).filter((c) => c.includes(' Notify ') && c.includes('"Loadline'));
  return { log, calls };
}

/** The app in the tray only (no window), on `dataDir`. */
function startTrayApp(t, dataDir) {
  const app = spawn(APP, ['--data-dir', dataDir, '--hidden'], { stdio: 'ignore' });
  t.after(async () => {
    app.kill('SIGTERM');
    await sleep(300);
  });
  return app;
}

/** Three one-minute sacrifices in the last ten minutes: over the default load line of 2. */
function overTheLoadLine(dataDir) {
  // No working hours and no sleep hours: every minute is after hours, and nothing is quiet.
  cli(dataDir, 'settings', 'set', '--work', 'none', '--sleep', 'none');
  for (const ago of [10, 8, 6]) {
    const at = new Date(Date.now() - ago * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    cli(dataDir, 'log', '--channel', 'page', '--minutes', '1', '--at', at, '--source', 'db-primary');
  }
}


test('a warning arrives as a desktop notification, once', async (t) => {
  const dataDir = freshDataDir();
  const server = await notificationServer(t, dataDir);
  overTheLoadLine(dataDir);
  startTrayApp(t, dataDir);

  const overLine = () => server.calls().filter((l) => l.includes('against a load line of 2'));
  await waitUntil('the over-the-load-line notification', () => overLine().length > 0);
  assert.match(overLine()[0], /3 sacrifices/);
  assert.match(overLine()[0], /Over your load line this week/, 'its title says what happened in plain words');
  assert.match(overLine()[0], /"open:warnings", "Open warnings"/, 'its one action opens the Warnings view');
  assert.doesNotMatch(overLine()[0], /snooze/, 'one action, not a choice to make at a bad moment');

  // Another sacrifice in the same week: the engine looks again, but does not repeat itself.
  cli(dataDir, 'log', '--channel', 'chat', '--minutes', '1');
  await sleep(3000);
  assert.equal(overLine().length, 1, `never twice in a week:\n${server.log()}`);
});

test('no notification inside an active non-negotiable; it comes when the window is gone', async (t) => {
  const dataDir = freshDataDir();
  const server = await notificationServer(t, dataDir);
  overTheLoadLine(dataDir);
  cli(dataDir, 'boundary', 'add', '--name', 'Quiet days', '--category', 'rest', '--window', 'daily all day', '--allowance', '50');
  startTrayApp(t, dataDir);

  // The engine has run (the CLI shows the warnings hold) but says nothing.
  await sleep(5000);
  assert.ok(JSON.parse(cli(dataDir, 'check', '--json')).warnings.length > 0, 'warnings hold');
  assert.deepEqual(server.calls(), [], 'nothing is announced inside the window');

  cli(dataDir, 'boundary', 'remove', 'Quiet days');
  await waitUntil('the deferred notification', () => server.calls().some((l) => l.includes('against a load line of 2')));
});
