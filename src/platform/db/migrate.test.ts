import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../testing/testPlatform.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrations', () => {
  it('run from empty, once, and leave the audit log append-only', async () => {
    const t = await createTestDatabase();
    try {
      const first = await migrate(t.database);
      assert.deepEqual(first.applied, migrations.map((m) => m.name).sort());
      const again = await migrate(t.database);
      assert.deepEqual(again.applied, [], 'a second run applies nothing');

      const db = t.database.db;
      await db
        .insertInto('audit_log')
        .values({
          at: 1,
          action: 'test',
          entity_type: 'x',
          actor_id: null,
          actor_name: null,
          actor_role: null,
          ip: null,
          request_id: null,
          entity_id: null,
          org_path: null,
          detail: null,
        })
        .execute();
      await assert.rejects(db.updateTable('audit_log').set({ action: 'changed' }).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('audit_log').execute(), /append-only/);
      const rows = await db.selectFrom('audit_log').select('action').execute();
      assert.deepEqual(
        rows.map((r) => r.action),
        ['test'],
      );
    } finally {
      await t.drop();
    }
  });

  it('round-trips instants past 2^31 and booleans identically on both databases', async () => {
    const t = await createTestDatabase();
    try {
      await migrate(t.database);
      const at = Date.UTC(2026, 10, 27, 8, 0, 0, 123);
      await t.database.db
        .insertInto('app_setting')
        .values({ key: 'k', value: 'v', updated_at: at })
        .execute();
      const row = await t.database.db.selectFrom('app_setting').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.updated_at, at);
      assert.equal(typeof row.updated_at, 'number');
      const n = await sql<{ n: number }>`select count(*) as n from app_setting`.execute(t.database.db);
      assert.equal(n.rows[0]?.n, 1);
    } finally {
      await t.drop();
    }
  });

  it('refuses two migrations with one name', async () => {
    const t = await createTestDatabase();
    try {
      const noop = async () => undefined;
      await assert.rejects(
        migrate(t.database, [
          { name: '0002_b', up: noop },
          { name: '0002_b', up: noop },
        ]),
        /duplicate migration/,
      );
    } finally {
      await t.drop();
    }
  });
});
