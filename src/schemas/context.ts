import type { ImageFunction } from 'astro:content';
import { z } from 'astro/zod';
import type { SiteSettings } from './site.ts';

/** An image field as the site's pages read it: Astro's `image()`, resolved to a file Astro can optimise. */
export type SiteImage = ReturnType<ImageFunction>;

/**
 * What content schemas need from outside: the site's closed lists (towns,
 * outlets, kinds of base), the words staff know them by (镇（区）, 县禁毒办) and
 * how to read an image path. Astro passes its `image()` helper (which resolves
 * and optimises the file); scripts pass a plain path check.
 */
export interface SchemaContext {
  towns: readonly [string, ...string[]];
  /** What the towns are called: the label of every `town` field (镇（区）, 乡镇). */
  townLabel: string;
  outlets: readonly [string, ...string[]];
  reposts: readonly string[];
  /** Names of the kinds of base (site.yaml `baseKinds`). */
  baseKinds: readonly [string, ...string[]];
  /** The office's short name (县禁毒办), for examples staff see. */
  officeShort: string;
  image: () => SiteImage;
}

function nonEmpty(list: readonly string[], what: string): readonly [string, ...string[]] {
  if (list.length === 0) throw new Error(`site settings list "${what}" is empty`);
  return list as readonly [string, ...string[]];
}

export function schemaContext(settings: SiteSettings, image: () => z.ZodType): SchemaContext {
  return {
    towns: nonEmpty(settings.towns, 'towns'),
    townLabel: settings.townLabel,
    outlets: nonEmpty(settings.outlets, 'outlets'),
    reposts: settings.reposts,
    baseKinds: nonEmpty(
      settings.baseKinds.map((k) => k.name),
      'baseKinds',
    ),
    officeShort: settings.officeShort,
    // The gate and the scripts read image fields with their own schema (a path); entry types describe the pages' view.
    image: image as () => SiteImage,
  };
}

/** Image paths as scripts see them: a relative path, checked to exist by the content gate. */
export const imagePath = () => z.string().min(1, { message: '请填写图片文件的相对路径，如 ./photo.jpg' });
