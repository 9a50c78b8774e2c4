/**
 * The acceptance for people's names: every sentence of
 * tests/fixtures/privacy/named-people.txt reports exactly the names it lists,
 * and neither the ordinary corpus (normal-text.txt) nor any sentence of the
 * content/ the site is built from raises an alarm. `tests/fixtures/privacy/measure.ts`
 * prints the same figures as a table, for this detector or an older one.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '#/lib/privacy/detectors.ts';
import { contentSentences, namedPeople, ordinarySentences } from '../fixtures/privacy/corpus.ts';

const YEAR = 2026;
const NAME_KINDS = new Set(['named-person', 'name-profile']);

describe('people named as drug users', () => {
  const positives = namedPeople();

  it('has at least 150 sentences in varied shapes', () => {
    expect(positives.length).toBeGreaterThanOrEqual(150);
  });

  it('finds every listed name, and no other', () => {
    const namesIn = (text: string) =>
      findPersonalData(text, YEAR)
        .filter((f) => NAME_KINDS.has(f.kind))
        .map((f) => f.value);
    const wrong = positives
      .map(({ text, names }) => ({ text, names, found: namesIn(text) }))
      .filter(({ names, found }) => [...found].sort().join('、') !== [...names].sort().join('、'));
    expect(wrong).toEqual([]);
  });
});

describe('ordinary text', () => {
  const alarms = (lines: string[]) => lines.flatMap((line) => findPersonalData(line, YEAR).map((f) => `${f.kind} ${f.value}: ${line}`));

  it('finds nothing in 1,000+ sentences of anti-drug news prose', () => {
    const lines = ordinarySentences();
    expect(new Set(lines).size).toBeGreaterThanOrEqual(1000);
    expect(alarms(lines)).toEqual([]);
  });

  it('finds nothing in any sentence of content/', () => {
    const lines = contentSentences();
    expect(lines.length).toBeGreaterThan(1000);
    expect(alarms(lines)).toEqual([]);
  });
});
