// (6) What leaves the machine, opened by real programs: the CSV in LibreOffice's spreadsheet
// engine (no cell may become a formula), and the HTML report printed to PDF by headless
// Chromium (it renders, with its headline, on real pages). Page images go to artifacts/ to
// be looked at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ARTIFACTS, cli, freshDataDir } from './lib.mjs';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, ...opts });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

function seeded() {
  const dataDir = freshDataDir();
  const hostile = [
    ['=HYPERLINK("http://evil.example","x")', '=1+1'],
    ['+cmd|calc', '@SUM(A1:A9)'],
    ['-2+3', '\tTAB first'],
    ['db-primary', 'plain note'],
  ];
  hostile.forEach(([source, note], i) => {
    cli(dataDir, 'log', '--channel', 'page', '--minutes', '40', '--at', `2026-11-1${6 + i}T23:00`, '--tz', 'Europe/Berlin', `--source=${source}`, `--note=${note}`);
  });
  return dataDir;
}

test('the CSV opens in LibreOffice with no cell turned into a formula', () => {
  const dataDir = seeded();
  const out = join(dataDir, 'out');
  mkdirSync(out);
  const csv = join(out, 'entries.csv');
  cli(dataDir, 'export', '--format', 'csv', '--include', 'notes,sources,names', '--out', csv);
  // Comma-separated, double quotes, UTF-8 (76), from row 1.
  run('soffice', ['--headless', `-env:UserInstallation=file://${join(dataDir, 'lo-profile')}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', out, csv]);
  const sheet = readFileSync(join(out, 'entries.fods'), 'utf8');
  assert.ok(sheet.includes('HYPERLINK'), 'the hostile source is in the sheet, as text');
  const formulas = sheet.match(/table:formula="[^"]*"/g) ?? [];
  assert.deepEqual(formulas, [], 'no cell is a formula');
});

test('the HTML report prints to PDF in headless Chromium', () => {
  const dataDir = seeded();
  const html = join(dataDir, 'report.html');
  const pdf = join(dataDir, 'report.pdf');
  cli(dataDir, 'export', '--format', 'html', '--from', '2026-11-16', '--to', '2026-11-22', '--message', 'Numbers for our 1:1.', '--out', html);
  run('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dataDir, 'chromium')}`,
    '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`,
  ]);
  const text = run('pdftotext', ['-layout', pdf, '-']);
  assert.match(text, /After-hours load/);
  assert.match(text, /Numbers for our 1:1\./);
  assert.match(text, /2026-W47/);
  assert.doesNotMatch(text, /plain note|db-primary/, 'private things stay out by default');
  const pages = Number(run('pdfinfo', [pdf]).match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 1 && pages <= 3, `a report a manager reads in a minute: ${pages} pages`);
  const shots = join(ARTIFACTS, 'report-pages');
  mkdirSync(shots, { recursive: true });
  run('pdftoppm', ['-png', '-r', '70', pdf, join(shots, 'report')]);
  assert.ok(readdirSync(shots).some((f) => f.endsWith('.png')));
});
