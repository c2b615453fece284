// What every view shares: the settings, the non-negotiables, earlier sources, this week's summary
// and the state of the reminders. Reloaded together whenever the core says data changed (from
// this window, the tray, another window or the CLI); `version` lets views reload their own parts
// too, and `warningsVersion` tells the Warnings view the reminder engine looked again.

import * as api from './api';
import type { Inbox } from './bindings/Inbox';
import type { About } from './bindings/About';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BoundaryView } from './bindings/BoundaryView';
import type { Facts } from './bindings/Facts';
import type { Prefs } from './bindings/Prefs';
import type { ReminderState } from './bindings/ReminderState';
import type { Settings } from './bindings/Settings';
import type { ShortcutStatus } from './bindings/ShortcutStatus';
import type { WeekNav } from './bindings/WeekNav';
import type { WeekSummary } from './bindings/WeekSummary';
import { isRemoved } from './boundaries';
import { problemOf } from './errors';

class AppData {
  /** Why the database could not be opened; everything else is disabled while set. */
  storeProblem = $state<string | null>(null);
  /** The automatic backups, loaded only while the store has a problem (to offer the newest). */
  problemBackups = $state<BackupInfo[]>([]);
  /** False until the first load finished. */
  ready = $state(false);
  /** The core's limits, built-in lists, level order and defaults; read once. */
  facts = $state<Facts | null>(null);
  /** This week as the core places it: its neighbours, today and now from the app's clock. */
  nav = $state<WeekNav | null>(null);
  settings = $state<Settings | null>(null);
  /** Every non-negotiable, removed ones too: to name past breaches. */
  allBoundaries = $state<BoundaryView[]>([]);
  /** The non-negotiables in force now (not removed): the settings list and the "costs" boxes. */
  boundaries = $derived(this.allBoundaries.filter((b) => !isRemoved(b)));
  sources = $state<string[]>([]);
  thisWeek = $state<WeekSummary | null>(null);
  reminders = $state<ReminderState | null>(null);
  /** The capture inbox: its headline ("5 found in your calendar") and the suggestions. */
  inbox = $state<Inbox | null>(null);
  /** Presets, shortcut, reflection reminder, thresholds, whether the welcome was done. */
  prefs = $state<Prefs | null>(null);
  /** Version, paths, whether a tray icon shows, start at login; null until read (or if it failed). */
  about = $state<About | null>(null);
  /** The quick-log shortcut and why it is not active, if it is not; null until read. */
  shortcut = $state<ShortcutStatus | null>(null);
  /** A load that failed for another reason than bad input. */
  loadError = $state<string | null>(null);
  /** Bumped on every data-changed event, after the shared data above was reloaded. */
  version = $state(0);
  /** Bumped on every warnings-changed event, after the reminder state was reloaded. */
  warningsVersion = $state(0);

  #loads = 0;
  #reminderLoads = 0;
  #listening = false;

  /** The zone weeks are counted in, as the core resolved it. */
  get homeZone(): string {
    return this.nav?.zone ?? this.thisWeek?.zone ?? 'UTC';
  }

  get unread(): number {
    return this.reminders?.unread ?? 0;
  }

  async start(): Promise<void> {
    await this.#open();
    this.ready = true;
  }

  /** Looks at the store again (after a restore) and, if it opens now, loads everything. */
  async #open(): Promise<void> {
    try {
      this.storeProblem = await api.storeProblem();
    } catch (e) {
      this.storeProblem = problemOf(e).message;
    }
    if (this.storeProblem !== null) {
      try {
        this.problemBackups = await api.backups();
      } catch {
        this.problemBackups = [];
      }
      return;
    }
    this.problemBackups = [];
    await this.#loadFacts();
    await this.reload();
    this.#listen();
    void this.reloadAbout();
  }

  async #loadFacts(): Promise<void> {
    if (this.facts) return;
    try {
      this.facts = await api.facts();
    } catch (e) {
      this.loadError = problemOf(e).message;
    }
  }

  /** The About facts (the tray check asks the session bus, so it is read once, not on every change). */
  async reloadAbout(): Promise<void> {
    try {
      this.about = await api.about();
    } catch {
      // The About view says it could not read them; the rest of the window works.
    }
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    const lost = (e: unknown) => {
      this.loadError = `Loadline will not notice changes made elsewhere: ${problemOf(e).message}`;
    };
    api.onDataChanged(() => void this.reload()).catch(lost);
    api
      .onWarningsChanged(async () => {
        await this.reloadReminders();
        this.warningsVersion++;
      })
      .catch(lost);
  }

  /**
   * Puts an automatic backup in place of the current data (set aside by the core, never
   * deleted), then opens and loads everything again. Rejects with the core's error.
   */
  async restore(file: string): Promise<void> {
    await api.restoreBackup(file);
    await this.#open();
    this.warningsVersion++;
  }

  async reload(): Promise<void> {
    const load = ++this.#loads;
    try {
      const [settings, boundaries, sources, thisWeek, prefs, nav] = await Promise.all([
        api.settings(),
        api.boundaries(),
        api.sources(),
        api.weekSummary(),
        api.prefs(),
        api.weekNav(null),
      ]);
      if (load !== this.#loads) return;
      this.nav = nav;
      this.settings = settings;
      this.prefs = prefs;
      this.allBoundaries = boundaries;
      this.sources = sources;
      this.thisWeek = thisWeek;
      this.loadError = null;
    } catch (e) {
      if (load !== this.#loads) return;
      this.loadError = problemOf(e).message;
    }
    await Promise.all([this.reloadReminders(), this.reloadShortcut(), this.reloadInbox()]);
    this.version++;
  }

  /** Whether the shortcut could be registered; read again after every change (prefs included). */
  async reloadShortcut(): Promise<void> {
    try {
      this.shortcut = await api.shortcutStatus();
    } catch {
      // Settings says it could not tell; nothing else depends on it.
    }
  }

  /** The capture inbox; a failure leaves the old one (the Inbox view shows its own error). */
  async reloadInbox(): Promise<void> {
    try {
      this.inbox = await api.inbox();
    } catch {
      // Only the badge and the list depend on it.
    }
  }

  /** The unread count, the pause and the snooze; a failure only leaves the old state. */
  async reloadReminders(): Promise<void> {
    const load = ++this.#reminderLoads;
    try {
      const state = await api.reminderState();
      if (load === this.#reminderLoads) this.reminders = state;
    } catch {
      // The rest of the window still works; the Warnings view shows its own error.
    }
  }
}

export const data = new AppData();
