import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import { blankForm, draftFromForm, formFromEntry, noteLength, parseTags, type EntryForm } from './drafts';
import { entry } from './fixtures';

const HOME = 'Europe/Berlin';

function form(over: Partial<EntryForm> = {}): EntryForm {
  return { ...blankForm(HOME), channel: 'page', minutes: 40, ...over };
}

function failure(f: () => unknown): ApiFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected an ApiFailure');
}

describe('a new entry', () => {
  test('left at "now" in the home zone sends neither a time nor a zone', () => {
    const draft = draftFromForm(form({ at: '2026-11-24T23:30' }), { homeZone: HOME, editing: false });
    expect(draft).toEqual({
      channel: 'page',
      minutes: 40,
      severity: 'none',
      chosen: false,
      delegable: false,
      note: '',
      tags: [],
      costs: [],
    });
    expect('at' in draft).toBe(false);
    expect('tz' in draft).toBe(false);
  });

  test('a touched start is sent as local time; another zone is sent by name', () => {
    const draft = draftFromForm(form({ at: '2026-11-19T21:10', atTouched: true, zone: ' America/New_York ' }), {
      homeZone: HOME,
      editing: false,
    });
    expect(draft.at).toBe('2026-11-19T21:10');
    expect(draft.tz).toBe('America/New_York');
  });

  test('a touched but emptied start means now again', () => {
    const draft = draftFromForm(form({ at: '  ', atTouched: true }), { homeZone: HOME, editing: false });
    expect(draft.at).toBeUndefined();
  });

  test('every field is carried, trimmed where text is trimmed', () => {
    const draft = draftFromForm(
      form({
        channel: '  On call bridge ',
        minutes: '90',
        source: ' db-primary ',
        severity: 'P1',
        chosen: true,
        delegable: true,
        note: '  kept as typed  ',
        tags: 'db, night , ,oncall',
        costs: [2, 5],
      }),
      { homeZone: HOME, editing: false },
    );
    expect(draft).toMatchObject({
      channel: 'On call bridge',
      minutes: 90,
      source: 'db-primary',
      severity: 'P1',
      chosen: true,
      delegable: true,
      note: '  kept as typed  ',
      tags: ['db', 'night', 'oncall'],
      costs: [2, 5],
    });
  });

  test('an empty source is left out rather than sent as text', () => {
    expect(draftFromForm(form({ source: '   ' }), { homeZone: HOME, editing: false }).source).toBeUndefined();
  });

  test('out-of-range minutes go to the core, which names the limits', () => {
    expect(draftFromForm(form({ minutes: 0 }), { homeZone: HOME, editing: false }).minutes).toBe(0);
    expect(draftFromForm(form({ minutes: 99_999 }), { homeZone: HOME, editing: false }).minutes).toBe(99_999);
  });

  test.each([null, undefined, '', '1.5', 'ten', 2.5])('minutes %j that are not a whole number are left for the core to ask for', (m) => {
    const draft = draftFromForm(form({ minutes: m, channel: '' }), { homeZone: HOME, editing: false });
    expect('minutes' in draft).toBe(false);
    // Nothing refused in the page: the core then names the channel and the minutes at once.
    expect(draft.channel).toBe('');
  });
});

describe('an edited entry', () => {
  test('keeps its own local time and zone, so saving never moves it to now', () => {
    const e = entry({ start: '2026-11-19T21:10:00-05:00', zone: 'America/New_York' });
    const draft = draftFromForm(formFromEntry(e), { homeZone: HOME, editing: true });
    expect(draft.at).toBe('2026-11-19T21:10');
    expect(draft.tz).toBe('America/New_York');
  });

  test('round-trips every field of the entry', () => {
    const draft = draftFromForm(formFromEntry(entry()), { homeZone: HOME, editing: true });
    expect(draft).toEqual({
      channel: 'page',
      minutes: 40,
      at: '2026-11-24T23:30',
      tz: 'Europe/Berlin',
      source: 'db-primary',
      severity: 'P2',
      chosen: false,
      delegable: true,
      note: 'failover',
      tags: ['db', 'night'],
      costs: [2],
    });
  });

  test('without a start is refused at the start field', () => {
    const e = failure(() => draftFromForm({ ...formFromEntry(entry()), at: '' }, { homeZone: HOME, editing: true }));
    expect(e.field).toBe('at');
  });

  test('the form is a copy: changing it leaves the entry alone', () => {
    const e = entry();
    const f = formFromEntry(e);
    f.costs.push(9);
    expect(e.costs).toEqual([2]);
  });
});

test('tags are split on commas and empties dropped', () => {
  expect(parseTags('')).toEqual([]);
  expect(parseTags(' a ,b,, c ')).toEqual(['a', 'b', 'c']);
});

test('the note counter counts characters as the core does, not UTF-16 units', () => {
  expect(noteLength('é😀x')).toBe(3);
  expect('é😀x'.length).toBe(4);
});
