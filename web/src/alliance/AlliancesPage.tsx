// The alliances the caller can see. A link may name an organisation (?orgId=, from the command view): the alliance
// convened there opens at once; without one, the list shows with a note.
import { useEffect } from 'react';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrg } from '../api/orgs';
import { levelLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import type { OrgLevel } from '../api/types';
import { fetchAlliances, staffPaths, type Alliance } from './api';
import { formatDate } from './labels';

export const AlliancesPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const { data, error, isLoading, reload } = useLoader((signal) => fetchAlliances(signal), []);
  const convenedHere = orgId === undefined ? undefined : data?.items.find((a) => a.orgId === orgId);
  useEffect(() => {
    if (convenedHere !== undefined) {
      void navigate(staffPaths.alliance(convenedHere.id), { replace: true });
    }
  }, [convenedHere, navigate]);
  const locale = currentLocale();
  const items = data?.items ?? [];
  // The organisation a link named, when no alliance is convened there.
  const named = orgId !== undefined && data !== undefined && convenedHere === undefined;
  const unit = useLoader(
    (signal) => (named ? fetchOrg(orgId, signal) : Promise.resolve(undefined)),
    [named, orgId],
  );
  const unitName = unit.data?.item.id === orgId ? unit.data?.item.name : undefined;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('alliance.title')}
      </Typography.Title>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {named && unitName !== undefined ? (
        <Alert
          type="info"
          showIcon
          data-testid="alliance-none-at-org"
          title={t('alliance.list.noneAtOrg', { name: unitName })}
        />
      ) : null}
      <Card>
        <Table<Alliance>
          rowKey="id"
          size="middle"
          loading={isLoading || convenedHere !== undefined}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('alliance.list.empty') }}
          data-testid="alliance-table"
          columns={[
            {
              title: t('alliance.list.name'),
              dataIndex: 'name',
              render: (_: unknown, a) => (
                <Link to={staffPaths.alliance(a.id)} data-testid="alliance-link">
                  {a.name}
                </Link>
              ),
            },
            { title: t('alliance.list.convener'), dataIndex: 'orgName', width: 200 },
            {
              title: t('alliance.list.level'),
              dataIndex: 'orgLevel',
              width: 140,
              render: (v: string) => levelLabel(t, v as OrgLevel),
            },
            { title: t('alliance.list.members'), dataIndex: 'memberCount', width: 120, align: 'right' },
            {
              title: t('alliance.list.created'),
              dataIndex: 'createdAt',
              width: 140,
              render: (v: number) => formatDate(v, locale),
            },
          ]}
        />
        <Typography.Text type="secondary">
          {t('alliance.list.loaded', { count: items.length })}
        </Typography.Text>
      </Card>
    </Flex>
  );
};
