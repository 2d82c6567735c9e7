import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// One real `sendwell start` (sandbox mailboxes, fresh PGlite data dir) for the whole run.
const PORT = Number(process.env.SENDWELL_E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = process.env.SENDWELL_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sendwell-e2e-'));
process.env.SENDWELL_E2E_DATA_DIR = DATA_DIR; // workers re-evaluate this file: keep one data dir

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
  webServer: {
    command: `pnpm sendwell start --port ${PORT} --data-dir ${DATA_DIR}`,
    cwd: '..',
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
