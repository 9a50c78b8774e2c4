/**
 * Satori takes React-like element objects; this builds them without React or
 * JSX, so share-image templates stay plain TypeScript.
 */

export type Style = Record<string, string | number>;

export interface OgElement {
  type: string;
  props: { style?: Style; children?: OgChild | OgChild[]; src?: string; width?: number; height?: number };
}

export type OgChild = OgElement | string;

export function h(type: string, style: Style, ...children: OgChild[]): OgElement {
  return { type, props: { style: { display: 'flex', ...style }, children } };
}

export function img(src: string, width: number, height: number, style: Style = {}): OgElement {
  return { type: 'img', props: { src, width, height, style } };
}
