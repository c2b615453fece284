// Where the window is: "#/log" (this week), "#/log/2026-W46" (another week), "#/settings".
// The hash keeps the place across reloads and lets anything open a view by URL.

import { parseWeek } from './time';

export type Route = { view: 'log'; week: string | null } | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const [view, arg] = path.split('/');
  if (view === 'settings') return { view: 'settings' };
  if (view === 'log' && arg && parseWeek(arg)) return { view: 'log', week: arg };
  return { view: 'log', week: null };
}

export function routeHash(route: Route): string {
  if (route.view === 'settings') return '#/settings';
  return route.week ? `#/log/${route.week}` : '#/log';
}
