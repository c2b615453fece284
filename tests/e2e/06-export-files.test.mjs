// (6) What leaves the machine, opened by real programs: the CSV in LibreOffice's spreadsheet
// engine (no cell may become a formula), and the HTML report printed to PDF by headless
// Chromium (it renders, with its headline, on real pages: A4 or Letter by the home zone, no
// page left holding a lone line, tiles on one line, every bar labelled in hours, a person never
// a runbook candidate, the CSV's sources named as the report names them). Page images go to
// artifacts/ to be looked at.

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

/** Prints `html` to PDF in headless Chromium: the file, its page count and size, each page's text. */
function printed(dataDir, html, name) {
  const pdf = join(dataDir, `${name}.pdf`);
  run('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dataDir, 'chromium')}`,
    '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`,
  ]);
  const info = run('pdfinfo', [pdf]);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  const size = info.match(/Page size:\s+(.*)/)[1];
  const texts = [];
  for (let p = 1; p <= pages; p++) texts.push(run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']));
  const shots = join(ARTIFACTS, 'report-pages');
  mkdirSync(shots, { recursive: true });
  run('pdftoppm', ['-png', '-r', '70', pdf, join(shots, name)]);
  return { pdf, pages, size, texts };
}

/**
 * Two weeks in `zone`: W46 one entry inside working hours; W47 ten sacrifices, 13 h 50 min
 * after hours: six delegable chats from a person the owner marked as one, four night pages
 * from a service. The owner's name and role are set.
 */
function reportSeeded(zone) {
  const dataDir = freshDataDir();
  cli(dataDir, 'settings', 'set', '--zone', zone, '--owner-name', 'Dana Weber', '--owner-role', 'Site reliability engineer', '--person', 'Sarah (PM)');
  cli(dataDir, 'log', '--channel', 'call', '--minutes', '30', '--at', '2026-11-10T10:00', '--tz', zone, '--source', 'billing-api');
  for (let d = 16; d <= 21; d++) {
    cli(dataDir, 'log', '--channel', 'chat', '--minutes', '65', '--at', `2026-11-${d}T18:10`, '--tz', zone, '--source', 'Sarah (PM)', '--delegable');
  }
  for (let d = 16; d <= 19; d++) {
    cli(dataDir, 'log', '--channel', 'page', '--minutes', '110', '--at', `2026-11-${d}T21:00`, '--tz', zone, '--source', 'db-primary', '--delegable');
  }
  return dataDir;
}

/** The lines of a two-column block below `left`'s heading, split where `right`'s heading starts. */
function columns(text, left, right) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(left) && l.includes(right));
  assert.ok(at >= 0, `${left} and ${right} side by side in:\n${text}`);
  const cut = lines[at].indexOf(right);
  const below = lines.slice(at + 1);
  return { left: below.map((l) => l.slice(0, cut)).join('\n'), right: below.map((l) => l.slice(cut)).join('\n') };
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
  cli(dataDir, 'export', '--format', 'html', '--from', '2026-11-16', '--to', '2026-11-22', '--message', 'Numbers for our 1:1.', '--out', html);
  const { pages, texts } = printed(dataDir, html, 'report');
  const text = texts.join('\n');
  assert.match(text, /After-hours load/);
  assert.match(text, /Numbers for our 1:1\./);
  assert.match(text, /2026-W47/);
  assert.doesNotMatch(text, /plain note|db-primary/, 'private things stay out by default');
  assert.ok(pages >= 1 && pages <= 3, `a report a manager reads in a minute: ${pages} pages`);
  assert.ok(readdirSync(join(ARTIFACTS, 'report-pages')).some((f) => f.endsWith('.png')));
});

for (const [zone, paper] of [['Europe/Berlin', 'A4'], ['America/New_York', 'letter']]) {
  test(`a report for ${zone} prints on ${paper}, every page carrying more than a footnote`, () => {
    const dataDir = reportSeeded(zone);
    const html = join(dataDir, 'report.html');
    cli(dataDir, 'export', '--format', 'html', '--from', '2026-11-09', '--to', '2026-11-22', '--include', 'owner', '--out', html);
    const { pages, size, texts } = printed(dataDir, html, `report-${zone.replace('/', '-')}`);
    assert.match(size, new RegExp(`\\(${paper}\\)`), `${zone}: ${size}`);
    texts.forEach((text, i) => {
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      assert.ok(lines.length >= 4, `page ${i + 1} of ${pages} holds only:\n${text}`);
    });
    const all = texts.join('\n');
    assert.match(all, /Dana Weber, Site reliability engineer/);
    assert.ok(all.indexOf('What these words mean') < all.indexOf('Summary'), 'the words come first');
    assert.match(all, /^.*\b13 h 50 min\b.*$/m, 'the after-hours tile on one line');
    assert.match(all, /^.*\b10\b.*\b13 h 50 min\b.*\b1 of 2\b.*$/m, 'the four tiles on one line');
    const chart = columns(all, 'Sacrifices per week', 'After-hours time per week, in hours').right.split('W47')[0];
    assert.match(chart, /\b13\.8 h\b/, `W47's bar labelled in hours:\n${chart}`);
    assert.match(chart, /(^|\s)0 ?h\b/, `W46's bar labelled too:\n${chart}`);
    assert.match(chart, /budget 2 h/, 'the load line labelled');
    assert.match(all, /over · budget: 2 sacrifices and 2 h a week/);
    assert.doesNotMatch(all, /\(2 · 2 h\)/);
  });
}

test('a person is never a runbook candidate, and the CSV names sources as the report does', () => {
  const dataDir = reportSeeded('Europe/Berlin');
  for (const include of ['', 'sources']) {
    const html = join(dataDir, `report-${include || 'default'}.html`);
    cli(dataDir, 'export', '--format', 'html', '--from', '2026-11-09', '--to', '2026-11-22', '--include', include, '--out', html);
    const { texts } = printed(dataDir, html, `sources-${include || 'default'}`);
    const all = texts.join('\n');
    const { left, right } = columns(all, 'Services: runbook candidates', 'People who asked');
    const person = include ? 'Sarah (PM)' : 'Person 1';
    assert.doesNotMatch(left, /Sarah|Person/, `runbook candidates:\n${left}`);
    assert.match(left, include ? /db-primary\s+4\s+4/ : /Service \d\s+4\s+4/);
    assert.match(right, new RegExp(`${person.replace(/[()]/g, '\\$&')}\\s+6\\s+6`), `people:\n${right}`);
    if (include) continue;
    // The CSV's sacrifices, grouped by its source column, are the report's rows.
    const csv = join(dataDir, 'entries.csv');
    cli(dataDir, 'export', '--format', 'csv', '--from', '2026-11-09', '--to', '2026-11-22', '--out', csv);
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n').map((l) => l.split(','));
    const [head, ...body] = rows;
    const col = (name) => head.indexOf(name);
    const groups = new Map();
    for (const r of body) {
      assert.match(r[col('source')], /^(Service|Person) \d+$/, 'a pseudonym, never blank or a name');
      if (r[col('sacrifice')] !== 'true') continue;
      const g = groups.get(r[col('source')]) ?? { n: 0, kind: r[col('source_kind')] };
      g.n += 1;
      groups.set(r[col('source')], g);
    }
    assert.deepEqual([...groups.values()].map((g) => g.kind).sort(), ['person', 'service']);
    for (const [label, g] of groups) {
      assert.match(all, new RegExp(`${label}\\s+${g.n}\\s+${g.n}`), `${label}: ${g.n} in the CSV and in the report`);
    }
  }
});
