/**
 * The content gate's Markdown policy: the body parsed with Sätteri, the same
 * parser Astro renders with, so the gate sees exactly what the site would
 * publish, judged by the rules in `markdown-rules.ts` (which the web editor
 * runs too), plus what only the build can see: that a linked page will exist
 * and that an image is a file inside the folder, whose bytes the site can use.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { markdownToMdast } from 'satteri';
import { confineFile, confineMessage, type Confined } from './confine.ts';
import { imageFileProblem } from './image-file.ts';
import { bodyProblems, decoded, type BodyFileChecks, type ShownTextScan } from './markdown-rules.ts';
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

export function markdownProblems(
  body: string,
  abs: string,
  file: string,
  bodyLine: number,
  targets: LinkTargets,
  scanShown: ShownTextScan = () => [],
): Problem[] {
  /** A file under public/, confined to it (`/x.png` may not lead anywhere else). */
  const publicFile = (urlPath: string): Confined | undefined => {
    const plain = decoded(urlPath);
    if (plain === undefined || !existsSync(targets.publicDir)) return undefined;
    return confineFile(targets.publicDir, `.${plain}`);
  };

  const files: BodyFileChecks = {
    sitePath(url) {
      const [pathPart = '', fragment] = url.split('#');
      const page = pathPart.endsWith('/') || /\.[a-z0-9]+$/i.test(pathPart) ? pathPart : `${pathPart}/`;
      const exists = targets.pages.has(page) || publicFile(pathPart)?.ok === true;
      if (!exists)
        return `站内链接指向的页面不存在：${url}（请检查地址，如新闻为 /news/文件名/，文件名不含 .md；草稿和未到发布日期的文章也不能被链接）`;
      if (fragment && page === '/lectures/' && !targets.anchors.has(`${page}#${fragment}`))
        return `宣讲安排里没有 ${fragment} 这一场（链接应为 /lectures/#宣讲文件名）`;
      return undefined;
    },
    imageFile(url, plain) {
      const confined = plain.startsWith('/') ? publicFile(url) : confineFile(targets.contentDir, path.resolve(path.dirname(abs), plain));
      if (!confined?.ok) return confineMessage(confined?.reason ?? 'missing', url, '图片');
      // The file itself: its type read from its bytes, and decoded (./image-file.ts).
      const fileProblem = imageFileProblem(confined.abs);
      return fileProblem && `图片 ${url} 不能使用：${fileProblem}`;
    },
  };

  return bodyProblems(body, (text) => markdownToMdast(text), { file, bodyLine, scanShown, files });
}
