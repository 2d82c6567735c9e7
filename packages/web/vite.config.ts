import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Sendwell server at /app/ (same origin as /api/v1), so asset URLs carry that base.
// `pnpm dev` proxies the API, the sign-in routes and the sandbox to a running `sendwell start`
// (SENDWELL_URL, default http://127.0.0.1:3000).
const server = process.env.SENDWELL_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  server: {
    proxy: {
      '/api': server,
      '/sandbox': server,
      '/app/auth': server,
      '/app/session': server,
      '/app/signout': server,
    },
  },
});
