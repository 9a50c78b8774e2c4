/**
 * YAML as every content file is read: with js-yaml, the parser Astro reads
 * frontmatter with, so the gate sees the values the site will get, but never
 * with anchors or aliases (`&a`, `*a`, `<<: *a`). Staff never need them, and a
 * few lines of nested aliases expand into billions of values for anything that
 * walks the result (an "alias bomb"). They are found in yaml's concrete syntax
 * tree, which holds tokens as written and expands nothing: linear time.
 */
import yaml from 'js-yaml';
import { Parser } from 'yaml';

export class YamlProblem extends Error {
  /** 1-based line within the YAML text. */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Line (1-based) of the first anchor or alias in `source`, if any. */
function firstAliasLine(source: string): number | undefined {
  let first = Infinity;
  // A stack, not recursion: the tree is as deep as the file's nesting, which the file chooses.
  const stack: unknown[] = [...new Parser().parse(source)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const { type, offset } = node as { type?: unknown; offset?: unknown };
    if ((type === 'alias' || type === 'anchor') && typeof offset === 'number') first = Math.min(first, offset);
    stack.push(...Object.values(node));
  }
  return first === Infinity ? undefined : source.slice(0, first).split('\n').length;
}

/**
 * Parses `source`, or throws a `YamlProblem` in Chinese. `core` keeps every
 * scalar as written (dates stay strings), as the gate's second reading needs.
 */
export function loadYaml(source: string, { core = false }: { core?: boolean } = {}): unknown {
  const aliasLine = firstAliasLine(source);
  if (aliasLine !== undefined) {
    throw new YamlProblem('不能使用 YAML 的锚点和引用（& 和 * 开头的写法）：请把内容直接写出来；值里需要 & 或 * 时请加英文引号', aliasLine);
  }
  try {
    return yaml.load(source, core ? { schema: yaml.CORE_SCHEMA } : {});
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new YamlProblem(yamlReason(error.reason), error.mark ? error.mark.line + 1 : undefined);
    }
    // Anything else (a stack overflow on absurd nesting) is still the file's fault, not the program's.
    throw new YamlProblem('格式无法读取（嵌套过深或内容异常），请检查缩进和括号是否成对');
  }
}

function yamlReason(reason: string): string {
  const known: Record<string, string> = {
    'bad indentation of a mapping entry': '缩进不一致：请让同一层的字段左边对齐（用空格，不用 Tab）',
    'duplicated mapping key': '同一个字段写了两次，请删掉多余的一行',
    'end of the stream or a document separator is expected': '某行格式不对（请检查冒号后是否有空格、引号是否成对）',
    'unexpected end of the stream within a double quoted scalar': '双引号没有成对，请补上缺少的英文双引号 "',
    'unexpected end of the stream within a single quoted scalar': "单引号没有成对，请补上缺少的英文单引号 '",
  };
  return known[reason] ?? `格式错误（请检查冒号后是否有空格、引号是否成对、缩进是否对齐）`;
}
