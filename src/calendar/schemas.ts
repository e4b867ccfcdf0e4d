// The schema of a time limit as routes take and answer it: an amount and one of the calendar's units.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Same } from '../platform/http/schemas.js';
import type { LimitUnit } from './workingTime.js';

export const LimitUnitSchema = Type.Union([
  Type.Literal('minutes'),
  Type.Literal('hours'),
  Type.Literal('days'),
  Type.Literal('workHours'),
  Type.Literal('workDays'),
]);

/** The schema's units are the calendar's: changing one without the other fails to compile. */
export const limitUnitsAgree: Same<Static<typeof LimitUnitSchema>, LimitUnit> = true;
