// The weekly or monthly briefing (周报、月报) of a unit: its figures beside the period before, the units below ranked
// by the composite score, the categories most reported and the alerts with what was done. Printable (the console's
// frame is left off the paper) and downloadable as .xlsx.
import { useEffect } from 'react';
import { Button, Card, DatePicker, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  DownloadOutlined,
  LeftOutlined,
  PrinterOutlined,
  RightOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  briefingKinds,
  briefingXlsxUrl,
  fetchBriefing,
  type Alert,
  type Briefing,
  type BriefingFigure,
  type BriefingKind,
  type BriefingQuery,
} from './api';
import { actionLabel, alertCountText, ruleKindLabel, statusLabel } from './AlertsPanel';
import { changeOf, formatChange, formatFigure } from './format';
import { screenPath } from './paths';
import { useCategoryNames } from './useCategoryNames';
import './command.css';

const HALF_DAY = 12 * 3_600_000;

const isKind = (v: string | null): v is BriefingKind => v === 'week' || v === 'month';

/** Marks the page so the print style leaves the console's frame off the paper. */
const usePrintable = () => {
  useEffect(() => {
    document.body.classList.add('tx-printing');
    return () => document.body.classList.remove('tx-printing');
  }, []);
};

const Section = ({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId: string;
}) => (
  <section data-testid={testId} style={{ marginTop: 20 }}>
    <Typography.Title level={5} style={{ marginBottom: 8 }}>
      {title}
    </Typography.Title>
    {children}
  </section>
);

const FiguresTable = ({ briefing }: { briefing: Briefing }) => {
  const { t, i18n } = useTranslation();
  return (
    <Table<BriefingFigure>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={briefing.figures}
      data-testid="briefing-figures"
      columns={[
        { key: 'label', title: t('command.briefing.figure'), render: (_, f) => f.label },
        {
          key: 'value',
          title: t('command.briefing.current'),
          align: 'right',
          render: (_, f) => {
            const text = formatFigure(t, f.value, f.format, i18n.language);
            return f.link === null ? (
              <span data-testid={`briefing-figure-${f.key}`}>{text}</span>
            ) : (
              <Link to={f.link} data-testid={`briefing-figure-${f.key}`}>
                {text}
              </Link>
            );
          },
        },
        {
          key: 'previous',
          title: t('command.briefing.previous'),
          align: 'right',
          render: (_, f) => formatFigure(t, f.previous, f.format, i18n.language),
        },
        {
          key: 'change',
          title: t('command.briefing.change'),
          align: 'right',
          render: (_, f) => {
            const diff = changeOf(f.value, f.previous, f.format);
            return (
              <Typography.Text type={diff === null || diff === 0 ? 'secondary' : undefined}>
                {formatChange(t, diff, f.format, i18n.language)}
              </Typography.Text>
            );
          },
        },
      ]}
    />
  );
};

const GRADE_COLOURS: Record<string, string> = { A: 'green', B: 'cyan', C: 'blue', D: 'orange', E: 'red' };

export const BriefingPage = () => {
  const { t, i18n } = useTranslation();
  usePrintable();
  const [params, setParams] = useSearchParams();
  const categories = useCategoryNames();
  const periodParam = params.get('period');
  const atParam = params.get('at');
  const query: BriefingQuery = {
    orgId: params.get('orgId') ?? undefined,
    period: isKind(periodParam) ? periodParam : 'week',
    at: atParam !== null && /^\d+$/.test(atParam) ? Number(atParam) : undefined,
  };
  const kind = query.period ?? 'week';
  const briefing = useLoader(
    (signal) => fetchBriefing(query, signal),
    [query.orgId, query.period, query.at, i18n.language],
  );
  const data = briefing.data;

  const go = (next: Partial<{ period: BriefingKind; at: number | undefined }>) => {
    const p = new URLSearchParams(params);
    if (next.period !== undefined) {
      p.set('period', next.period);
    }
    if ('at' in next) {
      if (next.at === undefined) {
        p.delete('at');
      } else {
        p.set('at', String(next.at));
      }
    }
    setParams(p);
  };

  const picked = data === undefined ? undefined : dayjs(query.at ?? data.period.from + HALF_DAY);
  const isLatest = data !== undefined && data.period.to > data.generatedAt;
  const when = (ms: number) => formatDateTimeShort(ms, i18n.language);

  return (
    <Card
      className="tx-cmd-briefing-sheet"
      data-testid="briefing"
      title={
        data === undefined ? (
          t('command.briefing.title')
        ) : (
          <Flex vertical gap={0} style={{ paddingBlock: 8 }}>
            <span data-testid="briefing-title">
              {t('command.briefing.heading', { org: data.org.name, period: data.period.label })}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {t('command.briefing.generatedAt', { time: when(data.generatedAt) })}
            </Typography.Text>
          </Flex>
        )
      }
      extra={
        <Space wrap className="tx-no-print">
          <Link to={screenPath(data?.org.id ?? query.orgId, false)}>
            <Button icon={<ArrowLeftOutlined />}>{t('command.backToScreen')}</Button>
          </Link>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="briefing-print">
            {t('command.briefing.print')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={briefingXlsxUrl({ ...query, at: query.at ?? data?.generatedAt })}
            download
            data-testid="briefing-export"
          >
            {t('command.briefing.export')}
          </Button>
        </Space>
      }
    >
      <Flex gap={8} wrap align="center" className="tx-no-print">
        <Segmented<BriefingKind>
          value={kind}
          onChange={(period) => go({ period })}
          options={briefingKinds.map((k) => ({ value: k, label: t(`command.briefing.kinds.${k}`) }))}
          data-testid="briefing-kind"
        />
        <Button
          icon={<LeftOutlined />}
          aria-label={t('command.briefing.previousPeriod')}
          disabled={data === undefined}
          onClick={() => data !== undefined && go({ at: data.period.from - HALF_DAY })}
          data-testid="briefing-prev"
        />
        <DatePicker
          picker={kind}
          value={picked}
          allowClear={false}
          onChange={(d) => {
            if (d !== null) {
              go({ at: (kind === 'month' ? d.date(15) : d).hour(12).startOf('hour').valueOf() });
            }
          }}
          aria-label={t('command.briefing.pick')}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('command.briefing.nextPeriod')}
          disabled={data === undefined || isLatest}
          onClick={() => data !== undefined && go({ at: data.period.to + HALF_DAY })}
        />
        {isLatest ? <Tag color="processing">{t('command.briefing.ongoing')}</Tag> : null}
      </Flex>
      {briefing.error === undefined ? null : (
        <ProblemAlert error={briefing.error} onRetry={briefing.reload} />
      )}
      {data === undefined ? null : (
        <>
          <Section title={t('command.briefing.figures')} testId="briefing-figures-section">
            <FiguresTable briefing={data} />
          </Section>
          {data.ranking.items.length === 0 ? null : (
            <Section title={data.ranking.label} testId="briefing-ranking">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.ranking.items}
                columns={[
                  { key: 'rank', title: t('command.briefing.rank'), width: 70, render: (_, r) => r.rank },
                  {
                    key: 'name',
                    title: t('command.briefing.unit'),
                    render: (_, r) => (r.link === null ? r.name : <Link to={r.link}>{r.name}</Link>),
                  },
                  {
                    key: 'value',
                    title: t('command.briefing.score'),
                    align: 'right',
                    render: (_, r) => formatFigure(t, r.value, 'score', i18n.language),
                  },
                  {
                    key: 'grade',
                    title: t('command.briefing.grade'),
                    width: 90,
                    render: (_, r) =>
                      r.grade === null ? (
                        t('common.none')
                      ) : (
                        <Tag color={GRADE_COLOURS[r.grade]}>{r.grade}</Tag>
                      ),
                  },
                ]}
              />
            </Section>
          )}
          <Section title={t('command.briefing.topCategories')} testId="briefing-categories">
            <Table
              rowKey="categoryCode"
              size="small"
              pagination={false}
              dataSource={data.topCategories}
              locale={{ emptyText: t('command.briefing.noCases') }}
              columns={[
                {
                  key: 'rank',
                  title: t('command.briefing.rank'),
                  width: 70,
                  render: (_, _c, i) => i + 1,
                },
                { key: 'name', title: t('command.briefing.category'), render: (_, c) => c.name },
                {
                  key: 'count',
                  title: t('command.briefing.count'),
                  align: 'right',
                  render: (_, c) => formatFigure(t, c.count, 'count', i18n.language),
                },
              ]}
            />
          </Section>
          <Section title={t('command.briefing.alerts')} testId="briefing-alerts">
            <Table<Alert>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.alerts}
              locale={{ emptyText: t('command.briefing.noAlerts') }}
              columns={[
                {
                  key: 'raisedAt',
                  title: t('command.briefing.raisedAt'),
                  width: 150,
                  render: (_, a) => when(a.raisedAt),
                },
                {
                  key: 'rule',
                  title: t('command.briefing.alert'),
                  render: (_, a) => (
                    <Flex vertical>
                      <span>{a.ruleName}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[
                          ruleKindLabel(t, a.kind),
                          a.categoryCode === null ? null : (categories.get(a.categoryCode) ?? a.categoryCode),
                        ]
                          .filter((x) => x !== null)
                          .join(' · ')}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { key: 'org', title: t('command.briefing.unit'), render: (_, a) => a.orgName },
                { key: 'count', title: t('command.briefing.count'), render: (_, a) => alertCountText(t, a) },
                {
                  key: 'status',
                  title: t('command.briefing.status'),
                  render: (_, a) => statusLabel(t, a.status),
                },
                {
                  key: 'action',
                  title: t('command.briefing.done'),
                  render: (_, a) =>
                    a.action === null ? (
                      t('common.none')
                    ) : (
                      <Flex vertical>
                        <span>
                          {a.action.note === ''
                            ? actionLabel(t, a.action.kind)
                            : t('command.alerts.actionWithNote', {
                                action: actionLabel(t, a.action.kind),
                                note: a.action.note,
                              })}
                        </span>
                        {a.outcome === null ? null : (
                          <Typography.Text type="secondary">
                            {t('command.briefing.outcome', { note: a.outcome.note })}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                },
              ]}
            />
          </Section>
        </>
      )}
    </Card>
  );
};
