/**
 * How many of the gate's distinct messages the report can give a 怎么改 column
 * (`splitAdvice`), over the problems the gate tests' bad inputs produce:
 *
 *   RECORD_PROBLEMS=/tmp/problems.jsonl npx vitest run --config tests/gate/advice/vitest.config.ts
 *   npx node tests/gate/advice/measure.ts /tmp/problems.jsonl [--list]
 *
 * Counts distinct messages, and distinct shapes (values such as file names, dates
 * and numbers replaced), so 450 random damages of one file do not weigh 450 times.
 * `--list` prints the shapes left without a fix.
 */
import { readFileSync } from 'node:fs';
import { splitAdvice } from '#/lib/build/report-advice.ts';
import type { Problem } from '#/lib/gate/problem.ts';

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error('usage: measure.ts problems.jsonl [--list]');
const problems = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Problem);
const messages = [...new Set(problems.map((p) => p.message))];
const shapeOf = (m: string) =>
  m
    .replace(/“[^”]*”/g, '“X”')
    .replace(/"[^"]*"/g, '"X"')
    .replace(/[\x21-\x7e\u00a0-\u024f\u2000-\u206f\ufeff\ue000-\uf8ff\ufffd]+/g, 'X');
const shapes = new Map<string, boolean>();
for (const m of messages) shapes.set(shapeOf(m), (shapes.get(shapeOf(m)) ?? false) || splitAdvice(m).fix !== undefined);
const fixed = messages.filter((m) => splitAdvice(m).fix !== undefined).length;
const fixedShapes = [...shapes.values()].filter(Boolean).length;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`problems recorded: ${problems.length}`);
console.log(`distinct messages: ${messages.length}, with a fix: ${fixed} (${pct(fixed, messages.length)})`);
console.log(`distinct shapes:   ${shapes.size}, with a fix: ${fixedShapes} (${pct(fixedShapes, shapes.size)})`);
if (flag === '--list') for (const [shape, hasFix] of shapes) if (!hasFix) console.log(`  no fix: ${shape}`);
