/**
 * Problems are printed with their personal data masked, the file name
 * included: the gate runs on a real folder holding a file named after a
 * mobile number, and the printed report and the error must not repeat it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'privacy-logs-'));
  cpSync(path.resolve('tests/fixtures/other-city'), dir, { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('printed problems', () => {
  it('mask a mobile number in a file name and a name in the message', () => {
    const valid = path.join(dir, 'news', '2025-05-10-chengguan-jindu-zhan-lan.md');
    writeFileSync(path.join(dir, 'news', '13876543210.md'), readFileSync(valid, 'utf8'));
    writeFileSync(
      path.join(dir, 'news', 'wang-hai-ming.md'),
      readFileSync(valid, 'utf8').replace(/\n---\n/, '\n---\n\n吸毒人员王海明接受尿检。\n'),
    );
    const { problems } = checkContent(dir, loadSettings(dir, {}));
    const printed = problems.map(formatProblem).join('\n');
    const thrown = new ContentProblemsError(problems).message;

    expect(problems.some((p) => p.file.includes('13876543210'))).toBe(true);
    for (const output of [printed, thrown]) {
      expect(output).toContain('1387*****10.md');
      expect(output).toContain('王**');
      expect(output).not.toContain('13876543210');
      expect(output).not.toContain('王海明');
    }
  });

  it('mask what a message quotes, and leave ordinary lines alone', () => {
    const message = '标题太长：社区戒毒人员符海明与云少波近日接受回访';
    const line = formatProblem({ file: 'content/news/a.md', line: 3, field: 'title', message, severity: 'warning' });
    expect(line).toBe('content/news/a.md:3 title 【提醒】标题太长：社区戒毒人员符**与云**近日接受回访');
    const plain = { file: 'content/news/2024-03-01-a.md', line: 7, field: 'date', message: '日期不存在：2024-02-30' } as const;
    expect(formatProblem({ ...plain, severity: 'error' })).toBe('content/news/2024-03-01-a.md:7 date 日期不存在：2024-02-30');
  });
});
