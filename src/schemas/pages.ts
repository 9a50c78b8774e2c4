import { entry, text } from './fields.ts';

/** The site's own pages (关于本站, 联系我们, 求助): the city's words around the generic parts. */
export const PAGE_IDS = ['about', 'contact', 'help'] as const;

export function pageSchema() {
  return entry({
    title: text({ label: '标题', example: '"关于本站"' }, { max: 30 }),
    summary: text({ label: '摘要', example: '"本站由某某县禁毒办主办，介绍禁毒工作和预防知识。"' }, { min: 10, max: 150 }),
  });
}
