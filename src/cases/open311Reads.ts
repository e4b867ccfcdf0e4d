// The reads Open311 needs of cases: windowed, paged request lists and, for a page of cases at once, their public
// steps and first reporter photo. Built on caseRepository.scoped; offered to src/open311 through the door.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { caseRepository, type CaseRow } from './repository.js';
import { finalStates } from './workflow/stateMachine.js';

export type RequestListFilter = {
  /** The district's org path: everything Open311 lists lies under it. */
  districtPath: string;
  serviceCodes?: string[];
  status?: 'open' | 'closed';
  requestedFrom: number;
  requestedTo: number;
  updatedFrom?: number;
  updatedTo?: number;
  offset: number;
  limit: number;
};

export type PublicStep = {
  caseId: string;
  seq: number;
  at: number;
  action: string;
  toState: string;
  reply: string | null;
};

/** Nets whose cases are never listed to the public (petitions); they stay readable by their unguessable id. */
export const unlistedNets = ['petitionStability'];

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

export function open311Repository(db: Kysely<DB>, dialect: Dialect) {
  const cases = caseRepository(db, dialect);
  return {
    async listRequests(f: RequestListFilter): Promise<CaseRow[]> {
      let q = cases
        .scoped({ kind: 'org', path: f.districtPath })
        .selectAll('case_file')
        .where('case_file.state', '!=', 'draft')
        .where('case_file.net', 'not in', unlistedNets)
        .where('case_file.reported_at', '>=', f.requestedFrom)
        .where('case_file.reported_at', '<', f.requestedTo);
      if (f.serviceCodes !== undefined && f.serviceCodes.length > 0) {
        q = q.where('case_file.category_code', 'in', f.serviceCodes);
      }
      if (f.status === 'closed') {
        q = q.where('case_file.state', 'in', [...finalStates]);
      } else if (f.status === 'open') {
        q = q.where('case_file.state', 'not in', [...finalStates]);
      }
      if (f.updatedFrom !== undefined) {
        q = q.where('case_file.updated_at', '>=', f.updatedFrom);
      }
      if (f.updatedTo !== undefined) {
        q = q.where('case_file.updated_at', '<', f.updatedTo);
      }
      return q
        .orderBy('case_file.reported_at', 'desc')
        .orderBy('case_file.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
    },

    /** Public steps of the cases, oldest first; a step's comment is its public reply. */
    async publicSteps(caseIds: readonly string[]): Promise<PublicStep[]> {
      const out: PublicStep[] = [];
      for (const ids of chunks(caseIds)) {
        const rows = await db
          .selectFrom('case_step')
          .select(['case_id', 'seq', 'at', 'action', 'to_state', 'comment'])
          .where('case_id', 'in', ids)
          .where('is_public', '=', 1)
          .orderBy('case_id')
          .orderBy('seq')
          .execute();
        out.push(
          ...rows.map((r) => ({
            caseId: r.case_id,
            seq: r.seq,
            at: r.at,
            action: r.action,
            toState: r.to_state,
            reply: r.comment,
          })),
        );
      }
      return out;
    },

    /** The first photo the reporter sent with each case (the only photos the public may see). */
    async firstReporterPhotos(caseIds: readonly string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const ids of chunks(caseIds)) {
        const rows = await db
          .selectFrom('case_photo')
          .select(['case_id', 'id'])
          .where('case_id', 'in', ids)
          .where('step_seq', '=', 1)
          .orderBy('case_id')
          .orderBy('id')
          .execute();
        for (const r of rows) {
          if (!out.has(r.case_id)) {
            out.set(r.case_id, r.id);
          }
        }
      }
      return out;
    },
  };
}
