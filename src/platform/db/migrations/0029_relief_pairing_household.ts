// A household's relief pairings are read by household (its record, the visit plan's in-need rule): index them so.
import type { Migration } from '../columns.js';

export const migration: Migration = {
  name: '0029_relief_pairing_household',
  async up(db) {
    await db.schema
      .createIndex('relief_pairing_household')
      .on('relief_pairing')
      .columns(['household_id'])
      .execute();
  },
};
