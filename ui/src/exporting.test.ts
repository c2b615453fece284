import { describe, expect, test } from 'vitest';
import {
  buildRequest,
  defaultOptions,
  describeRange,
  FORMATS,
  isReport,
  previewSize,
  RANGE_PRESETS,
  sameRequest,
  type ExportOptions,
} from './exporting';

test('every preset has a value the Export view offers', () => {
  expect(RANGE_PRESETS.map((p) => p.value)).toEqual(['this-week', '4-weeks', 'quarter', 'custom', 'all']);
  expect(FORMATS.map((f) => f.value)).toEqual(['html', 'md', 'csv', 'json', 'team']);
});

function options(over: Partial<ExportOptions> = {}): ExportOptions {
  return { ...defaultOptions(), ...over };
}

describe('the request the options make', () => {
  test('by default: a report of the last 4 weeks, named for the core to resolve, nothing private', () => {
    expect(buildRequest(defaultOptions())).toEqual({
      format: 'html',
      range: '4-weeks',
      from: null,
      to: null,
      include: { notes: false, sources: false, names: false, owner: false, selfcheck: false },
      message: null,
    });
  });

  test('a report carries the trimmed message; a CSV never does', () => {
    const o = options({ format: 'md', message: '  For our 1:1  ', include: { notes: true, sources: false, names: true, owner: false, selfcheck: false } });
    expect(buildRequest(o)).toMatchObject({
      format: 'md',
      message: 'For our 1:1',
      include: { notes: true, sources: false, names: true, owner: false, selfcheck: false },
    });
    expect(buildRequest({ ...o, message: '   ' }).message).toBeNull();
    expect(buildRequest({ ...o, format: 'csv' }).message).toBeNull();
    expect(isReport('html') && isReport('md') && !isReport('csv') && !isReport('json')).toBe(true);
  });

  test('the owner’s name and the self-check scores go only on a summary report', () => {
    const o = options({ include: { notes: false, sources: false, names: false, owner: true, selfcheck: true } });
    expect(buildRequest(o).include).toMatchObject({ owner: true, selfcheck: true });
    expect(buildRequest({ ...o, format: 'md' }).include).toMatchObject({ owner: true, selfcheck: true });
    expect(buildRequest({ ...o, format: 'csv' }).include).toMatchObject({ owner: false, selfcheck: false });
  });

  test('a full backup is everything, always: no range, every name and note, no message', () => {
    const o = options({ format: 'json', range: 'this-week', message: 'hi' });
    expect(buildRequest(o)).toEqual({
      format: 'json',
      from: null,
      to: null,
      include: { notes: true, sources: true, names: true, owner: true, selfcheck: true },
      message: null,
    });
  });

  test('a team share sends the name and passphrase as typed, source names if ticked, nothing else', () => {
    const o = options({
      format: 'team',
      range: 'quarter',
      message: 'hi',
      teamName: 'Ana',
      teamKey: 'blue team',
      include: { notes: true, sources: true, names: true, owner: true, selfcheck: true },
    });
    expect(buildRequest(o)).toEqual({
      format: 'team',
      range: 'quarter',
      from: null,
      to: null,
      include: { notes: false, sources: true, names: false, owner: false, selfcheck: false },
      message: null,
      team_name: 'Ana',
      team_key: 'blue team',
    });
    // Blank fields go too: the core says what to enter beside each.
    expect(buildRequest(options({ format: 'team' }))).toMatchObject({ team_name: '', team_key: '' });
    // Another format never carries them.
    expect(buildRequest({ ...o, format: 'html' })).not.toHaveProperty('team_key');
    expect(buildRequest({ ...o, format: 'json' })).not.toHaveProperty('team_key');
  });

  test('the include flags are copied, not shared', () => {
    const o = options();
    const request = buildRequest(o);
    o.include.notes = true;
    expect(request.include.notes).toBe(false);
  });

  test('a named range sends no days; a custom one sends its days and no name', () => {
    for (const range of ['this-week', 'quarter', 'all'] as const) {
      expect(buildRequest(options({ range }))).toMatchObject({ range, from: null, to: null });
    }
    const custom = (customFrom: string, customTo: string) => options({ range: 'custom', customFrom, customTo });
    const request = buildRequest(custom('2026-10-01', '2026-10-31'));
    expect(request).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(request.range).toBeUndefined();
    expect(buildRequest(custom('', ' 2026-10-31 '))).toMatchObject({ from: null, to: '2026-10-31' });
    // Which days exist, and their order, are the core's to check.
    expect(buildRequest(custom('2026-10-31', '2026-10-01'))).toMatchObject({ from: '2026-10-31', to: '2026-10-01' });
  });

  test('two requests are the same when they would render the same text', () => {
    const a = buildRequest(defaultOptions());
    expect(sameRequest(a, buildRequest(defaultOptions()))).toBe(true);
    expect(sameRequest(a, buildRequest(options({ format: 'md' })))).toBe(false);
    expect(sameRequest(null, a)).toBe(false);
  });
});

test('the days the core resolved read in words', () => {
  expect(describeRange({ from: '2026-11-02', to: '2026-11-26' })).toBe('2 – 26 Nov 2026');
  expect(describeRange({ from: '2026-12-28', to: '2027-01-03' })).toBe('28 Dec 2026 – 3 Jan 2027');
});

test('the preview’s size', () => {
  expect(previewSize('')).toEqual({ lines: 0, bytes: 0 });
  expect(previewSize('a,b\n1,2\n')).toEqual({ lines: 2, bytes: 8 });
  expect(previewSize('a\nb')).toEqual({ lines: 2, bytes: 3 });
  expect(previewSize('é')).toEqual({ lines: 1, bytes: 2 });
});
