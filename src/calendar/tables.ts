// Table types of the calendar module: the holiday calendar's days and the years it holds.

/** One exceptional day: a public holiday, or an adjusted working day (调休) on a weekend. */
export type CalendarDayTable = { date: string; kind: string; name: string | null };

/** A year whose calendar was imported; a year without a row here has no calendar (weekends only). */
export type CalendarYearTable = {
  year: number;
  holiday_count: number;
  workday_count: number;
  source: string | null;
  imported_at: number;
  imported_by: string | null;
};

export type CalendarTables = {
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
};
