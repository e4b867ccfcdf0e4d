// Landing page: my case work, the active scope's organisation, its figures and the organisations below it.
import { Button, Card, Flex, List, Space, Typography } from 'antd';
import { ApartmentOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrg, fetchOrgChildren, fetchRootOrgs } from '../api/orgs';
import type { Org, OrgDetail, Page } from '../api/types';
import { useCursorList } from '../api/useCursorList';
import { MyWorkCard } from '../cases/MyWorkCard';
import { useAbility, useActiveAssignment, useMe } from '../auth/useAuth';
import { roleLabel } from '../common/labels';
import { OrgLevelTag } from '../common/OrgLevelTag';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { OrgStats } from '../orgs/OrgStats';

type ScopeData = { root: OrgDetail | null; items: Org[]; nextCursor: string | null };

/** One root: show it and its children. Several roots: the roots are what the scope sees first. */
const loadScope = async (signal: AbortSignal): Promise<ScopeData> => {
  const { items: roots } = await fetchRootOrgs(signal);
  const [only] = roots;
  if (roots.length !== 1 || only === undefined) {
    return { root: null, items: roots, nextCursor: null };
  }
  const [detail, children] = await Promise.all([
    fetchOrg(only.id, signal),
    fetchOrgChildren(only.id, {}, signal),
  ]);
  return { root: detail.item, items: children.items, nextCursor: children.nextCursor };
};

const OrgChildren = ({ data }: { data: ScopeData }) => {
  const { t } = useTranslation();
  // The first page came with the scope; further pages follow the cursor.
  const list = useCursorList(
    (cursor, signal): Promise<Page<Org>> =>
      cursor === null || data.root === null
        ? Promise.resolve({ items: data.items, nextCursor: data.nextCursor })
        : fetchOrgChildren(data.root.id, { cursor }, signal),
    [data],
  );

  return (
    <>
      <div data-testid="org-children">
        <List
          itemLayout="horizontal"
          dataSource={list.items}
          locale={{ emptyText: t('common.noData') }}
          renderItem={(org) => (
            <List.Item
              data-testid="org-child"
              extra={
                <Link to={`/orgs/${encodeURIComponent(org.id)}`} aria-label={org.name}>
                  <RightOutlined />
                </Link>
              }
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <Link to={`/orgs/${encodeURIComponent(org.id)}`}>{org.name}</Link>
                    <OrgLevelTag level={org.level} />
                  </Space>
                }
                description={
                  <Space size={16} wrap>
                    <Typography.Text
                      type="secondary"
                      copyable={org.code === null ? false : { text: org.code }}
                    >
                      {t('orgs.code')}: {org.code ?? t('common.none')}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      <ApartmentOutlined /> {t('overview.childCount', { count: org.childCount })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
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

const ScopeCard = () => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(loadScope, []);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  const root = data?.root ?? null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {root === null ? null : (
        <Card
          title={
            <Space wrap>
              <Link to={`/orgs/${encodeURIComponent(root.id)}`}>{root.name}</Link>
              <OrgLevelTag level={root.level} />
            </Space>
          }
          extra={
            root.code === null ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {root.code}
              </Typography.Text>
            )
          }
        >
          <OrgStats counts={root.counts} />
        </Card>
      )}
      <Card title={t('overview.children')} loading={isLoading && data === undefined}>
        {data === undefined ? null : <OrgChildren key={root?.id ?? 'roots'} data={data} />}
      </Card>
    </Space>
  );
};

export const OverviewPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const assignment = useActiveAssignment();
  const canReadOrgs = useAbility('org.read');
  const canReadCases = useAbility('case.read');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('overview.welcome', { name: me.user.displayName })}
        </Typography.Title>
        {assignment === null ? null : (
          <Typography.Text type="secondary">
            {t('overview.scope', { role: roleLabel(t, assignment.role), org: assignment.orgName })}
          </Typography.Text>
        )}
      </div>
      {canReadCases ? <MyWorkCard key={assignment?.id ?? 'none'} /> : null}
      {canReadOrgs ? <ScopeCard /> : <Typography.Paragraph>{t('overview.noOrgAccess')}</Typography.Paragraph>}
    </Space>
  );
};
