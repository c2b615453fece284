import { describe, expect, test } from 'vitest';
import type { MonthRow } from './bindings/MonthRow';
import type { Question } from './bindings/Question';
import {
  answerLabel,
  answerPath,
  applyWalk,
  atReview,
  chartParts,
  progress,
  scoreText,
  sections,
  segments,
  spreadLabels,
  startWalk,
  takeInput,
  walkKey,
  yearMark,
  type Walk,
  type WalkKey,
} from './selfcheck';

const FREQUENCY = [
  { answer: 'always', label: 'Always' },
  { answer: 'often', label: 'Often' },
  { answer: 'sometimes', label: 'Sometimes' },
  { answer: 'seldom', label: 'Seldom' },
  { answer: 'never', label: 'Never/almost never' },
] as const;
const DEGREE = [
  { answer: 'very high', label: 'To a very high degree' },
  { answer: 'high', label: 'To a high degree' },
  { answer: 'somewhat', label: 'Somewhat' },
  { answer: 'low', label: 'To a low degree' },
  { answer: 'very low', label: 'To a very low degree' },
] as const;

/** The core's questions, shaped as `selfcheck_questions` sends them (texts shortened). */
function questions(client = false): Question[] {
  const q = (part: Question['part'], index: number, degree: boolean): Question => ({
    part,
    index,
    text: `${part} ${index}?`,
    choices: (degree ? DEGREE : FREQUENCY).map((c) => ({ ...c })),
  });
  return [
    ...Array.from({ length: 6 }, (_, i) => q('personal', i, false)),
    ...Array.from({ length: 7 }, (_, i) => q('work', i, i < 3)),
    ...(client ? Array.from({ length: 6 }, (_, i) => q('client', i, i < 4)) : []),
  ];
}

/** Presses keys one after another, as the form does with each keydown. */
function press(w: Walk, ...keys: (string | WalkKey)[]): Walk {
  for (const k of keys) {
    const action = walkKey(typeof k === 'string' ? { key: k } : k, w);
    if (action) w = applyWalk(w, action);
  }
  return w;
}

describe('walking through the questions from the keyboard', () => {
  test('1–5 pick an answer and go on; the progress line follows', () => {
    let w = startWalk(questions());
    expect(progress(w)).toBe('1 of 13');
    w = press(w, '2');
    expect(w.answers[0]).toBe('often');
    expect(progress(w)).toBe('2 of 13');
    w = press(w, '5', '1');
    expect(w.answers.slice(0, 3)).toEqual(['often', 'never', 'always']);
    expect(progress(w)).toBe('4 of 13');
    // The sixth key has no answer behind it: nothing happens.
    expect(walkKey({ key: '6' }, w)).toBeNull();
  });

  test('the degree items take the degree words from the same keys', () => {
    const w = press(startWalk(questions()), '3', '3', '3', '3', '3', '3', '1');
    expect(w.answers[6]).toBe('very high');
    expect(answerLabel(w, 6)).toBe('To a very high degree');
  });

  test('← and Backspace go back, keeping the answers; nothing goes before the first', () => {
    let w = press(startWalk(questions()), '1', '2');
    w = press(w, 'ArrowLeft');
    expect(w.step).toBe(1);
    expect(w.answers[1]).toBe('often');
    w = press(w, 'Backspace', 'Backspace', 'ArrowLeft');
    expect(w.step).toBe(0);
    expect(walkKey({ key: 'Backspace' }, w)).toBeNull();
  });

  test('S skips (the item stays unanswered, even if it had an answer); → and Enter keep it', () => {
    let w = press(startWalk(questions()), '1', 'ArrowLeft', 's');
    expect(w.answers[0]).toBeNull();
    expect(w.step).toBe(1);
    w = press(w, '4', 'ArrowLeft', 'ArrowRight');
    expect(w.answers[1]).toBe('seldom');
    w = press(w, 'Enter');
    expect(w.step).toBe(3);
    expect(w.answers[2]).toBeNull();
  });

  test('keys with Ctrl, Alt or Super are left to the page, and so are ↑, ↓, Tab and Space', () => {
    const w = startWalk(questions());
    for (const key of [{ key: '1', ctrlKey: true }, { key: 'ArrowLeft', altKey: true }, { key: 's', metaKey: true }]) {
      expect(walkKey(key, w)).toBeNull();
    }
    for (const key of ['ArrowUp', 'ArrowDown', 'Tab', ' ', 'a']) expect(walkKey({ key }, w)).toBeNull();
    expect(walkKey({ key: 'S', shiftKey: true }, w)).toEqual({ kind: 'skip' });
  });

  test('after the last question comes the review; ← goes back to the last question', () => {
    let w = press(startWalk(questions()), ...Array<string>(13).fill('3'));
    expect(atReview(w)).toBe(true);
    expect(progress(w)).toBe('Review · 13 of 13 answered');
    // On the review, digits and Enter belong to its buttons.
    expect(walkKey({ key: '1' }, w)).toBeNull();
    expect(walkKey({ key: 'Enter' }, w)).toBeNull();
    w = press(w, 'ArrowLeft');
    expect(w.step).toBe(12);
  });

  test('a question opened from the review goes back to the review once answered or skipped', () => {
    let w = press(startWalk(questions()), ...Array<string>(13).fill('3'));
    w = applyWalk(w, { kind: 'goto', step: 4 });
    expect(w.step).toBe(4);
    w = press(w, '1');
    expect(atReview(w)).toBe(true);
    expect(w.answers[4]).toBe('always');
    w = press(applyWalk(w, { kind: 'goto', step: 2 }), 's');
    expect(atReview(w)).toBe(true);
    expect(w.answers[2]).toBeNull();
    // Going back from such a question walks on question by question again.
    w = press(applyWalk(w, { kind: 'goto', step: 7 }), 'ArrowLeft', '2');
    expect(w.step).toBe(7);
  });

  test('Escape leaves at once when nothing was answered, else asks once more', () => {
    expect(press(startWalk(questions()), 'Escape').closed).toBe(true);
    let w = press(startWalk(questions()), '2', 'Escape');
    expect(w.leaving).toBe(true);
    expect(w.closed).toBe(false);
    // Any other key is "keep going".
    w = press(w, 'ArrowLeft');
    expect(w.leaving).toBe(false);
    w = press(w, 'Escape', 'Escape');
    expect(w.closed).toBe(true);
  });
});

describe('the answers sent and corrected', () => {
  test('each scale in its items’ order, skipped ones null, the client scale only when asked', () => {
    const w = press(startWalk(questions()), '1', 's', '3', '4', '5', '2', '1', '2', '3', 's', '5', '4', '3');
    expect(takeInput(w)).toEqual({
      personal: ['always', null, 'sometimes', 'seldom', 'never', 'often'],
      work: ['very high', 'high', 'somewhat', null, 'never', 'seldom', 'sometimes'],
    });
    const c = press(startWalk(questions(true)), ...Array<string>(19).fill('2'));
    expect(takeInput(c).client).toEqual(['high', 'high', 'high', 'high', 'often', 'often']);
  });

  test('a correction starts at the review with the take’s answers', () => {
    const kept = {
      personal: ['often', null, 'often', 'often', 'often', 'often'] as const,
      work: ['high', 'high', 'high', 'often', 'often', 'often', 'seldom'] as const,
      client: null,
    };
    const w = startWalk(questions(), { personal: [...kept.personal], work: [...kept.work], client: null });
    expect(atReview(w)).toBe(true);
    expect(answerLabel(w, 1)).toBeNull();
    expect(answerLabel(w, 12)).toBe('Seldom');
    expect(takeInput(w)).toEqual({ personal: [...kept.personal], work: [...kept.work] });
    expect(progress(w)).toBe('Review · 12 of 13 answered');
  });

  test('a question’s path is the one the core names when it refuses an answer', () => {
    const qs = questions(true);
    expect(answerPath(qs[0])).toBe('personal[0]');
    expect(answerPath(qs[9])).toBe('work[3]');
    expect(answerPath(qs[18])).toBe('client[5]');
  });

  test('the review groups the questions by scale, each with its place in the walk', () => {
    const s = sections(questions(true));
    expect(s.map((x) => [x.part, x.items.length])).toEqual([
      ['personal', 6],
      ['work', 7],
      ['client', 6],
    ]);
    expect(s[1].items[0].i).toBe(6);
  });
});

function month(i: number, personal: number | null, work: number | null = personal, client: number | null = null): MonthRow {
  const m = ((i + 11) % 12) + 1;
  const year = i === 0 ? 2025 : 2026;
  return {
    month: `${year}-${String(m).padStart(2, '0')}`,
    label: 'x',
    name: 'x',
    scores: { personal, work, client },
    after_hours_minutes: 60 * i,
    sacrifices: i,
  };
}

describe('the twelve months', () => {
  test('lines join scored months, faintly across months without a take', () => {
    const months = [month(0, 40), month(1, null), month(2, null), month(3, 55), month(4, 60)];
    expect(segments(months, 'personal')).toEqual([
      { from: 0, to: 3, gap: true },
      { from: 3, to: 4, gap: false },
    ]);
    expect(segments([month(0, 40)], 'personal')).toEqual([]);
  });

  test('the client scale is drawn only when some month has a score for it', () => {
    expect(chartParts([month(0, 40), month(1, 50)])).toEqual(['personal', 'work']);
    expect(chartParts([month(0, 40), month(1, 50, 50, 20)])).toEqual(['personal', 'work', 'client']);
  });

  test('end labels keep apart and inside the panel', () => {
    expect(spreadLabels([50, 52, 120], 12, 0, 100)).toEqual([50, 62, 100]);
    const [a, b, c] = spreadLabels([95, 98, 99], 10, 0, 100);
    expect(c).toBe(100);
    expect(c - b).toBeGreaterThanOrEqual(10);
    expect(b - a).toBeGreaterThanOrEqual(10);
  });

  test('scores read as the core rounded them, the year marks the first month and January', () => {
    expect(scoreText(58)).toBe('58');
    expect(scoreText(58.3)).toBe('58.3');
    expect(scoreText(null)).toBe('—');
    const months = Array.from({ length: 12 }, (_, i) => month(i, null));
    expect(yearMark(months, 0)).toBe('2025');
    expect(yearMark(months, 1)).toBe('2026');
    expect(yearMark(months, 2)).toBeNull();
  });
});
