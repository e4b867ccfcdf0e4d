// Detail of one organisation: path, facts, figures and the organisations directly below it.
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  List,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrgChildren } from '../api/orgs';
import type { Org, OrgDetail } from '../api/types';
import { levelLabel, orgTypeLabel, statusLabel } from '../common/labels';
import { OrgLevelTag } from '../common/OrgLevelTag';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useCursorList } from '../api/useCursorList';
import { OrgStats } from './OrgStats';
import { OrgOperations } from './OrgOperations';
import { useAbility } from '../auth/useAuth';
import { formatDateTime } from '../common/labels';
import { CentralHouseholdList } from '../households/CentralHouseholdList';
import { fetchOfficers, fetchOrgEvents } from '../members/api';
import { ExportButton } from '../members/ExportButton';
import { MemberTable } from '../members/MemberTable';

const orgLink = (id: string): string => `/orgs/${encodeURIComponent(id)}`;

const ChildrenTable = ({ orgId }: { orgId: string }) => {
  const { t } = useTranslation();
  const list = useCursorList((cursor, signal) => fetchOrgChildren(orgId, { cursor }, signal), [orgId]);
  if (list.error !== undefined && list.items.length === 0) {
    return <ProblemAlert error={list.error} onRetry={list.reload} />;
  }

  return (
    <>
      <div data-testid="org-children-table">
        <Table<Org>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('common.noData') }}
          columns={[
            {
              key: 'name',
              title: t('orgs.name'),
              render: (_, org) => <Link to={orgLink(org.id)}>{org.name}</Link>,
            },
            {
              key: 'code',
              title: t('orgs.code'),
              render: (_, org) => org.code ?? t('common.none'),
              responsive: ['sm'],
            },
            { key: 'level', title: t('orgs.level'), render: (_, org) => <OrgLevelTag level={org.level} /> },
            { key: 'childCount', title: t('orgs.childCount'), dataIndex: 'childCount', align: 'right' },
            {
              key: 'status',
              title: t('orgs.status'),
              responsive: ['md'],
              render: (_, org) => (
                <Tag color={org.status === 'active' ? 'success' : 'default'}>
                  {statusLabel(t, org.status)}
                </Tag>
              ),
            },
          ]}
        />
      </div>
      {list.error === undefined ? null : <ProblemAlert error={list.error} />}
      {list.hasMore ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.isLoadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
};

const Officers = ({ orgId }: { orgId: string }) => {
  const { t } = useTranslation();
  const loaded = useLoader((signal) => fetchOfficers(orgId, signal), [orgId]);
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  return (
    <List
      size="small"
      loading={loaded.isLoading}
      dataSource={loaded.data?.items ?? []}
      locale={{ emptyText: t('common.noData') }}
      renderItem={(o) => (
        <List.Item>
          <Space>
            <Tag color="red">{t(`orgSystem.roles.${o.role as 'secretary'}`, { defaultValue: o.role })}</Tag>
            <Link to={`/members/${encodeURIComponent(o.memberId)}`}>{o.name}</Link>
          </Space>
        </List.Item>
      )}
    />
  );
};

const History = ({ orgId }: { orgId: string }) => {
  const { t, i18n } = useTranslation();
  const loaded = useLoader((signal) => fetchOrgEvents(orgId, signal), [orgId]);
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  const items = loaded.data?.items ?? [];
  if (items.length === 0) {
    return <Typography.Text type="secondary">{t('common.noData')}</Typography.Text>;
  }
  return (
    <Timeline
      items={items.map((e) => ({
        key: e.id,
        content: `${formatDateTime(e.at, i18n.language)} · ${t(`orgSystem.events.${e.kind as 'create'}`, { defaultValue: e.kind })}${e.actorName === null ? '' : ` · ${e.actorName}`}`,
      }))}
    />
  );
};

export const OrgDetailPanel = ({ org, onChanged }: { org: OrgDetail; onChanged: (id: string) => void }) => {
  const { t } = useTranslation();
  const canWrite = useAbility('org.write');
  const canSeeMembers = useAbility('member.read');
  const canSeeHouseholds = useAbility('household.read');
  const hasHouseholds = ['district', 'town', 'village', 'branch', 'group'].includes(org.level);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-detail">
      <Card>
        <Breadcrumb
          aria-label={t('orgs.path')}
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={orgLink(a.id)}>{a.name}</Link> })),
            { key: org.id, title: org.name },
          ]}
        />
        <Flex align="center" justify="space-between" gap={8} wrap style={{ margin: '12px 0' }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="org-name">
              {org.name}
            </Typography.Title>
            <OrgLevelTag level={org.level} />
            {org.status === 'dissolved' ? <Tag>{statusLabel(t, org.status)}</Tag> : null}
          </Flex>
          <Flex gap={8} wrap>
            <ExportButton orgId={org.id} />
            {canWrite ? <OrgOperations org={org} onChanged={onChanged} /> : null}
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'code',
              label: t('orgs.code'),
              children:
                org.code === null ? t('common.none') : <Typography.Text copyable>{org.code}</Typography.Text>,
            },
            { key: 'level', label: t('orgs.level'), children: levelLabel(t, org.level) },
            { key: 'type', label: t('orgs.type'), children: orgTypeLabel(t, org.type) },
            { key: 'status', label: t('orgs.status'), children: statusLabel(t, org.status) },
            { key: 'childCount', label: t('orgs.childCount'), children: org.childCount },
          ]}
        />
      </Card>
      <Card title={t('orgs.counts')} size="small">
        <OrgStats counts={org.counts} />
      </Card>
      <Card size="small">
        <Tabs
          destroyOnHidden
          defaultActiveKey="children"
          items={[
            {
              key: 'children',
              label: t('orgSystem.tabs.children'),
              children: <ChildrenTable key={org.id} orgId={org.id} />,
            },
            ...(canSeeMembers
              ? [
                  {
                    key: 'members',
                    label: t('orgSystem.tabs.members'),
                    children: <MemberTable key={org.id} orgId={org.id} />,
                  },
                  {
                    key: 'officers',
                    label: t('orgSystem.tabs.officers'),
                    children: <Officers orgId={org.id} />,
                  },
                ]
              : []),
            ...(canSeeHouseholds && hasHouseholds
              ? [
                  {
                    key: 'centralHouseholds',
                    label: t('orgSystem.tabs.centralHouseholds'),
                    children: <CentralHouseholdList key={org.id} orgId={org.id} />,
                  },
                ]
              : []),
            { key: 'history', label: t('orgSystem.tabs.history'), children: <History orgId={org.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
};
