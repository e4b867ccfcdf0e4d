// Calls of /api/indicators, with their wire types.
import { api } from '../api/client';
import type { ApiAnswer, ApiQuery, ItemOf } from '../api/wire';

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

export type UnitIndicators = ApiAnswer<'/api/indicators'>;
export type Indicators = UnitIndicators['current'];
export type Ranking = ApiAnswer<'/api/indicators/ranking'>;
export type RankedUnit = ItemOf<Ranking['items']>;
export type RankLevel = Ranking['level'];
export const rankLevels: readonly RankLevel[] = ['town', 'village', 'grid', 'department', 'person'];

export type Period = { from: number; to: number };

/** The indicators of a unit in scope, the caller's by default; without a period the server's default window. */
export const fetchIndicators = (period: Period | null, unitId: string | undefined, signal?: AbortSignal) =>
  api.get<UnitIndicators>('/api/indicators', {
    query: { ...(period ?? {}), unitId } satisfies ApiQuery<'/api/indicators'>,
    signal,
  });

/** A ranking; without a level the one below the caller's scope, without a period the default window. */
export const fetchRanking = (
  query: { level?: RankLevel; underId?: string; period: Period | null },
  signal?: AbortSignal,
) =>
  api.get<Ranking>('/api/indicators/ranking', {
    query: {
      level: query.level,
      underId: query.underId,
      ...(query.period ?? {}),
    } satisfies ApiQuery<'/api/indicators/ranking'>,
    signal,
  });
