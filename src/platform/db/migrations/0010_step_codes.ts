// Step records carry codes the console names: who acted (actor kind) and why (reason code), instead of words the
// server wrote in Chinese. The step log is append-only, so old rows keep their names and the presenter reads the
// kind from their role.
import type { Migration } from '../columns.js';

export const migration: Migration = {
  name: '0010_step_codes',
  async up(db) {
    await db.schema.alterTable('case_step').addColumn('actor_kind', 'text').execute();
    await db.schema.alterTable('case_step').addColumn('reason_code', 'text').execute();
  },
};
