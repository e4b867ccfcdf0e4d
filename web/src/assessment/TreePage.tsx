// A year's indicator tree, read-only: the awarding rules, the five basics and each star's lines with their scoring
// rule, source or evidence rule, and the share of the points the platform computes from live records.
import { useMemo } from 'react';
import { Breadcrumb, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import { assessmentPaths, fetchSources, fetchTree, type LineDefinition, type LineKind } from './api';
import { formatDate, lineKindLabel, msg, ruleText } from './labels';

type Row = LineDefinition & { kind: LineKind };

const LinesTable = ({ rows, sourceName }: { rows: Row[]; sourceName: Map<string, string> }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Table<Row>
      rowKey="code"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={isMobile ? { x: 560 } : undefined}
      columns={[
        {
          title: t('assessment.tree.line'),
          key: 'name',
          render: (_: unknown, l) => (
            <span>
              {msg(l.name)}{' '}
              {l.kind === 'basic' || l.kind === 'item' ? null : <Tag>{lineKindLabel(t, l.kind)}</Tag>}
            </span>
          ),
        },
        { title: t('assessment.tree.points'), dataIndex: 'points', width: 70, align: 'right' },
        { title: t('assessment.tree.rule'), key: 'rule', render: (_: unknown, l) => ruleText(t, l.rule) },
        {
          title: t('assessment.tree.source'),
          key: 'source',
          render: (_: unknown, l) =>
            l.source === undefined ? (
              <Typography.Text type="secondary">{t('assessment.tree.typedIn')}</Typography.Text>
            ) : (
              <Tag color="blue">{sourceName.get(l.source) ?? l.source}</Tag>
            ),
        },
        {
          title: t('assessment.tree.evidence'),
          key: 'evidence',
          responsive: ['md'],
          render: (_: unknown, l) => (l.evidence === undefined ? '—' : msg(l.evidence)),
        },
      ]}
    />
  );
};

/** The tree of a year; also the tree tab of a cycle. */
export const TreeView = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchTree(year, signal), [year]);
  const sources = useLoader((signal) => fetchSources(signal), []);
  const sourceName = useMemo(
    () => new Map((sources.data?.items ?? []).map((s) => [s.code, msg(s.name)])),
    [sources.data],
  );
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (data === undefined) {
    return <Card loading={isLoading} />;
  }
  const tree = data.tree;
  const of = (kind: LineKind, lines: LineDefinition[]): Row[] => lines.map((l) => ({ ...l, kind }));
  return (
    <Flex vertical gap={12} data-testid="tree-view">
      <Card size="small" title={msg(tree.name)}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('assessment.tree.version', { version: data.version })}>
            {data.isSaved ? null : t('assessment.tree.default')}
            {data.frozenAt === null
              ? t('assessment.tree.editable')
              : t('assessment.tree.frozen', { date: formatDate(data.frozenAt) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.tree.threshold')}>{tree.threshold}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.tree.basicsRequired')}>
            {t(tree.basicsRequired ? 'assessment.tree.yes' : 'assessment.tree.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.tree.maxRise')}>{tree.maxRisePerYear}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.tree.noticeDays')}>{tree.noticeDays}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.tree.quotas')}>
            {tree.quotas.length === 0
              ? '—'
              : tree.quotas
                  .map((q) =>
                    t('assessment.tree.quota', { level: q.level, share: Math.round(q.maxShare * 100) }),
                  )
                  .join('；')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {t('assessment.tree.computedShare', {
            share: Math.round(data.computedShare.share * 100),
            computed: data.computedShare.computedPoints,
            total: data.computedShare.totalPoints,
          })}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('assessment.tree.basics')}>
        <LinesTable rows={of('basic', tree.basics)} sourceName={sourceName} />
      </Card>
      {tree.stars.map((s) => (
        <Card
          key={s.code}
          size="small"
          title={msg(s.name)}
          extra={t('assessment.tree.fullMarks', { points: s.fullMarks })}
        >
          <LinesTable
            rows={[
              ...of('item', s.items),
              ...of('deduction', s.deductions),
              ...of('bonus', s.bonuses),
              ...of('veto', s.vetoes),
            ]}
            sourceName={sourceName}
          />
        </Card>
      ))}
    </Flex>
  );
};

export const TreePage = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={assessmentPaths.cycles}>{t('assessment.title')}</Link> },
          { title: t('assessment.tree.title', { year }) },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('assessment.tree.title', { year })}
      </Typography.Title>
      <TreeView year={year} />
    </Flex>
  );
};
