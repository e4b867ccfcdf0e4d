// Configurable case defaults kept as data (app_setting), with the defaults the domain names.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { getSetting, putSetting } from '../platform/settings.js';

export type StepLimits = {
  /** Natural minutes for the command centre's accept, register and dispatch, and the department's sign-off. */
  accept: { urgent: number; normal: number };
  register: { urgent: number; normal: number };
  dispatch: { urgent: number; normal: number };
  sign: { urgent: number; normal: number };
  /** Natural minutes for the grid worker's on-site check, in town communities and in rural villages. */
  check: { community: number; village: number };
  /** Working minutes for a call-back after a bad rating. */
  callBack: number;
};

export type IndicatorWeights = {
  /** Composite: count band + weights × rates (weights are points out of 100). */
  closeRate: number;
  onTimeHandleRate: number;
  noReworkRate: number;
  countBands: { min: number; points: number }[];
  grades: { grade: 'A' | 'B' | 'C' | 'D'; min: number }[];
  threeRates: { response: number; solve: number; satisfaction: number };
};

export type CaseSettings = { stepLimits: StepLimits; indicators: IndicatorWeights };

export const defaultCaseSettings: CaseSettings = {
  stepLimits: {
    accept: { urgent: 10, normal: 30 },
    register: { urgent: 10, normal: 30 },
    dispatch: { urgent: 10, normal: 30 },
    sign: { urgent: 10, normal: 30 },
    check: { community: 60, village: 120 },
    callBack: 450,
  },
  indicators: {
    closeRate: 30,
    onTimeHandleRate: 30,
    noReworkRate: 30,
    countBands: [
      { min: 100, points: 10 },
      { min: 50, points: 8 },
      { min: 10, points: 5 },
      { min: 1, points: 2 },
    ],
    grades: [
      { grade: 'A', min: 90 },
      { grade: 'B', min: 75 },
      { grade: 'C', min: 60 },
      { grade: 'D', min: 40 },
    ],
    threeRates: { response: 30, solve: 35, satisfaction: 35 },
  },
};

const KEY = 'cases.settings';

export async function loadCaseSettings(db: Kysely<DB>): Promise<CaseSettings> {
  const raw = await getSetting(db, KEY);
  if (raw === null) {
    return defaultCaseSettings;
  }
  const stored = JSON.parse(raw) as Partial<CaseSettings>;
  return {
    stepLimits: { ...defaultCaseSettings.stepLimits, ...stored.stepLimits },
    indicators: { ...defaultCaseSettings.indicators, ...stored.indicators },
  };
}

export async function saveCaseSettings(db: Kysely<DB>, settings: CaseSettings, now: number): Promise<void> {
  await putSetting(db, KEY, JSON.stringify(settings), now);
}
