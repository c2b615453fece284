// (9) The quick-log window, opened the way the tray and the global shortcut open it (the
// shortcut, pressed on the X server), typed with the keyboard only; and a draft that survives
// an accidental close.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { cli, entries, Key, sleep, tid, waitFor, withApp } from './lib.mjs';

/** Presses the global shortcut and switches the driver to the quick-log window. */
async function openQuicklog(driver, main) {
  execFileSync('xdotool', ['key', 'ctrl+alt+l']);
  let handle;
  await driver.wait(async () => {
    const handles = await driver.getAllWindowHandles();
    handle = handles.find((h) => h !== main);
    return handle !== undefined;
  }, 15000, 'the quick-log window opened');
  await driver.switchTo().window(handle);
  await waitFor(driver, 'quicklog-form');
  await driver.wait(async () => (await driver.executeScript('return document.activeElement && document.activeElement !== document.body')), 5000, 'focused, ready to type');
}

async function keys(driver, ...sequence) {
  for (const k of sequence) {
    await driver.actions().sendKeys(k).perform();
    await sleep(120);
  }
}

test('the shortcut opens a quick-log window that logs with the keyboard alone', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const main = await driver.getWindowHandle();
    await openQuicklog(driver, main);
    assert.match(await driver.executeScript('return location.pathname'), /quicklog\.html$/);

    await keys(driver, '1', '45', Key.TAB, '20', Key.TAB, 'kbd-only-source', Key.ENTER);
    await driver.wait(async () => entries(dataDir).length === 1, 10000, 'the entry is written');
    const [e] = entries(dataDir);
    assert.equal(e.channel, 'page');
    assert.equal(e.minutes, 45);
    assert.equal(e.source, 'kbd-only-source');
    const minutesAgo = (Date.now() - Date.parse(e.start)) / 60000;
    assert.ok(minutesAgo > 19 && minutesAgo < 23, `started about 20 minutes ago: ${minutesAgo}`);

    await driver.switchTo().window(main);
    await waitFor(driver, 'entry-row', { extra: `[data-entry-id="${e.id}"]` });
  });
});

test('a draft closed with Escape is there again when the window reopens', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const main = await driver.getWindowHandle();
    await openQuicklog(driver, main);
    await keys(driver, '2', '30', Key.TAB, Key.TAB, 'draft-source');
    await sleep(800); // the draft is kept a moment after each change
    // The window closes under the driver's feet: the key press itself may report it gone.
    await keys(driver, Key.ESCAPE).catch((e) => assert.equal(e.name, 'NoSuchWindowError'));
    await driver.switchTo().window(main);
    await driver.wait(async () => (await driver.getAllWindowHandles()).length === 1, 10000, 'Escape closed the window');
    assert.deepEqual(entries(dataDir), [], 'nothing was logged');

    await openQuicklog(driver, main);
    const source = await waitFor(driver, 'ql-source');
    await driver.wait(async () => (await source.getAttribute('value')) === 'draft-source', 10000, 'the source came back');
    assert.equal(await (await driver.findElement(tid('ql-minutes'))).getAttribute('value'), '30');
    await keys(driver, Key.ENTER);
    await driver.wait(async () => entries(dataDir).length === 1, 10000, 'the restored draft logs');
    assert.equal(cli(dataDir, 'list', '--all', '--json').includes('draft-source'), true);
  });
});

test('kept ready (a setting), the window is built hidden, Escape only hides it, and "off" drops it', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const main = await driver.getWindowHandle();
    const windows = async () => (await driver.getAllWindowHandles()).length;
    // Set from the terminal while the app runs: the app follows the stored setting.
    cli(dataDir, 'settings', 'set', '--quicklog-ready', 'on');
    await driver.wait(async () => (await windows()) === 2, 15000, 'the ready window is built, hidden');
    await openQuicklog(driver, main);
    await keys(driver, '3', '12');
    await keys(driver, Key.ESCAPE);
    await driver.switchTo().window(main);
    await sleep(1000);
    assert.equal(await windows(), 2, 'Escape hid the window; it was not destroyed');

    await openQuicklog(driver, main);
    assert.equal(await (await driver.findElement(tid('ql-minutes'))).getAttribute('value'), '12', 'what was typed is still there');
    await keys(driver, Key.ESCAPE);
    await driver.switchTo().window(main);
    cli(dataDir, 'settings', 'set', '--quicklog-ready', 'off');
    await driver.wait(async () => (await windows()) === 1, 15000, 'turned off, the hidden window is dropped');
  });
});

test('after a refused Enter the refused field takes the keys, its content selected, so digits never run together', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const main = await driver.getWindowHandle();
    await openQuicklog(driver, main);

    // Enter on an empty form: both fields are named, and the keys go back to the channel row.
    await keys(driver, Key.ENTER);
    await waitFor(driver, 'field-error', { extra: '[data-field="channel"]' });
    await waitFor(driver, 'field-error', { extra: '[data-field="minutes"]' });
    assert.equal(await driver.executeScript('return document.activeElement.name'), 'ql-channel-choice');
    // "1" picks the first channel and moves on; "45" is the minutes, not "145".
    await keys(driver, '1', '45', Key.ENTER);
    await driver.wait(async () => entries(dataDir).length === 1, 10000, 'the entry is written');
    const [e] = entries(dataDir);
    assert.equal(e.channel, 'page');
    assert.equal(e.minutes, 45);
  });
});

test('refused minutes are selected, so what is typed next replaces them', async (t) => {
  await withApp(t, async (driver, dataDir) => {
    await waitFor(driver, 'week-headline');
    const main = await driver.getWindowHandle();
    await openQuicklog(driver, main);
    await keys(driver, '2', '0', Key.ENTER);
    const message = await waitFor(driver, 'field-error', { extra: '[data-field="minutes"]' });
    assert.equal(await message.getText(), 'Enter the minutes it took, from 1 to 10,080');
    const selected = await driver.executeScript(
      'const el = document.activeElement; return [el.dataset.testid, el.value.slice(el.selectionStart, el.selectionEnd)];',
    );
    assert.deepEqual(selected, ['ql-minutes', '0']);
    await keys(driver, '30', Key.ENTER);
    await driver.wait(async () => entries(dataDir).length === 1, 10000, 'the entry is written');
    assert.equal(entries(dataDir)[0].minutes, 30);
  });
});
