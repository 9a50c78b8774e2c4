/** What the gate hands on for each entry it read: the file, its parsed data and where each field is. */
import type { CollectionName, EntryData } from '#/schemas/index.ts';

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** Project-relative path for messages. */
  file: string;
  /** Absolute path. */
  abs: string;
  source: string;
  /** Whether the frontmatter passed its schema (otherwise `data` is empty). */
  valid: boolean;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A valid entry of one content type, its data typed by that type's schema. */
export type ValidEntry<Name extends CollectionName> = Omit<CheckedEntry, 'collection' | 'data'> & {
  collection: Name;
  data: EntryData<Name>;
};

/** The valid entries of `collection`: the gate parsed their data with that type's schema, so it has the schema's shape. */
export function validEntries<Name extends CollectionName>(entries: readonly CheckedEntry[], collection: Name): ValidEntry<Name>[] {
  return entries.filter((e) => e.valid && e.collection === collection) as unknown as ValidEntry<Name>[];
}
