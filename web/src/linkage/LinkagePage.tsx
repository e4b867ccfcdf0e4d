// The linkage module behind one navigation entry: the head's households, the chain queue, indicators, visit plan.
import { useState } from 'react';
import { Card, List, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { LimitsTab } from './LimitsTab';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchAppeals, fetchIndicators, fetchOverdueVisits, type UnitIndicators } from './api';
import { AppealDrawer } from './AppealDrawer';
import { InNeedTag, LevelTag, localDay, share, StatusTag, when } from './labels';
import { MyHouseholds } from './MyHouseholds';

const Queue = () => {
  const { t } = useTranslation();
  const [view, setView] = useState<'mine' | 'all'>('mine');
  const [open, setOpen] = useState<string | null>(null);
  const list = useLoader((signal) => fetchAppeals(view, signal), [view]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        value={view}
        onChange={(v) => {
          setView(v === 'all' ? 'all' : 'mine');
        }}
        options={[
          { value: 'mine', label: t('linkage.queue.mine') },
          { value: 'all', label: t('linkage.queue.all') },
        ]}
      />
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <List
        loading={list.isLoading}
        locale={{ emptyText: t('linkage.queue.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            data-testid="queue-appeal"
            style={{ cursor: 'pointer' }}
            onClick={() => {
              setOpen(a.id);
            }}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <StatusTag status={a.status} />
                  <LevelTag level={a.level} />
                  {a.isOverdue ? (
                    <Typography.Text type="danger">{t('linkage.appeal.overdue')}</Typography.Text>
                  ) : null}
                  <span>{a.trackingCode}</span>
                </Space>
              }
              description={`${when(a.recordedAt)} · ${a.text}`}
            />
          </List.Item>
        )}
      />
      <AppealDrawer
        id={open}
        onClose={() => {
          setOpen(null);
        }}
        onChanged={list.reload}
      />
    </Space>
  );
};

const IndicatorTable = ({
  orgId,
  setOrgId,
}: {
  orgId: string | undefined;
  setOrgId: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const table = useLoader((signal) => fetchIndicators(orgId, signal), [orgId]);
  const rows = table.data === undefined ? [] : [table.data.unit, ...table.data.parts];
  const low = (u: UnitIndicators) =>
    ['central', 'group', 'branch', 'village'].reduce(
      (n, l) => n + (u.indicators.settledAt[l] ?? 0) + (u.indicators.answeredAt[l] ?? 0),
      0,
    );
  return (
    <>
      {table.error === undefined ? null : <ProblemAlert error={table.error} onRetry={table.reload} />}
      <Table<UnitIndicators>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={table.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('linkage.indicators.unit'),
            key: 'name',
            render: (_: unknown, u) =>
              u.level === 'central' || u.id === table.data?.unit.id ? (
                <Space>
                  <LevelTag level={u.level} />
                  {u.name}
                </Space>
              ) : (
                <Typography.Link
                  onClick={() => {
                    setOrgId(u.id);
                  }}
                >
                  <LevelTag level={u.level} />
                  {u.name}
                </Typography.Link>
              ),
          },
          {
            title: t('linkage.indicators.received'),
            key: 'r',
            render: (_: unknown, u) => u.indicators.received,
          },
          { title: t('linkage.indicators.settledLow'), key: 'l', render: (_: unknown, u) => low(u) },
          {
            title: t('linkage.indicators.passedUp'),
            key: 'p',
            render: (_: unknown, u) => u.indicators.passedUp,
          },
          { title: t('linkage.indicators.cases'), key: 'c', render: (_: unknown, u) => u.indicators.cases },
          { title: t('linkage.indicators.topics'), key: 't', render: (_: unknown, u) => u.indicators.topics },
          { title: t('linkage.indicators.onTime'), key: 'o', render: (_: unknown, u) => u.indicators.onTime },
          {
            title: t('linkage.indicators.withinVillage'),
            key: 'v',
            render: (_: unknown, u) => share(u.indicators.shareWithinVillage),
          },
          {
            title: t('linkage.indicators.withinTown'),
            key: 'wt',
            render: (_: unknown, u) => share(u.indicators.shareWithinTown),
          },
          {
            title: t('linkage.indicators.linked'),
            key: 'h',
            render: (_: unknown, u) => u.indicators.linkedHouseholds,
          },
          {
            title: t('linkage.indicators.coverage'),
            key: 'cv',
            render: (_: unknown, u) => share(u.indicators.coverage),
          },
          {
            title: t('linkage.indicators.neverVisited'),
            key: 'n',
            render: (_: unknown, u) => u.indicators.neverVisited,
          },
        ]}
      />
    </>
  );
};

const VisitPlan = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const list = useLoader((signal) => fetchOverdueVisits(orgId, signal), [orgId]);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('linkage.plan.hint')}</Typography.Paragraph>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        renderItem={(o) => (
          <List.Item data-testid="overdue-visit">
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{`${o.household.headName} · ${o.household.address}`}</span>
                  <InNeedTag plan={o.plan} />
                </Space>
              }
              description={`${t('linkage.plan.central')} ${o.centralName}（${o.headName}） · ${
                o.household.lastVisitAt === null
                  ? t('linkage.household.never')
                  : `${t('linkage.household.lastVisit')} ${localDay(o.household.lastVisitAt)}`
              }`}
            />
          </List.Item>
        )}
      />
    </>
  );
};

export const LinkagePage = () => {
  const { t } = useTranslation();
  const canServe = useAbility('linkage.serve');
  const canRead = useAbility('linkage.read');
  // The unit of the indicators and the visit plan, in the address so that a link (the command view's) opens on it.
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const setOrgId = (id: string) => {
    setParams({ orgId: id });
  };
  const items = [
    ...(canServe ? [{ key: 'mine', label: t('linkage.tabs.mine'), children: <MyHouseholds /> }] : []),
    ...(canRead
      ? [
          { key: 'queue', label: t('linkage.tabs.queue'), children: <Queue /> },
          {
            key: 'indicators',
            label: t('linkage.tabs.indicators'),
            children: <IndicatorTable orgId={orgId} setOrgId={setOrgId} />,
          },
          { key: 'plan', label: t('linkage.tabs.plan'), children: <VisitPlan orgId={orgId} /> },
          { key: 'limits', label: t('linkage.tabs.limits'), children: <LimitsTab /> },
        ]
      : []),
  ];
  return (
    <Card title={t('linkage.title')}>
      <Tabs
        items={items}
        defaultActiveKey={orgId !== undefined && canRead ? 'indicators' : undefined}
        destroyOnHidden
      />
    </Card>
  );
};
