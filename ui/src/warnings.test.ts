import { describe, expect, test } from 'vitest';
import { notice } from './fixtures';
import {
  compareNotices,
  firstSeen,
  groupByWeek,
  reminderStatus,
  ruleTitle,
  subjectLabel,
  unreadIds,
  unreadLabel,
  weekHeading,
} from './warnings';

/** The core's order of levels, least serious first (Facts.levels). */
const LEVELS = ['nudge', 'warning', 'habit'] as const;

describe('severity orders a week: habit, then warning, then nudge', () => {
  test('the loudest first, whatever came first', () => {
    const nudge = notice({ id: 1, first_seen: '2026-11-26T10:00:00+00:00', warning: { severity: 'nudge' } });
    const habit = notice({ id: 2, first_seen: '2026-11-23T10:00:00+00:00', warning: { severity: 'habit' } });
    const warning = notice({ id: 3, first_seen: '2026-11-24T10:00:00+00:00', warning: { severity: 'warning' } });
    expect([nudge, habit, warning].sort(compareNotices(LEVELS)).map((n) => n.id)).toEqual([2, 3, 1]);
  });

  test('equal severity: the newest first, then the highest id', () => {
    const older = notice({ id: 5, first_seen: '2026-11-23T10:00:00+00:00' });
    const newer = notice({ id: 4, first_seen: '2026-11-25T10:00:00+00:00' });
    const twin = notice({ id: 6, first_seen: '2026-11-25T10:00:00+00:00' });
    expect([older, newer, twin].sort(compareNotices(LEVELS)).map((n) => n.id)).toEqual([6, 4, 5]);
  });

  test('the order is the core’s: another order of levels sorts another way', () => {
    const nudge = notice({ id: 1, warning: { severity: 'nudge' } });
    const habit = notice({ id: 2, warning: { severity: 'habit' } });
    expect([habit, nudge].sort(compareNotices(['habit', 'warning', 'nudge'])).map((n) => n.id)).toEqual([1, 2]);
  });
});

describe('notices are grouped by the week they are about', () => {
  test('newest week first, across a year end, each week sorted by severity', () => {
    const list = [
      notice({ id: 1, warning: { week: '2026-W01', severity: 'nudge' } }),
      notice({ id: 2, warning: { week: '2025-W52', severity: 'warning' } }),
      notice({ id: 3, warning: { week: '2026-W01', severity: 'habit' } }),
      notice({ id: 4, warning: { week: '2026-W02', severity: 'nudge' } }),
    ];
    const groups = groupByWeek(list, LEVELS);
    expect(groups.map((g) => [g.week, g.notices.map((n) => n.id)])).toEqual([
      ['2026-W02', [4]],
      ['2026-W01', [3, 1]],
      ['2025-W52', [2]],
    ]);
  });

  test('no notices, no groups; the input is left as it was', () => {
    expect(groupByWeek([], LEVELS)).toEqual([]);
    const list = [notice({ id: 1, warning: { severity: 'nudge' } }), notice({ id: 2, warning: { severity: 'habit' } })];
    groupByWeek(list, LEVELS);
    expect(list.map((n) => n.id)).toEqual([1, 2]);
  });

  test('a group heading names this week and last week', () => {
    expect(weekHeading('2026-W48', '2026-W48', '2026-W47')).toBe('This week');
    expect(weekHeading('2026-W47', '2026-W48', '2026-W47')).toBe('Last week');
    expect(weekHeading('2026-W45', '2026-W48', '2026-W47')).toBe('Week 2026-W45');
    expect(weekHeading('2026-W45', null, null)).toBe('Week 2026-W45');
  });
});

describe('how a notice reads', () => {
  test('every rule has a title', () => {
    expect(ruleTitle('habit')).toBe('Over the load line, again and again');
    expect(ruleTitle('reactive')).toBe('Mostly reactive');
    expect(ruleTitle('single_point_of_failure')).toBe('A possible single point of failure');
  });

  test('the subject says what kind of thing it is', () => {
    expect(subjectLabel({ subject_kind: 'week', subject: '2026-W48' })).toBe('Week 2026-W48');
    expect(subjectLabel({ subject_kind: 'non_negotiable', subject: 'Family dinner' })).toBe(
      'Non-negotiable: Family dinner',
    );
    expect(subjectLabel({ subject_kind: 'source', subject: 'db-primary' })).toBe('Source: db-primary');
  });

  test('first seen, in the home zone', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(firstSeen(notice({ first_seen: '2026-11-24T22:40:00+00:00' }), 'Europe/Berlin', now)).toBe(
      'First seen Tue 24 Nov · 23:40',
    );
    // Read at home it is already the new year, the same year as now: no year shown.
    expect(firstSeen(notice({ first_seen: '2025-12-31T23:30:00+00:00' }), 'Europe/Berlin', now)).toBe(
      'First seen Thu 1 Jan · 00:30',
    );
    expect(firstSeen(notice({ first_seen: '2025-12-31T12:00:00+00:00' }), 'Europe/Berlin', now)).toBe(
      'First seen Wed 31 Dec 2025 · 13:00',
    );
  });

  test('unread ones', () => {
    const list = [notice({ id: 1 }), notice({ id: 2, read: true }), notice({ id: 3 })];
    expect(unreadIds(list)).toEqual([1, 3]);
    expect(unreadLabel(0)).toBe('');
    expect(unreadLabel(1)).toBe('1 unread warning');
    expect(unreadLabel(4)).toBe('4 unread warnings');
  });
});

describe('the reminders in one sentence', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  test('running as usual says nothing', () => {
    expect(reminderStatus(null, 'Europe/Berlin', now)).toBeNull();
    expect(reminderStatus({ paused: false, snoozed_until: null, unread: 2 }, 'Europe/Berlin', now)).toBeNull();
  });

  test('snoozed until the end of today reads as midnight, in the home zone', () => {
    const state = { paused: false, snoozed_until: '2026-11-26T23:00:00+00:00', unread: 0 };
    expect(reminderStatus(state, 'Europe/Berlin', now)).toBe('Snoozed until midnight');
    expect(reminderStatus(state, 'UTC', now)).toBe('Snoozed until 23:00');
  });

  test('a pause wins over a snooze', () => {
    const state = { paused: true, snoozed_until: '2026-11-26T23:00:00+00:00', unread: 0 };
    expect(reminderStatus(state, 'Europe/Berlin', now)).toMatch(/^All warnings are paused/);
  });
});
