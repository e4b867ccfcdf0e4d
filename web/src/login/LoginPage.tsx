// Sign-in page: username and password, server problems shown as the server titled them.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { problemText, type ProblemText } from '../common/problemText';
import { LanguageSwitch } from '../shell/LanguageSwitch';

type Credentials = { username: string; password: string };

export const LoginPage = () => {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const submit = async ({ username, password }: Credentials) => {
    setIsSubmitting(true);
    setProblem(null);
    try {
      // On success the /login route itself redirects to where the visitor came from.
      await login(username.trim(), password);
    } catch (error) {
      setProblem(problemText(error, t));
      form.setFieldValue('password', '');
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #8f0e13 0%, #c8161d 45%, #e9574f 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch isOnDark />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 12px 40px rgba(0,0,0,0.25)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="tx-brand-mark" aria-hidden="true" style={{ width: 56, height: 56, fontSize: 28 }}>
            同
          </span>
          <Typography.Title level={2} style={{ margin: '8px 0 0', color: '#c8161d' }}>
            {t('app.name')} <span style={{ fontWeight: 400, fontSize: 20 }}>{t('app.nameLatin')}</span>
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('app.subtitle')}
          </Typography.Text>
        </Flex>
        <Form<Credentials>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          aria-label={t('auth.title')}
        >
          {problem === null ? null : (
            <Alert
              data-testid="login-error"
              role="alert"
              type="error"
              showIcon
              title={problem.title}
              description={problem.detail}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item
            label={t('auth.username')}
            name="username"
            htmlFor="username"
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input
              id="username"
              name="username"
              size="large"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              prefix={<UserOutlined />}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            htmlFor="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              id="password"
              name="password"
              size="large"
              autoComplete="current-password"
              prefix={<LockOutlined />}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={isSubmitting}
            data-testid="login-submit"
          >
            {isSubmitting ? t('auth.submitting') : t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text
        style={{ marginTop: 24, color: 'rgba(255,255,255,0.85)', fontSize: 12, textAlign: 'center' }}
      >
        {t('auth.footer')}
      </Typography.Text>
    </Flex>
  );
};
