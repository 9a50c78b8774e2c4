/**
 * Reads a Markdown file's frontmatter the way Astro does (js-yaml, same
 * delimiters), and also a second time with YAML's core schema, where dates stay
 * strings: comparing the two shows which values YAML silently turned into dates.
 */
import { loadYaml, YamlProblem } from './gate/yaml.ts';

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface ParsedMarkdown {
  /** Frontmatter as Astro reads it (unquoted dates become Date objects). */
  data: Record<string, unknown>;
  /** Frontmatter with every scalar as written (dates stay strings). */
  plain: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of the key at `path` in the frontmatter, if it can be found. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export class FrontmatterError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

export function parseMarkdown(source: string): ParsedMarkdown {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    throw new FrontmatterError('文件开头缺少以 --- 包围的信息区（frontmatter）：第一行应为 ---，信息写完后再写一行 ---', 1);
  }
  const raw = match[2] ?? '';
  const lines = raw.split(/\r?\n/);
  let data: unknown;
  let plain: unknown;
  try {
    data = loadYaml(raw);
    plain = loadYaml(raw, { core: true });
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error;
    // The frontmatter starts on the file's line 2.
    throw new FrontmatterError(`信息区格式错误：${error.message}`, error.line === undefined ? undefined : error.line + 1);
  }
  if (data == null) data = {};
  if (plain == null) plain = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('信息区应由“字段名: 值”的行组成', 2);
  }
  const body = source.slice(match[0].length);
  return {
    data: data as Record<string, unknown>,
    plain: plain as Record<string, unknown>,
    body,
    bodyLine: match[0].split('\n').length,
    lineOf: (path) => findKeyLine(lines, path),
  };
}

/** The frontmatter starts on line 2 of the file (after the opening `---`). */
function findKeyLine(lines: string[], path: readonly PropertyKey[]): number | undefined {
  let from = 0;
  let indent = -1;
  let found: number | undefined;
  for (const key of path) {
    if (typeof key !== 'string') continue; // array index: keep the parent's line
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      const m = /^(\s*)(?:-\s+)?([^\s:#][^:]*?)\s*:(?:\s|$)/.exec(line);
      if (!m) continue;
      const lineIndent = m[1]!.length;
      if (i > from && found !== undefined && lineIndent <= indent && !line.trimStart().startsWith('-')) break;
      if (m[2] === key || m[2] === `"${key}"` || m[2] === `'${key}'`) {
        found = i + 2;
        from = i + 1;
        indent = lineIndent;
        break;
      }
    }
  }
  return found;
}
