// One tile of the screen as its module answered it: title, owner, how fresh it is, its figures (each a door to the
// records behind it), its headline figure per child unit (a door down the tree) and its items.
import { useState } from 'react';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort, formatTime } from '../common/labels';
import type { ByChild, Figure, Tile, TileItem, UnitRef } from './api';
import { formatFigure, toneColour, type Palette } from './format';
import { screenPath } from './paths';

const FRESH_MS = 60_000;

/** How fresh a tile is: counted for this screen, counted a while ago and kept, or failed. */
export const Freshness = ({ tile, generatedAt }: { tile: Tile; generatedAt: number }) => {
  const { t, i18n } = useTranslation();
  const sameDay = generatedAt - tile.asOf < 12 * 3_600_000;
  const at = sameDay ? formatTime(tile.asOf, i18n.language) : formatDateTimeShort(tile.asOf, i18n.language);
  if (tile.failed) {
    return (
      <Tag color="error" data-testid={`freshness-${tile.code}`} style={{ marginInlineEnd: 0 }}>
        {t('command.tile.failed')}
      </Tag>
    );
  }
  const isFresh = tile.live || generatedAt - tile.asOf < FRESH_MS;
  return (
    <Tooltip title={t('command.tile.asOf', { time: formatDateTimeShort(tile.asOf, i18n.language) })}>
      <Tag
        color={isFresh ? 'success' : 'warning'}
        data-testid={`freshness-${tile.code}`}
        data-live={tile.live ? 'true' : 'false'}
        style={{ marginInlineEnd: 0 }}
      >
        {tile.live
          ? t('command.tile.live', { time: at })
          : t('command.tile.stored', {
              time: at,
              minutes: Math.max(1, Math.round((generatedAt - tile.asOf) / 60_000)),
            })}
      </Tag>
    </Tooltip>
  );
};

const FigureBlock = ({
  tile,
  figure,
  palette,
  isBigScreen,
}: {
  tile: Tile;
  figure: Figure;
  palette: Palette;
  isBigScreen: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const value = (
    <span
      data-testid={`figure-${tile.code}-${figure.key}`}
      data-value={figure.value ?? ''}
      style={{
        color: toneColour(palette, figure.tone),
        fontSize: isBigScreen ? 34 : 24,
        fontWeight: 600,
        lineHeight: 1.2,
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
      }}
    >
      {formatFigure(t, figure.value, figure.format, i18n.language)}
    </span>
  );
  return (
    <div className="tx-cmd-figure">
      <div className="tx-cmd-figure-label">{figure.label}</div>
      {figure.link === null ? (
        value
      ) : (
        <Link
          to={figure.link}
          aria-label={t('command.tile.open', { label: figure.label })}
          className="tx-cmd-figure-link"
        >
          {value}
        </Link>
      )}
    </div>
  );
};

/** The headline figure per child as bars, largest first; the name drills down, the number opens the records. */
export const ChildBars = ({
  tile,
  byChild,
  units,
  isBigScreen,
  limit,
}: {
  tile: Tile;
  byChild: ByChild;
  units: readonly UnitRef[];
  isBigScreen: boolean;
  /** How many rows show before "show all"; null shows all. */
  limit: number | null;
}) => {
  const { t, i18n } = useTranslation();
  const [isExpanded, setIsExpanded] = useState(false);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = byChild.items
    .filter((i) => names.has(i.id))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const shown = limit === null || isExpanded ? rows : rows.slice(0, limit);
  if (rows.length === 0) {
    return null;
  }
  return (
    <div className="tx-cmd-bars" data-testid={`bars-${tile.code}`}>
      <div className="tx-cmd-bars-title">{t('command.tile.byChild', { label: byChild.label })}</div>
      {shown.map((r) => {
        const share = max === 0 || r.value === null ? 0 : Math.max(0.02, r.value / max);
        const text = formatFigure(t, r.value, byChild.format, i18n.language);
        return (
          <div key={r.id} className="tx-cmd-bar-row">
            <Link
              to={screenPath(r.id, isBigScreen)}
              className="tx-cmd-bar-name"
              data-testid={`drill-${r.id}`}
              title={t('command.drillInto', { name: names.get(r.id) })}
            >
              {names.get(r.id)}
            </Link>
            <div className="tx-cmd-bar-track">
              <div className="tx-cmd-bar-fill" style={{ width: `${share * 100}%` }} />
            </div>
            {r.link === null ? (
              <span className="tx-cmd-bar-value">{text}</span>
            ) : (
              <Link to={r.link} className="tx-cmd-bar-value">
                {text}
              </Link>
            )}
          </div>
        );
      })}
      {limit !== null && rows.length > limit ? (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => setIsExpanded((x) => !x)}
        >
          {isExpanded ? t('command.tile.showLess') : t('command.tile.showAll', { count: rows.length })}
        </Button>
      ) : null}
    </div>
  );
};

const Items = ({ items, palette }: { items: readonly TileItem[]; palette: Palette }) => (
  <div className="tx-cmd-items">
    {items.map((item, i) => {
      const label = <span style={{ color: toneColour(palette, item.tone) }}>{item.label}</span>;
      return (
        <Flex key={`${item.label}-${i}`} justify="space-between" gap={8} className="tx-cmd-item">
          {item.link === null ? label : <Link to={item.link}>{label}</Link>}
          {item.detail === null ? null : <span className="tx-cmd-item-detail">{item.detail}</span>}
        </Flex>
      );
    })}
  </div>
);

type Props = {
  tile: Tile;
  units: readonly UnitRef[];
  generatedAt: number;
  palette: Palette;
  isBigScreen: boolean;
  /** Whether the per-child bars show inside the tile (the big screen shows them in a panel of their own). */
  showsChildren: boolean;
};

export const TileBody = ({
  tile,
  units,
  palette,
  isBigScreen,
  showsChildren,
}: Omit<Props, 'generatedAt'>) => (
  <Flex vertical gap={12}>
    {tile.figures.length === 0 ? null : (
      <div className="tx-cmd-figures">
        {tile.figures.map((f) => (
          <FigureBlock key={f.key} tile={tile} figure={f} palette={palette} isBigScreen={isBigScreen} />
        ))}
      </div>
    )}
    {showsChildren && tile.byChild !== null ? (
      <ChildBars tile={tile} byChild={tile.byChild} units={units} isBigScreen={isBigScreen} limit={5} />
    ) : null}
    {tile.items.length === 0 ? null : <Items items={tile.items} palette={palette} />}
  </Flex>
);

export const TileCard = (props: Props) => {
  const { t } = useTranslation();
  const { tile, generatedAt, isBigScreen } = props;
  const header = (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <span className="tx-cmd-tile-title">{tile.title}</span>
      <Typography.Text type="secondary" className="tx-cmd-tile-owner" ellipsis>
        {t('command.tile.owner', { owner: tile.owner })}
      </Typography.Text>
    </Flex>
  );
  if (isBigScreen) {
    return (
      <section className="tx-cmd-panel" data-testid={`tile-${tile.code}`} data-module={tile.module}>
        <Flex justify="space-between" align="flex-start" gap={8} className="tx-cmd-panel-head">
          {header}
          <Freshness tile={tile} generatedAt={generatedAt} />
        </Flex>
        <TileBody {...props} />
      </section>
    );
  }
  return (
    <Card
      size="small"
      data-testid={`tile-${tile.code}`}
      data-module={tile.module}
      title={header}
      extra={<Freshness tile={tile} generatedAt={generatedAt} />}
      style={{ height: '100%' }}
      styles={{ header: { paddingBlock: 8 } }}
    >
      <TileBody {...props} />
    </Card>
  );
};
