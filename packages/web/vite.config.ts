import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { initialJsBudget } from './initial-js.ts';

/** Core is bundled from its TypeScript sources, so the web build never waits for core's build. */
const coreSource = decodeURIComponent(new URL('../core/src/index.ts', import.meta.url).pathname);
const coreDir = decodeURIComponent(new URL('../core/src/', import.meta.url).pathname);

/**
 * Core's modules only declare things (types, rules, Zod schemas): marking them free of
 * side effects lets the bundle drop the request schemas, and Zod with them, which the
 * browser never runs.
 */
const coreIsPure: Plugin = {
  name: 'sextant-core-is-pure',
  transform(_code, id) {
    return id.startsWith(coreDir) ? { moduleSideEffects: false } : null;
  },
};

/** Where `npm run dev -w @sextant/web` sends API calls: a running `sextant serve`. */
const apiTarget = process.env.SEXTANT_API_URL ?? 'http://127.0.0.1:4317';

export default defineConfig({
  plugins: [react(), coreIsPure, initialJsBudget()],
  resolve: {
    alias: { '@sextant/core': coreSource },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages are chunks of their own (App.tsx) and the initial JS has its budget
    // (initial-js.ts). ECharts (line and bar charts, grid, legend, mark line, tooltip, SVG
    // renderer) is one chunk of about 560 kB that only the pages with charts fetch; the
    // default warning at 500 kB is meant for chunks every visit loads.
    chunkSizeWarningLimit: 600,
  },
});
