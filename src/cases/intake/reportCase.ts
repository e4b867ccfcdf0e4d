// Intake: one new case from a resident, a grid worker on patrol, or command-centre staff (hotline, walk-in).
// Locates the point in its grid, checks the category and its fields, stores the reporter's personal data encrypted,
// and writes the case, its first step, photos, facts and roll-up together. The caller runs it in a transaction and
// has decided that the performer may report (public intake needs nothing more).
import { localDate } from '../../platform/time.js';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import { gridStaffLinks, toWgs84, type Crs } from '../../grids/index.js';
import type { GridLocation } from '../../grids/index.js';
import type { UserActor } from '../../access/index.js';
import { maskPhone } from '../../members/index.js';
import { orgDirectory, orgRollups } from '../../orgs/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Dialect } from '../../platform/db/database.js';
import { toDbBool, toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { loadCaseSettings } from '../caseSettings.js';
import { catalogueRepository } from '../catalogue/repository.js';
import { stepLimitMinutes } from '../clock.js';
import { factsForCase } from '../indicators/facts.js';
import type { ProcessedPhoto } from '../../platform/images.js';
import { storePhotos } from '../photos.js';
import { maskPersonalText } from '../publicText.js';
import { caseRepository, type CaseRow } from '../repository.js';
import {
  assignBundledParties,
  deliverNotices,
  queueNotices,
  stepToFact,
} from '../workflow/applyCaseAction.js';
import type { CaseLevel } from '../workflow/stateMachine.js';
import { validateExtra } from './validateExtra.js';

export const caseSources = [
  'resident',
  'patrol',
  'hotline',
  'walkIn',
  'council',
  'centralHousehold',
  'sensor',
  'superior',
  'open311',
] as const;
export type CaseSource = (typeof caseSources)[number];

export type ReportInput = {
  categoryCode: string;
  description: string;
  urgency?: 'urgent' | 'normal';
  lng?: number;
  lat?: number;
  crs?: Crs;
  address?: string;
  /** Where the case belongs when no point is given (hotline, walk-in): a village or town. */
  orgId?: string;
  source: CaseSource;
  reporterName?: string;
  reporterPhone?: string;
  isAnonymous?: boolean;
  extra?: Record<string, unknown>;
  photos?: ProcessedPhoto[];
  /** A grid worker or village cadre keeps the case at their level to settle it themselves. */
  handleLocally?: boolean;
  patrolId?: string;
  asDraft?: boolean;
  /** Set by the route from the Open311 account or device, so the reporter can find the case again. */
  reporterKey?: string | null;
};

export type ReportDeps = {
  dialect: Dialect;
  /** The caller runs countReport() itself, as its last write. */
  deferCounters?: boolean;
  cipher: FieldCipher;
  locate: (lng: number, lat: number) => GridLocation | null;
};

const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A public tracking code: unguessable (50 bits), easy to read out on the phone. */
export function newTrackingCode(now: number): string {
  const date = localDate(now).slice(2).replaceAll('-', '');
  let tail = '';
  for (const b of randomBytes(10)) {
    tail += TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]!;
  }
  return `TZ${date}${tail}`;
}

export async function reportCase(
  trx: Kysely<DB>,
  deps: ReportDeps,
  ctx: RequestContext,
  performer: UserActor | null,
  input: ReportInput,
): Promise<CaseRow> {
  const now = ctx.now;
  const category = await catalogueRepository(trx).find(input.categoryCode);
  if (category === undefined || category.depth !== 3 || !category.active) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'categoryCode', message: 'unknown or inactive leaf category' }],
    });
  }
  const extra = validateExtra(category.fields, input.extra ?? {});
  if (extra.errors.length > 0) {
    throw new AppError('request.invalid', { errors: extra.errors });
  }

  const orgs = orgDirectory(trx, deps.dialect);
  let lng: number | null = null;
  let lat: number | null = null;
  let place: { gridId: string | null; villageId: string | null; townId: string | null } = {
    gridId: null,
    villageId: null,
    townId: null,
  };
  if (input.lng !== undefined && input.lat !== undefined) {
    [lng, lat] = toWgs84(input.lng, input.lat, input.crs ?? 'wgs84');
    const hit = deps.locate(lng, lat);
    if (hit === null) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'location', message: 'the point is outside every grid of the district' }],
        detail: msg('该位置不在本区任何网格内', 'The location is outside every grid of the district'),
      });
    }
    place = { gridId: hit.gridId, villageId: hit.villageId, townId: hit.townId };
  } else if (input.orgId !== undefined) {
    const org = await orgs.findByIdUnscoped(input.orgId);
    if (org === undefined || (org.level !== 'village' && org.level !== 'town')) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'orgId', message: 'must be a village or town' }],
      });
    }
    place =
      org.level === 'village'
        ? { gridId: null, villageId: org.id, townId: org.parent_id }
        : { gridId: null, villageId: null, townId: org.id };
  } else {
    throw new AppError('request.invalid', {
      errors: [{ field: 'location', message: 'give a point (lng, lat) or a village/town' }],
    });
  }
  const where = await orgs.findByIdUnscoped(place.villageId ?? place.townId ?? '');
  const district = await orgs.findRoot();
  if (where === undefined || district === undefined) {
    throw new AppError('request.invalid', { errors: [{ field: 'location', message: 'unknown place' }] });
  }
  if (
    performer !== null &&
    ['townCommand', 'villageCadre', 'gridWorker'].includes(performer.active.role) &&
    !where.path.startsWith(performer.active.orgPath)
  ) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'location', message: 'outside your area' }],
      detail: msg('该位置不在您负责的区域内', 'The location is outside your area'),
    });
  }

  const role = performer?.active.role;
  const level: CaseLevel =
    input.handleLocally === true && role === 'gridWorker'
      ? 'grid'
      : input.handleLocally === true && role === 'villageCadre'
        ? 'village'
        : 'town';
  const urgency = input.urgency ?? 'normal';
  const state = input.asDraft === true ? 'draft' : 'reported';
  const settings = await loadCaseSettings(trx);
  const stepMinutes = stepLimitMinutes(state, urgency, false, settings.stepLimits);
  // A grid worker reporting without typing a phone is reachable on his own, as his grid records hold it.
  const typedPhone = input.reporterPhone?.trim() ?? '';
  const phone = typedPhone !== '' ? typedPhone : await ownStaffPhone(trx, deps.cipher, performer);
  const description = input.description.trim();
  const id = newId(now);
  const photos = input.photos ?? [];

  const row: CaseRow = {
    id,
    tracking_code: newTrackingCode(now),
    source: input.source,
    kind: category.kind,
    category_code: category.code,
    catalogue_version: await catalogueRepository(trx).currentVersion(),
    net: category.net,
    platform: category.platform,
    urgency,
    state,
    level,
    // Phones and ID numbers typed into the text are stored masked; the original only encrypted, like the phone.
    description: maskPersonalText(description),
    description_enc: maskPersonalText(description) === description ? null : deps.cipher.encrypt(description),
    address: input.address?.trim() ?? null,
    lng,
    lat,
    grid_id: place.gridId,
    village_id: place.villageId,
    town_id: place.townId,
    district_id: district.id,
    org_path: where.path,
    department_id: null,
    department_path: null,
    handler_user_id: null,
    reporter_user_id: performer?.userId ?? null,
    reporter_name_enc:
      input.reporterName === undefined || input.reporterName.trim() === ''
        ? null
        : deps.cipher.encrypt(input.reporterName.trim()),
    reporter_phone_enc: phone === '' ? null : deps.cipher.encrypt(phone),
    reporter_phone_masked: phone === '' ? null : maskPhone(phone),
    reporter_key: input.reporterKey ?? (phone === '' ? null : deps.cipher.blindIndex(phone)),
    is_anonymous: toDbBool(input.isAnonymous === true),
    merged_into_id: null,
    pending_request: null,
    pending_from_state: null,
    pending_minutes: null,
    reported_at: now,
    registered_at: null,
    dispatched_at: null,
    handled_at: null,
    closed_at: null,
    limit_json: null,
    deadline_at: null,
    deadline_provisional: 0,
    yellow_at: null,
    paused_at: null,
    state_since: now,
    step_deadline_at: stepMinutes === null ? null : now + stepMinutes * 60_000,
    rework_count: 0,
    return_count: 0,
    extension_count: 0,
    escalation_count: 0,
    supervision: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    self_handled: 0,
    extra: toDbJson(Object.keys(extra.values).length === 0 ? null : extra.values),
    photo_count: photos.length,
    patrol_id: input.patrolId ?? null,
    updated_at: now,
    version: 1,
  };
  const repo = caseRepository(trx, deps.dialect);
  await repo.insert(row);
  const step = {
    case_id: id,
    seq: 1,
    at: now,
    actor_id: performer?.userId ?? null,
    actor_name: performer?.displayName ?? null,
    actor_role: performer?.active.role ?? 'resident',
    actor_kind: performer !== null ? 'user' : input.isAnonymous === true ? 'anonymous' : 'resident',
    action: 'report',
    from_state: null,
    to_state: state,
    comment: null,
    reason_code: null,
    is_public: 1,
    data: toDbJson({ source: input.source, level, photos: photos.length }),
  };
  await repo.insertStep(step);
  if (photos.length > 0) {
    await storePhotos(trx, deps.dialect, id, 1, photos, now);
  }
  if (performer !== null && performer.active.role === 'gridWorker' && row.grid_id !== null) {
    // His own report: he answers for it, before the grid's first worker would be named.
    await repo.setParty({
      case_id: id,
      role: 'gridWorker',
      user_id: performer.userId,
      org_id: null,
      name: performer.displayName,
    });
  }
  await assignBundledParties(trx, deps.dialect, row);
  // The report lands in a queue (the town's command centre, or the grid worker's own): its holders hear of it.
  const notices =
    row.state === 'draft'
      ? []
      : await queueNotices(trx, row, row, { performerId: performer?.userId ?? null, already: [] });
  await deliverNotices(trx, row, row.state, notices, now);
  await recordAudit(trx, ctx, {
    action: 'case.report',
    entityType: 'case',
    entityId: id,
    orgPath: row.org_path,
    detail: { source: input.source, category: category.code },
  });
  if (deps.deferCounters !== true) {
    await countReport(trx, deps.dialect, row);
  }
  return row;
}

/** The phone on the grid worker's own staff record, if he is one and it holds one. */
async function ownStaffPhone(
  trx: Kysely<DB>,
  cipher: FieldCipher,
  performer: UserActor | null,
): Promise<string> {
  if (performer === null || performer.active.role !== 'gridWorker') {
    return '';
  }
  const links = gridStaffLinks(trx);
  const staff = await links.staffOf(await links.gridIdsOfUser(performer.userId));
  const own = staff.find((s) => s.user_id === performer.userId && s.phone_enc !== null);
  return own === undefined || own.phone_enc === null ? '' : cipher.decrypt(own.phone_enc);
}

/**
 * The report's indicator facts and open-case roll-up. They touch rows every case shares (the district's day, the
 * district's count), so callers run this as the last write before commit, to hold those row locks briefly.
 */
export async function countReport(trx: Kysely<DB>, dialect: Dialect, row: CaseRow): Promise<void> {
  const first = await caseRepository(trx, dialect).steps(row.id);
  await caseRepository(trx, dialect).applyFacts(factsForCase(row, first.map(stepToFact)));
  await orgRollups(trx, dialect).adjustRollup(row.org_path, 'case.open', 1);
}
