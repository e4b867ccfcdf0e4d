// The villages of the scope as a static SVG choropleth of the year's stars (level, total score or movement against
// last year), the town outlines on top, and its legend; a click on a village opens its score sheet.
import { memo, useMemo } from 'react';
import { Flex, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { pathOf, projectionOf, ringsOf, viewBoxOf } from '../common/svgMap';
import type { Collection, OutlineFeature } from '../grids/api';
import { levelText, movementLabel } from './labels';
import {
  classOf,
  MOVEMENTS,
  STAR_LEVELS,
  type ScoreSteps,
  type StarsColouring,
  type VillageResult,
} from './starsSummary';

// Levels from a pale "no star" to a deep red five stars, strong enough steps to tell neighbours apart; movements in
// the usual green/blue/red; scores in blues, so no colouring is mistaken for another.
const palette: Record<string, string> = {
  noSheet: '#f5f5f5',
  pending: '#bfbfbf',
  'level.0': '#fffbe6',
  'level.1': '#ffe58f',
  'level.2': '#ffc53d',
  'level.3': '#fa8c16',
  'level.4': '#d4380d',
  'level.5': '#871400',
  'movement.raised': '#389e0d',
  'movement.awarded': '#95de64',
  'movement.kept': '#69b1ff',
  'movement.lowered': '#cf1322',
  'movement.none': '#fffbe6',
  'score.0': '#e6f4ff',
  'score.1': '#91caff',
  'score.2': '#4096ff',
  'score.3': '#0958d9',
  'score.4': '#002c8c',
};

const fill = (key: string): string => palette[key] ?? '#f5f5f5';

export type LegendEntry = { key: string; label: string };

export const legendOf = (
  t: TFunction,
  colouring: StarsColouring,
  steps: ScoreSteps | null,
): LegendEntry[] => {
  switch (colouring) {
    case 'level':
      return [
        ...STAR_LEVELS.map((l) => ({ key: `level.${l}`, label: levelText(t, l) })),
        { key: 'pending', label: t('assessment.map.pending') },
        { key: 'noSheet', label: t('assessment.map.noSheet') },
      ];
    case 'movement':
      return [
        ...MOVEMENTS.map((m) => ({ key: `movement.${m}`, label: movementLabel(t, m) })),
        { key: 'pending', label: t('assessment.map.pending') },
        { key: 'noSheet', label: t('assessment.map.noSheet') },
      ];
    case 'score':
      return [
        ...(steps?.bounds ?? []).map((from, i) => ({
          key: `score.${i}`,
          label: t('assessment.map.scoreRange', { from, to: steps?.bounds[i + 1] ?? steps?.top ?? from }),
        })),
        { key: 'noSheet', label: t('assessment.map.noSheet') },
      ];
  }
};

export const Legend = ({ entries }: { entries: readonly LegendEntry[] }) => (
  <Flex gap={12} wrap style={{ fontSize: 12 }} data-testid="stars-map-legend">
    {entries.map((e) => (
      <Flex key={e.key} align="center" gap={4} data-key={e.key}>
        <span
          style={{
            width: 12,
            height: 12,
            borderRadius: 2,
            background: fill(e.key),
            border: '1px solid #d9d9d9',
            display: 'inline-block',
          }}
          aria-hidden
        />
        <Typography.Text style={{ fontSize: 'inherit' }}>{e.label}</Typography.Text>
      </Flex>
    ))}
  </Flex>
);

type Props = {
  villages: Collection<OutlineFeature>;
  towns: Collection<OutlineFeature>;
  results: ReadonlyMap<string, VillageResult>;
  colouring: StarsColouring;
  steps: ScoreSteps | null;
  onPick: (sheetId: string) => void;
};

const StarsMapInner = ({ villages, towns, results, colouring, steps, onPick }: Props) => {
  const { t } = useTranslation();
  const drawn = useMemo(() => {
    const projection = projectionOf(villages.features.flatMap((f) => ringsOf(f.geometry)));
    if (projection === null) {
      return null;
    }
    return {
      projection,
      villages: villages.features.map((f) => ({
        orgId: f.properties.orgId,
        name: f.properties.name,
        d: pathOf(f.geometry, projection),
      })),
      towns: towns.features.map((f) => ({ id: f.id, d: pathOf(f.geometry, projection) })),
    };
  }, [villages, towns]);
  if (drawn === null) {
    return null;
  }
  return (
    <svg
      data-testid="stars-map"
      role="img"
      aria-label={t('assessment.map.title')}
      viewBox={viewBoxOf(drawn.projection)}
      preserveAspectRatio="xMidYMid meet"
      style={{ width: '100%', height: 520, display: 'block' }}
    >
      <g>
        {drawn.villages.map((v) => {
          const r = results.get(v.orgId);
          return (
            <path
              key={v.orgId}
              d={v.d}
              data-org={v.orgId}
              data-level={r === undefined ? 'none' : (r.level ?? 'pending')}
              fill={fill(classOf(r, colouring, steps))}
              stroke="#d9d9d9"
              strokeWidth={0.5}
              style={{ cursor: r === undefined ? 'default' : 'pointer' }}
              onClick={r === undefined ? undefined : () => onPick(r.sheetId)}
            >
              <title>
                {r === undefined
                  ? t('assessment.map.tooltipNoSheet', { name: v.name })
                  : t('assessment.map.tooltip', {
                      name: v.name,
                      level: levelText(t, r.level),
                      total: r.total,
                    })}
              </title>
            </path>
          );
        })}
      </g>
      <g pointerEvents="none">
        {drawn.towns.map((o) => (
          <path key={o.id} d={o.d} fill="none" stroke="#595959" strokeWidth={1.2} strokeOpacity={0.8} />
        ))}
      </g>
    </svg>
  );
};

export const StarsMap = memo(StarsMapInner);
