// The named side effects of workflow actions, by name.
import { assignDepartment, nameActingGridWorker, nameBundledParties, takeAsHandler } from './assignment.js';
import { grantRequest, timeRegistration } from './clock.js';
import type { Effect } from './context.js';
import { requireSelfHandling } from './guards.js';
import { mergeIntoTarget } from './merge.js';
import type { EffectName } from './names.js';
import {
  askCommand,
  tellCommandReopened,
  tellHandlerOfRework,
  tellReporterClosed,
  tellUpperCommand,
  tellWatchersSupervised,
} from './notices.js';

export const effects: Readonly<Record<EffectName, Effect>> = {
  timeRegistration,
  nameBundledParties,
  assignDepartment,
  takeAsHandler,
  askCommand,
  grantRequest,
  tellHandlerOfRework,
  tellReporterClosed,
  requireSelfHandling,
  tellUpperCommand,
  mergeIntoTarget,
  tellCommandReopened,
  tellWatchersSupervised,
  nameActingGridWorker,
};

export { assignBundledParties, townLeaderOf } from './assignment.js';
export { resumeClock } from './clock.js';
export { actorFieldsOf } from './stepActor.js';
export { eventTitle, queueNotices } from './notices.js';
export type { EffectContext, Notice, Performer } from './context.js';
