import { describe, expect, test } from 'vitest';
import type { ScheduleInput } from './bindings/ScheduleInput';
import {
  blankBoundary,
  boundaryFormFrom,
  boundaryInputFrom,
  boundaryName,
  isRemoved,
  windowLines,
  withPaused,
} from './boundaries';
import type { BoundaryView } from './bindings/BoundaryView';
import { scheduleChanged, scheduleFormFrom, scheduleInputFrom, splitSpan } from './schedule';

const DEFAULTS: ScheduleInput = {
  working_hours: ['09:00-17:30', '09:00-17:30', '09:00-17:30', '09:00-17:30', '09:00-17:30', '', ''],
  sleep: '22:00-07:00',
  load_line_sacrifices: 2,
  load_line_minutes: 120,
};

describe('the schedule form', () => {
  test('round-trips the settings in force unchanged', () => {
    const form = scheduleFormFrom(DEFAULTS, DEFAULTS);
    expect(form.days.map((d) => d.on)).toEqual([true, true, true, true, true, false, false]);
    expect(scheduleInputFrom(form)).toEqual(DEFAULTS);
    expect(scheduleChanged(form, DEFAULTS)).toBe(false);
  });

  test('a day switched on gets sensible hours to start from; a day off sends ""', () => {
    const form = scheduleFormFrom(DEFAULTS, DEFAULTS);
    expect(form.days[5]).toEqual({ on: false, start: '09:00', end: '17:30' });
    form.days[5].on = true;
    form.days[5].start = '10:00';
    form.days[0].on = false;
    const input = scheduleInputFrom(form);
    expect(input.working_hours[5]).toBe('10:00-17:30');
    expect(input.working_hours[0]).toBe('');
    expect(scheduleChanged(form, DEFAULTS)).toBe(true);
  });

  test('the hours a day off starts from are the core’s defaults, not the page’s', () => {
    const defaults = { ...DEFAULTS, working_hours: ['08:00-16:00', '', '', '', '', '', ''], sleep: '23:00-06:00' };
    const form = scheduleFormFrom({ ...DEFAULTS, sleep: '' }, defaults);
    expect(form.days[5]).toEqual({ on: false, start: '08:00', end: '16:00' });
    expect([form.sleepStart, form.sleepEnd]).toEqual(['23:00', '06:00']);
  });

  test('no sleep hours is sent as ""; a window crossing midnight is sent as typed', () => {
    const form = scheduleFormFrom({ ...DEFAULTS, sleep: '' }, DEFAULTS);
    expect(form.sleepOn).toBe(false);
    expect(scheduleInputFrom(form).sleep).toBe('');
    form.sleepOn = true;
    form.sleepStart = '23:30';
    form.sleepEnd = '06:15';
    expect(scheduleInputFrom(form).sleep).toBe('23:30-06:15');
  });

  test('a wrong span is sent as typed for the core to name, not corrected', () => {
    const form = scheduleFormFrom(DEFAULTS, DEFAULTS);
    form.days[2].start = '18:00';
    form.days[2].end = '09:00';
    expect(scheduleInputFrom(form).working_hours[2]).toBe('18:00-09:00');
  });

  test('load-line numbers that are not whole numbers name their field', () => {
    const form = scheduleFormFrom(DEFAULTS, DEFAULTS);
    form.minutes = '';
    expect(() => scheduleInputFrom(form)).toThrow(expect.objectContaining({ field: 'load_line_minutes' }));
    form.minutes = '150';
    form.sacrifices = 'two';
    expect(() => scheduleInputFrom(form)).toThrow(expect.objectContaining({ field: 'load_line_sacrifices' }));
    form.sacrifices = -1;
    expect(scheduleInputFrom(form).load_line_sacrifices).toBe(-1); // the core says what is allowed
  });

  test('spans split at the dash', () => {
    expect(splitSpan('09:00-17:30')).toEqual({ start: '09:00', end: '17:30' });
    expect(splitSpan(' 22:00 - 07:00 ')).toEqual({ start: '22:00', end: '07:00' });
    expect(splitSpan('')).toBeNull();
  });
});

const dinner: BoundaryView = {
  id: 3,
  removed: false,
  name: 'Family dinner',
  category: 'family',
  windows: ['Mon-Fri 18:00-20:00', 'Sun all day'],
  allowance: 1,
  paused: false,
};

describe('the non-negotiable form', () => {
  test('shows one window per line and sends them back as a list', () => {
    const form = boundaryFormFrom(dinner);
    expect(form.windows).toBe('Mon-Fri 18:00-20:00\nSun all day');
    expect(boundaryInputFrom(form)).toEqual({
      name: 'Family dinner',
      category: 'family',
      windows: ['Mon-Fri 18:00-20:00', 'Sun all day'],
      allowance: 1,
      paused: false,
    });
  });

  test('blank lines are dropped so "window 2" is the second line the person sees', () => {
    expect(windowLines('\n  Mon-Fri 18:00-20:00 \r\n\n daily 22:00-06:00\n')).toEqual([
      'Mon-Fri 18:00-20:00',
      'daily 22:00-06:00',
    ]);
  });

  test('a new one starts empty, in the category given (the core’s first), with no breaches allowed', () => {
    expect(boundaryInputFrom({ ...blankBoundary('family'), name: 'Gym' })).toEqual({
      name: 'Gym',
      category: 'family',
      windows: [],
      allowance: 0,
      paused: false,
    });
  });

  test('an allowance that is not a whole number names the allowance', () => {
    expect(() => boundaryInputFrom({ ...blankBoundary('family'), allowance: '' })).toThrow(
      expect.objectContaining({ field: 'allowance', code: 'invalid' }),
    );
  });

  test('pausing keeps everything else', () => {
    expect(withPaused(dinner, true)).toEqual({ ...boundaryInputFrom(boundaryFormFrom(dinner)), paused: true });
  });

  test('an id no longer declared still reads as something', () => {
    expect(boundaryName([dinner], 3)).toBe('Family dinner');
    expect(boundaryName([{ ...dinner, removed: true }], 3)).toBe('Family dinner (removed)');
    expect(isRemoved(dinner)).toBe(false);
    expect(boundaryName([dinner], 4)).toBe('a removed non-negotiable (#4)');
  });
});
