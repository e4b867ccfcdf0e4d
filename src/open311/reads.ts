// The read model of Open311's service requests: which cases a query selects (the spec's filters, window and caps)
// and how a page of them is presented with its look-ups (category, public steps, first photo, places), each looked up
// once per page. Public: a request is any filed case of the district, shown without any person (presenter.ts).
import {
  findCaseByTracking,
  listCategories,
  open311Repository,
  type Category,
  type CaseRow,
} from '../cases/index.js';
import { gridDirectory } from '../grids/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { msg, type Locale } from '../platform/i18n.js';
import { DAY_MS } from '../platform/time.js';
import { badRequest } from './errors.js';
import { parseDateTime } from './format.js';
import { presentRequest, type Open311Request, type Place } from './presenter.js';
import type { RequestsQueryType } from './schemas.js';

const DEFAULT_WINDOW_MS = 90 * DAY_MS;
const MAX_REQUESTS = 1000;
const MAX_IDS = 100;
const TRACKING_CODE = /^TZ[0-9]{6}[2-9A-Z]{10}$/;

export type Presentation = { locale: Locale; baseUrl: string; now: number; isExtended: boolean };

/** A filed case by its tracking code (the spec's service_request_id and token); a draft is not a request. */
export async function findPublicRequest(database: Database, code: string): Promise<CaseRow | undefined> {
  if (!TRACKING_CODE.test(code)) {
    return undefined;
  }
  const row = await findCaseByTracking(database.db, database.dialect, code);
  return row === undefined || row.state === 'draft' ? undefined : row;
}

function dateParam(
  q: RequestsQueryType,
  name: 'start_date' | 'end_date' | 'updated_after' | 'updated_before',
) {
  const raw = q[name];
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const ms = parseDateTime(raw);
  if (ms === null) {
    throw badRequest(msg(`${name} 须为 ISO 8601 日期时间`, `${name} must be an ISO 8601 date-time`));
  }
  return ms;
}

const listOf = (raw: string | undefined) =>
  raw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The cases a GET /requests query selects: a list of ids overrides every other filter (the spec); otherwise the
 * status, service codes and the requested window (90 days by default, ending now), at most 1000, paged only as an
 * extension.
 */
export async function selectRequests(
  database: Database,
  districtPath: string,
  q: RequestsQueryType,
  isExtended: boolean,
  now: number,
): Promise<CaseRow[]> {
  const idList = listOf(q.service_request_id);
  if (idList !== undefined && idList.length > 0) {
    if (idList.length > MAX_IDS) {
      throw badRequest(
        msg(`service_request_id 最多 ${MAX_IDS} 个`, `At most ${MAX_IDS} service_request_id values`),
      );
    }
    const found = await Promise.all([...new Set(idList)].map((id) => findPublicRequest(database, id)));
    return found.filter((r): r is CaseRow => r !== undefined);
  }
  const statuses = listOf(q.status) ?? [];
  if (!statuses.every((s) => s === 'open' || s === 'closed')) {
    throw badRequest(msg('status 只能是 open 或 closed', 'status must be open or closed'));
  }
  const status = statuses.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined;
  const start = dateParam(q, 'start_date');
  const end = dateParam(q, 'end_date');
  const requestedTo = end ?? (start === undefined ? now + 1 : start + DEFAULT_WINDOW_MS);
  const requestedFrom = start ?? requestedTo - DEFAULT_WINDOW_MS;
  if (requestedFrom > requestedTo) {
    throw badRequest(msg('start_date 晚于 end_date', 'start_date is after end_date'));
  }
  const pageSize = isExtended ? (q.page_size ?? MAX_REQUESTS) : MAX_REQUESTS;
  const page = isExtended ? (q.page ?? 1) : 1;
  return open311Repository(database.db, database.dialect).listRequests({
    districtPath,
    serviceCodes: listOf(q.service_code),
    status,
    requestedFrom,
    requestedTo,
    updatedFrom: isExtended ? dateParam(q, 'updated_after') : undefined,
    updatedTo: isExtended ? dateParam(q, 'updated_before') : undefined,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
}

/** A page of cases as Open311 requests, with the look-ups it needs, each looked up once. */
export async function presentRequests(
  database: Database,
  rows: readonly CaseRow[],
  how: Presentation,
): Promise<Open311Request[]> {
  const { db, dialect } = database;
  const categories = new Map<string, Category>((await listCategories(db)).map((c) => [c.code, c]));
  const repo = open311Repository(db, dialect);
  const ids = rows.map((r) => r.id);
  const [steps, photos] = await Promise.all([
    repo.publicSteps(ids),
    repo.firstReporterPhotos(rows.filter((r) => r.photo_count > 0).map((r) => r.id)),
  ]);
  const stepsOf = new Map<string, typeof steps>();
  for (const s of steps) {
    const own = stepsOf.get(s.caseId);
    if (own === undefined) {
      stepsOf.set(s.caseId, [s]);
    } else {
      own.push(s);
    }
  }
  const orgs = orgDirectory(db, dialect);
  const grids = gridDirectory(db);
  const orgMemo = new Map<string, Promise<Place | undefined>>();
  const orgPlace = (id: string | null) => {
    if (id === null) {
      return Promise.resolve(undefined);
    }
    let place = orgMemo.get(id);
    if (place === undefined) {
      place = orgs
        .findByIdUnscoped(id)
        .then((o) =>
          o === undefined ? undefined : { ...(o.code === null ? {} : { code: o.code }), name: o.name },
        );
      orgMemo.set(id, place);
    }
    return place;
  };
  const gridPlace = async (id: string | null): Promise<Place | undefined> => {
    if (id === null || !how.isExtended) {
      return undefined;
    }
    const g = await grids.findByIdUnscoped(id);
    return g === undefined ? undefined : { code: g.code, name: g.name };
  };
  const out: Open311Request[] = [];
  for (const c of rows) {
    const [department, village, town, grid] = await Promise.all([
      orgPlace(c.department_id),
      orgPlace(c.village_id),
      orgPlace(c.town_id),
      gridPlace(c.grid_id),
    ]);
    out.push(
      presentRequest(c, {
        ...how,
        category: categories.get(c.category_code),
        steps: stepsOf.get(c.id) ?? [],
        photoId: photos.get(c.id),
        department,
        village,
        town,
        grid,
      }),
    );
  }
  return out;
}
