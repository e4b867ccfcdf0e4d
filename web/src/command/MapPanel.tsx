// The map panel of the screen: the unit's grids coloured by open cases or traffic light, with its legend; a grid
// clicked opens that grid's screen.
import { useMemo, useState } from 'react';
import { Flex, Segmented, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchGridColours, fetchGridShapes, fetchOutlines, type UnitRef } from './api';
import { GridHeatMap, OPEN_STEPS, type MapColouring, type MapTheme } from './GridHeatMap';
import { screenPath } from './paths';

type Props = {
  unit: UnitRef;
  trail: readonly UnitRef[];
  /** Changes whenever the screen refreshes, so the colours follow. */
  refreshKey: number;
  theme: MapTheme;
  height: number | string;
  isBigScreen: boolean;
};

const Swatch = ({ colour, label }: { colour: string; label: string }) => (
  <Flex align="center" gap={4}>
    <span
      style={{ width: 12, height: 12, borderRadius: 2, background: colour, display: 'inline-block' }}
      aria-hidden
    />
    <span>{label}</span>
  </Flex>
);

export const MapPanel = ({ unit, trail, refreshKey, theme, height, isBigScreen }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canReadGrids = useAbility('grid.read');
  const [colouring, setColouring] = useState<MapColouring>('light');
  // A grid's screen draws its village with the grid marked.
  const mapOrgId = unit.level === 'grid' ? (trail.at(-2)?.id ?? unit.id) : unit.id;
  const outlineLevel = unit.level === 'district' ? 'town' : 'village';
  const shapes = useLoader(
    async (signal) => {
      if (!canReadGrids) {
        return null;
      }
      const [grids, outlines] = await Promise.all([
        fetchGridShapes(mapOrgId, signal),
        fetchOutlines(outlineLevel, mapOrgId, signal),
      ]);
      return { grids, outlines };
    },
    [mapOrgId, outlineLevel, canReadGrids],
  );
  const colours = useLoader((signal) => fetchGridColours(unit.id, signal), [unit.id, refreshKey]);
  const byGrid = useMemo(
    () => new Map((colours.data?.items ?? []).map((c) => [c.gridId, c])),
    [colours.data],
  );
  const totals = useMemo(() => {
    const items = colours.data?.items ?? [];
    return {
      grids: items.filter((c) => c.open > 0).length,
      red: items.filter((c) => c.red > 0).length,
      yellow: items.filter((c) => c.red === 0 && c.yellow > 0).length,
    };
  }, [colours.data]);

  const legend =
    colouring === 'light'
      ? [
          { colour: theme.red, label: t('command.map.legendRed') },
          { colour: theme.yellow, label: t('command.map.legendYellow') },
          { colour: theme.green, label: t('command.map.legendGreen') },
          { colour: theme.empty, label: t('command.map.legendNone') },
        ]
      : [
          { colour: theme.empty, label: t('command.map.legendNone') },
          ...OPEN_STEPS.map((bound, i) => {
            const next = OPEN_STEPS[i + 1];
            return {
              colour: theme.open[i] ?? theme.empty,
              label:
                next === undefined
                  ? t('command.map.stepFrom', { from: bound })
                  : next - 1 === bound
                    ? String(bound)
                    : t('command.map.stepRange', { from: bound, to: next - 1 }),
            };
          }),
        ];

  const error = shapes.error ?? colours.error;
  return (
    <Flex vertical gap={8} style={{ height: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="command-map-summary">
          {t('command.map.summary', totals)}
        </Typography.Text>
        <Segmented<MapColouring>
          size={isBigScreen ? 'middle' : 'small'}
          value={colouring}
          onChange={setColouring}
          options={[
            { value: 'light', label: t('command.map.byLight') },
            { value: 'open', label: t('command.map.byOpen') },
          ]}
        />
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={shapes.reload} />}
      <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
        {!canReadGrids ? (
          <Typography.Text type="secondary">{t('command.map.noAccess')}</Typography.Text>
        ) : shapes.data === undefined ? (
          <Flex justify="center" align="center" style={{ height }}>
            <Spin />
          </Flex>
        ) : shapes.data === null || shapes.data.grids.features.length === 0 ? (
          <Typography.Text type="secondary">{t('command.map.noGrids')}</Typography.Text>
        ) : (
          <GridHeatMap
            shapes={shapes.data.grids}
            outlines={shapes.data.outlines}
            colours={byGrid}
            colouring={colouring}
            theme={theme}
            selectedGridId={unit.level === 'grid' ? unit.id : null}
            onPick={(gridId) => void navigate(screenPath(gridId, isBigScreen))}
            height={height}
          />
        )}
      </div>
      <Flex gap={12} wrap style={{ fontSize: isBigScreen ? 14 : 12 }}>
        {legend.map((l) => (
          <Swatch key={l.label} colour={l.colour} label={l.label} />
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
          {t('command.map.hint')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
};
