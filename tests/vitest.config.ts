import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The shared builds of the real content and the other-city fixture, made once per run (see build-sites.ts). */
const SHARED_BUILDS = ['tests/helpers/build-sites.ts'];

/**
 * Five projects, by what a test needs (CONTRIBUTING.md says which to choose):
 * `unit` imports modules and runs them, nothing else; `cli` runs the staff commands
 * in a Node process; `site` reads the two shared builds; `builds` builds sites of
 * its own; `browser` opens the shared builds in Chromium.
 */
export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/gate/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Generous timeouts: a Node process each, and machines here are shared.
        test: { name: 'cli', root, include: ['tests/cli/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        test: { name: 'site', root, include: ['tests/site/**/*.test.ts'], globalSetup: SHARED_BUILDS, testTimeout: 60_000 },
      },
      {
        // One at a time, even on a machine with more cores: every build writes the project's `.astro/`.
        test: {
          name: 'builds',
          root,
          include: ['tests/builds/**/*.test.ts'],
          // Some compare their output with the shared builds.
          globalSetup: SHARED_BUILDS,
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: { name: 'browser', root, include: ['tests/browser/**/*.test.ts'], globalSetup: SHARED_BUILDS, testTimeout: 60_000 },
      },
    ],
  },
});
