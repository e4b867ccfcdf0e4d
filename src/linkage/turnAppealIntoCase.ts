// At the village (or above) an appeal the chain cannot settle becomes a case in the four-platform workflow, opened
// through the cases module's intake in the same transaction; the appeal keeps the case and its household link.
// The caller holds 'linkage.handle'; the seat is checked here.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText, reportCase } from '../cases/index.js';
import { getGridIndex } from '../grids/index.js';
import { householdDirectory } from '../households/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { actingSeat, appealFor, viewerOf } from './access.js';
import { chainAbove, levelRank, type ChainLevel } from './chain.js';
import type { AppealRow } from './repository.js';
import { applyAppealStep } from './transition.js';

/** 党员中心户反映诉求, the catalogue's leaf for appeals raised through a central household. */
export const APPEAL_CATEGORY = '050101';

export async function turnAppealIntoCase(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  actor: UserActor,
  appealId: string,
  input: { categoryCode?: string; reason: string },
): Promise<AppealRow> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  const index = await getGridIndex(database);
  await index.refresh(ctx.now);
  return database.db.transaction().execute(async (trx) => {
    const appeal = await appealFor(trx, database.dialect, viewer, appealId);
    actingSeat(viewer, appeal);
    const level = appeal.level as ChainLevel;
    if (levelRank(level) < levelRank('village') || level === 'district') {
      throw new AppError('linkage.case_from_village');
    }
    const stops = await chainAbove(trx, database.dialect, appeal.org_path);
    const place = stops.find((s) => s.level === level)!;
    const household = await householdDirectory(trx, database.dialect).findHousehold(
      { path: place.orgPath },
      appeal.household_id,
    );
    // The household's own point places the case in its grid (so its grid worker is on it); else the level's org.
    const hit =
      household !== undefined && household.lng !== null && household.lat !== null
        ? index.locate(household.lng, household.lat)
        : null;
    const opened = await reportCase(
      trx,
      { dialect: database.dialect, cipher, locate: (lng, lat) => index.locate(lng, lat) },
      ctx,
      actor,
      {
        categoryCode: input.categoryCode ?? APPEAL_CATEGORY,
        // Not the appeal's tracking code: it is the household's key, and a case's text reaches more eyes.
        description: maskPersonalText(`【党员中心户诉求】${appeal.text}`),
        ...(hit !== null && household !== undefined && household.lng !== null && household.lat !== null
          ? { lng: household.lng, lat: household.lat, address: household.address }
          : { orgId: place.orgId }),
        source: 'centralHousehold',
      },
    );
    const next = await applyAppealStep(trx, database.dialect, ctx.now, appeal, {
      action: 'toCase',
      actor: { id: actor.userId, name: actor.displayName },
      toStatus: 'case',
      reason: input.reason.trim(),
      patch: { case_id: opened.id, outcome: opened.tracking_code },
    });
    await recordAudit(trx, ctx, {
      action: 'linkage.appeal.toCase',
      entityType: 'linkageAppeal',
      entityId: appeal.id,
      orgPath: appeal.org_path,
      detail: { caseId: opened.id, trackingCode: opened.tracking_code },
    });
    return next;
  });
}
