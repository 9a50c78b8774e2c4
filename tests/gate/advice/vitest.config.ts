/** The gate tests, recording every problem they make the gate find (./record.ts); ./measure.ts reads the record. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['tests/gate/**/*.test.ts'],
    setupFiles: [fileURLToPath(new URL('record.ts', import.meta.url))],
    testTimeout: 60_000,
  },
});
