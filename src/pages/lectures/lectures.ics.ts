import type { APIRoute } from 'astro';
import { toInstant } from '#/lib/core/dates.ts';
import { renderCalendar } from '#/lib/formats/ics.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { today } from '#/queries/build-day.ts';
import { lectures } from '#/queries/lectures.ts';
import { site } from '#/site.ts';

export const GET: APIRoute = async () => {
  const host = new URL(site.url).hostname;
  const body = renderCalendar({
    name: `${site.name} 校园禁毒宣讲`,
    timeZone: site.timeZone,
    stamp: toInstant(today, site.timeZone),
    events: (await lectures()).map(({ id, data }) => ({
      uid: `${id}@${host}`,
      date: data.date,
      start: data.start,
      end: data.end,
      summary: `禁毒宣讲：${data.topic}（${data.school}）`,
      location: `${data.school} ${data.venue}`,
      description: `宣讲团队：${data.team}；听众：${data.audience}`,
      url: absoluteUrl(paths.lecture(id), site.url),
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
