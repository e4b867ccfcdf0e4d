// English messages of the holiday calendar; typed against the Chinese ones.
import type { Messages } from '../i18n/messages';

export const calendarEn: Messages['calendar'] = {
  title: 'Holiday calendar',
  intro:
    'Deadlines run in working time, which needs each year’s public holidays and adjusted working days. The State Council publishes next year’s notice every autumn; import it once published.',
  years: 'Years held',
  year: 'Year',
  holidays: 'Holiday dates',
  workdays: 'Adjusted workdays',
  source: 'Source',
  importedAt: 'Imported',
  seeded: 'Shipped with the platform',
  view: 'View',
  daysOf: 'Holidays and adjusted workdays of {{year}}',
  date: 'Date',
  kind: 'Kind',
  name: 'Name',
  weekday: 'Weekday',
  holiday: 'Holiday',
  workday: 'Adjusted workday',
  weekdays: { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' },
  import: {
    title: 'Import a year',
    hint: 'Upload JSON in chinese-days’ shape ({ "holidays": {…}, "workdays": {…} }; its years/2027.json works as is), or a CSV with one line per date: date,kind[,name], kind being holiday or workday. Check first, then import; an import replaces that year’s calendar as a whole.',
    year: 'Year to import',
    pick: 'Choose file',
    check: 'Check',
    commit: 'Import and replace {{year}}',
    checked:
      '{{total}} rows, {{valid}} without issues; {{holidays}} holiday dates, {{workdays}} adjusted workdays.',
    replaces:
      'Replaces the current {{year}} calendar ({{holidays}} holiday dates, {{workdays}} adjusted workdays).',
    otherYears: '{{count}} dates of other years in the file were left out.',
    hasIssues: '{{count}} issues found: fix the file and check again. Nothing is written until then.',
    committed: 'Imported {{year}}: {{holidays}} holiday dates, {{workdays}} adjusted workdays.',
    issues: 'Issues',
    row: 'Row',
    fileRow: 'File',
    field: 'Field',
    message: 'Message',
    ok: 'OK',
    bad: 'Invalid',
  },
  banner: {
    warning:
      'The {{year}} holiday calendar has not been imported. Deadlines reaching into {{year}} count weekends only and are marked provisional. Import it once the State Council publishes the notice.',
    error:
      'This year ({{year}}) has no holiday calendar: public holidays are counted as working days and every deadline is provisional. Import the {{year}} calendar now.',
    action: 'Import',
  },
  provisional: 'provisional',
  provisionalHint:
    'This deadline reaches into a year without a holiday calendar, so that year’s public holidays were counted as working days; deadlines computed after the year is imported are exact.',
};
