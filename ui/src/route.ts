// Where the window is: "#/log" (this week), "#/log/2026-W46" (another week), "#/warnings",
// "#/export", "#/settings". The hash keeps the place across reloads and lets anything open a
// view by URL (a new window opened from a notification starts at "#/warnings").

import { parseWeek } from './time';

export type Route =
  | { view: 'log'; week: string | null }
  | { view: 'warnings' }
  | { view: 'export' }
  | { view: 'settings' };

const PLAIN = ['warnings', 'export', 'settings'] as const;
type PlainView = (typeof PLAIN)[number];

function isPlain(view: string): view is PlainView {
  return (PLAIN as readonly string[]).includes(view);
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const [view, arg] = path.split('/');
  if (isPlain(view)) return { view };
  if (view === 'log' && arg && parseWeek(arg)) return { view: 'log', week: arg };
  return { view: 'log', week: null };
}

export function routeHash(route: Route): string {
  if (route.view !== 'log') return `#/${route.view}`;
  return route.week ? `#/log/${route.week}` : '#/log';
}

/**
 * The hash for a view the core asked for (the "navigate" event: "warnings", "settings", …);
 * null for anything this window does not know, so a stray name changes nothing.
 */
export function hashForView(view: unknown): string | null {
  if (typeof view !== 'string') return null;
  const name = view.trim().replace(/^#?\/?/, '').replace(/\/+$/, '');
  if (name === '') return null;
  const [head] = name.split('/');
  if (head !== 'log' && !isPlain(head)) return null;
  return routeHash(parseRoute(`#/${name}`));
}
