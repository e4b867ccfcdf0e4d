// The named side effects of workflow actions; transition() lists them, effects/index.ts runs them.
export const effectNames = [
  'timeRegistration',
  'nameBundledParties',
  'assignDepartment',
  'takeAsHandler',
  'askCommand',
  'grantRequest',
  'tellHandlerOfRework',
  'tellReporterClosed',
  'requireSelfHandling',
  'tellUpperCommand',
  'mergeIntoTarget',
  'tellCommandReopened',
  'tellWatchersSupervised',
  'nameActingGridWorker',
] as const;
export type EffectName = (typeof effectNames)[number];
