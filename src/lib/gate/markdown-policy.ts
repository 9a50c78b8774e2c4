/**
 * What a staff Markdown body may contain. Parsed with Sätteri, the same parser
 * Astro renders with, so the gate sees exactly what the site would publish.
 * Anything risky is refused with a message, never silently stripped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { markdownToMdast, type MdastNode } from 'satteri';
import { altTextFault, MIN_ALT_CHARACTERS } from '#/lib/content/alt-text.ts';
import { badBodyCharacters, badBodyMessage } from './characters.ts';
import { confineFile, confineMessage, type Confined } from './confine.ts';
import { imageFileProblem } from './image-file.ts';
import type { Problem } from './problem.ts';

export interface LinkTargets {
  /** Site paths that will exist (`/news/x/`). */
  pages: Set<string>;
  /** Paths with a fragment that will exist (`/lectures/#id`). */
  anchors: Set<string>;
  /** The project's public/ folder (files served as they are). */
  publicDir: string;
  /** The content folder: a file a body names must be inside it. */
  contentDir: string;
}

/** Scans a text the page shows or carries for personal data; `line` is its line in the file. */
export type ShownTextScan = (text: string, line: number) => Problem[];

/** A URL as a browser reads it: spaces, control and zero-width characters dropped, `\` read as `/`. */
const squash = (url: string) =>
  url
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g, '')
    .replace(/\\/g, '/')
    .toLowerCase();

/** `javascript:` and friends, however they are spelled (case, spaces, control characters). */
export function isDangerousUrl(url: string): boolean {
  return /^(javascript|vbscript|data):/.test(squash(url));
}

/** A URL that names a scheme (`https:`, `ftp:`, `file:`…) or another host (`//host`, `\\host`): not a file of this site. */
function leavesSite(url: string): boolean {
  const squashed = squash(url);
  return /^[a-z][a-z0-9+.-]*:/.test(squashed) || squashed.startsWith('//');
}

/** Every percent escape decoded (Astro decodes most of them before reading a file); undefined when one is broken. */
function decoded(url: string): string | undefined {
  try {
    return decodeURIComponent(url);
  } catch {
    return undefined;
  }
}

export function checkAlt(alt: string): string | undefined {
  const fault = altTextFault(alt);
  if (fault === 'too-short')
    return `图片缺少说明：请在 ![ ] 的方括号里用至少 ${MIN_ALT_CHARACTERS} 个字描述图片内容，如 ![学生参观禁毒展板](./photo.jpg)`;
  if (fault === 'file-name') return '图片说明应描述图片内容，不能只写文件名';
  return undefined;
}

export function markdownProblems(
  body: string,
  abs: string,
  file: string,
  bodyLine: number,
  targets: LinkTargets,
  scanShown: ShownTextScan = () => [],
): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (node: MdastNode) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const report = (node: MdastNode, message: string) => problems.push({ file, line: lineOf(node), message, severity: 'error' });
  const deep = deeplyNestedLine(body);
  if (deep !== undefined) {
    const message = `这一行的引用（>）或列表（- 、1. ）嵌套超过 ${MAX_LINE_NESTING} 层，网站无法正常生成：请删掉多余的 > 或 - 符号`;
    return [{ file, line: bodyLine + deep, message, severity: 'error' }];
  }
  const tree = markdownToMdast(body) as MdastNode;
  // A definition an image uses is an image address: `![说明][x]` with `[x]: https://…` is a remote image.
  const nodes = walkTree(tree);
  const usedByImages = new Set(nodes.flatMap(({ node: n }) => (n.type === 'imageReference' ? [n.identifier] : [])));
  /** Every text the page will show or carry (decoded), for the personal-data and character scans. */
  const shown: { node: MdastNode; text: string }[] = [];
  const show = (node: MdastNode, ...texts: (string | null | undefined)[]) => {
    for (const text of texts) if (text) shown.push({ node, text });
  };

  const visit = (node: MdastNode) => {
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

  const checkLink = (node: MdastNode, url: string) => {
    const plain = decoded(url);
    if (isDangerousUrl(url) || (plain !== undefined && isDangerousUrl(plain))) {
      report(
        node,
        `链接地址不安全：${url.slice(0, 40)}（不允许 javascript:、data:、vbscript: 开头的链接，请改用 https:// 网址或本站地址）`,
      );
    } else if (/^(https?:|mailto:|tel:)/.test(squash(url)) || url.startsWith('#')) {
      return;
    } else if (url.startsWith('/') && !squash(url).startsWith('//')) {
      const [pathPart = '', fragment] = url.split('#');
      const page = pathPart.endsWith('/') || /\.[a-z0-9]+$/i.test(pathPart) ? pathPart : `${pathPart}/`;
      const exists = targets.pages.has(page) || publicFile(pathPart)?.ok === true;
      if (!exists)
        report(
          node,
          `站内链接指向的页面不存在：${url}（请检查地址，如新闻为 /news/文件名/，文件名不含 .md；草稿和未到发布日期的文章也不能被链接）`,
        );
      else if (fragment && page === '/lectures/' && !targets.anchors.has(`${page}#${fragment}`)) {
        report(node, `宣讲安排里没有 ${fragment} 这一场（链接应为 /lectures/#宣讲文件名）`);
      }
    } else {
      report(node, `站内链接请用以 / 开头的网址，如 /news/文件名/；外部网站请写完整的 https:// 地址（现在是：${url.slice(0, 40)}）`);
    }
  };

  /** A file under public/, confined to it (`/x.png` may not lead anywhere else). */
  const publicFile = (urlPath: string): Confined | undefined => {
    const plain = decoded(urlPath);
    if (plain === undefined || !existsSync(targets.publicDir)) return undefined;
    return confineFile(targets.publicDir, `.${plain}`);
  };

  const checkAltOf = (node: MdastNode, alt: string) => {
    const altProblem = checkAlt(alt);
    if (altProblem) report(node, altProblem);
  };

  const checkImage = (node: MdastNode, url: string, alt: string) => {
    checkAltOf(node, alt);
    checkImageUrl(node, url);
  };

  /** Only a file of this site, inside the content folder (or public/ for `/x.png`), in a format the site publishes. */
  const checkImageUrl = (node: MdastNode, url: string) => {
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
      return report(node, `图片路径应以 ./ 开头，指向与文稿同一文件夹里的图片，如 ./${path.basename(plain)}`);
    }
    const confined = plain.startsWith('/') ? publicFile(url) : confineFile(targets.contentDir, path.resolve(path.dirname(abs), plain));
    if (!confined?.ok) return report(node, confineMessage(confined?.reason ?? 'missing', url, '图片'));
    // The file itself: its type read from its bytes, and decoded (./image-file.ts).
    const fileProblem = imageFileProblem(confined.abs);
    if (fileProblem) report(node, `图片 ${url} 不能使用：${fileProblem}`);
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
  const sourceOf = ({ position }: MdastNode) => body.slice(position?.start.offset ?? 0, position?.end.offset ?? 0);
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
function walkTree(root: MdastNode): { node: MdastNode; depth: number }[] {
  const out: { node: MdastNode; depth: number }[] = [];
  const stack = [{ node: root, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    const { node, depth } = next;
    if (!('children' in node) || depth >= MAX_DEPTH) continue;
    const children = node.children as MdastNode[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
  }
  return out;
}

/** The text a block shows, as a reader sees it (images' alt text is scanned on its own). */
function inlineText(block: MdastNode): string {
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
