import { expect, test } from 'vitest';
import { ApiFailure } from './api';
import { addFiles, barWidth, busiest, describeWeeks, fileName, heatShade, percent, refusalText, refusedFile, removeFile } from './team';

const refused = (field: string, message: string) => new ApiFailure({ code: 'invalid', field, message, also: [] });

test('a file is listed by its name, each path once, in the order added', () => {
  expect(fileName('/home/ana/Downloads/ana.json')).toBe('ana.json');
  expect(fileName('C:\\Users\\ben\\ben.json')).toBe('ben.json');
  const files = addFiles(['/a/ana.json'], ['/b/ben.json', '/a/ana.json', '/c/chloe.json']);
  expect(files).toEqual(['/a/ana.json', '/b/ben.json', '/c/chloe.json']);
  expect(removeFile(files, '/b/ben.json')).toEqual(['/a/ana.json', '/c/chloe.json']);
});

test('a refusal reads with its file first and finds the file it names', () => {
  const files = ['/x/ana.json', '/y/ben.json'];
  const key = refused('ben.json', 'was made with another team key than ana.json');
  expect(refusalText(key)).toBe('ben.json: was made with another team key than ana.json');
  expect(refusedFile(key, files)).toBe('/y/ben.json');
  const tampered = refused('ana.json: digest', 'does not match the file: it was changed after it was exported');
  expect(refusedFile(tampered, files)).toBe('/x/ana.json');
  expect(refusedFile(refused('files', 'share no week: …'), files)).toBeNull();
  const failed = new ApiFailure({ code: 'failed', field: null, message: 'Loadline could not read it', also: [] });
  expect(refusalText(failed)).toBe('Loadline could not read it');
  expect(refusedFile(failed, files)).toBeNull();
});

test('shares read as whole percent, a half rounded up as the core does, and bars stay in their track', () => {
  expect(percent(0.8)).toBe('80 %');
  expect(percent(0.125)).toBe('13 %');
  expect(percent(60 / 700)).toBe('9 %');
  expect(barWidth(0.8)).toBe('80%');
  expect(barWidth(1.2)).toBe('100%');
  expect(barWidth(-1)).toBe('0%');
});

test('the weeks read with their days', () => {
  expect(describeWeeks({ from: '2026-W45', to: '2026-W48', first_day: '2026-11-02', last_day: '2026-11-29' })).toBe(
    '2026-W45 to 2026-W48 · 2 – 29 Nov 2026',
  );
  expect(describeWeeks({ from: '2026-W48', to: '2026-W48', first_day: '2026-11-23', last_day: '2026-11-29' })).toBe(
    '2026-W48 · 23 – 29 Nov 2026',
  );
});

test('the heatmap shades by the busiest cell, none for nothing', () => {
  const heat = [[0, 1, 5], [2]];
  expect(busiest(heat)).toBe(5);
  expect(busiest([[0]])).toBe(0);
  expect([0, 1, 2, 4, 5].map((n) => heatShade(n, 5))).toEqual([0, 1, 2, 4, 4]);
  expect(heatShade(3, 0)).toBe(0);
});
