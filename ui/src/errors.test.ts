import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import { inside, invalid, needWhole, ownerOf, pathWords, problemOf, wholeNumber } from './errors';

describe('a refusal lands beside the field whose path it names', () => {
  test('bad input keeps its path', () => {
    const p = problemOf({ code: 'invalid', field: 'working_hours[2]', message: '18:00-09:00 ends before it starts' });
    expect(p).toEqual({ field: 'working_hours[2]', message: '18:00-09:00 ends before it starts' });
  });

  test('a path lies inside a list or an object, never inside a longer name', () => {
    expect(inside('tags[1]', 'tags')).toBe(true);
    expect(inside('presets[0].label', 'presets[0]')).toBe(true);
    expect(inside('presets[0].label', 'presets')).toBe(true);
    expect(inside('tags', 'tags')).toBe(true);
    expect(inside('tagsx', 'tags')).toBe(false);
    expect(inside('load_line_minutes', 'load_line')).toBe(false);
  });

  test('the most specific field claiming a path owns it; none owns what nobody claims', () => {
    const claims = ['presets', 'presets[0].label', 'presets[0].minutes', 'tags'];
    expect(ownerOf('presets[0].label', claims)).toBe('presets[0].label');
    expect(ownerOf('presets[1].label', claims)).toBe('presets');
    expect(ownerOf('presets', claims)).toBe('presets');
    expect(ownerOf('tags[3]', claims)).toBe('tags');
    expect(ownerOf('week', claims)).toBeNull();
    expect(ownerOf(null, claims)).toBeNull();
  });

  test('other failures belong to the whole form', () => {
    expect(problemOf({ code: 'not_found', field: null, message: 'entry 9 is gone' })).toEqual({
      field: null,
      message: 'entry 9 is gone',
    });
    // A field on anything but bad input is not a field's problem.
    expect(problemOf({ code: 'store_unavailable', field: 'minutes', message: 'disk full' }).field).toBeNull();
    expect(problemOf('invalid args `draft` for command `log_entry`')).toEqual({
      field: null,
      message: 'invalid args `draft` for command `log_entry`',
    });
  });

  test('a path in words, for a message no field shows', () => {    expect(pathWords('load_line_minutes')).toBe('load line minutes');
    expect(pathWords('presets[0].label')).toBe('presets 1 label');
  });

  test('errors made in the page have the core’s shape', () => {
    const e = invalid('minutes', 'Type a whole number');
    expect(e).toBeInstanceOf(ApiFailure);
    expect(e).toMatchObject({ code: 'invalid', field: 'minutes', message: 'Type a whole number' });
  });
});

describe('the one whole-number reading', () => {
  test.each([
    [30, 30],
    ['30', 30],
    [' 45 ', 45],
    ['-5', -5],
    ['0', 0],
    ['', null],
    [null, null],
    [undefined, null],
    ['2.5', null],
    [2.5, null],
    ['ten', null],
  ])('%j reads as %j', (value, n) => {
    expect(wholeNumber(value)).toBe(n);
  });

  test('what is not a number is refused on its path; the range is the core’s', () => {
    expect(() => needWhole('thresholds.streak_days', 'x')).toThrow(expect.objectContaining({ field: 'thresholds.streak_days' }));
    expect(needWhole('minutes', '99999')).toBe(99999);
  });
});
