import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        // Pure modules and the content gate: no build needed.
        // Some tests run the CLIs as staff would (a Node process each): generous timeouts, as machines here are shared.
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/gate/**/*.test.ts', 'tests/tally/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Built sites: global setup builds them once, tests read the output.
        test: {
          name: 'site',
          root,
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build-sites.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
