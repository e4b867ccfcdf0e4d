// A case's description as the person typed it, encrypted: the plain column keeps the text with personal numbers
// (phones, ID numbers) masked, for display and search; the original is revealed only with a reason, audited.
import type { Migration } from '../columns.js';

export const migration: Migration = {
  name: '0013_case_description_enc',
  async up(db) {
    await db.schema.alterTable('case_file').addColumn('description_enc', 'text').execute();
  },
};
