import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Sendwell server at /outlook/ (same origin as /api), so asset URLs carry that base.
// `pnpm dev` proxies the API to a running `sendwell start` (SENDWELL_URL, default http://127.0.0.1:3000).
const server = process.env.SENDWELL_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/outlook/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { taskpane: 'taskpane.html', signin: 'signin.html', connect: 'connect.html' },
      // Core is pure (no module does anything on import that the pane needs), and papaparse is only
      // core's CSV reader for the web app's enrol import: what the pane does not call is left out
      // (about 40 KB raw, 10 KB gzip). A module whose exports the pane uses is kept as before.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]|[\\/]papaparse[\\/]/.test(id),
      },
    },
  },
  server: { proxy: { '/api': server, '/sandbox': server } },
});
