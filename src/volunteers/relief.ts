// 阳光扶贫 (sunshine relief): a party member or a unit paired with a household in need, visits recorded on the phone
// with time and position, and the help given. Each visit is checked as it is recorded; implausible ones are flagged
// for the community (never refused: a real visit with a weak signal must still be recorded).
import type { Scope, UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { getGridIndex } from '../grids/index.js';
import { householdDirectory } from '../households/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { processPhoto, type PhotoInput } from '../platform/images.js';
import { DAY_MS } from '../platform/time.js';
import { metresBetween } from './deps.js';
import { volunteerRepository, type PairingRow, type ReliefVisitRow } from './repository.js';

export const reliefFlags = [
  'tooShort',
  'samePosition',
  'outsideVillage',
  'farFromHome',
  'noPosition',
] as const;
export type ReliefFlag = (typeof reliefFlags)[number];

/** A visit shorter than this is implausible. */
export const MIN_VISIT_MS = 10 * 60_000;
/** Two households visited from within this distance over the window look like one place. */
const SAME_POSITION_M = 15;
const SAME_POSITION_WINDOW_MS = 30 * DAY_MS;
/** A visit this far from the household's known position is flagged. */
const FAR_FROM_HOME_M = 500;
/** About 15 m in degrees at Tongzhou's latitude, for the box the same-position search reads. */
const BOX_DEGREES = 0.0002;

export type PairingInput = {
  householdId: string;
  memberId?: string;
  unitOrgId?: string;
  visitsPerQuarter: number;
};

export async function pairHousehold(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: PairingInput,
): Promise<PairingRow> {
  if ((input.memberId === undefined) === (input.unitOrgId === undefined)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'memberId', message: 'a member or a unit, not both' }],
    });
  }
  return database.db.transaction().execute(async (trx) => {
    const household = await householdDirectory(trx, database.dialect).findHousehold(scope, input.householdId);
    if (household === undefined) {
      throw notFound();
    }
    let helperName: string;
    if (input.memberId !== undefined) {
      // A member living or serving anywhere may be paired: read the member unscoped by id, by name only.
      const m = await memberDirectory(trx, database.dialect).findById({ path: '/' }, input.memberId);
      if (m === undefined) {
        throw notFound();
      }
      helperName = m.name;
    } else {
      const unit = await orgDirectory(trx, database.dialect).findByIdUnscoped(input.unitOrgId!);
      if (unit === undefined || unit.status !== 'active') {
        throw notFound();
      }
      helperName = unit.name;
    }
    const row: PairingRow = {
      id: newId(ctx.now),
      household_id: household.id,
      household_name: household.head_name,
      org_path: household.village_path,
      helper_kind: input.memberId !== undefined ? 'member' : 'unit',
      member_id: input.memberId ?? null,
      unit_org_id: input.unitOrgId ?? null,
      helper_name: helperName,
      visits_per_quarter: input.visitsPerQuarter,
      lng: household.lng,
      lat: household.lat,
      started_at: ctx.now,
      ended_at: null,
      created_at: ctx.now,
    };
    await volunteerRepository(trx, database.dialect).insertPairings([row]);
    await recordAudit(trx, ctx, {
      action: 'relief.pair',
      entityType: 'reliefPairing',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return row;
  });
}

export type VisitInput = {
  pairingId: string;
  startedAt: number;
  endedAt: number;
  lng: number | null;
  lat: number | null;
  note: string;
  help: string | null;
  /** One photo of the visit (base64 JPEG, PNG or WebP); stored re-encoded, without its metadata. */
  photo?: PhotoInput | null;
};

/** The flags of one visit, from its own facts and the visits recorded near it. */
export async function flagsOfVisit(
  database: Database,
  pairing: PairingRow,
  v: Pick<VisitInput, 'startedAt' | 'endedAt' | 'lng' | 'lat'>,
): Promise<ReliefFlag[]> {
  const flags: ReliefFlag[] = [];
  if (v.endedAt - v.startedAt < MIN_VISIT_MS) {
    flags.push('tooShort');
  }
  if (v.lng === null || v.lat === null) {
    flags.push('noPosition');
    return flags;
  }
  const near = await volunteerRepository(database.db, database.dialect).visitsNear(
    v.lng,
    v.lat,
    BOX_DEGREES,
    v.startedAt - SAME_POSITION_WINDOW_MS,
    v.startedAt + SAME_POSITION_WINDOW_MS,
  );
  if (
    near.some(
      (o) =>
        o.household_id !== pairing.household_id &&
        o.lng !== null &&
        o.lat !== null &&
        metresBetween(o.lng, o.lat, v.lng!, v.lat!) <= SAME_POSITION_M,
    )
  ) {
    flags.push('samePosition');
  }
  const index = await getGridIndex(database);
  const at = index.locate(v.lng, v.lat);
  const villageId = pairing.org_path
    .split('/')
    .filter((s) => s !== '')
    .at(-1);
  if (at === null || at.villageId !== villageId) {
    flags.push('outsideVillage');
  }
  if (
    pairing.lng !== null &&
    pairing.lat !== null &&
    metresBetween(pairing.lng, pairing.lat, v.lng, v.lat) > FAR_FROM_HOME_M
  ) {
    flags.push('farFromHome');
  }
  return flags;
}

/** The paired member records a visit (or the community for a unit's pairing). */
export async function recordReliefVisit(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope | null,
  callerMemberId: string | null,
  input: VisitInput,
): Promise<ReliefVisitRow> {
  if (input.endedAt <= input.startedAt || input.endedAt > ctx.now + 5 * 60_000) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'endedAt', message: 'a visit ends after it starts, and not in the future' }],
    });
  }
  const repo = volunteerRepository(database.db, database.dialect);
  // The paired member reaches their own pairing wherever it is; staff reach the pairings in their scope.
  const pairing =
    scope !== null
      ? await repo.findPairing(scope, input.pairingId)
      : await repo.findPairing({ path: '/' }, input.pairingId);
  if (
    pairing === undefined ||
    pairing.ended_at !== null ||
    (scope === null && pairing.member_id !== callerMemberId)
  ) {
    throw notFound();
  }
  const flags = await flagsOfVisit(database, pairing, input);
  // The image work runs before the transaction: it must not hold the database.
  const photo =
    input.photo === undefined || input.photo === null ? null : await processPhoto(input.photo, 0, 'photo');
  const row: ReliefVisitRow = {
    id: newId(ctx.now),
    pairing_id: pairing.id,
    household_id: pairing.household_id,
    org_path: pairing.org_path,
    started_at: input.startedAt,
    ended_at: input.endedAt,
    lng: input.lng,
    lat: input.lat,
    photo: photo === null ? null : 'stored',
    note: maskPersonalText(input.note.trim()),
    help: input.help === null || input.help.trim() === '' ? null : maskPersonalText(input.help.trim()),
    flags: JSON.stringify(flags),
    recorded_by: actor.userId,
    created_at: ctx.now,
  };
  await database.db.transaction().execute(async (trx) => {
    const trxRepo = volunteerRepository(trx, database.dialect);
    await trxRepo.insertReliefVisits([row]);
    if (photo !== null) {
      await trxRepo.insertVisitPhoto({
        visit_id: row.id,
        mime: photo.mime,
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
        created_at: ctx.now,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'relief.visit',
      entityType: 'reliefVisit',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { flags, hasPhoto: photo !== null },
    });
  });
  return row;
}
