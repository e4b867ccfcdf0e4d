// A district, town or community convenes its alliance (区域党建共同体): one per organisation, with a charter; members
// then sign up one by one (signMember). The convener's caller must hold the organisation in scope.
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { invalid } from './access.js';
import { allianceRepository, type AllianceRow } from './repository.js';
import { convenerLevels } from './vocabulary.js';

export type ConveneInput = { orgId: string; name: string; charter: string };

export async function conveneAlliance(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  input: ConveneInput,
): Promise<AllianceRow> {
  const org = await orgDirectory(trx, dialect).findById(scopeOf(actor), input.orgId);
  if (org === undefined) {
    throw notFound();
  }
  if (!(convenerLevels as readonly string[]).includes(org.level)) {
    throw invalid(
      'orgId',
      '共同体由区、镇（街道）或村（社区）牵头组建',
      'An alliance is convened by a district, town or village',
    );
  }
  const repo = allianceRepository(trx);
  if ((await repo.findByOrg(org.id)) !== undefined) {
    throw new AppError('alliance.exists');
  }
  const name = maskPersonalText(input.name.trim());
  if (name === '') {
    throw invalid('name', '请填写共同体名称', 'The alliance needs a name');
  }
  const row: AllianceRow = {
    id: newId(ctx.now),
    org_id: org.id,
    org_path: org.path,
    name,
    charter: maskPersonalText(input.charter.trim()),
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await repo.insertAlliance(row);
  // The convening organisation is the alliance's first member.
  await repo.upsertMember({
    alliance_id: row.id,
    org_id: org.id,
    org_path: org.path,
    commitment: row.charter,
    signed_at: ctx.now,
    left_at: null,
  });
  await recordAudit(trx, ctx, {
    action: 'alliance.convene',
    entityType: 'alliance',
    entityId: row.id,
    orgPath: row.org_path,
    detail: { name: row.name },
  });
  return row;
}
