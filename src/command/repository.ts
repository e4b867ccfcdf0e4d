// All SQL of the command view: stored tile answers, early-warning rules and alerts. Reads of rules and alerts take
// the caller's scope, so a record outside it is simply not found.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { WarningAlertTable, WarningRuleTable } from './tables.js';

export type RuleRow = WarningRuleTable;
export type AlertRow = WarningAlertTable;

export type AlertFilter = {
  underPath: string;
  statuses?: readonly string[];
  since?: number;
  after?: { raisedAt: number; id: string };
  limit: number;
};

export function commandRepository(db: Kysely<DB>) {
  const inScope = (table: 'warning_rule' | 'warning_alert', scope: Scope) =>
    db
      .selectFrom(table as 'warning_rule')
      .where('org_path', '>=', scope.path)
      .where('org_path', '<', subtreeUpper(scope.path));

  return {
    async storedAnswer(tileCode: string, orgId: string) {
      return db
        .selectFrom('command_tile_figure')
        .select(['answer', 'counted_at'])
        .where('tile_code', '=', tileCode)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
    },

    async storeAnswer(tileCode: string, orgId: string, answer: string, countedAt: number) {
      await db
        .insertInto('command_tile_figure')
        .values({ tile_code: tileCode, org_id: orgId, answer, counted_at: countedAt })
        .onConflict((oc) =>
          oc.columns(['tile_code', 'org_id']).doUpdateSet({ answer, counted_at: countedAt }),
        )
        .execute();
    },

    /** Rules kept at the scope's organisations and below; and the rules watching it from above (read-only to it). */
    async rulesFor(scope: Scope): Promise<RuleRow[]> {
      const ancestors = ancestorPaths(scope.path);
      return db
        .selectFrom('warning_rule')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('org_path', '>=', scope.path), eb('org_path', '<', subtreeUpper(scope.path))]),
            ...(ancestors.length === 0 ? [] : [eb('org_path', 'in', ancestors)]),
          ]),
        )
        .orderBy('org_path')
        .orderBy('created_at')
        .execute();
    },

    async activeRules(): Promise<RuleRow[]> {
      return db
        .selectFrom('warning_rule')
        .selectAll()
        .where('is_active', '=', 1)
        .orderBy('created_at')
        .execute();
    },

    async findRule(scope: Scope, id: string): Promise<RuleRow | undefined> {
      return inScope('warning_rule', scope).selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertRule(row: RuleRow) {
      await db.insertInto('warning_rule').values(row).execute();
    },

    async updateRule(id: string, patch: Partial<RuleRow>) {
      await db.updateTable('warning_rule').set(patch).where('id', '=', id).execute();
    },

    async rulesByIds(ids: readonly string[]): Promise<RuleRow[]> {
      return ids.length === 0
        ? []
        : db.selectFrom('warning_rule').selectAll().where('id', 'in', ids).execute();
    },

    /** The latest alert of a rule on a subject whose window ends after `since` (it has already fired for that window). */
    async latestAlert(ruleId: string, subject: string, since: number) {
      return db
        .selectFrom('warning_alert')
        .select(['id', 'window_to'])
        .where('rule_id', '=', ruleId)
        .where('subject', '=', subject)
        .where('window_to', '>', since)
        .orderBy('window_to', 'desc')
        .executeTakeFirst();
    },

    async insertAlert(row: AlertRow) {
      await db.insertInto('warning_alert').values(row).execute();
    },

    async findAlert(scope: Scope, id: string): Promise<AlertRow | undefined> {
      return inScope('warning_alert', scope).selectAll().where('id', '=', id).executeTakeFirst() as Promise<
        AlertRow | undefined
      >;
    },

    async updateAlert(id: string, patch: Partial<AlertRow>) {
      await db.updateTable('warning_alert').set(patch).where('id', '=', id).execute();
    },

    async listAlerts(scope: Scope, f: AlertFilter): Promise<AlertRow[]> {
      const under = f.underPath.startsWith(scope.path) ? f.underPath : scope.path;
      let q = db
        .selectFrom('warning_alert')
        .selectAll()
        .where('org_path', '>=', under)
        .where('org_path', '<', subtreeUpper(under));
      if (f.statuses !== undefined && f.statuses.length > 0) {
        q = q.where('status', 'in', f.statuses);
      }
      if (f.since !== undefined) {
        q = q.where('raised_at', '>=', f.since);
      }
      if (f.after !== undefined) {
        const a = f.after;
        q = q.where((eb) =>
          eb.or([
            eb('raised_at', '<', a.raisedAt),
            eb.and([eb('raised_at', '=', a.raisedAt), eb('id', '<', a.id)]),
          ]),
        );
      }
      return q.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    },

    /** Alerts raised under a path in [from, to), for a briefing. */
    async alertsRaised(underPath: string, from: number, to: number, limit: number): Promise<AlertRow[]> {
      return db
        .selectFrom('warning_alert')
        .selectAll()
        .where('org_path', '>=', underPath)
        .where('org_path', '<', subtreeUpper(underPath))
        .where('raised_at', '>=', from)
        .where('raised_at', '<', to)
        .orderBy('raised_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** Org hook: rules and alerts follow a moved subtree. */
    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'warning_rule', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'warning_alert', 'org_path', oldPrefix, newPrefix);
    },

    /** Org hook: a merged org's rules and alerts go to the org it merged into; its stored tile answers are dropped. */
    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      for (const table of ['warning_rule', 'warning_alert'] as const) {
        await db
          .updateTable(table)
          .set({ org_id: to.id, org_path: to.path })
          .where('org_id', '=', from.id)
          .execute();
      }
      await db.deleteFrom('command_tile_figure').where('org_id', 'in', [from.id, to.id]).execute();
    },
  };
}

export type CommandRepository = ReturnType<typeof commandRepository>;

/** '/a/b/c/' → ['/a/', '/a/b/'] (the strict ancestors' paths). */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter((s) => s !== '');
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
