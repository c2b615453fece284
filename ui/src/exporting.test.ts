import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import {
  buildRequest,
  defaultOptions,
  describeRange,
  FORMATS,
  isReport,
  presetRange,
  previewSize,
  RANGE_PRESETS,
  sameRequest,
  type ExportOptions,
} from './exporting';

const none = { from: '', to: '' };

describe('range presets, from an injected today', () => {
  // Thursday 26 November 2026; its ISO week (2026-W48) starts on Monday 23 November.
  const today = '2026-11-26';

  test('this week: its Monday to today', () => {
    expect(presetRange('this-week', today, none)).toEqual({ from: '2026-11-23', to: '2026-11-26' });
  });

  test('last 4 weeks: this week and the three before it, whole weeks from a Monday', () => {
    expect(presetRange('4-weeks', today, none)).toEqual({ from: '2026-11-02', to: '2026-11-26' });
  });

  test('this quarter: the last 13 weeks, this one included', () => {
    expect(presetRange('quarter', today, none)).toEqual({ from: '2026-08-31', to: '2026-11-26' });
  });

  test('all time leaves both ends open; custom takes the two days, blank meaning open', () => {
    expect(presetRange('all', today, none)).toEqual({ from: null, to: null });
    expect(presetRange('custom', today, { from: '2026-10-01', to: ' ' })).toEqual({ from: '2026-10-01', to: null });
  });

  test('on a Monday, this week is one day; across a year end the weeks still start on Mondays', () => {
    expect(presetRange('this-week', '2026-11-23', none)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    // Sunday 3 January 2027 is in ISO week 2026-W53, which starts on Monday 28 December 2026.
    expect(presetRange('this-week', '2027-01-03', none)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(presetRange('4-weeks', '2027-01-03', none)).toEqual({ from: '2026-12-07', to: '2027-01-03' });
  });

  test('every preset has a value the Export view offers', () => {
    expect(RANGE_PRESETS.map((p) => p.value)).toEqual(['this-week', '4-weeks', 'quarter', 'custom', 'all']);
    expect(FORMATS.map((f) => f.value)).toEqual(['html', 'md', 'csv', 'json']);
  });
});

function options(over: Partial<ExportOptions> = {}): ExportOptions {
  return { ...defaultOptions(), ...over };
}

describe('the request the options make', () => {
  const today = '2026-11-26';

  test('by default: a report of the last 4 weeks, nothing private included', () => {
    expect(buildRequest(defaultOptions(), today)).toEqual({
      format: 'html',
      from: '2026-11-02',
      to: '2026-11-26',
      include: { notes: false, sources: false, names: false },
      message: null,
    });
  });

  test('a report carries the trimmed message; a CSV never does', () => {
    const o = options({ format: 'md', message: '  For our 1:1  ', include: { notes: true, sources: false, names: true } });
    expect(buildRequest(o, today)).toMatchObject({
      format: 'md',
      message: 'For our 1:1',
      include: { notes: true, sources: false, names: true },
    });
    expect(buildRequest({ ...o, message: '   ' }, today).message).toBeNull();
    expect(buildRequest({ ...o, format: 'csv' }, today).message).toBeNull();
    expect(isReport('html') && isReport('md') && !isReport('csv') && !isReport('json')).toBe(true);
  });

  test('a full backup is everything, always: no range, every name and note, no message', () => {
    const o = options({ format: 'json', range: 'this-week', message: 'hi' });
    expect(buildRequest(o, today)).toEqual({
      format: 'json',
      from: null,
      to: null,
      include: { notes: true, sources: true, names: true },
      message: null,
    });
  });

  test('the include flags are copied, not shared', () => {
    const o = options();
    const request = buildRequest(o, today);
    o.include.notes = true;
    expect(request.include.notes).toBe(false);
  });

  test('a custom range is checked before anything is sent', () => {
    const custom = (customFrom: string, customTo: string) => options({ range: 'custom', customFrom, customTo });
    expect(buildRequest(custom('2026-10-01', '2026-10-31'), today)).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(buildRequest(custom('', '2026-10-31'), today)).toMatchObject({ from: null, to: '2026-10-31' });
    expect(() => buildRequest(custom('2026-10-31', '2026-10-01'), today)).toThrow(ApiFailure);
    expect(() => buildRequest(custom('2026-10-31', '2026-10-01'), today)).toThrow(/on or after/);
    try {
      buildRequest(custom('2026-02-30', ''), today);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid', field: 'from' });
    }
  });

  test('two requests are the same when they would render the same text', () => {
    const a = buildRequest(defaultOptions(), today);
    expect(sameRequest(a, buildRequest(defaultOptions(), today))).toBe(true);
    expect(sameRequest(a, buildRequest(options({ format: 'md' }), today))).toBe(false);
    expect(sameRequest(null, a)).toBe(false);
  });
});

test('the range reads in words', () => {
  expect(describeRange({ from: '2026-11-02', to: '2026-11-26' })).toBe('2 – 26 Nov 2026');
  expect(describeRange({ from: '2026-10-26', to: '2026-11-26' })).toBe('26 Oct – 26 Nov 2026');
  expect(describeRange({ from: '2026-12-28', to: '2027-01-03' })).toBe('28 Dec 2026 – 3 Jan 2027');
  expect(describeRange({ from: null, to: null })).toBe('From the first entry to the last');
  expect(describeRange({ from: '2026-10-01', to: null })).toBe('1 Oct 2026 to the last entry');
  expect(describeRange({ from: null, to: '2026-10-01' })).toBe('From the first entry to 1 Oct 2026');
});

test('the preview’s size', () => {
  expect(previewSize('')).toEqual({ lines: 0, bytes: 0 });
  expect(previewSize('a,b\n1,2\n')).toEqual({ lines: 2, bytes: 8 });
  expect(previewSize('a\nb')).toEqual({ lines: 2, bytes: 3 });
  expect(previewSize('é')).toEqual({ lines: 1, bytes: 2 });
});
