/**
 * Setup file of ./vitest.config.ts: every problem the gate finds while the gate
 * tests run is appended, as one JSON line, to the file RECORD_PROBLEMS names.
 */
import { appendFileSync } from 'node:fs';
import { vi } from 'vitest';

const out = process.env.RECORD_PROBLEMS;
if (!out) throw new Error('RECORD_PROBLEMS must name the file to append the problems to');

// A path from this file, not `#/`: the imports map resolves from the importing file's package, and vi.mock from here.
vi.mock('../../../src/lib/gate/check-content.ts', async (importOriginal) => {
  const gate = await importOriginal<typeof import('#/lib/gate/check-content.ts')>();
  return {
    ...gate,
    checkContent: (...args: Parameters<typeof gate.checkContent>) => {
      const result = gate.checkContent(...args);
      for (const problem of result.problems) appendFileSync(out, `${JSON.stringify(problem)}\n`);
      return result;
    },
  };
});
