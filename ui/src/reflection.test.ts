import { describe, expect, test } from 'vitest';
import type { BreachCount } from './bindings/BreachCount';
import { habitWeek, week } from './fixtures';
import {
  answered,
  answersDirty,
  answersForm,
  blankAnswers,
  breachState,
  breachText,
  busyHours,
  cellLabel,
  COUNT_STEPS,
  gauge,
  headlineText,
  heatLevel,
  hourLabel,
  MINUTE_STEPS,
  minuteTick,
  niceScale,
  scaled,
  shortWeek,
  trendRow,
  habitRow,
  trendScales,
  weekMonday,
} from './reflection';

const cell = (over = {}) => ({ minutes: 0, working: false, sleep: false, protected: [] as string[], ...over });

describe('the heatmap', () => {
  test('shades step by a quarter of an hour, on one scale for every week', () => {
    expect([0, 1, 14, 15, 29, 30, 44, 45, 60, 95].map(heatLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });

  test('each hour reads out its minutes and the windows it lies in', () => {
    expect(cellLabel('wed', 18, cell({ minutes: 20, protected: ['Family dinner'] }))).toBe(
      'Wed 18:00, 20 minutes, Family dinner',
    );
    expect(cellLabel('mon', 3, cell({ sleep: true }))).toBe('Mon 03:00, nothing logged, sleep hours');
    expect(cellLabel('fri', 10, cell({ minutes: 1, working: true }))).toBe('Fri 10:00, 1 minute, working hours');
    expect(cellLabel('sun', 23, cell({ minutes: 60, sleep: true, protected: ['Sleep', 'Weekends'] }))).toBe(
      'Sun 23:00, 60 minutes, Sleep, Weekends, sleep hours',
    );
    expect(hourLabel(0)).toBe('00:00');
  });

  test('busy hours are counted from the cells the core filled', () => {
    const days = [
      { day: 'mon' as const, hours: [cell({ minutes: 5 }), cell(), cell({ minutes: 60 })] },
      { day: 'tue' as const, hours: [cell()] },
    ];
    expect(busyHours(days)).toBe(2);
  });
});

describe('the trend', () => {
  test('counts get round steps with room above the highest week and the load line', () => {
    expect(niceScale([0, 0, 2], COUNT_STEPS)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale([4, 2, 1], COUNT_STEPS)).toEqual({ max: 6, ticks: [0, 2, 4, 6] });
    expect(niceScale([17, 2], COUNT_STEPS)).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
    // Nothing at all still draws one step.
    expect(niceScale([0, 0], COUNT_STEPS)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([], COUNT_STEPS)).toEqual({ max: 1, ticks: [0, 1] });
  });

  test('minutes step by half hours, hours, then days of hours', () => {
    expect(niceScale([120, 45], MINUTE_STEPS)).toEqual({ max: 180, ticks: [0, 60, 120, 180] });
    expect(niceScale([0, 120], MINUTE_STEPS).max).toBe(180);
    expect(niceScale([30], MINUTE_STEPS)).toEqual({ max: 60, ticks: [0, 30, 60] });
    const huge = niceScale([100_000], MINUTE_STEPS);
    expect(huge.ticks.length).toBeLessThanOrEqual(5);
    expect(huge.max).toBeGreaterThanOrEqual(100_000);
  });

  test('values are placed from the bottom and never past the top', () => {
    const s = { max: 4, ticks: [0, 2, 4] };
    expect(scaled(0, s, 100)).toBe(0);
    expect(scaled(2, s, 100)).toBe(50);
    expect(scaled(9, s, 100)).toBe(100);
    expect(scaled(-1, s, 100)).toBe(0);
    expect(scaled(1, { max: 0, ticks: [0] }, 100)).toBe(0);
  });

  test('both scales hold every week and its load line', () => {
    const trend = [
      week({ sacrifices: 1, after_hours_minutes: 30 }),
      week({ sacrifices: 5, after_hours_minutes: 400, load_line: { sacrifices: 3, minutes: 240 } }),
    ];
    const { sacrifices, minutes } = trendScales(trend);
    expect(sacrifices.max).toBeGreaterThanOrEqual(5);
    expect(minutes.max).toBeGreaterThanOrEqual(400);
  });

  test('labels and the table row use the core’s numbers as they are', () => {
    expect(minuteTick(0)).toBe('0');
    expect(minuteTick(90)).toBe('1 h 30 min');
    expect(shortWeek('2026-W47')).toBe('W47');
    expect(weekMonday(week())).toBe('Mon 23 Nov');
    expect(trendRow(week())).toEqual({
      week: '2026-W48 (from Mon 23 Nov)',
      sacrifices: '3',
      minutes: '2 h 10 min',
      line: '2 · 2 h',
      over: 'Over',
    });
  });

  test('a week behind the habit reads like a trend row, with the core’s word on which limit it crossed', () => {
    expect(habitRow(habitWeek())).toEqual({
      week: '2026-W48 (from Mon 23 Nov)',
      sacrifices: '3',
      minutes: '1 h 30 min',
      line: '2 · 2 h',
      over: 'Over: sacrifices',
    });
    expect(habitRow(habitWeek({ sacrifices: 1, over: false, over_sacrifices: false, standing: 'Under' })).over).toBe('Under');
  });
});

describe('the headline', () => {
  test('a gauge puts the load line at 80% until the week runs past it', () => {
    expect(gauge(1, 2)).toEqual({ fill: 0.4, mark: 0.8 });
    expect(gauge(5, 2)).toEqual({ fill: 1, mark: 0.4 });
    expect(gauge(0, 0)).toEqual({ fill: 0, mark: 0 });
  });

  test('in words', () => {
    expect(headlineText(week())).toBe('3 sacrifices against a load line of 2 · 2 h 10 min after hours against 2 h');
  });

  test('non-negotiables: kept, within the allowance, or over it as the core judged', () => {
    const b = (over: Partial<BreachCount>): BreachCount => ({
      id: 1,
      name: 'Family dinner',
      category: 'family',
      count: 0,
      allowance: 0,
      paused: false,
      over: false,
      ...over,
    });
    expect(breachState(b({}))).toBe('kept');
    expect(breachText(b({}))).toBe('Kept (no breaches allowed)');
    expect(breachState(b({ count: 1, allowance: 2 }))).toBe('within');
    expect(breachText(b({ count: 1, allowance: 2 }))).toBe('1 breach — within the allowance of 2');
    expect(breachState(b({ count: 3, allowance: 1, over: true }))).toBe('over');
    expect(breachText(b({ count: 3, allowance: 1, over: true }))).toBe('3 breaches — allowance 1');
    expect(breachText(b({ count: 1, over: true }))).toBe('1 breach — no breaches allowed');
    // The page does not compare the count with the allowance: the core's `over` decides.
    expect(breachState(b({ count: 3, allowance: 1, over: false }))).toBe('within');
    expect(breachState(b({ paused: true }))).toBe('paused');
    // Paused, the core never calls it over.
    expect(breachState(b({ paused: true, count: 2 }))).toBe('within');
  });
});

describe('the answers', () => {
  test('dirty until what is shown is what is stored', () => {
    const saved = { ...blankAnswers(), cost: 'Two dinners', energy: 2 };
    const form = answersForm(saved);
    expect(form).not.toBe(saved);
    expect(answersDirty(form, saved)).toBe(false);
    form.protect = 'Family dinner';
    expect(answersDirty(form, saved)).toBe(true);
    form.protect = '';
    form.energy = 3;
    expect(answersDirty(form, saved)).toBe(true);
    form.energy = 2;
    expect(answersDirty(form, saved)).toBe(false);
  });

  test('an unrated week is null, not 0', () => {
    expect(answered(blankAnswers())).toBe(false);
    expect(answered({ ...blankAnswers(), energy: 1 })).toBe(true);
    expect(answered({ ...blankAnswers(), runbook: ' ' })).toBe(true);
  });
});
