// Calls of /api/indicators, with their wire types.
import { api } from '../api/client';

export const rateKeys = [
  'onTimeHandleRate',
  'closeRate',
  'onTimeCloseRate',
  'reworkRate',
  'rightDispatchRate',
  'onTimeRegisterRate',
  'validReportRate',
  'responseRate',
  'solveRate',
  'satisfactionRate',
] as const;
export type RateKey = (typeof rateKeys)[number];

export type Indicators = {
  counts: Record<string, number>;
  rates: Record<RateKey, number | null>;
  threeRatesScore: number | null;
  composite: number | null;
  grade: string | null;
};

export type RankLevel = 'town' | 'village' | 'grid' | 'department' | 'person';

export type Period = { from: number; to: number };

/** The indicators of a unit in scope (an organisation, a grid, a department or a person), the caller's by default. */
export const fetchIndicators = (period: Period, unitId: string | undefined, signal?: AbortSignal) =>
  api.get<{ unitId: string; current: Indicators; previous: Indicators; lastYear: Indicators }>(
    '/api/indicators',
    {
      query: { ...period, unitId },
      signal,
    },
  );

export const fetchRanking = (level: RankLevel, period: Period, signal?: AbortSignal) =>
  api.get<{ items: (Indicators & { rank: number; id: string; name: string })[] }>('/api/indicators/ranking', {
    query: { level, ...period },
    signal,
  });
