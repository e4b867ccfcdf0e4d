// Indicators of the caller's unit (or of a unit a link names, ?unitId=) for a period — by default the server's last
// 30 days — beside the period before and a year earlier, and a ranking that opens on the level below the scope and
// drills down. Every figure, ranking row and bar opens the case list behind it.
import { useMemo, type ReactNode } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useActiveAssignment } from '../auth/useAuth';
import { formatDate } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { EChart, type ChartOption } from './EChart';
import {
  fetchIndicators,
  fetchRanking,
  rankLevels,
  rateKeys,
  type Indicators,
  type Period,
  type RankedUnit,
  type RankLevel,
  type RateKey,
  type UnitIndicators,
} from './api';
import type { indicatorsZh } from './messages.zh';
import { daysOf, periodOfDays, presetPeriods } from './period';

/** Rates where a fall is the good direction. */
const LOWER_IS_BETTER: RateKey[] = ['reworkRate'];

type Metric = keyof typeof indicatorsZh.metrics;

/** Each rate's numerator and denominator, shown under it so a percentage of a handful is read as one. */
const RATE_PARTS: Record<RateKey, [Metric, Metric]> = {
  onTimeHandleRate: ['handledOnTime', 'dueHandle'],
  closeRate: ['closed', 'dueClose'],
  onTimeCloseRate: ['closedOnTime', 'dueClose'],
  reworkRate: ['reworked', 'dueClose'],
  rightDispatchRate: ['dispatchedRight', 'dispatched'],
  onTimeRegisterRate: ['registeredOnTime', 'registered'],
  validReportRate: ['valid', 'reported'],
  responseRate: ['responded', 'dispatched'],
  solveRate: ['solved', 'rated'],
  satisfactionRate: ['satisfied', 'rated'],
};

/** Which cases a figure stands for: those reported in the period, or those closed in it. */
type Basis = 'reported' | 'closed';
const RATE_BASIS: Record<RateKey, Basis> = {
  onTimeHandleRate: 'reported',
  closeRate: 'closed',
  onTimeCloseRate: 'closed',
  reworkRate: 'reported',
  rightDispatchRate: 'reported',
  onTimeRegisterRate: 'reported',
  validReportRate: 'reported',
  responseRate: 'reported',
  solveRate: 'reported',
  satisfactionRate: 'reported',
};

/** What a unit is, as the case list filters it; a person has no filter there, so opens nothing. */
type CaseUnit = { filter: 'orgId' | 'gridId' | 'departmentId'; id: string } | null;

const unitOfIndicators = (data: UnitIndicators): CaseUnit => {
  switch (data.unit.kind) {
    case 'org':
      return { filter: data.unit.level === 'department' ? 'departmentId' : 'orgId', id: data.unitId };
    case 'grid':
      return { filter: 'gridId', id: data.unitId };
    case 'person':
      return null;
  }
};

const unitOfRanked = (level: RankLevel, id: string): CaseUnit => {
  switch (level) {
    case 'town':
    case 'village':
      return { filter: 'orgId', id };
    case 'grid':
      return { filter: 'gridId', id };
    case 'department':
      return { filter: 'departmentId', id };
    case 'person':
      return null;
  }
};

/** The case list behind a figure: the unit's cases reported (or closed) in the period, in all cases in scope. */
const casesLink = (unit: CaseUnit, period: Period, basis: Basis): string | null => {
  if (unit === null) {
    return null;
  }
  const query = new URLSearchParams({ tab: 'all', [unit.filter]: unit.id });
  if (basis === 'closed') {
    query.set('closedFrom', String(period.from));
    query.set('closedTo', String(period.to));
  } else {
    query.set('from', String(period.from));
    query.set('to', String(period.to));
  }
  return `/cases?${query.toString()}`;
};

/** The level a row drills into: a town's villages, a village's grids. */
const DRILL: Partial<Record<RankLevel, RankLevel>> = { town: 'village', village: 'grid' };

const isRankLevel = (value: string | null): value is RankLevel => rankLevels.some((l) => l === value);

const instant = (raw: string | null): number | undefined =>
  raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

const Trend = ({
  label,
  now,
  before,
  isLowerBetter,
}: {
  label: string;
  now: number | null;
  before: number | null;
  isLowerBetter: boolean;
}) => {
  if (now === null || before === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label} —
      </Typography.Text>
    );
  }
  const diff = (now - before) * 100;
  const isFlat = Math.abs(diff) < 0.05;
  const isGood = isLowerBetter ? diff < 0 : diff > 0;
  const colour = isFlat ? '#8c8c8c' : isGood ? '#389e0d' : '#cf1322';
  return (
    <Typography.Text style={{ fontSize: 12, color: colour }}>
      {label} {isFlat ? <MinusOutlined /> : diff > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
      {Math.abs(diff).toFixed(1)}
    </Typography.Text>
  );
};

const rateLabel = (t: TFunction, key: RateKey): string => t(`indicators.rates.${key}`);

/** A figure that opens its cases when it has any to open. */
const FigureLink = ({ to, testId, children }: { to: string | null; testId: string; children: ReactNode }) =>
  to === null ? (
    <span data-testid={testId}>{children}</span>
  ) : (
    <Link to={to} data-testid={testId}>
      {children}
    </Link>
  );

const RateCards = ({ data }: { data: UnitIndicators }) => {
  const { t } = useTranslation();
  const unit = unitOfIndicators(data);
  const counts = data.current.counts;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} sm={12} md={8} xl={6}>
        <Card size="small">
          <Statistic
            title={t('indicators.composite')}
            value={data.current.composite ?? '—'}
            suffix={data.current.grade === null ? null : <Tag color="red">{data.current.grade}</Tag>}
          />
          <Flex gap={12} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('indicators.threeRatesScore')} {data.current.threeRatesScore ?? '—'}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }} title={t('indicators.casesReported')}>
              {t('indicators.reported')}{' '}
              <FigureLink to={casesLink(unit, data.period, 'reported')} testId="figure-reported">
                {counts.reported ?? 0}
              </FigureLink>
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }} title={t('indicators.casesClosed')}>
              {t('indicators.closed')}{' '}
              <FigureLink to={casesLink(unit, data.period, 'closed')} testId="figure-closed">
                {counts.closed ?? 0}
              </FigureLink>
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      {rateKeys.map((key) => {
        const [num, den] = RATE_PARTS[key];
        const basis = RATE_BASIS[key];
        return (
          <Col xs={12} md={8} xl={6} key={key}>
            <Card size="small" data-testid={`rate-${key}`}>
              <Statistic
                title={rateLabel(t, key)}
                valueRender={() => (
                  <span title={t(basis === 'closed' ? 'indicators.casesClosed' : 'indicators.casesReported')}>
                    <FigureLink to={casesLink(unit, data.period, basis)} testId={`rate-link-${key}`}>
                      {percent(data.current.rates[key] ?? null)}
                    </FigureLink>
                  </span>
                )}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('indicators.parts', {
                  num: t(`indicators.metrics.${num}`),
                  numValue: counts[num] ?? 0,
                  den: t(`indicators.metrics.${den}`),
                  denValue: counts[den] ?? 0,
                })}
              </Typography.Text>
              <Flex gap={12} wrap>
                <Trend
                  label={t('indicators.mom')}
                  now={data.current.rates[key] ?? null}
                  before={data.previous.rates[key] ?? null}
                  isLowerBetter={LOWER_IS_BETTER.includes(key)}
                />
                <Trend
                  label={t('indicators.yoy')}
                  now={data.current.rates[key] ?? null}
                  before={data.lastYear.rates[key] ?? null}
                  isLowerBetter={LOWER_IS_BETTER.includes(key)}
                />
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
};

export const IndicatorsPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const assignment = useActiveAssignment();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const underId = params.get('underId') ?? undefined;
  const levelParam = params.get('level');
  const requestedLevel = isRankLevel(levelParam) ? levelParam : undefined;
  const from = instant(params.get('from'));
  const to = instant(params.get('to'));
  // Without a period in the address the server reads its default window and says which it was.
  const period: Period | null = from !== undefined && to !== undefined && to > from ? { from, to } : null;

  const indicators = useLoader(
    (signal) => fetchIndicators(period, unitId, signal),
    [period?.from, period?.to, unitId],
  );
  const ranking = useLoader(
    (signal) => fetchRanking({ level: requestedLevel, underId, period }, signal),
    [requestedLevel, underId, period?.from, period?.to],
  );
  // The server's today: the last day of its default window, kept by the presets.
  const serverDefault = useLoader(
    (signal) => (period === null ? Promise.resolve(null) : fetchIndicators(null, unitId, signal)),
    [period === null, unitId],
  );
  const shownPeriod = indicators.data?.period ?? ranking.data?.period;
  const defaultPeriod = period === null ? shownPeriod : serverDefault.data?.period;
  const today = defaultPeriod === undefined ? dayjs().format('YYYY-MM-DD') : daysOf(defaultPeriod)[1];
  const presets = presetPeriods(today);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setParams(next);
  };
  const choosePeriod = (p: Period) => update({ from: String(p.from), to: String(p.to) });

  const rankLevel = ranking.data?.level ?? requestedLevel;
  const rankingPeriod = ranking.data?.period;
  const rankedLink = (row: RankedUnit) =>
    rankLevel === undefined || rankingPeriod === undefined
      ? null
      : casesLink(unitOfRanked(rankLevel, row.id), rankingPeriod, 'reported');
  const drill = (row: RankedUnit) => {
    const next = rankLevel === undefined ? undefined : DRILL[rankLevel];
    if (next !== undefined) {
      update({ underId: row.id, level: next });
    }
  };

  const ratesOption = useMemo<ChartOption | null>(() => {
    const d = indicators.data;
    if (d === undefined) {
      return null;
    }
    const series = (name: string, x: Indicators) => ({
      name,
      type: 'bar',
      data: rateKeys.map((k) => {
        const rate = x.rates[k] ?? null;
        return rate === null ? null : Number((rate * 100).toFixed(1));
      }),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 70 },
      xAxis: { type: 'category', data: rateKeys.map((k) => rateLabel(t, k)), axisLabel: { rotate: 35 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        series(t('indicators.current'), d.current),
        series(t('indicators.previous'), d.previous),
        series(t('indicators.lastYear'), d.lastYear),
      ],
    };
  }, [indicators.data, t]);

  const chartItems = useMemo(
    () => (ranking.data?.items ?? []).filter((x) => x.composite !== null).slice(0, 15),
    [ranking.data],
  );
  const rankingOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 90 },
      xAxis: {
        type: 'category',
        data: chartItems.map((x) => x.name),
        axisLabel: { rotate: 40, interval: 0 },
      },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          name: t('indicators.composite'),
          type: 'bar',
          data: chartItems.map((x) => x.composite),
          itemStyle: { color: '#c8161d' },
        },
        {
          name: t('indicators.rates.closeRate'),
          type: 'line',
          data: chartItems.map((x) => {
            const rate = x.rates.closeRate ?? null;
            return rate === null ? null : Number((rate * 100).toFixed(1));
          }),
        },
      ],
    }),
    [chartItems, t],
  );

  const go = (path: string | null) => {
    if (path !== null) {
      void navigate(path);
    }
  };

  const pickerValue = shownPeriod === undefined ? null : daysOf(shownPeriod).map((d) => dayjs(d));
  const presetList = [
    { label: t('indicators.last30Days'), value: presets.last30Days },
    { label: t('indicators.yearToDate'), value: presets.yearToDate },
    { label: t('indicators.thisMonth'), value: presets.thisMonth },
    { label: t('indicators.lastMonth'), value: presets.lastMonth },
  ];
  // The window read is named when it is one of the presets (the default: the last 30 days).
  const shownPreset =
    shownPeriod === undefined
      ? undefined
      : presetList.find((p) => p.value.from === shownPeriod.from && p.value.to === shownPeriod.to);

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('indicators.title')}
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            inputReadOnly
            value={pickerValue === null ? null : [pickerValue[0]!, pickerValue[1]!]}
            presets={presetList.map((p) => ({
              label: p.label,
              value: daysOf(p.value).map((d) => dayjs(d)) as [dayjs.Dayjs, dayjs.Dayjs],
            }))}
            onChange={(range) => {
              const [start, end] = range ?? [];
              if (start !== null && start !== undefined && end !== null && end !== undefined) {
                choosePeriod(periodOfDays(start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD')));
              }
            }}
            aria-label={t('indicators.period')}
            data-testid="indicator-period-picker"
          />
        }
      >
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text strong data-testid="indicator-period">
            {shownPeriod === undefined
              ? t('indicators.period')
              : shownPreset === undefined
                ? t('indicators.periodShown', {
                    from: formatDate(shownPeriod.from, i18n.language),
                    to: formatDate(shownPeriod.to - 1, i18n.language),
                  })
                : t('indicators.periodNamed', {
                    name: shownPreset.label,
                    from: formatDate(shownPeriod.from, i18n.language),
                    to: formatDate(shownPeriod.to - 1, i18n.language),
                  })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="indicator-scope">
            {t('indicators.scope', {
              unit:
                indicators.data?.unit.name ??
                (unitId === undefined ? (assignment?.orgName ?? t('common.none')) : '…'),
            })}
            {unitId === undefined ? null : (
              <Typography.Link
                style={{ marginInlineStart: 12 }}
                onClick={() => update({ unitId: undefined })}
              >
                {t('indicators.ownUnit')}
              </Typography.Link>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.linkHint')}
          </Typography.Text>
        </Flex>
        {indicators.error !== undefined ? (
          <ProblemAlert error={indicators.error} onRetry={indicators.reload} />
        ) : indicators.data === undefined ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : (
          <RateCards data={indicators.data} />
        )}
      </Card>
      {ratesOption === null || indicators.data === undefined ? null : (
        <Card size="small" title={t('indicators.chartRates')}>
          <EChart
            option={ratesOption}
            height={320}
            testId="chart-rates"
            onItemClick={({ seriesIndex, dataIndex }) => {
              const d = indicators.data;
              const key = rateKeys[dataIndex];
              if (d === undefined || key === undefined) {
                return;
              }
              const periods = [d.period, d.comparison.previous, d.comparison.lastYear];
              const p = periods[seriesIndex];
              if (p !== undefined) {
                go(casesLink(unitOfIndicators(d), p, RATE_BASIS[key]));
              }
            }}
          />
        </Card>
      )}
      <Card
        title={
          ranking.data?.under === null || ranking.data?.under === undefined
            ? t('indicators.ranking')
            : t('indicators.rankingUnder', { name: ranking.data.under.name })
        }
        extra={
          <Flex gap={8} wrap align="center">
            {underId === undefined ? null : (
              <Button
                size="small"
                data-testid="ranking-back"
                onClick={() => update({ underId: undefined, level: undefined })}
              >
                {t('indicators.backTo', { name: assignment?.orgName ?? t('indicators.ranking') })}
              </Button>
            )}
            <Segmented<RankLevel>
              value={rankLevel}
              onChange={(next) => update({ level: next })}
              options={rankLevels.map((l) => ({ value: l, label: t(`indicators.levels.${l}`) }))}
              data-testid="ranking-level"
            />
          </Flex>
        }
      >
        {ranking.error !== undefined ? <ProblemAlert error={ranking.error} onRetry={ranking.reload} /> : null}
        {chartItems.length === 0 ? null : (
          <>
            <Typography.Text type="secondary">{t('indicators.chartComposite')}</Typography.Text>
            <EChart
              option={rankingOption}
              height={300}
              testId="chart-ranking"
              onItemClick={({ dataIndex }) => {
                const row = chartItems[dataIndex];
                if (row !== undefined) {
                  go(rankedLink(row));
                }
              }}
            />
          </>
        )}
        <div data-testid="ranking-table">
          <Table<RankedUnit>
            rowKey="id"
            size="small"
            loading={ranking.isLoading}
            dataSource={ranking.data?.items ?? []}
            scroll={{ x: 960 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(row) => {
              const path = rankedLink(row);
              return path === null
                ? {}
                : {
                    onClick: () => void navigate(path),
                    style: { cursor: 'pointer' },
                    title: t('indicators.openCases'),
                  };
            }}
            columns={[
              { key: 'rank', title: t('indicators.rank'), dataIndex: 'rank', width: 70 },
              {
                key: 'name',
                title: t('indicators.name'),
                render: (_: unknown, x) => {
                  const path = rankedLink(x);
                  return path === null ? (
                    x.name
                  ) : (
                    <Link to={path} data-testid="ranking-row-link" onClick={(e) => e.stopPropagation()}>
                      {x.name}
                    </Link>
                  );
                },
              },
              {
                key: 'composite',
                title: t('indicators.composite'),
                width: 100,
                render: (_: unknown, x) => x.composite ?? '—',
              },
              {
                key: 'grade',
                title: t('indicators.grade'),
                width: 80,
                render: (_: unknown, x) => (x.grade === null ? '—' : <Tag color="red">{x.grade}</Tag>),
              },
              ...(['closeRate', 'onTimeHandleRate', 'reworkRate', 'satisfactionRate'] as const).map(
                (key) => ({
                  key,
                  title: rateLabel(t, key),
                  width: 110,
                  render: (_: unknown, x: RankedUnit) => percent(x.rates[key] ?? null),
                }),
              ),
              {
                key: 'reported',
                title: t('indicators.reported'),
                width: 90,
                render: (_: unknown, x) => x.counts.reported ?? 0,
              },
              {
                key: 'closed',
                title: t('indicators.closed'),
                width: 90,
                render: (_: unknown, x) => x.counts.closed ?? 0,
              },
              {
                key: 'drill',
                title: '',
                width: 110,
                render: (_: unknown, x) => {
                  const next = rankLevel === undefined ? undefined : DRILL[rankLevel];
                  return next === undefined ? null : (
                    <Button
                      size="small"
                      type="link"
                      icon={<RightOutlined />}
                      data-testid="ranking-drill"
                      title={t('indicators.drillTo', { level: t(`indicators.levels.${next}`) })}
                      onClick={(e) => {
                        e.stopPropagation();
                        drill(x);
                      }}
                    >
                      {t('indicators.drill')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </div>
      </Card>
    </Flex>
  );
};
