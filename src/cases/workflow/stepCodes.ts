// The codes a step record stores instead of words: who acted (actor kind) and why (reason). The console names them.
export const actorKinds = ['user', 'system', 'reporter', 'resident', 'anonymous'] as const;
/** user: signed-in staff; system: timers and jobs; reporter: through the tracking code; resident/anonymous: public intake. */
export type ActorKind = (typeof actorKinds)[number];

/** Reasons the system (or a generated history) records with a step, in place of a comment someone typed. */
export const stepReasons = [
  'autoYellow',
  'autoRed',
  'mergedDuplicate',
  'callBackSolved',
  'callBackReopen',
  'outOfScope',
  'needsDistrict',
  'notOurDuty',
  'needsCoordination',
  'longTermWork',
  'handledAsRequired',
  'notFixed',
  'reworkDone',
  'closedAfterCheck',
  'settledOnSpot',
] as const;
export type StepReason = (typeof stepReasons)[number];

const isActorKind = (v: string | null): v is ActorKind =>
  v !== null && (actorKinds as readonly string[]).includes(v);

const isStepReason = (v: string | null): v is StepReason =>
  v !== null && (stepReasons as readonly string[]).includes(v);

/**
 * Who acted on a step. Rows written before the actor kind was stored (0010) carry it only in their role and, for
 * anonymous public reports, in the name they were given.
 */
export function actorKindOf(s: {
  actor_kind: string | null;
  actor_role: string | null;
  actor_id: string | null;
  actor_name: string | null;
}): ActorKind {
  if (isActorKind(s.actor_kind)) {
    return s.actor_kind;
  }
  if (s.actor_id !== null) {
    return 'user';
  }
  if (s.actor_role === 'system' || s.actor_role === 'reporter') {
    return s.actor_role;
  }
  if (s.actor_role === 'resident') {
    return s.actor_name === '匿名' ? 'anonymous' : 'resident';
  }
  return 'user';
}

export const reasonOf = (code: string | null): StepReason | null => (isStepReason(code) ? code : null);
