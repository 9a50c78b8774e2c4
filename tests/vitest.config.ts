import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        // Pure modules and the content gate: no build needed.
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts', 'tests/gate/**/*.test.ts', 'tests/tally/**/*.test.ts'] },
      },
      {
        // Built sites: global setup builds them once, tests read the output.
        test: {
          name: 'site',
          root,
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build-sites.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
