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
  rfc3339Z,
  serializeQuick,
  startedLabel,
  stepChannel,
  stepMinutes,
  suggestSources,
  typeahead,
  typesText,
  type QuickForm,
} from './quicklog';

const CHANNELS = ['page', 'call', 'chat', 'email', 'meeting', 'in person', 'self-initiated'];
// 2026-11-24 22:40:30 UTC: 23:40 in Berlin.
const NOW = Date.UTC(2026, 10, 24, 22, 40, 30);

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
  test('"started 0 minutes ago" is now, as RFC 3339 in UTC, with no zone (the home zone fills in)', () => {
    const draft = quickDraft(form());
    expect(draft).toEqual({
      channel: 'page',
      minutes: 30,
      at: '2026-11-24T22:40:30Z',
      chosen: false,
      delegable: false,
      note: '',
      tags: [],
    });
    expect('tz' in draft).toBe(false);
    expect('source' in draft).toBe(false);
  });

  test('"started N minutes ago" counts back from when it was typed', () => {
    expect(quickDraft(form({ ago: '45' })).at).toBe('2026-11-24T21:55:30Z');
    expect(quickDraft(form({ ago: ' 90 ' })).at).toBe('2026-11-24T21:10:30Z');
    expect(quickDraft(form({ ago: '' })).at).toBe('2026-11-24T22:40:30Z');
    // Across midnight and a day back.
    expect(quickDraft(form({ ago: String(24 * 60) })).at).toBe('2026-11-23T22:40:30Z');
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

  test('what cannot even be sent names its field', () => {
    expect(failure(() => quickDraft(form({ minutes: '' })))).toMatchObject({ code: 'invalid', field: 'minutes' });
    expect(failure(() => quickDraft(form({ minutes: '2.5' }))).field).toBe('minutes');
    expect(failure(() => quickDraft(form({ minutes: 'ten' }))).field).toBe('minutes');
    expect(failure(() => quickDraft(form({ ago: '-5' }))).field).toBe('ago');
    expect(failure(() => quickDraft(form({ ago: '10081' }))).field).toBe('ago');
    expect(failure(() => agoMinutes({ ago: 'soon' })).message).toMatch(/0 \(now\) to 10080/);
  });

  test('an empty channel is left for the core to name', () => {
    expect(quickDraft(form({ channel: '  ' })).channel).toBe('');
  });

  test('RFC 3339 drops the milliseconds', () => {
    expect(rfc3339Z(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('2026-01-02T03:04:05Z');
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

  test('later, "N minutes ago" still means the same moment', () => {
    const f = form({ ago: '10' });
    const later = NOW + 25 * 60_000 + 20_000; // 25 min 20 s later
    const back = restoreQuick(serializeQuick(f), later);
    expect(back?.ago).toBe('35');
    expect(quickDraft(back!).at).toBe(quickDraft(f).at);
    // "now" when it was typed is 25 minutes ago now.
    const fromNow = restoreQuick(serializeQuick(form()), later);
    expect(fromNow?.ago).toBe('25');
    expect(quickDraft(fromNow!).at).toBe('2026-11-24T22:40:30Z');
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
      anchor: NOW,
    });
  });

  test('an "ago" that is not a number is kept as typed', () => {
    const back = restoreQuick(serializeQuick(form({ ago: 'x' })), NOW + 3_600_000);
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
    expect(stepMinutes('', 1)).toBe('15');
    expect(stepMinutes('', -1)).toBe('15');
    expect(stepMinutes('15', 1)).toBe('30');
    expect(stepMinutes('20', 1)).toBe('30');
    expect(stepMinutes('20', -1)).toBe('15');
    expect(stepMinutes('90', 1)).toBe('90');
    expect(stepMinutes('200', -1)).toBe('90');
    expect(stepMinutes('15', -1)).toBe('15');
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
  test('when it started, in the home zone', () => {
    const now = new Date(NOW);
    expect(startedLabel(now, now, 'Europe/Berlin')).toBe('now');
    expect(startedLabel(new Date(NOW - 30_000), now, 'Europe/Berlin')).toBe('now');
    expect(startedLabel(new Date(NOW - 45 * 60_000), now, 'Europe/Berlin')).toBe('started 22:55');
    expect(startedLabel(new Date(NOW - 24 * 3_600_000), now, 'Europe/Berlin')).toBe('started Mon 23:40');
    expect(startedLabel(new Date(NOW - 45 * 60_000), now, 'America/New_York')).toBe('started 16:55');
  });

  test('the confirmation says what the core classified', () => {
    expect(loggedLine(entry())).toBe('Logged: page, 40 min · 40 min after hours · 40 min in sleep hours · a breach');
    expect(loggedLine(entry({ after_hours_minutes: 0, sleep_minutes: 0, breaches: [], minutes: 90 }))).toBe(
      'Logged: page, 1 h 30 min',
    );
  });
});
