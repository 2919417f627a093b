import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two suites: fast unit tests in happy-dom, and end-to-end tests that drive Debian's Chromium
// with the built extension (they need `npm run build` first; `npm test` does that). The e2e
// suite runs after the unit suite, not beside it: on a two-core machine the unit workers took
// the browser's CPU, and the e2e checks of slicing saw their slices twice as long.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
