// The alliance's numbers for a unit (the district, a town, a village), or for one alliance: demands listed, waiting
// and met, agreements and those delivered on time, resources offered and used (delivered at least once), projects,
// ratings, members. A unit's part is what its organisations own: their items, the agreements on their demands, its
// organisations that are members.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { allianceRepository } from './repository.js';

export type AllianceNumbers = {
  members: number;
  demands: number;
  demandsOpen: number;
  demandsMet: number;
  resources: number;
  resourcesUsed: number;
  projects: number;
  agreed: number;
  delivered: number;
  deliveredOnTime: number;
  /** Of the agreements due by now: the share delivered by their due date; null when none was due. */
  onTimeRate: number | null;
  averageRating: number | null;
};

export async function allianceNumbers(
  db: Kysely<DB>,
  path: string,
  period: { from: number; to: number },
  now: number,
  allianceId: string | null = null,
): Promise<AllianceNumbers> {
  const { items, matches, members } = await allianceRepository(db).numbersUnder(path, period, allianceId);
  const demands = items.filter((i) => i.list === 'demand' && i.status !== 'withdrawn');
  const resources = items.filter((i) => i.list === 'resource' && i.status !== 'withdrawn');
  const live = matches.filter((m) => m.status !== 'cancelled');
  const delivered = live.filter((m) => m.delivered_at !== null);
  const onTime = delivered.filter((m) => m.delivered_at! <= m.due_at);
  const due = live.filter((m) => m.due_at <= now || m.delivered_at !== null);
  const rated = live.filter((m) => m.rating !== null);
  const used = new Set(delivered.map((m) => m.offer_id));
  return {
    members: new Set(members.map((m) => m.org_id)).size,
    demands: demands.length,
    demandsOpen: demands.filter((d) => d.status === 'open').length,
    demandsMet: demands.filter((d) => d.status === 'done').length,
    resources: resources.length,
    resourcesUsed: resources.filter((r) => used.has(r.id)).length,
    projects: items.filter((i) => i.list === 'project' && i.status !== 'withdrawn').length,
    agreed: live.length,
    delivered: delivered.length,
    deliveredOnTime: onTime.length,
    onTimeRate: due.length === 0 ? null : Math.round((onTime.length / due.length) * 1000) / 1000,
    averageRating:
      rated.length === 0
        ? null
        : Math.round((rated.reduce((n, m) => n + m.rating!, 0) / rated.length) * 10) / 10,
  };
}
