/** YAML as content files are read: aliases refused before anything expands them, errors in Chinese. */
import { describe, expect, it } from 'vitest';
import { loadYaml, YamlProblem } from '#/lib/gate/yaml.ts';

const problemOf = (source: string) => {
  try {
    loadYaml(source);
  } catch (error) {
    if (error instanceof YamlProblem) return { line: error.line, message: error.message };
    throw error;
  }
  return undefined;
};

const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghijklmnop'.split('').map((k, i) => {
    const prev = 'abcdefghijklmnop'[i];
    return `${k}: &${k} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
].join('\n');

describe('loadYaml', () => {
  it.each([
    ['an alias bomb', bomb, 1],
    ['a merge key', 'base: &b {x: 1}\nother:\n  <<: *b\n', 1],
    ['an alias alone', 'title: 标题\ntags: *t\n', 2],
    ['an anchor alone', 'title: 标题\ntags: &t [a]\n', 2],
  ])('refuses %s, naming the line', (_name, source, line) => {
    const started = performance.now();
    expect(problemOf(source)).toEqual({ line, message: expect.stringMatching(/^不能使用 YAML 的锚点和引用/) });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads & and * inside quotes and words as text', () => {
    expect(loadYaml('a: "&x"\nb: \'*y\'\nc: 禁毒&宣传*2\n')).toEqual({ a: '&x', b: '*y', c: '禁毒&宣传*2' });
  });

  it('keeps dates as strings in the core schema, as Date objects otherwise', () => {
    expect(loadYaml('d: 2024-03-01', { core: true })).toEqual({ d: '2024-03-01' });
    expect(loadYaml('d: 2024-03-01')).toEqual({ d: new Date('2024-03-01T00:00:00Z') });
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n', '同一个字段写了两次'],
    ['an open quote', 'a: "x\n', '双引号没有成对'],
    ['absurd nesting', `a: ${'['.repeat(20000)}`, ''],
    ['an unknown tag', 'a: !!js/function "x"\n', ''],
  ])('answers in Chinese for %s', (_name, source, part) => {
    const problem = problemOf(source);
    expect(problem?.message).toContain(part);
    expect(problem?.message).not.toMatch(/[A-Za-z]{4,}/);
  });
});
