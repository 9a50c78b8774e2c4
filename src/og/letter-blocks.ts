/**
 * A letter's Markdown body as plain blocks for the long image: headings,
 * paragraphs and list items, with inline marks dropped.
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import type { LetterBlock } from './templates.ts';

function textOf(node: MdastNode): string {
  const n = node as { value?: string; children?: MdastNode[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

export function letterBlocks(markdown: string): LetterBlock[] {
  const root = markdownToMdast(markdown) as { children?: MdastNode[] };
  return (root.children ?? []).flatMap((node): LetterBlock[] => {
    switch (node.type) {
      case 'heading':
        return [{ kind: 'heading', text: textOf(node) }];
      case 'list':
        return ((node as { children?: MdastNode[] }).children ?? []).map((item) => ({
          kind: 'item' as const,
          text: textOf(item).replace(/\s+/g, ' ').trim(),
        }));
      case 'paragraph':
      case 'blockquote':
        return [{ kind: 'paragraph', text: textOf(node).replace(/\s*\n\s*/g, '') }];
      default:
        return [];
    }
  });
}
