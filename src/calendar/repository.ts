// All SQL of the holiday calendar: its days (holidays and adjusted working days) and the years it holds.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

export type CalendarDayKind = 'holiday' | 'workday';
export type CalendarDay = { date: string; kind: CalendarDayKind; name: string | null };
export type CalendarYearRow = DB['calendar_year'];

const firstOf = (year: number) => `${year}-01-01`;
const lastOf = (year: number) => `${year}-12-31`;
const kindOf = (kind: string): CalendarDayKind => (kind === 'workday' ? 'workday' : 'holiday');

export function calendarRepository(db: Kysely<DB>) {
  return {
    /** Every day of every year: the calendar is a few dozen rows a year. */
    async allDays(): Promise<CalendarDay[]> {
      const rows = await db.selectFrom('calendar_day').select(['date', 'kind', 'name']).execute();
      return rows.map((r) => ({ date: r.date, kind: kindOf(r.kind), name: r.name }));
    },

    async years(): Promise<CalendarYearRow[]> {
      return db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
    },

    async year(year: number): Promise<CalendarYearRow | undefined> {
      return db.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
    },

    async daysOf(year: number): Promise<CalendarDay[]> {
      const rows = await db
        .selectFrom('calendar_day')
        .select(['date', 'kind', 'name'])
        .where('date', '>=', firstOf(year))
        .where('date', '<=', lastOf(year))
        .orderBy('date')
        .execute();
      return rows.map((r) => ({ date: r.date, kind: kindOf(r.kind), name: r.name }));
    },

    /** Replaces one year's days and its year record; run it inside the caller's transaction (all or nothing). */
    async replaceYear(row: CalendarYearRow, days: readonly CalendarDay[]): Promise<void> {
      await db
        .deleteFrom('calendar_day')
        .where('date', '>=', firstOf(row.year))
        .where('date', '<=', lastOf(row.year))
        .execute();
      if (days.length > 0) {
        await db
          .insertInto('calendar_day')
          .values(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })))
          .execute();
      }
      await db.deleteFrom('calendar_year').where('year', '=', row.year).execute();
      await db.insertInto('calendar_year').values(row).execute();
    },
  };
}
