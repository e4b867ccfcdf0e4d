// A demand born of a consultation outcome or of a resident's appeal names it: the outcome's or the appeal's id.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0026_alliance_item_source',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema.alterTable('alliance_item').addColumn('source_id', t.id).execute();
  },
};
