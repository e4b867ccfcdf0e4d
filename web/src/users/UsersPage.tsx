// The list of accounts in the caller's scope: search by username or name, filter by role, organisation and status.
import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchGrantableRoles, fetchUsers, type RoleName, type UserFilter, type UserSummary } from './api';
import { OrgPicker } from './OrgPicker';

export const UsersPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<UserFilter['role']>(undefined);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<UserFilter['status']>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const roles = useLoader((signal) => fetchGrantableRoles(signal), []);
  const list = useLoader(
    (signal) => fetchUsers({ q: q.trim(), role, orgId, status, page, pageSize }, signal),
    [q, role, orgId, status, page, pageSize],
  );

  return (
    <Card
      title={t('users.title')}
      data-testid="users-page"
      extra={
        <Flex gap={8}>
          <Button icon={<UploadOutlined />} onClick={() => void navigate('/admin/users/import')}>
            {t('users.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="user-create"
            onClick={() => void navigate('/admin/users/new')}
          >
            {t('users.create')}
          </Button>
        </Flex>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          style={{ width: 220 }}
          data-testid="user-search"
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('users.anyRole')}
          style={{ width: 180 }}
          value={role}
          onChange={(v: UserFilter['role']) => {
            setRole(v);
            setPage(1);
          }}
          options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: t(`roles.${r.role}`) }))}
        />
        <OrgPicker
          placeholder={t('users.org')}
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('users.anyStatus')}
          style={{ width: 140 }}
          value={status}
          onChange={(v: UserFilter['status']) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'active', label: t('users.statusActive') },
            { value: 'inactive', label: t('users.statusInactive') },
          ]}
        />
      </Flex>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Table<UserSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(u) => ({
          onClick: () => void navigate(`/admin/users/${u.id}`),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          {
            key: 'org',
            title: t('users.homeOrg'),
            render: (_: unknown, u) => u.org?.name ?? t('common.none'),
          },
          {
            key: 'roles',
            title: t('users.assignments'),
            render: (_: unknown, u) => (
              <Flex gap={4} wrap>
                {u.assignments.map((a) => (
                  <Tag key={a.id}>
                    {t(`roles.${a.role satisfies RoleName}`)} · {a.orgName}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('users.status'),
            render: (_: unknown, u) => (
              <Flex gap={4}>
                {u.status === 'active' ? (
                  <Tag color="green">{t('users.statusActive')}</Tag>
                ) : (
                  <Tag>{t('users.statusInactive')}</Tag>
                )}
                {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'lastLogin',
            title: t('users.lastLogin'),
            render: (_: unknown, u) =>
              u.lastLoginAt === null ? (
                <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
              ) : (
                dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm')
              ),
          },
        ]}
      />
    </Card>
  );
};
