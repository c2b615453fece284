import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import { dayOfField, fieldLabel, invalid, messageFor, problemOf, unclaimed } from './errors';

describe('a refusal lands beside the field it names', () => {
  test('bad input keeps its field', () => {
    const p = problemOf({ code: 'invalid', field: 'working hours Wed', message: '18:00-09:00 ends before it starts' });
    expect(p).toEqual({ field: 'working hours Wed', message: '18:00-09:00 ends before it starts' });
    expect(messageFor(p, 'working hours Wed')).toBe('18:00-09:00 ends before it starts');
    expect(messageFor(p, 'sleep hours')).toBeNull();
  });

  test('one control may show several fields (a tags box shows "tag" errors too)', () => {
    const p = problemOf({ code: 'invalid', field: 'tag', message: 'must not be empty' });
    expect(messageFor(p, 'tags', 'tag')).toBe('must not be empty');
  });

  test('other failures belong to the whole form', () => {
    expect(problemOf({ code: 'not_found', field: null, message: 'entry 9 is gone' })).toEqual({
      field: null,
      message: 'entry 9 is gone',
    });
    expect(problemOf({ code: 'store_unavailable', field: null, message: 'disk full' }).field).toBeNull();
    expect(problemOf('invalid args `draft` for command `log_entry`')).toEqual({
      field: null,
      message: 'invalid args `draft` for command `log_entry`',
    });
    expect(messageFor(problemOf({ code: 'failed', field: null, message: 'x' }), 'minutes')).toBeNull();
  });

  test('a field no control claims is shown at the foot of the form', () => {
    const p = problemOf({ code: 'invalid', field: 'week', message: 'not a week' });
    expect(unclaimed(p, (f) => ['minutes'].includes(f))).toBe(true);
    expect(unclaimed(p, (f) => f === 'week')).toBe(false);
    expect(unclaimed(null, () => false)).toBe(false);
  });

  test('errors made in the page have the core’s shape', () => {
    const e = invalid('minutes', 'must be a whole number');
    expect(e).toBeInstanceOf(ApiFailure);
    expect(e).toMatchObject({ code: 'invalid', field: 'minutes', message: 'must be a whole number' });
  });
});

test('weekday fields point at their row', () => {
  expect(dayOfField('working hours Mon')).toBe(0);
  expect(dayOfField('working hours Wed')).toBe(2);
  expect(dayOfField('working hours Sun')).toBe(6);
  expect(dayOfField('working hours')).toBeNull();
  expect(dayOfField('working hours Xyz')).toBeNull();
  expect(dayOfField(null)).toBeNull();
});

test('field names read as labels', () => {
  expect(fieldLabel('minutes')).toBe('Minutes');
  expect(fieldLabel('at')).toBe('Started at');
  expect(fieldLabel('tz')).toBe('Zone');
  expect(fieldLabel('working hours Thu')).toBe('Thursday');
  expect(fieldLabel('window 2')).toBe('Window 2');
  expect(fieldLabel('load line minutes')).toBe('After-hours minutes a week');
  expect(fieldLabel('something new')).toBe('Something new');
});
