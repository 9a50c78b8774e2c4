/**
 * What a staff Markdown body may contain, judged on its parsed tree (mdast).
 * One home for the rules, used twice: the content gate parses with Sätteri,
 * the parser Astro renders with, and adds what needs files
 * (`markdown-policy.ts`); the web editor parses with micromark in the browser
 * (`#/lib/content/editor-checks.ts`). Both parsers give the same tree, node
 * for node, so both say the same thing. Nothing here reads a file: it bundles
 * for the browser. Anything risky is refused with a message, never stripped.
 */
import type { Nodes } from 'mdast';
import { altTextFault, MIN_ALT_CHARACTERS } from '#/lib/content/alt-text.ts';
import { badBodyCharacters, badBodyMessage } from './characters.ts';
import type { Problem } from './problem.ts';

/** Scans a text the page shows or carries for personal data; `line` is its line in the file. */
export type ShownTextScan = (text: string, line: number) => Problem[];

/** What only the build can check: the files and pages a body names. Each returns the problem, if any. */
export interface BodyFileChecks {
  /** A link to a path of this site (`/news/x/`, `/lectures/#id`, `/x.pdf`). */
  sitePath(url: string): string | undefined;
  /** A local image (`./x.jpg`, `/x.png`) whose address passed every rule here; `plain` is it decoded. */
  imageFile(url: string, plain: string): string | undefined;
}

export interface BodyContext {
  file: string;
  /** The body's first line in the file. */
  bodyLine: number;
  scanShown?: ShownTextScan;
  /** Absent where no files can be read (the editor): the build reports those. */
  files?: BodyFileChecks;
}

/**
 * A body parsed to mdast, or undefined where the parser declines it (the
 * editor's parser past its budget): then only the line check before parsing runs.
 */
export type ParseBody = (body: string) => Nodes | undefined;

/** A URL as a browser reads it: spaces, control and zero-width characters dropped, `\` read as `/`. */
const squash = (url: string) =>
  url
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g, '')
    .replace(/\\/g, '/')
    .toLowerCase();

/** `javascript:` and friends, however they are spelled (case, spaces, control characters). */
function isDangerousUrl(url: string): boolean {
  return /^(javascript|vbscript|data):/.test(squash(url));
}

/** A URL that names a scheme (`https:`, `ftp:`, `file:`…) or another host (`//host`, `\\host`): not a file of this site. */
function leavesSite(url: string): boolean {
  const squashed = squash(url);
  return /^[a-z][a-z0-9+.-]*:/.test(squashed) || squashed.startsWith('//');
}

/** Every percent escape decoded (Astro decodes most of them before reading a file); undefined when one is broken. */
export function decoded(url: string): string | undefined {
  try {
    return decodeURIComponent(url);
  } catch {
    return undefined;
  }
}

/** The last segment of a relative path, as `path.basename` gives it (trailing slashes ignored). */
const baseName = (relative: string) => relative.replace(/\/+$/, '').split('/').pop() ?? '';

function checkAlt(alt: string): string | undefined {
  const fault = altTextFault(alt);
  if (fault === 'too-short')
    return `图片缺少说明：请在 ![ ] 的方括号里用至少 ${MIN_ALT_CHARACTERS} 个字描述图片内容，如 ![学生参观禁毒展板](./photo.jpg)`;
  if (fault === 'file-name') return '图片说明应描述图片内容，不能只写文件名';
  return undefined;
}

export function bodyProblems(body: string, parse: ParseBody, { file, bodyLine, scanShown = () => [], files }: BodyContext): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const report = (node: Nodes, message: string) => problems.push({ file, line: lineOf(node), message, severity: 'error' });
  const deep = deeplyNestedLine(body);
  if (deep !== undefined) {
    const message = `这一行的引用（>）或列表（- 、1. ）嵌套超过 ${MAX_LINE_NESTING} 层，网站无法正常生成：请删掉多余的 > 或 - 符号`;
    return [{ file, line: bodyLine + deep, message, severity: 'error' }];
  }
  const tree = parse(body);
  if (!tree) return [];
  // A definition an image uses is an image address: `![说明][x]` with `[x]: https://…` is a remote image.
  const nodes = walkTree(tree);
  const usedByImages = new Set(nodes.flatMap(({ node: n }) => (n.type === 'imageReference' ? [n.identifier] : [])));
  /** Every text the page will show or carry (decoded), for the personal-data and character scans. */
  const shown: { node: Nodes; text: string }[] = [];
  const show = (node: Nodes, ...texts: (string | null | undefined)[]) => {
    for (const text of texts) if (text) shown.push({ node, text });
  };

  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'html': {
        const snippet = node.value.trim().slice(0, 40);
        if (snippet.startsWith('</')) break; // its opening tag is already reported
        report(
          node,
          `正文里不能写 HTML 代码：${snippet}（为安全起见，网页代码一律不发布。请改用 Markdown：## 小标题、- 列表、[文字](链接)、![图片说明](./图片.jpg)）`,
        );
        break;
      }
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        show(node, inlineText(node));
        break;
      case 'code':
        show(node, node.value, node.lang, node.meta); // the language lands in a class name
        break;
      case 'link':
        show(node, node.title, decoded(node.url) ?? node.url);
        checkLink(node, node.url);
        break;
      case 'definition':
        show(node, node.title, decoded(node.url) ?? node.url);
        if (usedByImages.has(node.identifier)) checkImageUrl(node, node.url);
        else checkLink(node, node.url);
        break;
      case 'image':
        show(node, node.alt, node.title, decoded(node.url) ?? node.url);
        checkImage(node, node.url, node.alt ?? '');
        break;
      case 'imageReference':
        show(node, node.alt);
        // The URL is checked where it is written, on its definition's line.
        checkAltOf(node, node.alt ?? '');
        break;
    }
  };

  const checkLink = (node: Nodes, url: string) => {
    const plain = decoded(url);
    if (isDangerousUrl(url) || (plain !== undefined && isDangerousUrl(plain))) {
      report(
        node,
        `链接地址不安全：${url.slice(0, 40)}（不允许 javascript:、data:、vbscript: 开头的链接，请改用 https:// 网址或本站地址）`,
      );
    } else if (/^(https?:|mailto:|tel:)/.test(squash(url)) || url.startsWith('#')) {
      return;
    } else if (url.startsWith('/') && !squash(url).startsWith('//')) {
      const problem = files?.sitePath(url);
      if (problem) report(node, problem);
    } else {
      report(node, `站内链接请用以 / 开头的网址，如 /news/文件名/；外部网站请写完整的 https:// 地址（现在是：${url.slice(0, 40)}）`);
    }
  };

  const checkAltOf = (node: Nodes, alt: string) => {
    const altProblem = checkAlt(alt);
    if (altProblem) report(node, altProblem);
  };

  const checkImage = (node: Nodes, url: string, alt: string) => {
    checkAltOf(node, alt);
    checkImageUrl(node, url);
  };

  /** Only a file of this site, inside the content folder (or public/ for `/x.png`), in a format the site publishes. */
  const checkImageUrl = (node: Nodes, url: string) => {
    const plain = decoded(url);
    if (isDangerousUrl(url) || (plain !== undefined && isDangerousUrl(plain)))
      return report(node, `图片地址不安全：${url.slice(0, 40)}（请改用文稿旁边的图片，写成 ./图片.jpg）`);
    if (leavesSite(url) || (plain !== undefined && leavesSite(plain))) {
      return report(node, '不能引用其他网站的图片（会向第三方泄露读者的访问）。请把图片下载后放在文稿旁边，写成 ./图片.jpg');
    }
    if (plain === undefined || /[?#%\\]/.test(plain)) {
      return report(node, `图片地址只能是文件名，不能带 ?、#、% 编码或反斜杠：${url.slice(0, 40)}（请写成 ./图片.jpg）`);
    }
    if (!plain.startsWith('/') && !/^\.\.?\//.test(plain)) {
      return report(node, `图片路径应以 ./ 开头，指向与文稿同一文件夹里的图片，如 ./${baseName(plain)}`);
    }
    const problem = files?.imageFile(url, plain);
    if (problem) report(node, problem);
  };

  for (const { node } of nodes) visit(node);
  const tooDeep = nodes.find(({ depth }) => depth === MAX_DEPTH);
  if (tooDeep) report(tooDeep.node, `正文嵌套太深（引用、列表或强调套了 ${MAX_DEPTH} 层以上），网页无法正常显示：请把这一段改成普通段落`);
  problems.push(
    ...characterProblems(
      body,
      bodyLine,
      shown.map(({ node, text }) => ({ text, line: lineOf(node) })),
      file,
    ),
  );
  // A text written in the node's own source as it is shown was scanned with the whole file already.
  const sourceOf = ({ position }: Nodes) => body.slice(position?.start.offset ?? 0, position?.end.offset ?? 0);
  for (const { node, text } of shown) if (!sourceOf(node).includes(text)) problems.push(...scanShown(text, lineOf(node)));
  return unique(problems);
}

/** Quotes and list items opened on one line: the parser's time grows with the square of their number (250,000 `>` take 20 s). */
const MAX_LINE_NESTING = 32;

/** The 0-based index of the first line that opens more than `MAX_LINE_NESTING` containers, read without parsing. */
function deeplyNestedLine(body: string): number | undefined {
  const lines = body.split('\n');
  for (const [index, line] of lines.entries()) {
    let at = 0;
    for (let depth = 0; ; depth++) {
      if (depth > MAX_LINE_NESTING) return index;
      while (line[at] === ' ' || line[at] === '\t') at++;
      if (line[at] === '>') at++;
      else if ('-+*'.includes(line[at] ?? 'x') && (line[at + 1] === ' ' || line[at + 1] === '\t')) at += 2;
      else {
        const number = /^\d{1,9}[.)][ \t]/.exec(line.slice(at, at + 11));
        if (!number) break;
        at += number[0].length;
      }
    }
  }
  return undefined;
}

/** Deeper than this, a body is refused: no real text nests so far, and deep trees exhaust the stack of whatever walks them. */
const MAX_DEPTH = 50;

/** Every node in document order, with its depth, walked without recursion and not below `MAX_DEPTH`. */
function walkTree(root: Nodes): { node: Nodes; depth: number }[] {
  const out: { node: Nodes; depth: number }[] = [];
  const stack = [{ node: root, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    const { node, depth } = next;
    if (!('children' in node) || depth >= MAX_DEPTH) continue;
    const children: Nodes[] = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
  }
  return out;
}

/** The text a block shows, as a reader sees it (images' alt text is scanned on its own). */
function inlineText(block: Nodes): string {
  return walkTree(block)
    .map(({ node }) => (node.type === 'text' || node.type === 'inlineCode' ? node.value : node.type === 'break' ? '\n' : ''))
    .join('');
}

/**
 * Characters a body may not hold, at their line in the source; a character
 * written as an entity (`&#x202E;`) is found in the decoded texts instead.
 */
function characterProblems(body: string, bodyLine: number, shown: { text: string; line: number }[], file: string): Problem[] {
  const problem = (line: number, message: string): Problem => ({ file, line, message, severity: 'error' });
  const lines = badBodyCharacters(body).length > 0 ? body.split('\n') : [];
  const inSource = lines.flatMap((text, i) => badBodyCharacters(text).map((bad) => ({ bad, line: bodyLine + i })));
  const seen = new Set(inSource.map(({ bad }) => bad.code));
  const decodedOnly = shown.flatMap(({ text, line }) =>
    badBodyCharacters(text)
      .filter((bad) => !seen.has(bad.code))
      .map((bad) => ({ bad, line })),
  );
  return [...inSource, ...decodedOnly].map(({ bad, line }) => problem(line, badBodyMessage(bad)));
}

/** One message per line: a definition used twice, or a character twice on a line, is said once. */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
