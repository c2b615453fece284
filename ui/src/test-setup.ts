// Vitest runs in Node; @tauri-apps/api/mocks only needs `window` (with crypto) to exist.
const g = globalThis as unknown as { window?: unknown };
if (typeof g.window === 'undefined') g.window = globalThis;
