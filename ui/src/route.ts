// Where the window is: "#/log" (this week), "#/log/2026-W46" (another week), "#/reflection",
// "#/reflection/2026-W46", "#/inbox", "#/selfcheck", "#/warnings", "#/export", "#/team", "#/settings", "#/about". The hash keeps the
// place across reloads and lets anything open a view by URL (a new window opened from a
// notification starts at "#/warnings"). The quick-log window is a page of its own
// (quicklog.html), not a view here.

/** What a week in the URL looks like ("2026-W47"); whether it exists is the core's to say. */
const WEEK = /^\d{4}-W\d{2}$/;

export type Route =
  | { view: 'log'; week: string | null }
  | { view: 'reflection'; week: string | null }
  | { view: 'selfcheck' }
  | { view: 'inbox' }
  | { view: 'warnings' }
  | { view: 'export' }
  | { view: 'team' }
  | { view: 'settings' }
  | { view: 'about' };

const PLAIN = ['inbox', 'selfcheck', 'warnings', 'export', 'team', 'settings', 'about'] as const;
type PlainView = (typeof PLAIN)[number];

const WEEKLY = ['log', 'reflection'] as const;
type WeeklyView = (typeof WEEKLY)[number];

function isPlain(view: string): view is PlainView {
  return (PLAIN as readonly string[]).includes(view);
}

function isWeekly(view: string): view is WeeklyView {
  return (WEEKLY as readonly string[]).includes(view);
}

function pathOf(hash: string): string {
  return hash.replace(/^#\/?/, '').replace(/\/+$/, '');
}

export function parseRoute(hash: string): Route {
  const [view, arg] = pathOf(hash).split('/');
  if (isPlain(view)) return { view };
  if (isWeekly(view)) return { view, week: arg && WEEK.test(arg) ? arg : null };
  return { view: 'log', week: null };
}

export function routeHash(route: Route): string {
  if (route.view === 'log' || route.view === 'reflection') {
    return route.week ? `#/${route.view}/${route.week}` : `#/${route.view}`;
  }
  return `#/${route.view}`;
}

/**
 * The hash for a view the core asked for (the "navigate" event: "warnings", "reflection", …);
 * null for anything this window does not know, so a stray name changes nothing.
 */
export function hashForView(view: unknown): string | null {
  if (typeof view !== 'string') return null;
  const name = view.trim().replace(/^#?\/?/, '').replace(/\/+$/, '');
  if (name === '') return null;
  const [head] = name.split('/');
  if (!isWeekly(head) && !isPlain(head)) return null;
  return routeHash(parseRoute(`#/${name}`));
}
