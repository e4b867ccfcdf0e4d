// Who may see and act on an appeal: its central household's head, and the chain seats above it (404 outside).
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { linkageRepository, type AppealRow } from './repository.js';
import { chainSeatOf, headSeatOf, type ChainSeat, type HeadSeat } from './seat.js';

export type Viewer = { head: HeadSeat | null; chain: ChainSeat | null };

export async function viewerOf(db: Kysely<DB>, dialect: Dialect, actor: UserActor): Promise<Viewer> {
  return { head: await headSeatOf(db, dialect, actor), chain: await chainSeatOf(db, dialect, actor) };
}

export function mayRead(viewer: Viewer, appeal: AppealRow): boolean {
  return (
    viewer.head?.central.id === appeal.central_household_id ||
    (viewer.chain !== null && appeal.org_path.startsWith(viewer.chain.orgPath))
  );
}

/** The appeal if the caller may see it (locked for update on PostgreSQL), else 404. */
export async function appealFor(
  db: Kysely<DB>,
  dialect: Dialect,
  viewer: Viewer,
  id: string,
): Promise<AppealRow> {
  const appeal = await linkageRepository(db, dialect).findAppealForUpdate(id);
  if (appeal === undefined || !mayRead(viewer, appeal)) {
    throw notFound();
  }
  return appeal;
}

/** Who acts on an open appeal: the head at the first stop, or the seat holder of the level it waits at. */
export function actingSeat(viewer: Viewer, appeal: AppealRow): { id: string; name: string } {
  if (appeal.status !== 'open') {
    throw new AppError('linkage.appeal_not_open');
  }
  if (appeal.level === 'central' && viewer.head?.central.id === appeal.level_org_id) {
    return { id: viewer.head.userId, name: viewer.head.name };
  }
  if (viewer.chain?.canHandle === true && viewer.chain.orgId === appeal.level_org_id) {
    return { id: viewer.chain.userId, name: viewer.chain.name };
  }
  throw new AppError('linkage.not_your_level');
}
