// The command view's grid map: every grid of the unit drawn as an SVG polygon, filled by its open cases or by its
// traffic light, the boundaries of the level below on top. A static choropleth needs no pan-and-zoom engine and no
// base tiles, so it is drawn here rather than through the grids module's editing map; a click opens the grid's screen.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pathOf, projectionOf, ringsOf, viewBoxOf } from '../common/svgMap';
import type { Collection, GridFeature, OutlineFeature } from '../grids/api';
import type { GridColour } from './api';

export type MapColouring = 'open' | 'light';

export type MapTheme = {
  empty: string;
  stroke: string;
  outline: string;
  selected: string;
  /** Five steps from one open case to many. */
  open: readonly [string, string, string, string, string];
  red: string;
  yellow: string;
  green: string;
};

export const deskMapTheme: MapTheme = {
  empty: '#f0f0f0',
  stroke: '#ffffff',
  outline: '#595959',
  selected: '#1677ff',
  open: ['#ffe7ba', '#ffc069', '#fa8c16', '#d4380d', '#871400'],
  red: '#cf1322',
  yellow: '#faad14',
  green: '#95de64',
};

export const screenMapTheme: MapTheme = {
  empty: '#16325c',
  stroke: '#0b1a33',
  outline: '#69b1ff',
  selected: '#ffffff',
  open: ['#3e5f8a', '#d4b106', '#fa8c16', '#f5222d', '#ff85c0'],
  red: '#ff4d4f',
  yellow: '#ffc53d',
  green: '#36cfc9',
};

/** The lower bound of each open-case step of the legend. */
export const OPEN_STEPS = [1, 2, 4, 7, 11] as const;

const openStep = (open: number): number => {
  let step = -1;
  OPEN_STEPS.forEach((bound, i) => {
    if (open >= bound) {
      step = i;
    }
  });
  return step;
};

export const fillOf = (colour: GridColour | undefined, colouring: MapColouring, theme: MapTheme): string => {
  if (colour === undefined || colour.open === 0) {
    return theme.empty;
  }
  if (colouring === 'light') {
    return colour.red > 0 ? theme.red : colour.yellow > 0 ? theme.yellow : theme.green;
  }
  return theme.open[Math.max(0, openStep(colour.open))] ?? theme.empty;
};

type Props = {
  shapes: Collection<GridFeature>;
  outlines: Collection<OutlineFeature> | undefined;
  colours: ReadonlyMap<string, GridColour>;
  colouring: MapColouring;
  theme: MapTheme;
  selectedGridId: string | null;
  onPick: (gridId: string) => void;
  /** CSS height of the drawing; the width follows the container. */
  height: number | string;
};

const GridHeatMapInner = ({
  shapes,
  outlines,
  colours,
  colouring,
  theme,
  selectedGridId,
  onPick,
  height,
}: Props) => {
  const { t } = useTranslation();
  const drawn = useMemo(() => {
    const rings = shapes.features.flatMap((f) => ringsOf(f.geometry));
    const projection = projectionOf(
      rings.length > 0 ? rings : (outlines?.features ?? []).flatMap((f) => ringsOf(f.geometry)),
    );
    if (projection === null) {
      return null;
    }
    return {
      projection,
      grids: shapes.features.map((f) => ({
        id: f.properties.id,
        name: f.properties.name,
        d: pathOf(f.geometry, projection),
      })),
      outlines: (outlines?.features ?? []).map((f) => ({ id: f.id, d: pathOf(f.geometry, projection) })),
    };
  }, [shapes, outlines]);

  if (drawn === null) {
    return null;
  }
  return (
    <svg
      data-testid="command-map"
      role="img"
      aria-label={t('command.map.title')}
      viewBox={viewBoxOf(drawn.projection)}
      preserveAspectRatio="xMidYMid meet"
      style={{ width: '100%', height, display: 'block' }}
    >
      <g>
        {drawn.grids.map((g) => {
          const c = colours.get(g.id);
          const isSelected = g.id === selectedGridId;
          return (
            <path
              key={g.id}
              d={g.d}
              data-grid={g.id}
              data-open={c?.open ?? 0}
              fill={fillOf(c, colouring, theme)}
              stroke={isSelected ? theme.selected : theme.stroke}
              strokeWidth={isSelected ? 2.5 : 0.4}
              style={{ cursor: 'pointer' }}
              onClick={() => onPick(g.id)}
            >
              <title>
                {t('command.map.tooltip', {
                  name: g.name,
                  open: c?.open ?? 0,
                  yellow: c?.yellow ?? 0,
                  red: c?.red ?? 0,
                })}
              </title>
            </path>
          );
        })}
      </g>
      <g pointerEvents="none">
        {drawn.outlines.map((o) => (
          <path key={o.id} d={o.d} fill="none" stroke={theme.outline} strokeWidth={1.2} strokeOpacity={0.8} />
        ))}
      </g>
    </svg>
  );
};

export const GridHeatMap = memo(GridHeatMapInner);
