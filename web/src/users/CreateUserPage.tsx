// Creates an account with its first role; the one-time password is shown once, then the user page opens.
import { useState } from 'react';
import { Button, Card, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { createUser, fetchGrantableRoles, type GrantableRole } from './api';
import { OneTimePasswordModal } from './OneTimePassword';
import { OrgPicker } from './OrgPicker';

type Values = {
  username: string;
  displayName: string;
  orgId: string;
  role?: GrantableRole;
  roleOrgId?: string;
};

export const CreateUserPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const roles = useLoader((signal) => fetchGrantableRoles(signal), []);
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<unknown>(undefined);
  const [made, setMade] = useState<{ id: string; username: string; password: string } | null>(null);
  const levels = roles.data?.items.find((r) => r.role === role)?.orgLevels ?? null;

  const submit = async (v: Values) => {
    setError(undefined);
    try {
      const res = await createUser({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        orgId: v.orgId,
        roles:
          v.role === undefined || v.roleOrgId === undefined ? [] : [{ role: v.role, orgId: v.roleOrgId }],
      });
      setMade({ id: res.item.id, username: res.item.username, password: res.oneTimePassword });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Card title={t('users.create')} data-testid="user-create-page">
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => void submit(v)}>
        {error === undefined ? null : <ProblemAlert error={error} />}
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/,
              message: t('users.usernameRule'),
            },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input maxLength={30} data-testid="user-name" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.homeOrg')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <OrgPicker testId="user-home-org" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select
            allowClear
            data-testid="user-role"
            options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: t(`roles.${r.role}`) }))}
          />
        </Form.Item>
        {role === undefined ? null : (
          <Form.Item
            name="roleOrgId"
            label={t('users.org')}
            rules={[{ required: true, message: t('users.required') }]}
          >
            <OrgPicker levels={levels} testId="user-role-org" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" data-testid="user-submit">
          {t('users.save')}
        </Button>{' '}
        <Button onClick={() => void navigate('/admin/users')}>{t('users.cancel')}</Button>
      </Form>
      <OneTimePasswordModal
        username={made?.username ?? ''}
        password={made?.password ?? null}
        onClose={() => {
          if (made !== null) {
            void navigate(`/admin/users/${made.id}`);
          }
        }}
      />
    </Card>
  );
};
