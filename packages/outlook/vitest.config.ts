import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'outlook', include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000 },
});
