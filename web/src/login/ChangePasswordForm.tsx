// Changing one's own password: asked from the user menu, and forced (full page) after an administrator's reset.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { changeOwnPassword } from '../users/api';

type Values = { current: string; next: string; confirm: string };

export const ChangePasswordForm = ({ onDone }: { onDone?: () => void }) => {
  const { t } = useTranslation();
  const { reload } = useAuth();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (v: Values) => {
    setError(undefined);
    setIsBusy(true);
    try {
      await changeOwnPassword(v.current, v.next);
      void message.success(t('users.password.done'));
      form.resetFields();
      onDone?.();
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      data-testid="change-password"
    >
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Typography.Paragraph type="secondary">{t('users.password.policy')}</Typography.Paragraph>
      <Form.Item
        name="current"
        label={t('users.password.current')}
        rules={[{ required: true, message: t('users.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="next"
        label={t('users.password.next')}
        rules={[{ required: true, min: 10, message: t('users.password.policy') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-next" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('users.password.confirm')}
        dependencies={['next']}
        rules={[
          { required: true, message: t('users.required') },
          ({ getFieldValue }) => ({
            validator: (_: unknown, value: string) =>
              value === getFieldValue('next')
                ? Promise.resolve()
                : Promise.reject(new Error(t('users.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isBusy} data-testid="password-submit">
        {t('users.password.submit')}
      </Button>
    </Form>
  );
};

/** The whole console while a reset password waits to be changed: every other API would answer 403 anyway. */
export const ForcedPasswordChange = () => {
  const { t } = useTranslation();
  const { logout } = useAuth();
  return (
    <Flex justify="center" style={{ padding: 24 }}>
      <Card
        title={t('users.password.forcedTitle')}
        style={{ width: '100%', maxWidth: 440 }}
        data-testid="forced-password-change"
      >
        <Alert type="warning" showIcon title={t('users.password.forcedHint')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm />
        <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => void logout()}>
          {t('auth.logout')}
        </Button>
      </Card>
    </Flex>
  );
};
