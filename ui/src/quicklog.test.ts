import { describe, expect, test } from 'vitest';
import { ApiFailure } from './api';
import { entry } from './fixtures';
import {
  agoMinutes,
  blankQuick,
  channelForKey,
  isBlank,
  loggedLine,
  quickDraft,
  restoreQuick,
  serializeQuick,
  startedLabel,
  stepChannel,
  stepMinutes,
  suggestSources,
  typeahead,
  typesText,
  type QuickForm,
} from './quicklog';
import cases from '../../tests/quickform-cases.json';

const CHANNELS = ['page', 'call', 'chat', 'email', 'meeting', 'in person', 'self-initiated'];
/** The app's clock when the window opened, as week_nav gives it: 23:40 in Berlin. */
const NOW = '2026-11-24T23:40:30+01:00';
/** The core's quick minutes (Facts.quick_minutes). */
const QUICK = [15, 30, 60, 90];

function form(over: Partial<QuickForm> = {}): QuickForm {
  return { ...blankQuick(NOW), channel: 'page', minutes: '30', ...over };
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

describe('the draft a quick log sends', () => {
  test('it sends how long ago and the moment that counts from; the core works out the start', () => {
    const draft = quickDraft(form());
    expect(draft).toEqual({
      channel: 'page',
      minutes: 30,
      ago_minutes: 0,
      ago_from: NOW,
      chosen: false,
      delegable: false,
      note: '',
      tags: [],
    });
    expect('at' in draft).toBe(false);
    expect('tz' in draft).toBe(false);
    expect('source' in draft).toBe(false);
  });

  test('"started N minutes ago" is sent as typed, counted from the moment the window opened', () => {
    expect(quickDraft(form({ ago: '45' }))).toMatchObject({ ago_minutes: 45, ago_from: NOW });
    expect(quickDraft(form({ ago: ' 90 ' })).ago_minutes).toBe(90);
    expect(quickDraft(form({ ago: '' })).ago_minutes).toBe(0);
    // No clock could be read: no moment is sent, and the core counts back from its own now.
    expect('ago_from' in quickDraft(form({ agoFrom: '' }))).toBe(false);
  });

  test('every field is carried, trimmed where text is trimmed', () => {
    const draft = quickDraft(
      form({
        channel: ' call ',
        minutes: ' 15 ',
        source: ' db-primary ',
        chosen: true,
        delegable: true,
        note: ' as typed ',
        tags: 'db, night , ,oncall',
      }),
    );
    expect(draft).toMatchObject({
      channel: 'call',
      minutes: 15,
      source: 'db-primary',
      chosen: true,
      delegable: true,
      note: ' as typed ',
      tags: ['db', 'night', 'oncall'],
    });
  });

  test('minutes that are not a whole number are left for the core to ask for; a bad "ago" names its field', () => {
    for (const minutes of ['', '2.5', 'ten']) expect('minutes' in quickDraft(form({ minutes }))).toBe(false);
    expect(quickDraft(form({ minutes: ' 45 ' })).minutes).toBe(45);
    expect(failure(() => agoMinutes({ ago: 'soon' })).field).toBe('ago_minutes');
    // A number out of range is sent: the core says what is allowed.
    expect(quickDraft(form({ ago: '10081' })).ago_minutes).toBe(10081);
    expect(quickDraft(form({ ago: '-5' })).ago_minutes).toBe(-5);
  });

  test('an empty channel is left for the core to name', () => {
    expect(quickDraft(form({ channel: '  ' })).channel).toBe('');
  });

});

describe('the draft kept while typing', () => {
  test('a blank form keeps nothing', () => {
    expect(isBlank(blankQuick(NOW))).toBe(true);
    expect(serializeQuick(blankQuick(NOW))).toBeNull();
    expect(isBlank({ ...blankQuick(NOW), ago: '' })).toBe(true);
    expect(isBlank({ ...blankQuick(NOW), chosen: true })).toBe(false);
    expect(isBlank({ ...blankQuick(NOW), ago: '5' })).toBe(false);
  });

  test('what is kept comes back as it was, right away', () => {
    const f = form({ source: 'db', note: 'failover\nagain', tags: 'db', chosen: true, ago: '10' });
    expect(restoreQuick(serializeQuick(f), NOW)).toEqual(f);
  });

  test('later, "N minutes ago" still means the same moment: the draft keeps the moment it counts from', () => {
    const f = form({ ago: '10' });
    const back = restoreQuick(serializeQuick(f), '2026-11-25T00:05:50+01:00');
    expect(back?.ago).toBe('10');
    expect(back?.agoFrom).toBe(NOW);
    expect(quickDraft(back!)).toMatchObject({ ago_minutes: 10, ago_from: NOW });
  });

  test('a draft kept before it held the moment keeps its own anchor', () => {
    const old = JSON.stringify({ v: 1, channel: 'page', minutes: '30', ago: '5', anchor: Date.UTC(2026, 10, 24, 22, 40, 30) });
    expect(restoreQuick(old, '2026-11-25T09:00:00+01:00')?.agoFrom).toBe('2026-11-24T22:40:30.000Z');
  });

  test('unreadable, blank or foreign text is no draft', () => {
    expect(restoreQuick(null, NOW)).toBeNull();
    expect(restoreQuick('', NOW)).toBeNull();
    expect(restoreQuick('{not json', NOW)).toBeNull();
    expect(restoreQuick('[1,2]', NOW)).toBeNull();
    expect(restoreQuick('{"v":1}', NOW)).toBeNull();
    expect(restoreQuick('{"channel": 5, "minutes": 30, "chosen": "yes"}', NOW)).toMatchObject({
      channel: '5',
      minutes: '30',
      chosen: false,
      ago: '0',
      agoFrom: NOW,
    });
  });

  test('an "ago" that is not a number is kept as typed', () => {
    const back = restoreQuick(serializeQuick(form({ ago: 'x' })), NOW);
    expect(back?.ago).toBe('x');
  });
});

describe('keys', () => {
  test('number keys pick the built-in channels, 1 first', () => {
    expect(channelForKey('1', CHANNELS)).toBe('page');
    expect(channelForKey('7', CHANNELS)).toBe('self-initiated');
    expect(channelForKey('8', CHANNELS)).toBeNull();
    expect(channelForKey('0', CHANNELS)).toBeNull();
    expect(channelForKey('a', CHANNELS)).toBeNull();
    expect(channelForKey('12', CHANNELS)).toBeNull();
  });

  test('arrow keys step through the channels and wrap', () => {
    expect(stepChannel(CHANNELS, 'page', 1)).toBe('call');
    expect(stepChannel(CHANNELS, 'page', -1)).toBe('self-initiated');
    expect(stepChannel(CHANNELS, 'self-initiated', 1)).toBe('page');
    expect(stepChannel(CHANNELS, ' Chat ', 1)).toBe('email');
    expect(stepChannel(CHANNELS, '', 1)).toBe('page');
    expect(stepChannel(CHANNELS, 'pager duty', -1)).toBe('self-initiated');
    expect(stepChannel([], 'page', 1)).toBeNull();
  });

  test('a letter jumps to the next channel starting with it', () => {
    expect(typeahead(CHANNELS, '', 'c')).toBe('call');
    expect(typeahead(CHANNELS, 'call', 'c')).toBe('chat');
    expect(typeahead(CHANNELS, 'chat', 'C')).toBe('call');
    expect(typeahead(CHANNELS, 'page', 'i')).toBe('in person');
    expect(typeahead(CHANNELS, 'page', 'z')).toBeNull();
    expect(typeahead(CHANNELS, 'page', '1')).toBeNull();
  });

  test('↑ and ↓ in the minutes step through 15 · 30 · 60 · 90', () => {
    expect(stepMinutes('', 1, QUICK)).toBe('15');
    expect(stepMinutes('', -1, QUICK)).toBe('15');
    expect(stepMinutes('15', 1, QUICK)).toBe('30');
    expect(stepMinutes('20', 1, QUICK)).toBe('30');
    expect(stepMinutes('20', -1, QUICK)).toBe('15');
    expect(stepMinutes('90', 1, QUICK)).toBe('90');
    expect(stepMinutes('200', -1, QUICK)).toBe('90');
    expect(stepMinutes('15', -1, QUICK)).toBe('15');
    // The steps are the core's list, whatever it holds.
    expect(stepMinutes('10', 1, [5, 10, 20])).toBe('20');
    expect(stepMinutes('10', 1, [])).toBe('10');
  });

  test('digits are text in text fields, and keys elsewhere', () => {
    expect(typesText({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(typesText({ tagName: 'input', type: 'number' })).toBe(true);
    expect(typesText({ tagName: 'INPUT' })).toBe(true);
    expect(typesText({ tagName: 'TEXTAREA' })).toBe(true);
    expect(typesText({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(typesText({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(typesText({ tagName: 'BUTTON' })).toBe(false);
    expect(typesText({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(typesText({ tagName: 'BODY' })).toBe(false);
    expect(typesText(null)).toBe(false);
  });
});

describe('source suggestions', () => {
  const ALL = ['db-primary', 'Payments API', 'alice', 'edb-replica', 'dbt-jobs'];

  test('those starting with what was typed come first, then those containing it', () => {
    expect(suggestSources(ALL, 'db')).toEqual(['db-primary', 'dbt-jobs', 'edb-replica']);
    expect(suggestSources(ALL, 'PAY')).toEqual(['Payments API']);
    expect(suggestSources(ALL, 'zzz')).toEqual([]);
  });

  test('nothing typed offers the first few; a source typed out exactly offers none', () => {
    expect(suggestSources(ALL, '', 2)).toEqual(['db-primary', 'Payments API']);
    expect(suggestSources(ALL, 'Alice')).toEqual([]);
  });
});

describe('words', () => {
  test('when it started, in words, from the moment the core gave: no arithmetic', () => {
    expect(startedLabel({ ago: '0', agoFrom: NOW })).toBe('at 23:40');
    expect(startedLabel({ ago: '', agoFrom: NOW })).toBe('at 23:40');
    expect(startedLabel({ ago: '45', agoFrom: NOW })).toBe('45 min before 23:40');
    expect(startedLabel({ ago: '90', agoFrom: NOW })).toBe('1 h 30 min before 23:40');
    expect(startedLabel({ ago: 'x', agoFrom: NOW })).toBe('');
    expect(startedLabel({ ago: '5', agoFrom: '' })).toBe('');
  });

  test('the confirmation says what the core classified', () => {
    expect(loggedLine(entry())).toBe(
      'Logged: page, 40 min, started 23:30 · 40 min after hours · 40 min in sleep hours · a breach',
    );
    expect(loggedLine(entry({ after_hours_minutes: 0, sleep_minutes: 0, breaches: [], minutes: 90 }))).toBe(
      'Logged: page, 1 h 30 min, started 23:30',
    );
  });
});

// The same cases the native quick-log window's form passes (src/quickform.rs), so the two forms
// cannot drift apart.
describe('the shared quick-log cases (tests/quickform-cases.json)', () => {
  test.each(cases.channelForKey)('key $key picks $is', ({ key, is }) => {
    expect(channelForKey(key, cases.channels)).toBe(is);
  });
  test.each(cases.stepChannel)('$delta from "$from" is $is', ({ from, delta, is }) => {
    expect(stepChannel(cases.channels, from, delta)).toBe(is);
  });
  test.each(cases.typeahead)('"$letter" after "$from" is $is', (c) => {
    expect(typeahead(('channels' in c && c.channels) || cases.channels, c.from, c.letter)).toBe(c.is);
  });
  test.each(cases.stepMinutes)('$delta from "$from" is $is', ({ from, delta, is }) => {
    expect(stepMinutes(from, delta as 1 | -1, cases.quick)).toBe(is);
  });
  test('a draft kept by either form comes back whole in the other', () => {
    expect(restoreQuick(cases.keptDraft.text, '')).toEqual(cases.keptDraft.form);
    expect(serializeQuick(cases.keptDraft.form)).toBe(cases.keptDraft.text);
    expect(restoreQuick(cases.keptDraftV1.text, '')).toEqual(cases.keptDraftV1.form);
  });
  test.each(cases.suggestSources)('"$typed" suggests $is', ({ typed, is }) => {
    expect(suggestSources(cases.sources, typed)).toEqual(is);
  });
});
