import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublic, isUpcoming } from '#/lib/content/publishing.ts';
import { today } from './build-day.ts';

export type LectureEntry = CollectionEntry<'lectures'>;

const chronological = (a: LectureEntry, b: LectureEntry) =>
  a.data.date.localeCompare(b.data.date) || a.data.start.localeCompare(b.data.start) || a.id.localeCompare(b.id);

/** All non-draft lectures, earliest first. */
export async function lectures(): Promise<LectureEntry[]> {
  return (await getCollection('lectures', ({ data }) => isPublic('lectures', data, today))).sort(chronological);
}

/** Upcoming (soonest first) and past (latest first), relative to the build day. */
export async function lectureSchedule(): Promise<{ upcoming: LectureEntry[]; past: LectureEntry[] }> {
  const all = await lectures();
  return {
    upcoming: all.filter((l) => isUpcoming(l.data.date, today)),
    past: all.filter((l) => !isUpcoming(l.data.date, today)).reverse(),
  };
}
