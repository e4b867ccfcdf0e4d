// The years assessed in the caller's scope: status, sheet counts by status and the public notices; the district
// opens the current year.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import { assessmentPaths, fetchCycles, openCycle, type Cycle } from './api';
import { cycleStatusLabel, formatDate, noticeStatusLabel } from './labels';
import { StatusCounts } from './StatusCounts';

export const CyclesPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  // A unit a link names (?orgId=, with no year closed yet) goes along to the year's sheets.
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const canApprove = useAbility('assessment.approve');
  const { data, error, isLoading, reload } = useLoader((signal) => fetchCycles(signal), []);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [isOpening, setIsOpening] = useState(false);
  const thisYear = new Date().getFullYear();
  const items = data?.items ?? [];
  const canOpen = canApprove && data !== undefined && !items.some((c) => c.year === thisYear);
  const open = async () => {
    setIsOpening(true);
    setActionError(undefined);
    try {
      const r = await openCycle(thisYear);
      void message.success(t('assessment.cycles.opened', { count: r.sheets }));
      reload();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setIsOpening(false);
    }
  };
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('assessment.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('assessment.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Link to={assessmentPaths.tree(thisYear)}>{t('assessment.cycles.viewTree')}</Link>
          {canOpen ? (
            <Popconfirm
              title={t('assessment.cycles.open', { year: thisYear })}
              description={t('assessment.cycles.openConfirm')}
              okText={t('assessment.sheet.confirm')}
              cancelText={t('assessment.sheet.cancel')}
              onConfirm={() => void open()}
            >
              <Button type="primary" loading={isOpening}>
                {t('assessment.cycles.open', { year: thisYear })}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      {isMobile ? (
        <Flex vertical gap={12} data-testid="cycle-table">
          {isLoading && data === undefined ? <Card loading /> : null}
          {data !== undefined && items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.cycles.empty')} />
          ) : null}
          {items.map((c) => (
            <Card
              key={c.year}
              size="small"
              title={
                <Link to={assessmentPaths.cycle(c.year, undefined, orgId)} data-testid="cycle-link">
                  {t('assessment.cycle.title', { year: c.year })}
                </Link>
              }
              extra={
                <Tag color={c.status === 'open' ? 'processing' : 'default'}>
                  {cycleStatusLabel(t, c.status)}
                </Tag>
              }
            >
              <Flex vertical gap={8}>
                <StatusCounts counts={c.counts} />
                {c.notices.map((n) => (
                  <Link key={n.id} to={assessmentPaths.cycle(c.year, 'notices')}>
                    {n.title} · {noticeStatusLabel(t, n.status)}
                  </Link>
                ))}
                <Space size="middle" wrap>
                  <Link to={assessmentPaths.cycle(c.year, undefined, orgId)}>
                    {t('assessment.cycles.sheets')}
                  </Link>
                  <Link to={assessmentPaths.tree(c.year)}>{t('assessment.cycles.viewTree')}</Link>
                </Space>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Card title={t('assessment.cycles.title')}>
          <Table<Cycle>
            rowKey="year"
            size="middle"
            loading={isLoading}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('assessment.cycles.empty') }}
            data-testid="cycle-table"
            columns={[
              {
                title: t('assessment.cycles.year'),
                dataIndex: 'year',
                width: 90,
                render: (year: number) => (
                  <Link to={assessmentPaths.cycle(year, undefined, orgId)} data-testid="cycle-link">
                    {year}
                  </Link>
                ),
              },
              {
                title: t('assessment.cycles.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: string) => (
                  <Tag color={s === 'open' ? 'processing' : 'default'}>{cycleStatusLabel(t, s)}</Tag>
                ),
              },
              {
                title: t('assessment.cycles.counts'),
                key: 'counts',
                render: (_: unknown, c) => <StatusCounts counts={c.counts} />,
              },
              {
                title: t('assessment.cycles.notices'),
                key: 'notices',
                render: (_: unknown, c) =>
                  c.notices.length === 0 ? (
                    <Typography.Text type="secondary">{t('assessment.cycles.noNotices')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={2}>
                      {c.notices.map((n) => (
                        <Link key={n.id} to={assessmentPaths.cycle(c.year, 'notices')}>
                          {n.title} · {noticeStatusLabel(t, n.status)} ·{' '}
                          {t('assessment.notices.window', {
                            from: formatDate(n.startsAt),
                            to: formatDate(n.endsAt),
                          })}
                        </Link>
                      ))}
                    </Flex>
                  ),
              },
              {
                title: t('assessment.cycles.openedAt'),
                dataIndex: 'openedAt',
                width: 120,
                responsive: ['md'],
                render: (v: number) => formatDate(v),
              },
              {
                key: 'links',
                width: 170,
                render: (_: unknown, c) => (
                  <Space size="small" wrap>
                    <Link to={assessmentPaths.cycle(c.year, undefined, orgId)}>
                      {t('assessment.cycles.sheets')}
                    </Link>
                    <Link to={assessmentPaths.tree(c.year)}>{t('assessment.cycles.viewTree')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
};
