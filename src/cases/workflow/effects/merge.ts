// 合并: a duplicate report joins an open case in the caller's scope; the surviving case notes it in its own log.
import { AppError } from '../../../platform/errors.js';
import { toDbJson } from '../../../platform/db/database.js';
import { caseScopeOf } from '../../access.js';
import { caseRepository } from '../../repository.js';
import { isOpenState } from '../stateMachine.js';
import type { Effect } from './context.js';
import { actorFieldsOf } from './stepActor.js';

export const mergeIntoTarget: Effect = async (e) => {
  const { trx, c, performer } = e;
  const repo = caseRepository(trx, e.dialect);
  const targetId = e.input.targetCaseId;
  if (targetId === undefined || targetId === c.id) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'targetCaseId', message: '请选择另一件事件 / choose another case' }],
    });
  }
  const target =
    performer.kind === 'user'
      ? await repo.findVisible(await caseScopeOf(trx, performer.actor), targetId)
      : await repo.findById(targetId);
  if (target === undefined || !isOpenState(target.state)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'targetCaseId', message: 'not an open case in your scope' }],
    });
  }
  e.patch.merged_into_id = target.id;
  e.data.targetCaseId = target.id;
  e.data.targetTrackingCode = target.tracking_code;
  await repo.insertStep({
    case_id: target.id,
    seq: (await repo.steps(target.id)).length + 1,
    at: e.now,
    ...actorFieldsOf(performer),
    action: 'comment',
    from_state: target.state,
    to_state: target.state,
    comment: null,
    reason_code: 'mergedDuplicate',
    is_public: 1,
    data: toDbJson({ mergedCaseId: c.id, mergedTrackingCode: c.tracking_code }),
  });
  // Both reporters are told: the duplicate's and the surviving case's.
  const reporters = [c.reporter_user_id, target.reporter_user_id].filter((u): u is string => u !== null);
  e.notices.push({ event: 'case.merged', userIds: reporters, external: true });
};
