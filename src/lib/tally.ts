/**
 * Campaign figures computed from the event records: the only place they are
 * added up, so the site never shows a figure typed in by hand.
 */

export interface EventFigures {
  leaflets: number;
  audience: number;
}

export interface Totals {
  events: number;
  leaflets: number;
  audience: number;
}

export function totalsOf(events: readonly EventFigures[]): Totals {
  return events.reduce<Totals>(
    (t, e) => ({ events: t.events + 1, leaflets: t.leaflets + e.leaflets, audience: t.audience + e.audience }),
    { events: 0, leaflets: 0, audience: 0 },
  );
}
