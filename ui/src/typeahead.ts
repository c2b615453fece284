// Keys typed ahead: the quick-log shortcut's press grabs the keyboard in the shell, which holds
// every key typed before the page could take them and hands them over when the page says it is
// ready (`quicklog_ready`). The page types them into the form in order, as if they had been
// typed there: each goes first to the page's own key handlers (a number picks the channel,
// Enter logs, Escape closes) and, when none took it, does what the browser would have done with
// a real key (text goes into the field, Tab moves on). Real keys arriving while that happens wait
// behind them, so nothing typed is lost or reordered.

import type { TypedKey } from './bindings/TypedKey';
import { typesText, type KeyTarget } from './quicklog';

/** What a key does where it lands when no handler of the page took it. */
export type KeyAction =
  | { kind: 'insert'; text: string }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'focus-next'; back: boolean }
  | { kind: 'click' }
  | { kind: 'step-radio'; delta: 1 | -1 }
  | { kind: 'none' };

/** `KeyTarget` and, for a radio button or a button, what it is. */
export type ActionTarget = (KeyTarget & { tagName?: string; type?: string }) | null;

/** The browser's own effect of `key` on `target`, for a key no handler prevented. */
export function defaultAction(key: TypedKey, target: ActionTarget): KeyAction {
  const text = typesText(target);
  const modified = key.ctrl || key.alt || key.meta;
  if (key.key === 'Tab' && !key.ctrl && !key.alt && !key.meta) return { kind: 'focus-next', back: key.shift };
  if (modified) return { kind: 'none' };
  if (text) {
    if (key.key === 'Backspace') return { kind: 'backspace' };
    if (key.key === 'Delete') return { kind: 'delete' };
    if ([...key.key].length === 1) return { kind: 'insert', text: key.key };
    return { kind: 'none' };
  }
  const tag = (target?.tagName ?? '').toUpperCase();
  const type = (target?.type ?? '').toLowerCase();
  const radio = tag === 'INPUT' && type === 'radio';
  const pressable = tag === 'BUTTON' || (tag === 'INPUT' && ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type));
  if (radio && ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown'].includes(key.key)) {
    return { kind: 'step-radio', delta: key.key === 'ArrowLeft' || key.key === 'ArrowUp' ? -1 : 1 };
  }
  if (pressable && key.key === ' ') return { kind: 'click' };
  if (tag === 'BUTTON' && key.key === 'Enter') return { kind: 'click' };
  return { kind: 'none' };
}

/** The elements Tab visits in `root`, in order: one radio per group (the checked one, else the first). */
function tabbable(root: ParentNode): HTMLElement[] {
  const all = Array.from(
    root.querySelectorAll<HTMLElement>('input, button, textarea, select, a[href], [tabindex]'),
  ).filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLInputElement).disabled) return false;
    return el.getClientRects().length > 0 || (el instanceof HTMLInputElement && el.type === 'radio');
  });
  const seen = new Set<string>();
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = all.filter((o) => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name) as HTMLInputElement[];
    const chosen = group.find((r) => r.checked) ?? group[0];
    if (seen.has(el.name) || el !== chosen) return false;
    seen.add(el.name);
    return true;
  });
}

function edited(el: HTMLInputElement | HTMLTextAreaElement, text: string, from: number, to: number) {
  el.setRangeText(text, from, to, 'end');
  el.dispatchEvent(new InputEvent('input', { bubbles: true, data: text || null, inputType: text ? 'insertText' : 'deleteContentBackward' }));
}

/** Does what the browser does with a real key, on the element that has the focus. */
function perform(action: KeyAction, el: HTMLElement) {
  const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  switch (action.kind) {
    case 'insert':
    case 'backspace':
    case 'delete': {
      if (!field) return;
      let from = field.selectionStart ?? field.value.length;
      let to = field.selectionEnd ?? from;
      if (from === to && action.kind === 'backspace') from = Math.max(0, from - 1);
      if (from === to && action.kind === 'delete') to = Math.min(field.value.length, to + 1);
      edited(field, action.kind === 'insert' ? action.text : '', from, to);
      return;
    }
    case 'focus-next': {
      const order = tabbable(document);
      const n = order.length;
      if (n === 0) return;
      const at = order.indexOf(el);
      const next = at < 0 ? order[action.back ? n - 1 : 0] : order[(at + (action.back ? n - 1 : 1)) % n];
      next.focus();
      // As a real Tab does, the text of the field reached is selected.
      if (next instanceof HTMLInputElement && typesText(next)) next.select();
      if (next instanceof HTMLTextAreaElement) next.select();
      return;
    }
    case 'click':
      el.click();
      return;
    case 'step-radio': {
      if (!(el instanceof HTMLInputElement)) return;
      const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`)).filter((r) => !r.disabled);
      const i = group.indexOf(el);
      const next = group[(((i + action.delta) % group.length) + group.length) % group.length];
      next?.focus();
      next?.click();
      return;
    }
    case 'none':
      return;
  }
}

/** Types one key into the page: its handlers first, then the browser's own effect. */
export function typeKey(key: TypedKey): void {
  const el = (document.activeElement as HTMLElement | null) ?? document.body;
  const event = new KeyboardEvent('keydown', {
    key: key.key,
    shiftKey: key.shift,
    ctrlKey: key.ctrl,
    altKey: key.alt,
    metaKey: key.meta,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (el.dispatchEvent(event)) perform(defaultAction(key, el), el);
}

function typed(e: KeyboardEvent): TypedKey {
  return { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey };
}

/**
 * Takes the keys typed ahead (`take`, which also lets the keyboard go) and types them, then the
 * real keys that arrived meanwhile, in order; `settle` runs after each key (the page's update).
 * Calls made while one runs wait for it, so two takes never interleave.
 */
export function typeAhead(take: () => Promise<TypedKey[]>, settle: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  return () => {
    running = running.then(async () => {
      const waiting: TypedKey[] = [];
      const hold = (e: KeyboardEvent) => {
        if (!e.isTrusted || e.isComposing) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        waiting.push(typed(e));
      };
      window.addEventListener('keydown', hold, true);
      try {
        let keys: TypedKey[] = [];
        try {
          keys = await take();
        } catch {
          // Not inside Loadline, or the shell could not say: nothing was held.
        }
        waiting.unshift(...keys);
        while (waiting.length > 0) {
          const key = waiting.shift() as TypedKey;
          typeKey(key);
          await settle();
        }
      } finally {
        window.removeEventListener('keydown', hold, true);
      }
    });
    return running;
  };
}
