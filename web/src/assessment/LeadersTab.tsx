// The assessment of the people in charge (领导干部考核) of a year: one post's sheets ranked, each line's figure and
// points beside its weight; the organisation department recomputes them, everyone reading may export them.
import { useMemo, useState } from 'react';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { platformKeys, platformLabel } from '../cases/labels';
import { formatDateTimeShort, formatShare } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import { currentLocale } from '../i18n';
import {
  fetchLeaders,
  fetchTowns,
  leaderPosts,
  leadersXlsxUrl,
  rankLeaders,
  type LeaderPost,
  type LeaderSchemeLine,
  type LeaderSheet,
  type LeadersQuery,
} from './api';
import { leaderPostLabel, leaderUnitLabel, msg } from './labels';

const dash = '—';

/** Highest first; a sheet without a total sorts below every scored one. */
const byTotal = (a: LeaderSheet, b: LeaderSheet): number =>
  (a.total ?? Number.NEGATIVE_INFINITY) - (b.total ?? Number.NEGATIVE_INFINITY);

export const LeadersTab = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const canApprove = useAbility('assessment.approve');
  const [post, setPost] = useState<LeaderPost>('villageSecretary');
  const [townId, setTownId] = useState<string | undefined>(undefined);
  const [platform, setPlatform] = useState<string | undefined>(undefined);
  // A department head belongs to no town: the town filter does not apply to that post.
  const hasTowns = post !== 'departmentHead';
  const query: LeadersQuery = { post, townId: hasTowns ? townId : undefined };
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchLeaders(year, query, signal),
    [year, query.post, query.townId],
  );
  const towns = useLoader((signal) => fetchTowns(signal), []);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [isComputing, setIsComputing] = useState(false);
  const recompute = async () => {
    setIsComputing(true);
    setActionError(undefined);
    try {
      const r = await rankLeaders(year);
      void message.success(t('assessment.leaders.recomputed', { sheets: r.sheets, ranked: r.ranked }));
      reload();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setIsComputing(false);
    }
  };
  const rows = useMemo(
    () =>
      (data?.items ?? []).filter(
        (s) => post !== 'townLeader' || platform === undefined || s.platform === platform,
      ),
    [data, post, platform],
  );
  // Only a district reader has towns to choose among.
  const townOptions = towns.data ?? [];
  const computedAt = data?.computedAt ?? null;
  const isComputed = computedAt !== null;
  const schemeLines = data?.post === post ? data.scheme.lines : [];

  const lineColumn = (l: LeaderSchemeLine): ColumnsType<LeaderSheet>[number] => ({
    key: `line-${l.code}`,
    title: (
      <Tooltip title={t('assessment.leaders.source', { name: msg(l.sourceName) })}>
        <Flex vertical>
          <span>{msg(l.name)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('assessment.leaders.weight', { points: l.points })}
          </Typography.Text>
        </Flex>
      </Tooltip>
    ),
    width: 130,
    align: 'right',
    render: (_: unknown, s) => {
      const score = s.lines.find((x) => x.code === l.code);
      if (score === undefined || score.figure === null) {
        return <span data-testid={`line-${l.code}`}>{dash}</span>;
      }
      return (
        <Flex vertical align="flex-end" data-testid={`line-${l.code}`}>
          <span>{formatShare(score.figure)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {score.points === null
              ? dash
              : t('assessment.leaders.linePoints', { points: score.points, weight: l.points })}
          </Typography.Text>
        </Flex>
      );
    },
  });

  const columns: ColumnsType<LeaderSheet> = [
    {
      title: t('assessment.leaders.rank'),
      dataIndex: 'rank',
      width: isMobile ? 48 : 64,
      fixed: isMobile ? undefined : 'left',
      render: (v: number | null) => <span data-testid="leader-rank">{v ?? dash}</span>,
    },
    ...(post === 'villageSecretary'
      ? [
          {
            title: t('assessment.leaders.townRank'),
            dataIndex: 'townRank',
            width: 80,
            render: (v: number | null) => <span data-testid="leader-town-rank">{v ?? dash}</span>,
          },
        ]
      : []),
    ...(hasTowns
      ? [
          {
            title: t('assessment.leaders.town'),
            dataIndex: 'townName',
            width: 120,
            render: (v: string | null) => <span data-testid="leader-town">{v ?? dash}</span>,
          },
        ]
      : []),
    ...(post === 'townLeader'
      ? [
          {
            title: t('assessment.leaders.platform'),
            dataIndex: 'platform',
            width: 120,
            render: (v: string | null) => (
              <span data-testid="leader-platform">{v === null ? dash : platformLabel(t, v)}</span>
            ),
          },
        ]
      : []),
    {
      title: leaderUnitLabel(t, post),
      dataIndex: 'unitName',
      width: 160,
      render: (v: string) => <span data-testid="leader-unit">{v}</span>,
    },
    {
      title: t('assessment.leaders.person'),
      key: 'person',
      width: 100,
      render: (_: unknown, s) =>
        s.person === null ? (
          <Typography.Text type="secondary">{t('assessment.leaders.undecided')}</Typography.Text>
        ) : (
          s.person.name
        ),
    },
    {
      title: t('assessment.leaders.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      sorter: byTotal,
      sortDirections: ['descend', 'ascend'],
      render: (v: number | null) => (
        <Typography.Text strong data-testid="leader-total">
          {v ?? dash}
        </Typography.Text>
      ),
    },
    {
      title: t('assessment.leaders.coverage'),
      dataIndex: 'coverage',
      width: 100,
      align: 'right',
      render: (v: number) => formatShare(v),
    },
    ...schemeLines.map(lineColumn),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select<LeaderPost>
            aria-label={t('assessment.leaders.post')}
            value={post}
            onChange={setPost}
            options={leaderPosts.map((p) => ({ value: p, label: leaderPostLabel(t, p) }))}
            style={{ width: isMobile ? '100%' : 220 }}
            data-testid="leader-post"
          />
          {hasTowns && townOptions.length > 1 ? (
            <Select<string>
              allowClear
              placeholder={t('assessment.leaders.allTowns')}
              aria-label={t('assessment.leaders.town')}
              value={townId}
              onChange={setTownId}
              options={townOptions.map((o) => ({ value: o.id, label: o.name }))}
              style={{ width: isMobile ? '100%' : 180 }}
              data-testid="leader-filter-town"
            />
          ) : null}
          {post === 'townLeader' ? (
            <Select<string>
              allowClear
              placeholder={t('assessment.leaders.allPlatforms')}
              aria-label={t('assessment.leaders.platform')}
              value={platform}
              onChange={setPlatform}
              options={platformKeys.map((p) => ({ value: p, label: platformLabel(t, p) }))}
              style={{ width: isMobile ? '100%' : 180 }}
              data-testid="leader-filter-platform"
            />
          ) : null}
          {isComputed ? (
            <Typography.Text type="secondary" data-testid="leader-count">
              {t('assessment.leaders.count', { count: rows.length })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8} wrap align="center">
          {computedAt === null ? null : (
            <Typography.Text type="secondary" data-testid="leader-computed-at">
              {t('assessment.leaders.computedAt', { time: formatDateTimeShort(computedAt, currentLocale()) })}
            </Typography.Text>
          )}
          {canApprove ? (
            <Popconfirm
              title={t('assessment.leaders.recompute')}
              description={t('assessment.leaders.recomputeConfirm')}
              okText={t('assessment.sheet.confirm')}
              cancelText={t('assessment.sheet.cancel')}
              onConfirm={() => void recompute()}
            >
              <Button icon={<ReloadOutlined />} loading={isComputing} data-testid="leader-recompute">
                {t('assessment.leaders.recompute')}
              </Button>
            </Popconfirm>
          ) : null}
          {isComputed ? (
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={leadersXlsxUrl(year, query)}
              download
              data-testid="leader-export"
            >
              {t('assessment.leaders.export')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {towns.error === undefined ? null : <ProblemAlert error={towns.error} onRetry={towns.reload} />}
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      {data !== undefined && !isComputed ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('assessment.leaders.empty')}
          data-testid="leader-empty"
        />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.leaders.hint')}
          </Typography.Text>
          <Table<LeaderSheet>
            rowKey="unitId"
            size="middle"
            loading={isLoading}
            dataSource={data?.post === post ? rows : []}
            pagination={{ pageSize: 20, showSizeChanger: false, size: isMobile ? 'small' : undefined }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('assessment.leaders.noMatch') }}
            data-testid="leader-table"
            columns={columns}
          />
        </>
      )}
    </Flex>
  );
};
