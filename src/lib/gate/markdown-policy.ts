/**
 * What a staff Markdown body may contain. Parsed with Sätteri, the same parser
 * Astro renders with, so the gate sees exactly what the site would publish.
 * Anything risky is refused with a message, never silently stripped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { markdownToMdast, type MdastNode } from 'satteri';
import { imageReferenceProblem } from './image-file.ts';
import type { Problem } from './problem.ts';

const FILE_NAME_ALT = /\.(jpe?g|png|webp|gif|avif|svg)$/i;

export interface LinkTargets {
  /** Site paths that will exist (`/news/x/`). */
  pages: Set<string>;
  /** Paths with a fragment that will exist (`/lectures/#id`). */
  anchors: Set<string>;
  /** The project's public/ folder (files served as they are). */
  publicDir: string;
  /** The content folder: body images must stay inside it. */
  contentDir: string;
}

/** `javascript:` and friends, however they are spelled (case, spaces, control characters). */
export function isDangerousUrl(url: string): boolean {
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(squashed);
}

export function checkAlt(alt: string): string | undefined {
  const text = alt.trim();
  if ([...text].length < 4) return '图片缺少说明：请在 ![ ] 的方括号里用至少 4 个字描述图片内容，如 ![学生参观禁毒展板](./photo.jpg)';
  if (FILE_NAME_ALT.test(text)) return '图片说明应描述图片内容，不能只写文件名';
  return undefined;
}

export function markdownProblems(body: string, abs: string, file: string, bodyLine: number, targets: LinkTargets): Problem[] {
  const problems: Problem[] = [];
  const report = (node: MdastNode, message: string) =>
    problems.push({ file, line: (node.position?.start.line ?? 1) + bodyLine - 1, message, severity: 'error' });

  const visit = (node: MdastNode) => {
    switch (node.type) {
      case 'html':
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const snippet = String((node as { value?: string }).value ?? '').trim().slice(0, 40);
        if (snippet.startsWith('</')) break; // its opening tag is already reported
        report(node, `正文里不能写 HTML 代码：${snippet}（为安全起见，网页代码一律不发布。请改用 Markdown：## 小标题、- 列表、[文字](链接)、![图片说明](./图片.jpg)）`);
        break;
      }
      case 'link':
      case 'definition':
        checkLink(node, (node as { url: string }).url);
        break;
      case 'image':
        checkImage(node, (node as { url: string; alt?: string | null }).url, (node as { alt?: string | null }).alt ?? '');
        break;
    }
    for (const child of (node as { children?: MdastNode[] }).children ?? []) visit(child);
  };

  const checkLink = (node: MdastNode, url: string) => {
    if (isDangerousUrl(url)) {
      report(node, `链接地址不安全：${url.slice(0, 40)}（不允许 javascript:、data:、vbscript: 开头的链接）`);
    } else if (/^(https?:|mailto:|tel:)/i.test(url) || url.startsWith('#')) {
      return;
    } else if (url.startsWith('/')) {
      const [pathPart = '', fragment] = url.split('#');
      const page = pathPart.endsWith('/') || /\.[a-z0-9]+$/i.test(pathPart) ? pathPart : `${pathPart}/`;
      const exists = targets.pages.has(page) || existsSync(path.join(targets.publicDir, decodeURI(pathPart)));
      if (!exists) report(node, `站内链接指向的页面不存在：${url}（请检查地址，如新闻为 /news/文件名/，文件名不含 .md；草稿和未到发布日期的文章也不能被链接）`);
      else if (fragment && page === '/lectures/' && !targets.anchors.has(`${page}#${fragment}`)) {
        report(node, `宣讲安排里没有 ${fragment} 这一场（链接应为 /lectures/#宣讲文件名）`);
      }
    } else {
      report(node, `站内链接请用以 / 开头的网址，如 /news/文件名/；外部网站请写完整的 https:// 地址（现在是：${url.slice(0, 40)}）`);
    }
  };

  const checkImage = (node: MdastNode, url: string, alt: string) => {
    const altProblem = checkAlt(alt);
    if (altProblem) report(node, altProblem);
    if (isDangerousUrl(url)) return report(node, `图片地址不安全：${url.slice(0, 40)}`);
    if (/^(https?:)?\/\//i.test(url)) {
      return report(node, '不能引用其他网站的图片（会向第三方泄露读者的访问）。请把图片下载后放在文稿旁边，写成 ./图片.jpg');
    }
    const target = url.startsWith('/') ? path.join(targets.publicDir, decodeURI(url)) : path.resolve(path.dirname(abs), decodeURI(url));
    // The image file itself: confined to its folder and decoded (./image-file.ts).
    const fileProblem = imageReferenceProblem(url.startsWith('/') ? targets.publicDir : targets.contentDir, target, url);
    if (fileProblem) report(node, fileProblem);
  };

  visit(markdownToMdast(body) as MdastNode);
  return problems;
}
