/**
 * Reads a Markdown file's frontmatter the way Astro does (js-yaml, same
 * delimiters), and also a second time with YAML's core schema, where dates stay
 * strings: comparing the two shows which values YAML silently turned into dates.
 */
import { extractFrontmatter } from 'astro/markdown';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { loadYaml, YamlProblem } from './yaml.ts';

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
  // Astro ends the frontmatter at the first line that merely starts with ---: the gate must read what Astro reads.
  const opening = match[1]!.length - (match[1]!.endsWith('\r\n') ? 2 : 1);
  const astroRaw = extractFrontmatter(source);
  if (astroRaw !== source.slice(opening, match[1]!.length + raw.length)) {
    const line = ('---' + (astroRaw ?? '')).split('\n').length;
    throw new FrontmatterError(
      '这一行以 --- 开头，网站生成时会被当作信息区的结束：信息区只能以单独一行 --- 结束，里面的值不能以 --- 开头（需要时给值加英文双引号）',
      line,
    );
  }
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
    throw new FrontmatterError('信息区应由“字段名: 值”的行组成，请每行写一个字段，如 title: 标题', 2);
  }
  const body = source.slice(match[0].length);
  return {
    data: data as Record<string, unknown>,
    plain: plain as Record<string, unknown>,
    body,
    bodyLine: match[0].split('\n').length,
    lineOf: keyLineFinder(raw, 2),
  };
}

/**
 * Finds the line of the key (or list item) at a path in YAML text, as written: `hotlines[2].number`
 * is the third item's `number`. A missing key gives its nearest parent's line. The text is parsed
 * (with yaml's line counter) on the first call only; `firstLine` is the text's first line in its file.
 */
export function keyLineFinder(yamlText: string, firstLine = 1): (path: readonly PropertyKey[]) => number | undefined {
  let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(yamlText, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    let node: unknown = parsed.doc.contents;
    let offset: number | undefined;
    for (const key of path) {
      const next = isMap(node)
        ? node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))
        : isSeq(node) && typeof key === 'number'
          ? { key: node.items[key], value: node.items[key] }
          : undefined;
      const at = isNode(next?.key) ? next.key.range?.[0] : undefined;
      if (at === undefined) break;
      offset = at;
      node = next!.value;
    }
    return offset === undefined ? undefined : parsed.lines.linePos(offset).line + firstLine - 1;
  };
}
