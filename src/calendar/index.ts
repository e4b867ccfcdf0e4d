// What other modules may use of the calendar: the working calendar, working-time arithmetic, year coverage.
export {
  addLimit,
  addWorkingMinutes,
  DEFAULT_PERIODS,
  elapsedMinutes,
  isProvisional,
  isWorkingDay,
  isWorkUnit,
  lightAt,
  limitMinutes,
  localDayNumber,
  minutesPerWorkday,
  uncoveredYears,
  workingMinutesBetween,
  type Light,
  type Limit,
  type LimitUnit,
  type WorkCalendar,
} from './workingTime.js';
export { forgetWorkCalendars, loadWorkCalendar } from './workCalendar.js';
export {
  calendarAlerts,
  readCalendarStatus,
  type CalendarAlert,
  type CalendarStatus,
} from './calendarStatus.js';
export { calendarRoutes } from './routes.js';
export { LimitUnitSchema } from './schemas.js';
export { onCalendarImported, type CalendarImported, type CalendarListener } from './hooks.js';
