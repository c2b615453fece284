// What every view shares: the settings, the non-negotiables in force, earlier sources and this
// week's summary. Reloaded together whenever the core says data changed (from this window, the
// tray, another window or the CLI); `version` lets views reload their own parts too.

import * as api from './api';
import type { BoundaryView } from './bindings/BoundaryView';
import type { Settings } from './bindings/Settings';
import type { WeekSummary } from './bindings/WeekSummary';
import { problemOf } from './errors';

class AppData {
  /** Why the database could not be opened; everything else is disabled while set. */
  storeProblem = $state<string | null>(null);
  /** False until the first load finished. */
  ready = $state(false);
  settings = $state<Settings | null>(null);
  boundaries = $state<BoundaryView[]>([]);
  sources = $state<string[]>([]);
  thisWeek = $state<WeekSummary | null>(null);
  /** A load that failed for another reason than bad input. */
  loadError = $state<string | null>(null);
  /** Bumped on every data-changed event, after the shared data above was reloaded. */
  version = $state(0);

  #loads = 0;

  /** The zone weeks are counted in. */
  get homeZone(): string {
    return this.thisWeek?.zone ?? this.settings?.zone ?? this.settings?.system_zone ?? 'UTC';
  }

  async start(): Promise<void> {
    try {
      this.storeProblem = await api.storeProblem();
    } catch (e) {
      this.storeProblem = problemOf(e).message;
    }
    if (this.storeProblem === null) {
      await this.reload();
      api.onDataChanged(() => void this.reload()).catch((e) => {
        this.loadError = `Loadline will not notice changes made elsewhere: ${problemOf(e).message}`;
      });
    }
    this.ready = true;
  }

  async reload(): Promise<void> {
    const load = ++this.#loads;
    try {
      const [settings, boundaries, sources, thisWeek] = await Promise.all([
        api.settings(),
        api.boundaries(),
        api.sources(),
        api.weekSummary(),
      ]);
      if (load !== this.#loads) return;
      this.settings = settings;
      this.boundaries = boundaries;
      this.sources = sources;
      this.thisWeek = thisWeek;
      this.loadError = null;
    } catch (e) {
      if (load !== this.#loads) return;
      this.loadError = problemOf(e).message;
    }
    this.version++;
  }
}

export const data = new AppData();
