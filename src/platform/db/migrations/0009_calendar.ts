// The calendar owns the years it holds (a year without a row has no holiday calendar), and a case records whether
// its deadline was computed across such a year and is therefore provisional.
import { sql } from 'kysely';
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0009_calendar',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('calendar_year')
      .addColumn('year', t.int, (c) => c.primaryKey())
      .addColumn('holiday_count', t.int, (c) => c.notNull())
      .addColumn('workday_count', t.int, (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('imported_at', t.instant, (c) => c.notNull())
      .addColumn('imported_by', t.id)
      .execute();

    // The years seeded by 0005 (2025–2026 from chinese-days, or whatever was imported since).
    const days = await sql<{ date: string; kind: string }>`select date, kind from calendar_day`.execute(db);
    const years = new Map<number, { holidays: number; workdays: number }>();
    for (const d of days.rows) {
      const year = Number(d.date.slice(0, 4));
      const counts = years.get(year) ?? { holidays: 0, workdays: 0 };
      if (d.kind === 'workday') {
        counts.workdays += 1;
      } else {
        counts.holidays += 1;
      }
      years.set(year, counts);
    }
    for (const [year, counts] of years) {
      // 0 marks "present before imports were recorded": the migration has no clock of its own.
      await sql`insert into calendar_year (year, holiday_count, workday_count, source, imported_at, imported_by)
                values (${year}, ${counts.holidays}, ${counts.workdays}, ${'chinese-days 1.5.7'}, ${0}, ${null})`.execute(
        db,
      );
    }

    await db.schema
      .alterTable('case_file')
      .addColumn('deadline_provisional', t.bool, (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
