// The command screen (驾驶舱) of a district, town, village or grid: the trail up the tree, the units below, every tile
// the modules contribute, the grid map, the live ticker and the alerts. Desk mode sits in the console; big-screen
// mode (?mode=screen) covers the window with a dark 1920×1080 stage for the command hall.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  ConfigProvider,
  Flex,
  Row,
  Segmented,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import {
  DesktopOutlined,
  ExpandOutlined,
  FileTextOutlined,
  ReloadOutlined,
  SettingOutlined,
  ShrinkOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { formatDate, formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { levelLabel } from '../cases/labels';
import { fetchScreen, type Screen, type Tile, type UnitRef } from './api';
import { AlertsPanel } from './AlertsPanel';
import { deskPalette, screenPalette } from './format';
import { deskMapTheme, screenMapTheme } from './GridHeatMap';
import { LiveTicker } from './LiveTicker';
import { MapPanel } from './MapPanel';
import { briefingPath, rulesPath, screenPath } from './paths';
import { ChildBars, TileCard } from './TileCard';
import { useCategoryNames } from './useCategoryNames';
import { useLiveFeed, type LiveEvent } from './useLiveFeed';
import './command.css';

/** How often the figures are counted again while the screen is open. */
const REFRESH_MS = 60_000;
const STAGE = { width: 1920, height: 1080 };
/** How long the big screen shows one tile's per-child comparison before the next. */
const ROTATE_MS = 15_000;

const Trail = ({ screen, isBigScreen }: { screen: Screen; isBigScreen: boolean }) => {
  const { t } = useTranslation();
  const last = screen.trail.length - 1;
  return (
    <Breadcrumb
      data-testid="command-trail"
      aria-label={t('command.screen.trail')}
      items={screen.trail.map((u, i) => ({
        key: u.id,
        title:
          i === last ? (
            <span data-testid="command-trail-current">{u.name}</span>
          ) : (
            <Link to={screenPath(u.id, isBigScreen)}>{u.name}</Link>
          ),
      }))}
    />
  );
};

const Children = ({ units, isBigScreen }: { units: readonly UnitRef[]; isBigScreen: boolean }) => {
  const { t } = useTranslation();
  const first = units[0];
  if (first === undefined) {
    return null;
  }
  return (
    <Flex wrap gap={6} align="center" data-testid="command-children" className="tx-cmd-children">
      <Typography.Text type="secondary">
        {t('command.screen.children', { level: levelLabel(t, first.level), count: units.length })}
      </Typography.Text>
      {units.map((u) => (
        <Link key={u.id} to={screenPath(u.id, isBigScreen)} data-testid={`child-${u.id}`}>
          <Tag className="tx-cmd-child">{u.name}</Tag>
        </Link>
      ))}
    </Flex>
  );
};

/** The wall clock of the command hall, ticking on its own so the screen does not redraw every second. */
const Clock = () => {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = new Intl.DateTimeFormat(i18n.language, {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(now));
  return (
    <Flex vertical align="flex-end" className="tx-cmd-clock">
      <span className="tx-cmd-clock-time">{time}</span>
      <span className="tx-cmd-clock-date">{formatDate(now, i18n.language)}</span>
    </Flex>
  );
};

/** The 1920×1080 stage, scaled to fit whatever window shows it. */
const Stage = ({ children }: { children: ReactNode }) => {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const fit = () => setScale(Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return (
    <div className="tx-cmd-screen" data-testid="command-screen" data-mode="screen">
      <div
        className="tx-cmd-stage"
        style={{
          width: STAGE.width,
          height: STAGE.height,
          transform: `scale(${scale})`,
          left: Math.max(0, (window.innerWidth - STAGE.width * scale) / 2),
          top: Math.max(0, (window.innerHeight - STAGE.height * scale) / 2),
        }}
      >
        {children}
      </div>
    </div>
  );
};

/** The big screen's centre bottom: one tile's per-child comparison at a time, turning to the next by itself. */
const ChildComparison = ({ screen }: { screen: Screen }) => {
  const { t } = useTranslation();
  const tiles = screen.tiles.filter(
    (x): x is Tile & { byChild: NonNullable<Tile['byChild']> } => x.byChild !== null,
  );
  const [code, setCode] = useState<string | undefined>(undefined);
  const [isPaused, setIsPaused] = useState(false);
  const current = tiles.find((x) => x.code === code) ?? tiles[0];
  useEffect(() => {
    if (isPaused || tiles.length < 2) {
      return;
    }
    const timer = setInterval(() => {
      setCode((c) => {
        const i = tiles.findIndex((x) => x.code === c);
        return tiles[(Math.max(0, i) + 1) % tiles.length]?.code;
      });
    }, ROTATE_MS);
    return () => clearInterval(timer);
  }, [isPaused, tiles]);
  if (current === undefined || screen.children.length === 0) {
    return (
      <section className="tx-cmd-panel" style={{ flex: 1 }}>
        <div className="tx-cmd-panel-head">
          <span className="tx-cmd-tile-title">{t('command.screen.comparison')}</span>
        </div>
        <Typography.Text type="secondary">{t('command.screen.noChildren')}</Typography.Text>
      </section>
    );
  }
  return (
    <section
      className="tx-cmd-panel tx-cmd-comparison"
      style={{ flex: 1 }}
      onMouseEnter={() => setIsPaused(true)}
      onMouseLeave={() => setIsPaused(false)}
    >
      <Flex justify="space-between" align="center" className="tx-cmd-panel-head" gap={8}>
        <span className="tx-cmd-tile-title">{t('command.screen.comparison')}</span>
        <Segmented
          size="small"
          value={current.code}
          onChange={setCode}
          options={tiles.map((x) => ({ value: x.code, label: x.title }))}
        />
      </Flex>
      <div className="tx-cmd-comparison-body">
        <ChildBars
          tile={current}
          byChild={current.byChild}
          units={screen.children}
          isBigScreen
          limit={null}
        />
      </div>
    </section>
  );
};

type Toolbar = { isBigScreen: boolean; onMode: (isBig: boolean) => void; onReload: () => void };

const Actions = ({ screen, isBigScreen, onMode, onReload }: Toolbar & { screen: Screen }) => {
  const { t } = useTranslation();
  const canWarn = useAbility('command.warn');
  const [isFull, setIsFull] = useState(document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setIsFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return (
    <Flex gap={8} wrap className="tx-no-print">
      <Button
        icon={<DesktopOutlined />}
        onClick={() => onMode(!isBigScreen)}
        data-testid="command-mode"
        type={isBigScreen ? 'default' : 'primary'}
      >
        {isBigScreen ? t('command.screen.deskMode') : t('command.screen.bigScreen')}
      </Button>
      {isBigScreen ? (
        <Button
          icon={isFull ? <ShrinkOutlined /> : <ExpandOutlined />}
          onClick={() =>
            void (isFull ? document.exitFullscreen() : document.documentElement.requestFullscreen())
          }
        >
          {isFull ? t('command.screen.exitFullscreen') : t('command.screen.fullscreen')}
        </Button>
      ) : (
        <>
          <Link to={briefingPath(screen.org.id)} data-testid="command-briefing-link">
            <Button icon={<FileTextOutlined />}>{t('command.briefing.title')}</Button>
          </Link>
          {canWarn ? (
            <Link to={rulesPath} data-testid="command-rules-link">
              <Button icon={<SettingOutlined />}>{t('command.rules.title')}</Button>
            </Link>
          ) : null}
          <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('command.screen.reload')} />
        </>
      )}
    </Flex>
  );
};

/** What both modes draw from: the screen's data, the live feed and the toolbar. */
type ModeProps = {
  screen: Screen;
  refreshKey: number;
  live: ReturnType<typeof useLiveFeed>;
  categories: ReadonlyMap<string, string>;
  toolbar: Toolbar;
};

const DeskScreen = ({ screen, refreshKey, live, categories, toolbar }: ModeProps) => {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="command-screen" data-mode="desk" data-unit={screen.org.id}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Trail screen={screen} isBigScreen={false} />
              <Flex align="center" gap={8} wrap>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="command-title">
                  {t('command.screen.title', { name: screen.org.name })}
                </Typography.Title>
                <Tag>{levelLabel(t, screen.org.level)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('command.screen.generatedAt', {
                    time: formatDateTimeShort(screen.generatedAt, i18n.language),
                  })}
                </Typography.Text>
              </Flex>
            </Flex>
            <Actions screen={screen} {...toolbar} />
          </Flex>
          <Children units={screen.children} isBigScreen={false} />
        </Flex>
      </Card>
      <LiveTicker
        events={live.events}
        lastPolledAt={live.lastPolledAt}
        categories={categories}
        isBigScreen={false}
      />
      <Row gutter={[16, 16]}>
        {screen.tiles.map((tile) => (
          <Col key={tile.code} xs={24} md={12} xxl={8}>
            <TileCard
              tile={tile}
              units={screen.children}
              generatedAt={screen.generatedAt}
              palette={deskPalette}
              isBigScreen={false}
              showsChildren
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('command.map.title')} data-testid="command-map-card">
            <MapPanel
              unit={screen.org}
              trail={screen.trail}
              refreshKey={refreshKey}
              theme={deskMapTheme}
              height={460}
              isBigScreen={false}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('command.alerts.title')}>
            <AlertsPanel
              orgId={screen.org.id}
              refreshKey={refreshKey}
              categories={categories}
              onChanged={toolbar.onReload}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
};

const BigScreen = ({ screen, refreshKey, live, categories, toolbar }: ModeProps) => {
  const { t } = useTranslation();
  const half = Math.ceil(screen.tiles.length / 2);
  const left = screen.tiles.slice(0, half);
  const right = screen.tiles.slice(half);
  const tile = (x: Tile) => (
    <TileCard
      key={x.code}
      tile={x}
      units={screen.children}
      generatedAt={screen.generatedAt}
      palette={screenPalette}
      isBigScreen
      showsChildren={false}
    />
  );
  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        token: { colorPrimary: '#1677ff', colorBgContainer: '#0f2548', colorBgElevated: '#142d55' },
      }}
    >
      <Stage>
        <div className="tx-cmd-stage-inner" data-unit={screen.org.id}>
          <header className="tx-cmd-header">
            <div className="tx-cmd-header-side">
              <Trail screen={screen} isBigScreen />
              <Children units={screen.children} isBigScreen />
            </div>
            <h1 className="tx-cmd-header-title" data-testid="command-title">
              {t('command.screen.title', { name: screen.org.name })}
            </h1>
            <Flex className="tx-cmd-header-side" justify="flex-end" align="center" gap={16}>
              <Actions screen={screen} {...toolbar} />
              <Clock />
            </Flex>
          </header>
          <LiveTicker
            events={live.events}
            lastPolledAt={live.lastPolledAt}
            categories={categories}
            isBigScreen
          />
          <div className="tx-cmd-body">
            <div className="tx-cmd-column">{left.map(tile)}</div>
            <div className="tx-cmd-column tx-cmd-centre">
              <section className="tx-cmd-panel tx-cmd-map-panel">
                <div className="tx-cmd-panel-head">
                  <span className="tx-cmd-tile-title">{t('command.map.title')}</span>
                </div>
                <MapPanel
                  unit={screen.org}
                  trail={screen.trail}
                  refreshKey={refreshKey}
                  theme={screenMapTheme}
                  height={480}
                  isBigScreen
                />
              </section>
              <ChildComparison screen={screen} />
            </div>
            <div className="tx-cmd-column">
              {right.map(tile)}
              <section className="tx-cmd-panel tx-cmd-alerts-panel">
                <div className="tx-cmd-panel-head">
                  <span className="tx-cmd-tile-title">{t('command.alerts.title')}</span>
                </div>
                <div className="tx-cmd-scroll">
                  <AlertsPanel
                    orgId={screen.org.id}
                    refreshKey={refreshKey}
                    categories={categories}
                    onChanged={toolbar.onReload}
                  />
                </div>
              </section>
            </div>
          </div>
        </div>
      </Stage>
    </ConfigProvider>
  );
};

export const ScreenPage = () => {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const isBigScreen = params.get('mode') === 'screen';
  const [refreshKey, setRefreshKey] = useState(0);
  const categories = useCategoryNames();
  const screen = useLoader((signal) => fetchScreen(orgId, signal), [orgId, refreshKey, i18n.language]);
  const reload = useCallback(() => setRefreshKey((k) => k + 1), []);

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const announce = useCallback(
    (events: LiveEvent[]) => {
      for (const e of events) {
        switch (e.kind) {
          case 'redCard':
            notification.error({
              key: e.id,
              title: t('command.live.newRedCard'),
              description: t('command.live.redCardText', {
                code: e.card.trackingCode,
                category: categories.get(e.card.categoryCode) ?? e.card.categoryCode,
              }),
              onClick: () => void navigate(`/cases/${encodeURIComponent(e.card.caseId)}`),
            });
            break;
          case 'alert':
            (e.alert.severity === 'high' ? notification.error : notification.warning)({
              key: e.id,
              title:
                e.alert.severity === 'high' ? t('command.live.newUrgentAlert') : t('command.live.newAlert'),
              description: t('command.live.alertText', {
                org: e.alert.orgName,
                rule: e.alert.ruleName,
                category:
                  e.alert.categoryCode === null
                    ? ''
                    : (categories.get(e.alert.categoryCode) ?? e.alert.categoryCode),
              }),
              duration: e.alert.severity === 'high' ? 0 : 8,
            });
            break;
        }
      }
      reload();
    },
    [categories, navigate, notification, reload, t],
  );
  const live = useLiveFeed(orgId, announce);

  const toolbar = useMemo<Toolbar>(
    () => ({
      isBigScreen,
      onReload: reload,
      onMode: (isBig: boolean) => {
        const next = new URLSearchParams(params);
        if (isBig) {
          next.set('mode', 'screen');
        } else {
          next.delete('mode');
          if (document.fullscreenElement !== null) {
            void document.exitFullscreen();
          }
        }
        setParams(next);
      },
    }),
    [isBigScreen, params, reload, setParams],
  );

  if (screen.data === undefined) {
    return screen.error === undefined ? (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    ) : (
      <Flex vertical gap={12}>
        <ProblemAlert error={screen.error} onRetry={screen.reload} />
        {orgId === undefined ? null : (
          <Link to={screenPath(undefined, isBigScreen)}>{t('command.screen.ownScreen')}</Link>
        )}
      </Flex>
    );
  }
  // A new unit's answer replaces the last one only once it has come; until then the old one stays on the wall.
  const isStale = screen.data.org.id !== (orgId ?? screen.data.org.id) && screen.isLoading;
  const props = { screen: screen.data, refreshKey, live, categories, toolbar };
  if (isBigScreen) {
    // No spinner around the stage: its blur would turn the fixed stage into part of the page.
    return <BigScreen {...props} />;
  }
  return (
    <Spin spinning={isStale} delay={200}>
      {screen.error === undefined ? null : <ProblemAlert error={screen.error} onRetry={screen.reload} />}
      <DeskScreen {...props} />
    </Spin>
  );
};
