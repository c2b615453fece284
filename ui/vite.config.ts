/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app embeds ui/dist at compile time; Tauri serves it under a strict CSP
// (script-src 'self', no eval), so the build emits plain module files only.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline data: URLs for scripts; small assets may still inline (img-src allows data:).
    assetsInlineLimit: 0,
    sourcemap: false,
    // Two pages: the main window, and the quick-log window, which loads only its own form.
    rollupOptions: {
      input: { main: 'index.html', quicklog: 'quicklog.html' },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
  },
});
