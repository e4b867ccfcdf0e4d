// Indexes the benchmarks showed were missing: duplicate look-up at intake by category and latitude band, so its
// cost follows the open cases nearby rather than every case of the category ever reported (docs/performance.md).
import type { Migration } from '../columns.js';

export const migration: Migration = {
  name: '0007_bench_indexes',
  async up(db) {
    await db.schema
      .createIndex('case_dup_near')
      .on('case_file')
      .columns(['category_code', 'lat', 'lng'])
      .execute();
  },
};
