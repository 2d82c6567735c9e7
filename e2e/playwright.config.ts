import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// One real `sendwell start` (sandbox mailboxes, fresh PGlite data dir) for the whole run.
const PORT = Number(process.env.SENDWELL_E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = process.env.SENDWELL_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sendwell-e2e-'));
process.env.SENDWELL_E2E_DATA_DIR = DATA_DIR; // workers re-evaluate this file: keep one data dir

// Real mode: the sandbox on its own origin as if it were Microsoft and Google, and a Sendwell started
// with real-provider settings pointing at it (the variables an admin sets, printed by the sandbox).
const SANDBOX_PORT = PORT + 1;
const REAL_PORT = PORT + 2;
const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
const REAL_URL = `http://127.0.0.1:${REAL_PORT}`;
const REAL_DATA_DIR =
  process.env.SENDWELL_E2E_REAL_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sendwell-e2e-real-'));
process.env.SENDWELL_E2E_REAL_DATA_DIR = REAL_DATA_DIR;
// The built CLI and server (packages/server/dist), what `pnpm sendwell` runs; built below before any use.
const CLI = 'node scripts/sendwell.mjs';
// The sandbox-mode server's SMTP stand-in (relay + MX), which the web app's SMTP channel specs use.
const SANDBOX_SMTP_PORT = PORT + 3;
process.env.SENDWELL_E2E_SANDBOX_SMTP_PORT = String(SANDBOX_SMTP_PORT);
// The server serves the web app's build at /app: build it (and the server) first, so a spec never meets a stale one.
const BUILD = 'pnpm --filter @sendwell/web build && node scripts/build-server.mjs';
const SANDBOX_SERVE = `${CLI} sandbox serve --port ${SANDBOX_PORT} --app-base-url ${REAL_URL}`;
// The settings an admin would set for Microsoft and Google, as the sandbox prints them for itself.
const REAL_ENV = `$(${SANDBOX_SERVE} --env | grep '^SENDWELL_')`;
const REAL_SECRET = 'c2VuZHdlbGwtZTJlLXJlYWwtbW9kZS1zZWNyZXQtMzJieXRlcw==';
// The flows a rep meets when connecting: run in both modes.
const CONNECT_SPECS = /(outlook|gmail)-connect\.spec\.ts/;

export default defineConfig({
  testDir: './tests',
  // A run on its own port keeps its own artifacts: two runs at once must not delete each other's traces.
  outputDir: process.env.SENDWELL_E2E_PORT ? `test-results/port-${PORT}` : 'test-results',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.SENDWELL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'sandbox', use: { baseURL: BASE_URL } },
    // The same connect flows with Sendwell in real mode; the browser meets the sandbox's origin,
    // which passes the app's paths through (as Gmail's servers and Outlook's frame would).
    { name: 'real-providers', testMatch: CONNECT_SPECS, use: { baseURL: SANDBOX_URL } },
  ],
  webServer: [
    {
      command: `${BUILD} && env SENDWELL_SANDBOX_SMTP_PORT=${SANDBOX_SMTP_PORT} ${CLI} start --port ${PORT} --data-dir ${DATA_DIR}`,
      cwd: '..',
      url: `${BASE_URL}/`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: SANDBOX_SERVE,
      cwd: '..',
      url: `${SANDBOX_URL}/sandbox/dev/users`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `env ${REAL_ENV} SENDWELL_SECRET=${REAL_SECRET} SENDWELL_SCAN_INTERVAL_MS=1000 ${CLI} start --port ${REAL_PORT} --data-dir ${REAL_DATA_DIR}`,
      cwd: '..',
      url: `${REAL_URL}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
