// (14) The main window is a process of its own: the app in the tray starts it and it ends when
// the window closes, so WebKit's memory goes with it. A backup restored from that window is
// restored by the tray (which holds the store open too), and the tray goes on logging into the
// restored record; a second launch opens a new window.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

import {
  APP,
  appProcesses,
  cli,
  click,
  entries,
  press,
  tid,
  waitUntil,
  waitFor,
  waitForMatch,
  waitQuicklog,
  withApp,
} from './lib.mjs';


/** The ids of the windows on screen titled exactly `title`. */
function shown(title) {
  const r = spawnSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split(/\s+/).filter(Boolean) : [];
}

/** The processes `pid` started and has not reaped: a child that ended stays listed until it is. */
function children(pid) {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
  );
}

/** What the descriptors of `pid` name (`pipe:[123]`, `/dev/null`, …). */
function openFiles(pid) {
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

test('the main window runs apart from the tray, restores through it, and its process ends on close', async (t) => {
  // A window manager, so that the window can be closed as a person closes it (Alt+F4).
  const wm = spawn('openbox', [], { stdio: 'ignore' });
  t.after(() => wm.kill());

  await withApp(
    t,
    async (driver, dataDir) => {
      await waitFor(driver, 'week-headline');
      const started = appProcesses(dataDir);
      const tray = started.find((p) => !p.window);
      const window = started.find((p) => p.window);
      assert.ok(tray && window, `a tray and a window process: ${JSON.stringify(started)}`);
      assert.equal(window.ppid, tray.pid, 'the tray started the window');
      // WebKit's processes, which the window starts, hold none of the pipes between the two.
      const link = new Set(openFiles(tray.pid).filter((f) => f.startsWith('pipe:')));
      assert.ok([...link].some((p) => openFiles(window.pid).includes(p)), 'the window holds the link');
      const webkit = children(window.pid);
      assert.ok(webkit.length > 0, 'the window started WebKit’s processes');
      for (const pid of webkit) {
        assert.deepEqual(openFiles(pid).filter((f) => link.has(f)), [], `process ${pid} holds a pipe of the link`);
      }

      // The day's automatic backup holds the seeded entry; one logged after it is not in it.
      await waitUntil('the day’s backup is taken', () => cli(dataDir, 'backups').includes('loadline-'));
      cli(dataDir, 'log', '--channel', 'chat', '--minutes', '5', '--source', 'after-the-backup');
      assert.equal(entries(dataDir).length, 2);

      await driver.executeScript("location.hash = '#/export'");
      await click(driver, 'backup-restore');
      await click(driver, 'backup-restore', { extra: '[data-confirming="true"]' });
      // Not polled through the CLI: a restore refuses while any other process has the store open.
      await waitForMatch(driver, 'toast', /Restored the backup/);
      assert.deepEqual(
        entries(dataDir).map((e) => e.source),
        ['before-the-backup'],
      );

      // The tray reopened the restored file: what it logs now is in the record the CLI reads.
      press(['ctrl+alt+l', '1', '4', '0', 'Return'], 30);
      await waitUntil('the quick-log wrote to the restored record', () => entries(dataDir).length === 2);
      await waitQuicklog(false, 'the quick-log window closed after logging');
      // The window's own connection was reopened too: it lists what the tray logged, and not
      // what the restore took away.
      const paged = entries(dataDir).find((e) => e.channel === 'page');
      await driver.executeScript("location.hash = '#/'");
      await waitFor(driver, 'entry-row', { extra: `[data-entry-id="${paged.id}"]` });
      const listed = await driver.findElements(tid('entry-row'));
      assert.equal(listed.length, 2, 'the seeded entry and the one the tray logged');

      // Closing the window ends its process; the tray stays.
      const [id] = shown('Loadline');
      assert.ok(id, 'the main window is on screen');
      spawnSync('xdotool', ['windowactivate', '--sync', id]);
      spawnSync('xdotool', ['key', 'alt+F4']);
      await waitUntil('the window’s process ended and the tray reaped it', () => children(tray.pid).length === 0);
      assert.deepEqual(
        appProcesses(dataDir).map((p) => p.pid),
        [tray.pid],
        'the tray alone is left',
      );

      // A second launch hands over to the tray, which starts a new window.
      const again = spawnSync(APP, ['--data-dir', dataDir], { encoding: 'utf8', timeout: 20000 });
      assert.equal(again.status, 0, again.stderr);
      await waitUntil('a new window is on screen', () => shown('Loadline').length === 1);
      const reopened = appProcesses(dataDir).find((p) => p.window);
      assert.ok(reopened && reopened.pid !== window.pid && reopened.ppid === tray.pid, JSON.stringify(reopened));
    },
    {
      seed: (dataDir) => {
        cli(dataDir, 'log', '--channel', 'call', '--minutes', '30', '--source', 'before-the-backup');
      },
    },
  );
});
