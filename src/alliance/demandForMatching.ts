// Named reads for modules that put people to an alliance demand (the talent pool): a demand, if the caller may see
// its alliance, with what it asks for; and the demands still open in the alliances the caller may see.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import type { DB } from '../platform/db/schema.js';
import { allianceRepository } from './repository.js';

export type DemandForMatching = {
  id: string;
  allianceId: string;
  kind: string;
  title: string;
  detail: string;
  ownerOrgId: string;
  ownerPath: string;
  status: string;
  createdAt: number;
};

export async function allianceDemandForMatching(
  db: Kysely<DB>,
  scope: Scope,
  id: string,
): Promise<DemandForMatching | undefined> {
  const repo = allianceRepository(db);
  const item = await repo.findItemById(id);
  if (item === undefined || item.list !== 'demand') {
    return undefined;
  }
  if ((await repo.findVisible(scope, item.alliance_id)) === undefined) {
    return undefined;
  }
  return {
    id: item.id,
    allianceId: item.alliance_id,
    kind: item.kind,
    title: item.title,
    detail: item.detail,
    ownerOrgId: item.owner_org_id,
    ownerPath: item.owner_path,
    status: item.status,
    createdAt: item.created_at,
  };
}

/** Demands still waiting or being met (open, matched) in the alliances the caller may see, newest first. */
export async function allianceDemandsForMatching(
  db: Kysely<DB>,
  scope: Scope,
  limit: number,
): Promise<DemandForMatching[]> {
  const repo = allianceRepository(db);
  const out: DemandForMatching[] = [];
  for (const alliance of await repo.listVisible(scope)) {
    const items = await repo.items(alliance.id, { list: 'demand', statuses: ['open', 'matched'], limit });
    out.push(
      ...items.map((item) => ({
        id: item.id,
        allianceId: item.alliance_id,
        kind: item.kind,
        title: item.title,
        detail: item.detail,
        ownerOrgId: item.owner_org_id,
        ownerPath: item.owner_path,
        status: item.status,
        createdAt: item.created_at,
      })),
    );
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id)).slice(0, limit);
}
