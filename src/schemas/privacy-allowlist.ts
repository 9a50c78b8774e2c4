import { z } from 'astro/zod';
import { entry, text } from './fields.ts';

/**
 * `<content>/privacy-allowlist.yaml`: values the personal-data guard must let
 * through (a published office line, an official's name in a public role), each
 * with the reason it is public.
 */
export const privacyAllowlistSchema = z.array(
  entry({
    value: text({ label: '放行内容', example: '"0000-1234567"' }, { max: 40 }),
    reason: text({ label: '理由', example: '"某某县禁毒办对外公布的举报电话"' }, { min: 4, max: 120 }),
  }),
);

export type PrivacyAllowlist = z.infer<typeof privacyAllowlistSchema>;
