// One short message at a time at the foot of the window, optionally with an action ("Undo").

export type ToastAction = { label: string; run: () => Promise<void> | void };

class Toast {
  message = $state<string | null>(null);
  action = $state<ToastAction | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

  show(message: string, action: ToastAction | null = null, ms = 10_000): void {
    this.clear();
    this.message = message;
    this.action = action;
    this.#timer = setTimeout(() => this.clear(), ms);
  }

  clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.message = null;
    this.action = null;
  }
}

export const toast = new Toast();
