// Renames an organisation. The caller must hold 'org.write'.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { recordOrgChange } from './orgChange.js';
import { orgRepository, type OrgRow } from './repository.js';

export async function renameOrg(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; name: string },
): Promise<OrgRow> {
  return database.db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, database.dialect);
    const org = await repo.findById(scope, input.id);
    if (org === undefined) {
      throw notFound();
    }
    if (org.status !== 'active') {
      throw new AppError('org.dissolved');
    }
    const name = input.name.trim();
    await repo.rename(org.id, name, ctx.now);
    await recordOrgChange(trx, repo, ctx, org, 'rename', { from: org.name, to: name });
    return { ...org, name, updated_at: ctx.now };
  });
}
