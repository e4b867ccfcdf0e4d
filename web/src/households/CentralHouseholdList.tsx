// Which households each party-member central household serves, for an organisation subtree; rows expand to the households.
import { useState } from 'react';
import { Button, Flex, Popconfirm, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useCursorList } from '../api/useCursorList';
import { useAbility } from '../auth/useAuth';
import {
  fetchCentralHousehold,
  fetchCentralHouseholds,
  unlinkHousehold,
  type CentralHousehold,
  type Household,
} from './api';

const LinkedHouseholds = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const loaded = useLoader((signal) => fetchCentralHousehold(id, signal), [id]);
  const canWrite = useAbility('household.write');
  const [failure, setFailure] = useState<unknown>(undefined);
  const unlink = async (householdId: string) => {
    try {
      await unlinkHousehold(householdId);
      loaded.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  if (failure !== undefined) {
    return <ProblemAlert error={failure} />;
  }
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  return (
    <Table<Household>
      rowKey="id"
      size="small"
      loading={loaded.isLoading}
      pagination={false}
      dataSource={loaded.data?.households ?? []}
      data-testid="linked-households"
      columns={[
        { key: 'headName', title: t('orgSystem.households.headName'), dataIndex: 'headName' },
        { key: 'address', title: t('orgSystem.households.address'), dataIndex: 'address' },
        {
          key: 'size',
          title: t('orgSystem.households.size'),
          dataIndex: 'size',
          align: 'right',
          responsive: ['sm'],
        },
        ...(canWrite
          ? [
              {
                key: 'unlink',
                title: '',
                render: (_: unknown, h: Household) => (
                  <Popconfirm title={t('orgSystem.households.unlink')} onConfirm={() => void unlink(h.id)}>
                    <Button size="small" type="link">
                      {t('orgSystem.households.unlink')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
};

export const CentralHouseholdList = ({ orgId, openId }: { orgId?: string; openId?: string | null }) => {
  const { t } = useTranslation();
  const list = useCursorList((cursor, signal) => fetchCentralHouseholds(orgId, cursor, signal), [orgId]);
  if (list.error !== undefined) {
    return <ProblemAlert error={list.error} onRetry={list.reload} />;
  }
  return (
    <Flex vertical gap={12} data-testid="central-households">
      <Table<CentralHousehold>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        expandable={{
          expandedRowRender: (c) => <LinkedHouseholds id={c.id} />,
          defaultExpandedRowKeys: openId === null || openId === undefined ? [] : [openId],
        }}
        columns={[
          { key: 'name', title: t('orgSystem.households.central'), dataIndex: 'name' },
          {
            key: 'head',
            title: t('orgSystem.households.head'),
            render: (_, c) => <Link to={`/members/${encodeURIComponent(c.head.id)}`}>{c.head.name}</Link>,
          },
          {
            key: 'group',
            title: t('orgSystem.households.group'),
            responsive: ['sm'],
            render: (_, c) => <Link to={`/orgs/${encodeURIComponent(c.group.id)}`}>{c.group.name}</Link>,
          },
          {
            key: 'linked',
            title: t('orgSystem.households.linked'),
            dataIndex: 'linkedCount',
            align: 'right',
          },
        ]}
      />
      {list.hasMore ? (
        <Flex justify="center">
          <Button onClick={list.loadMore} loading={list.isLoadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};
