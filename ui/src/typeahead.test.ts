import { describe, expect, test } from 'vitest';
import type { TypedKey } from './bindings/TypedKey';
import { defaultAction } from './typeahead';

function key(k: string, mods: Partial<TypedKey> = {}): TypedKey {
  return { key: k, shift: false, ctrl: false, alt: false, meta: false, ...mods };
}

const TEXT = { tagName: 'INPUT', type: 'text' };
const RADIO = { tagName: 'INPUT', type: 'radio' };
const CHECKBOX = { tagName: 'INPUT', type: 'checkbox' };
const BUTTON = { tagName: 'BUTTON', type: 'button' };

describe('a key typed ahead does, where it lands, what the browser would have done', () => {
  test('a character goes into a text field, Backspace and Delete remove', () => {
    expect(defaultAction(key('4'), TEXT)).toEqual({ kind: 'insert', text: '4' });
    expect(defaultAction(key('é'), { tagName: 'TEXTAREA' })).toEqual({ kind: 'insert', text: 'é' });
    expect(defaultAction(key('Backspace'), TEXT)).toEqual({ kind: 'backspace' });
    expect(defaultAction(key('Delete'), TEXT)).toEqual({ kind: 'delete' });
  });

  test('a character with Ctrl or Alt types nothing', () => {
    expect(defaultAction(key('a', { ctrl: true }), TEXT)).toEqual({ kind: 'none' });
    expect(defaultAction(key('4', { alt: true }), TEXT)).toEqual({ kind: 'none' });
  });

  test('Tab moves on, Shift+Tab back, from anywhere', () => {
    expect(defaultAction(key('Tab'), TEXT)).toEqual({ kind: 'focus-next', back: false });
    expect(defaultAction(key('Tab', { shift: true }), RADIO)).toEqual({ kind: 'focus-next', back: true });
    expect(defaultAction(key('Tab'), null)).toEqual({ kind: 'focus-next', back: false });
  });

  test('the arrows step a radio group; Space presses a checkbox or a button, Enter a button', () => {
    expect(defaultAction(key('ArrowRight'), RADIO)).toEqual({ kind: 'step-radio', delta: 1 });
    expect(defaultAction(key('ArrowUp'), RADIO)).toEqual({ kind: 'step-radio', delta: -1 });
    expect(defaultAction(key(' '), CHECKBOX)).toEqual({ kind: 'click' });
    expect(defaultAction(key(' '), BUTTON)).toEqual({ kind: 'click' });
    expect(defaultAction(key('Enter'), BUTTON)).toEqual({ kind: 'click' });
  });

  test('a character on a radio, a checkbox or nothing types nothing (the page’s handlers had it)', () => {
    expect(defaultAction(key('4'), RADIO)).toEqual({ kind: 'none' });
    expect(defaultAction(key('x'), CHECKBOX)).toEqual({ kind: 'none' });
    expect(defaultAction(key('Enter'), TEXT)).toEqual({ kind: 'none' });
    expect(defaultAction(key('Escape'), null)).toEqual({ kind: 'none' });
  });
});
