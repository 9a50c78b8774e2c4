/**
 * What the site adds to Astro's Markdown rendering (Sätteri hast plugins):
 * photos in article bodies are capped in width so a phone photo is resized,
 * links to other sites open without handing them this page (rel), and the
 * footnotes' hidden heading and back links speak Chinese to a screen reader.
 */
import { defineHastPlugin } from 'satteri';

/** Widest image an article body needs (two times a 42rem column at 18px). */
export const BODY_IMAGE_MAX_WIDTH = 1600;

const EXTERNAL = /^(https?:)?\/\//i;

export const sitePresentation = defineHastPlugin({
  name: 'jindu-presentation',
  element: {
    filter: ['img', 'a', 'h2'],
    visit(node, ctx) {
      const props = node.properties ?? {};
      if (node.tagName === 'h2' && props.id === 'footnote-label') {
        ctx.removeChildAt(node, 0);
        ctx.appendChild(node, { type: 'text', value: '注释' });
        return;
      }
      if (node.tagName === 'a' && props.dataFootnoteBackref !== undefined && typeof props.ariaLabel === 'string') {
        ctx.setProperty(node, 'ariaLabel', props.ariaLabel.replace(/^Back to reference (.+)$/, '返回正文中的注释 $1'));
      }
      if (node.tagName === 'img' && props.width === undefined) {
        // Astro's image pipeline resizes to this width (never enlarging) and strips metadata.
        ctx.setProperty(node, 'width', BODY_IMAGE_MAX_WIDTH);
      }
      if (node.tagName === 'a' && typeof props.href === 'string' && EXTERNAL.test(props.href)) {
        ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      }
    },
  },
});
