// One account: its facts, role assignments (add, revoke), member and grid links, and the lifecycle actions
// (deactivate or reactivate, reset the password to a one-time password shown once).
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  message,
} from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { FullPageSpin } from '../common/FullPageSpin';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  addAssignment,
  fetchGrantableRoles,
  fetchUser,
  linkGrids,
  linkMember,
  resetPassword,
  revokeAssignment,
  setActive,
  type GrantableRole,
  type GridRole,
  type UserAssignment,
  type UserDetail,
} from './api';
import { OneTimePasswordModal } from './OneTimePassword';
import { OrgPicker } from './OrgPicker';

const when = (at: number | null, fallback: string) =>
  at === null ? fallback : dayjs(at).format('YYYY-MM-DD HH:mm');

export const UserPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useLoader((signal) => fetchUser(id, signal), [id]);
  const roles = useLoader((signal) => fetchGrantableRoles(signal), []);
  const [override, setOverride] = useState<UserDetail | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [newRole, setNewRole] = useState<GrantableRole | undefined>(undefined);
  const [newRoleOrg, setNewRoleOrg] = useState<string | undefined>(undefined);
  const [memberId, setMemberId] = useState('');
  const [gridId, setGridId] = useState('');
  const [gridRole, setGridRole] = useState<GridRole>('worker');

  const user = override?.id === id ? override : loaded.data?.item;
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  if (user === undefined) {
    return <FullPageSpin />;
  }
  const act = async (run: () => Promise<{ item: UserDetail }>) => {
    setError(undefined);
    try {
      setOverride((await run()).item);
      void message.success(t('users.saved'));
    } catch (failure) {
      setError(failure);
    }
  };
  const canEdit = user.isManageable;
  const levels = roles.data?.items.find((r) => r.role === newRole)?.orgLevels ?? null;

  return (
    <Flex vertical gap={16} data-testid="user-page">
      <Card
        title={`${user.displayName} (${user.username})`}
        extra={<Button onClick={() => void navigate('/admin/users')}>{t('users.back')}</Button>}
      >
        {canEdit ? null : (
          <Alert type="info" showIcon title={t('users.notManageable')} style={{ marginBottom: 12 }} />
        )}
        {error === undefined ? null : <ProblemAlert error={error} />}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'status',
              label: t('users.status'),
              children: (
                <Space>
                  {user.status === 'active' ? (
                    <Tag color="green">{t('users.statusActive')}</Tag>
                  ) : (
                    <Tag>{t('users.statusInactive')}</Tag>
                  )}
                  {user.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'org', label: t('users.homeOrg'), children: user.org?.name ?? t('common.none') },
            { key: 'login', label: t('users.lastLogin'), children: when(user.lastLoginAt, t('users.never')) },
            { key: 'created', label: t('users.createdAt'), children: when(user.createdAt, '') },
          ]}
        />
        {canEdit ? (
          <Space style={{ marginTop: 12 }} wrap>
            <Popconfirm
              title={t('users.resetConfirm')}
              onConfirm={() =>
                void resetPassword(user.id).then(
                  (r) => {
                    setOneTime(r.oneTimePassword);
                    loaded.reload();
                  },
                  (failure: unknown) => setError(failure),
                )
              }
            >
              <Button data-testid="user-reset">{t('users.resetPassword')}</Button>
            </Popconfirm>
            {user.status === 'active' ? (
              <Popconfirm
                title={t('users.deactivateConfirm')}
                onConfirm={() => void act(() => setActive(user.id, false))}
              >
                <Button danger data-testid="user-deactivate">
                  {t('users.deactivate')}
                </Button>
              </Popconfirm>
            ) : (
              <Button data-testid="user-reactivate" onClick={() => void act(() => setActive(user.id, true))}>
                {t('users.reactivate')}
              </Button>
            )}
          </Space>
        ) : null}
      </Card>

      <Card title={t('users.assignments')}>
        <Table<UserAssignment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={user.assignments}
          columns={[
            { key: 'role', title: t('users.role'), render: (_: unknown, a) => t(`roles.${a.role}`) },
            { key: 'org', title: t('users.org'), dataIndex: 'orgName' },
            {
              key: 'actions',
              title: '',
              render: (_: unknown, a) =>
                canEdit ? (
                  <Popconfirm
                    title={t('users.revokeConfirm')}
                    onConfirm={() => void act(() => revokeAssignment(user.id, a.id))}
                  >
                    <Button size="small" danger>
                      {t('users.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
        {canEdit ? (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Select
              allowClear
              placeholder={t('users.role')}
              style={{ width: 180 }}
              value={newRole}
              onChange={(v: GrantableRole | undefined) => {
                setNewRole(v);
                setNewRoleOrg(undefined);
              }}
              options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: t(`roles.${r.role}`) }))}
            />
            <OrgPicker
              placeholder={t('users.org')}
              levels={levels}
              value={newRoleOrg}
              onChange={setNewRoleOrg}
            />
            <Button
              type="primary"
              disabled={newRole === undefined || newRoleOrg === undefined}
              onClick={() => {
                if (newRole !== undefined && newRoleOrg !== undefined) {
                  void act(() => addAssignment(user.id, newRole, newRoleOrg));
                }
              }}
            >
              {t('users.addAssignment')}
            </Button>
          </Flex>
        ) : null}
      </Card>

      <Card title={t('users.member')}>
        <Flex gap={8} wrap align="center">
          {user.member === null ? (
            <Tag>{t('users.noMember')}</Tag>
          ) : (
            <Tag color="red">{user.member.name ?? user.member.id}</Tag>
          )}
          {canEdit ? (
            <>
              <Input
                placeholder={t('users.memberId')}
                style={{ width: 260 }}
                value={memberId}
                onChange={(e) => setMemberId(e.target.value)}
              />
              <Button
                disabled={memberId.trim() === ''}
                onClick={() => void act(() => linkMember(user.id, memberId.trim()))}
              >
                {t('users.link')}
              </Button>
              {user.member === null ? null : (
                <Button onClick={() => void act(() => linkMember(user.id, null))}>{t('users.unlink')}</Button>
              )}
            </>
          ) : null}
        </Flex>
      </Card>

      <Card title={t('users.grids')}>
        <Flex vertical gap={8}>
          <Flex gap={4} wrap>
            {user.grids.length === 0 ? <Tag>{t('users.noGrids')}</Tag> : null}
            {user.grids.map((g) => (
              <Tag
                key={g.staffId}
                closable={canEdit}
                onClose={(e) => {
                  e.preventDefault();
                  void act(() =>
                    linkGrids(
                      user.id,
                      user.grids
                        .filter((x) => x.staffId !== g.staffId)
                        .map((x) => ({ gridId: x.gridId, role: x.role })),
                    ),
                  );
                }}
              >
                {g.name ?? g.gridId} {g.code ?? ''} · {t(`users.gridRoles.${g.role}`)}
              </Tag>
            ))}
          </Flex>
          {canEdit ? (
            <Flex gap={8} wrap>
              <Input
                placeholder={t('users.gridId')}
                style={{ width: 260 }}
                value={gridId}
                onChange={(e) => setGridId(e.target.value)}
              />
              <Select
                style={{ width: 120 }}
                value={gridRole}
                onChange={(v: 'worker' | 'leader') => setGridRole(v)}
                options={[
                  { value: 'worker', label: t('users.gridRoles.worker') },
                  { value: 'leader', label: t('users.gridRoles.leader') },
                ]}
              />
              <Button
                disabled={gridId.trim() === ''}
                onClick={() =>
                  void act(() =>
                    linkGrids(user.id, [
                      ...user.grids.map((x) => ({ gridId: x.gridId, role: x.role })),
                      { gridId: gridId.trim(), role: gridRole },
                    ]),
                  )
                }
              >
                {t('users.addGrid')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      <OneTimePasswordModal username={user.username} password={oneTime} onClose={() => setOneTime(null)} />
    </Flex>
  );
};
