// One of the head's linked households, or the clear refusal that it is not one of his.
import type { Kysely } from 'kysely';
import { householdDirectory, type HouseholdRow } from '../households/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { HeadSeat } from './seat.js';

export async function linkedHousehold(
  db: Kysely<DB>,
  dialect: Dialect,
  seat: HeadSeat,
  householdId: string,
): Promise<HouseholdRow> {
  const household = await householdDirectory(db, dialect).findHousehold(
    { path: seat.central.group_path },
    householdId,
  );
  if (household?.central_household_id !== seat.central.id) {
    throw new AppError('linkage.household_not_linked');
  }
  return household;
}
