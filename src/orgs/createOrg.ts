// Creates an organisation under a parent the caller can see. The caller must hold 'org.write'.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { isOrgLevel, mayParent, orgMetric, orgTypes } from './levels.js';
import { recordOrgChange } from './orgChange.js';
import { orgRepository, type OrgRow } from './repository.js';

export type CreateOrgInput = {
  parentId: string;
  level: string;
  type: string;
  name: string;
  code?: string | null;
  foundedOn?: string | null;
};

export async function createOrg(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: CreateOrgInput,
): Promise<OrgRow> {
  const { level } = input;
  if (!isOrgLevel(level) || !orgTypes[level].includes(input.type)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'type', message: `${input.level}/${input.type}` }],
    });
  }
  return database.db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, database.dialect);
    const parent = await repo.findById(scope, input.parentId);
    if (parent === undefined) {
      throw notFound();
    }
    if (parent.status !== 'active') {
      throw new AppError('org.dissolved');
    }
    if (!isOrgLevel(parent.level) || !mayParent(parent.level, level)) {
      throw new AppError('org.invalid_parent');
    }
    const code = input.code === undefined || input.code === null || input.code === '' ? null : input.code;
    if (code !== null && (await repo.findByCode(code)) !== undefined) {
      throw new AppError('record.conflict', {
        detail: msg(`代码 ${code} 已被使用`, `Code ${code} is taken`),
      });
    }
    const org = await repo.insert({
      parent,
      level,
      type: input.type,
      name: input.name.trim(),
      code,
      foundedOn: input.foundedOn ?? null,
      now: ctx.now,
    });
    await repo.adjustRollup(org.path, orgMetric(level), 1);
    await recordOrgChange(trx, repo, ctx, org, 'create', { name: org.name, level, parentId: parent.id });
    return org;
  });
}
