// Indicators of the caller's unit (or of a unit a link names, ?unitId=) for a period, with month-on-month and
// year-on-year, and rankings by level.
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Segmented, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isAbortError } from '../api/client';
import { fetchOrg } from '../api/orgs';
import { useActiveAssignment } from '../auth/useAuth';
import { fetchGrid } from '../grids/api';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { EChart, type ChartOption } from './EChart';
import {
  fetchIndicators,
  fetchRanking,
  rateKeys,
  type Indicators,
  type Period,
  type RankLevel,
  type RateKey,
} from './api';

const LEVELS: RankLevel[] = ['town', 'village', 'grid', 'department', 'person'];
/** Rates where a fall is the good direction. */
const LOWER_IS_BETTER: RateKey[] = ['reworkRate'];

const monthOf = (d: Dayjs): Period => ({
  from: d.startOf('month').valueOf(),
  to: d.startOf('month').add(1, 'month').valueOf(),
});

/** The name of a linked unit: an organisation or a grid; unknown (null) when neither answers. */
const unitName = async (id: string, signal: AbortSignal): Promise<string | null> => {
  try {
    return (await fetchOrg(id, signal)).item.name;
  } catch (failure) {
    if (isAbortError(failure)) {
      throw failure;
    }
  }
  try {
    const { item } = await fetchGrid(id, signal);
    return `${item.name} ${item.code}`;
  } catch (failure) {
    if (isAbortError(failure)) {
      throw failure;
    }
    return null;
  }
};

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

const RateCards = ({
  data,
}: {
  data: { current: Indicators; previous: Indicators; lastYear: Indicators };
}) => {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={8} xl={6}>
        <Card size="small">
          <Statistic
            title={t('indicators.composite')}
            value={data.current.composite ?? '—'}
            suffix={data.current.grade === null ? null : <Tag color="red">{data.current.grade}</Tag>}
          />
          <Flex gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('indicators.threeRatesScore')} {data.current.threeRatesScore ?? '—'}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      {rateKeys.map((key) => (
        <Col xs={12} md={8} xl={6} key={key}>
          <Card size="small" data-testid={`rate-${key}`}>
            <Statistic title={rateLabel(t, key)} value={percent(data.current.rates[key])} />
            <Flex gap={12} wrap>
              <Trend
                label={t('indicators.mom')}
                now={data.current.rates[key]}
                before={data.previous.rates[key]}
                isLowerBetter={LOWER_IS_BETTER.includes(key)}
              />
              <Trend
                label={t('indicators.yoy')}
                now={data.current.rates[key]}
                before={data.lastYear.rates[key]}
                isLowerBetter={LOWER_IS_BETTER.includes(key)}
              />
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
};

export const IndicatorsPage = () => {
  const { t } = useTranslation();
  const assignment = useActiveAssignment();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const [period, setPeriod] = useState<Period>(() => monthOf(dayjs()));
  const [level, setLevel] = useState<RankLevel>('village');
  const indicators = useLoader(
    (signal) => fetchIndicators(period, unitId, signal),
    [period.from, period.to, unitId],
  );
  const linked = useLoader(
    (signal) => (unitId === undefined ? Promise.resolve(null) : unitName(unitId, signal)),
    [unitId],
  );
  const ranking = useLoader((signal) => fetchRanking(level, period, signal), [level, period.from, period.to]);

  const presets = [
    { label: t('indicators.thisMonth'), value: monthOf(dayjs()) },
    { label: t('indicators.lastMonth'), value: monthOf(dayjs().subtract(1, 'month')) },
    {
      label: t('indicators.thisYear'),
      value: {
        from: dayjs().startOf('year').valueOf(),
        to: dayjs().startOf('month').add(1, 'month').valueOf(),
      },
    },
  ];

  const ratesOption = useMemo<ChartOption | null>(() => {
    const d = indicators.data;
    if (d === undefined) {
      return null;
    }
    const series = (name: string, x: Indicators) => ({
      name,
      type: 'bar',
      data: rateKeys.map((k) => (x.rates[k] === null ? null : Number(((x.rates[k] ?? 0) * 100).toFixed(1)))),
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

  const rankingOption = useMemo<ChartOption | null>(() => {
    const items = (ranking.data?.items ?? []).filter((x) => x.composite !== null).slice(0, 15);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 90 },
      xAxis: { type: 'category', data: items.map((x) => x.name), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          name: t('indicators.composite'),
          type: 'bar',
          data: items.map((x) => x.composite),
          itemStyle: { color: '#c8161d' },
        },
        {
          name: t('indicators.rates.closeRate'),
          type: 'line',
          data: items.map((x) =>
            x.rates.closeRate === null ? null : Number((x.rates.closeRate * 100).toFixed(1)),
          ),
        },
      ],
    };
  }, [ranking.data, t]);

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('indicators.title')}
        extra={
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to).subtract(1, 'day')]}
            presets={presets.map((p) => ({
              label: p.label,
              value: [dayjs(p.value.from), dayjs(p.value.to).subtract(1, 'day')],
            }))}
            onChange={(range) => {
              const [start, end] = range ?? [];
              if (start !== null && start !== undefined && end !== null && end !== undefined) {
                setPeriod({
                  from: start.startOf('month').valueOf(),
                  to: end.startOf('month').add(1, 'month').valueOf(),
                });
              }
            }}
            aria-label={t('indicators.period')}
          />
        }
      >
        <Typography.Paragraph type="secondary" data-testid="indicator-scope">
          {t('indicators.scope', {
            unit:
              unitId === undefined
                ? (assignment?.orgName ?? t('common.none'))
                : (linked.data ?? (linked.isLoading ? '…' : unitId)),
          })}
          {unitId === undefined ? null : (
            <Typography.Link
              style={{ marginInlineStart: 12 }}
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete('unitId');
                setParams(next);
              }}
            >
              {t('indicators.ownUnit')}
            </Typography.Link>
          )}
        </Typography.Paragraph>
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
      {ratesOption === null ? null : (
        <Card size="small" title={t('indicators.chartRates')}>
          <EChart option={ratesOption} height={320} testId="chart-rates" />
        </Card>
      )}
      <Card
        title={t('indicators.ranking')}
        extra={
          <Segmented<RankLevel>
            value={level}
            onChange={setLevel}
            options={LEVELS.map((l) => ({ value: l, label: t(`indicators.levels.${l}`) }))}
          />
        }
      >
        {ranking.error !== undefined ? <ProblemAlert error={ranking.error} onRetry={ranking.reload} /> : null}
        {rankingOption === null || (ranking.data?.items.length ?? 0) === 0 ? null : (
          <>
            <Typography.Text type="secondary">{t('indicators.chartComposite')}</Typography.Text>
            <EChart option={rankingOption} height={300} testId="chart-ranking" />
          </>
        )}
        <Table
          rowKey="id"
          size="small"
          loading={ranking.isLoading}
          dataSource={ranking.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'rank', title: t('indicators.rank'), dataIndex: 'rank', width: 70 },
            { key: 'name', title: t('indicators.name'), dataIndex: 'name' },
            {
              key: 'composite',
              title: t('indicators.composite'),
              width: 100,
              render: (_: unknown, x: Indicators) => x.composite ?? '—',
            },
            {
              key: 'grade',
              title: t('indicators.grade'),
              width: 80,
              render: (_: unknown, x: Indicators) =>
                x.grade === null ? '—' : <Tag color="red">{x.grade}</Tag>,
            },
            ...(['closeRate', 'onTimeHandleRate', 'reworkRate', 'satisfactionRate'] as const).map((key) => ({
              key,
              title: rateLabel(t, key),
              width: 110,
              render: (_: unknown, x: Indicators) => percent(x.rates[key]),
            })),
            {
              key: 'reported',
              title: t('indicators.reported'),
              width: 90,
              render: (_: unknown, x: Indicators) => x.counts.reported ?? 0,
            },
            {
              key: 'closed',
              title: t('indicators.closed'),
              width: 90,
              render: (_: unknown, x: Indicators) => x.counts.closed ?? 0,
            },
          ]}
        />
      </Card>
    </Flex>
  );
};
