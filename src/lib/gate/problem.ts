import { maskPersonalData } from '#/lib/privacy/detectors.ts';

/** One thing wrong with the content, said so that staff can fix it. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  /** Frontmatter field, dotted: `cover.alt`, `tags[2]`. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * `content/news/x.md:7 date 日期不存在：2024-02-30（请使用真实日期，如 2024-02-29）`
 * Personal data in the line (a file named after a mobile number, a name quoted
 * in a message) is masked: logs are kept and read by more people than the content.
 */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const prefix = p.severity === 'warning' ? '【提醒】' : '';
  return maskPersonalData([where, p.field, `${prefix}${p.message}`].filter(Boolean).join(' '));
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Problems sorted by file then line, so the report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** A failed check: the message lists every problem, one per line. */
export class ContentProblemsError extends Error {
  readonly problems: Problem[];
  /** Set when the problem is the program's, not the content's: what went wrong, in one line (`programFault`). */
  readonly fault?: string;

  constructor(problems: Problem[], fault?: string) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `内容检查发现 ${errors.length} 处错误，网站没有生成。请按下面的提示逐条修改后重新提交：\n` +
        sortProblems(errors).map(formatProblem).join('\n'),
    );
    this.name = 'ContentProblemsError';
    this.problems = problems;
    this.fault = fault;
    // A content mistake is not a program fault: a stack trace would only bury the list above.
    this.stack = '';
  }
}

/**
 * A fault of the check program itself (not of any one file), said in Chinese
 * without a stack trace: staff can only pass it on, and a trace would bury that.
 */
export function programFault(error: unknown): ContentProblemsError {
  const what = faultSummary(error);
  return new ContentProblemsError(
    [
      {
        file: '（内容检查程序）',
        message: `检查程序本身出错，网站没有生成，已发布的网站不受影响：请把这条提示转给技术人员（${what}）`,
        severity: 'error',
      },
    ],
    what,
  );
}

/** An error in one masked line for the technician: `TypeError: x is undefined`. */
export function faultSummary(error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]!.slice(0, 160)}` : String(error).slice(0, 160);
  return maskPersonalData(what);
}
