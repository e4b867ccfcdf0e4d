// Who a step says acted: the user's id, name and role, or only a kind (system, reporter) the console names.
import type { CaseStepTable } from '../../tables.js';
import type { Performer } from './context.js';

export function actorFieldsOf(
  performer: Performer,
): Pick<CaseStepTable, 'actor_id' | 'actor_name' | 'actor_role' | 'actor_kind'> {
  return performer.kind === 'user'
    ? {
        actor_id: performer.actor.userId,
        actor_name: performer.actor.displayName,
        actor_role: performer.actor.active.role,
        actor_kind: 'user',
      }
    : { actor_id: null, actor_name: null, actor_role: performer.kind, actor_kind: performer.kind };
}
