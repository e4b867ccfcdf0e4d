// Listeners told, inside the import's transaction, that a year of the calendar was replaced: deadlines counted in
// working time across that year (marked provisional while it had no calendar) are laid again on the new one. Modules
// register through src/modules.ts, so the calendar imports none of them.
import type { Kysely } from 'kysely';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import type { WorkCalendar } from './workingTime.js';

export type CalendarImported = {
  year: number;
  /** The calendar as it was before the import, and as it is now. */
  before: WorkCalendar;
  after: WorkCalendar;
  /** The import's request: who imported, when (its clock), for the listeners' audit records. */
  ctx: RequestContext;
};

export type CalendarListener = (trx: Kysely<DB>, e: CalendarImported) => Promise<void>;

const listeners = new Map<string, CalendarListener>();

export function onCalendarImported(name: string, listener: CalendarListener): void {
  listeners.set(name, listener);
}

export async function tellCalendarImported(trx: Kysely<DB>, e: CalendarImported): Promise<void> {
  for (const listener of listeners.values()) {
    await listener(trx, e);
  }
}
