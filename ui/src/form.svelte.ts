// One form's save and problems, shared by every form: `submit` runs the save; each field the core
// refused lands on the Field that claims its path, else it is the form's own problem. A Field's
// message goes away as soon as the person changes that field; the others stay until theirs do.

import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { ownerOf, problemsOf, type Problem } from './errors';

export class FormState {
  /** What the last save was refused for, in the core's order (the form's order of fields). */
  problems = $state<Problem[]>([]);
  saving = $state(false);
  /** The paths the form's mounted Fields show. */
  #claims = new SvelteSet<string>();

  /** Called by a Field while it is on screen; returns the function that lets go. */
  claim(path: string): () => void {
    this.#claims.add(path);
    return () => this.#claims.delete(path);
  }

  /** The first problem, the one the focus goes to; null when there is none. */
  get problem(): Problem | null {
    return this.problems[0] ?? null;
  }

  /** The problem of the Field claiming `path`, when one is its own. */
  problemFor(path: string): Problem | null {
    return this.problems.find((p) => ownerOf(p.field, this.#claims) === path) ?? null;
  }

  /** The message for the Field claiming `path`, when a problem is its own. */
  messageFor(path: string): string | null {
    return this.problemFor(path)?.message ?? null;
  }

  /** The problem no Field shows: a refusal not about input, or about a path no Field claims. */
  get formProblem(): Problem | null {
    return this.problems.find((p) => ownerOf(p.field, this.#claims) === null) ?? null;
  }

  /** The person changed the field at `path`: its message has been read and acted on. */
  changed(path: string): void {
    if (this.problemFor(path) !== null) this.problems = this.problems.filter((p) => ownerOf(p.field, this.#claims) !== path);
  }

  /** Shows a problem found before anything was sent (or after), as a save would. */
  fail(raw: unknown): void {
    this.problems = problemsOf(raw);
  }

  clear(): void {
    this.problems = [];
  }

  /**
   * Runs one save: its problem cleared, `saving` while it runs, and any failure (the page's own
   * `invalid` or the core's) kept as the problem. Then the first invalid control inside `root`
   * takes the focus. True when it succeeded.
   */
  async submit(run: () => unknown, root?: HTMLElement | null): Promise<boolean> {
    if (this.saving) return false;
    this.problems = [];
    this.saving = true;
    try {
      await run();
      return true;
    } catch (raw) {
      this.problems = problemsOf(raw);
      if (root) void this.focusProblem(root);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /**
   * Moves the focus to the control the first problem is about, once it is drawn, with what it
   * holds selected: what the person types next replaces it instead of running into it.
   */
  async focusProblem(root: HTMLElement): Promise<void> {
    await tick();
    focusAndSelect(root.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }
}

/** Focuses `el` and selects its text, when it holds text that can be selected. */
export function focusAndSelect(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus();
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && SELECTABLE.includes(el.type))) {
    try {
      el.select();
    } catch {
      // An input type that has no selection: the focus alone is enough.
    }
  }
}

/** Input types whose text `select()` selects. */
const SELECTABLE = ['text', 'search', 'tel', 'url', 'email', 'password', 'number', ''];
