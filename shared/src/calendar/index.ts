export { BusinessCalendar, createBusinessCalendar, DEFAULT_TIME_ZONE } from './business-calendar';
export type { CalendarOptions, CustomHoliday } from './business-calendar';
export { DEFAULT_BUSINESS_HOURS } from './business-hours';
export type { BusinessHours } from './business-hours';
export { CalendarInputError } from './errors';
export type { CalendarErrorCode } from './errors';
export { calendarMessages } from './messages';
