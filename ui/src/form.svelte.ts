// One form's save and problem, shared by every form: `submit` runs the save; a refusal lands on
// the Field that claims the core's path, else it is the form's own problem. A Field's message
// goes away as soon as the person changes that field.

import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { ownerOf, problemOf, type Problem } from './errors';

export class FormState {
  problem = $state<Problem | null>(null);
  saving = $state(false);
  /** The paths the form's mounted Fields show. */
  #claims = new SvelteSet<string>();

  /** Called by a Field while it is on screen; returns the function that lets go. */
  claim(path: string): () => void {
    this.#claims.add(path);
    return () => this.#claims.delete(path);
  }

  /** The message for the Field claiming `path`, when the problem is its own. */
  messageFor(path: string): string | null {
    const p = this.problem;
    return p && ownerOf(p.field, this.#claims) === path ? p.message : null;
  }

  /** The problem no Field shows: a refusal not about input, or about a path no Field claims. */
  get formProblem(): Problem | null {
    const p = this.problem;
    if (!p) return null;
    return ownerOf(p.field, this.#claims) === null ? p : null;
  }

  /** The person changed the field at `path`: its message has been read and acted on. */
  changed(path: string): void {
    if (this.messageFor(path) !== null) this.problem = null;
  }

  /** Shows a problem found before anything was sent (or after), as a save would. */
  fail(raw: unknown): void {
    this.problem = problemOf(raw);
  }

  clear(): void {
    this.problem = null;
  }

  /**
   * Runs one save: its problem cleared, `saving` while it runs, and any failure (the page's own
   * `invalid` or the core's) kept as the problem. Then the first invalid control inside `root`
   * takes the focus. True when it succeeded.
   */
  async submit(run: () => unknown, root?: HTMLElement | null): Promise<boolean> {
    if (this.saving) return false;
    this.problem = null;
    this.saving = true;
    try {
      await run();
      return true;
    } catch (raw) {
      this.problem = problemOf(raw);
      if (root) void this.focusProblem(root);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Moves the focus to the control the problem is about, once it is drawn. */
  async focusProblem(root: HTMLElement): Promise<void> {
    await tick();
    root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
