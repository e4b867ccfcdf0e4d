// The residents' page of a service-hours certificate, without an account: enter or open its code, read the masked
// name, year, hours and status, and object to it while its public notice runs.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicCertificate, objectToCertificate, publicPaths, type PublicCertificate } from '../api';
import { certificateColour, certificateStateLabel, formatDate } from '../labels';

const isCode = (code: string) => code.length >= 6 && code.length <= 20;

export const VerifyCertificatePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: raw } = useParams<{ code?: string }>();
  const code = (raw ?? '').trim().toUpperCase();
  const [typed, setTyped] = useState(code);
  return (
    <PublicLayout>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('volunteers.verify.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('volunteers.verify.hint')}</Typography.Paragraph>
        <Input.Search
          size="large"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('volunteers.verify.codePlaceholder')}
          aria-label={t('volunteers.verify.code')}
          enterButton={t('volunteers.verify.check')}
          maxLength={20}
          onSearch={(v) => {
            const next = v.trim().toUpperCase();
            if (isCode(next)) {
              void navigate(publicPaths.verify(next));
            }
          }}
          data-testid="verify-code"
        />
      </Card>
      {code === '' ? null : (
        <div style={{ marginTop: 12 }}>
          <CertificateCard key={code} code={code} />
        </div>
      )}
    </PublicLayout>
  );
};

const CertificateCard = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(
    async (signal) => (isCode(code) ? fetchPublicCertificate(code, signal) : null),
    [code],
  );
  const notFound = (
    <Alert type="warning" showIcon title={t('volunteers.verify.notFound')} data-testid="verify-not-found" />
  );
  if (error !== undefined) {
    return error instanceof ApiError && error.status === 404 ? (
      notFound
    ) : (
      <ProblemAlert error={error} onRetry={reload} />
    );
  }
  if (data === undefined) {
    return <Spin spinning={isLoading} />;
  }
  if (data === null) {
    return notFound;
  }
  return <CertificateView certificate={data} onObjected={reload} />;
};

const CertificateView = ({
  certificate: c,
  onObjected,
}: {
  certificate: PublicCertificate;
  onObjected: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isNoticeRunning = c.status === 'notice' && Date.now() < c.noticeUntil;
  return (
    <>
      <Card data-testid="verify-certificate">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('volunteers.verify.code')}>
            <Typography.Text code>{c.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.verify.name')}>{c.memberName}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.verify.org')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.verify.year')}>{c.year}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.verify.hours')}>
            {t('volunteers.verify.hoursValue', { hours: c.hours })}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.verify.status')}>
            <Tag color={certificateColour(c.status)} data-testid="verify-status">
              {certificateStateLabel(t, c.status)}
            </Tag>
          </Descriptions.Item>
          {c.status === 'issued' || c.issuedAt !== null ? null : (
            <Descriptions.Item label={t('volunteers.verify.noticeUntil')}>
              {formatDate(c.noticeUntil, locale)}
            </Descriptions.Item>
          )}
          {c.issuedAt === null ? null : (
            <Descriptions.Item label={t('volunteers.verify.issuedAt')}>
              {formatDate(c.issuedAt, locale)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {isNoticeRunning ? <ObjectionCard code={c.code} onObjected={onObjected} /> : null}
    </>
  );
};

const ObjectionCard = ({ code, onObjected }: { code: string; onObjected: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await objectToCertificate(code, v.text.trim());
      void message.success(t('volunteers.verify.objected'));
      onObjected();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card title={t('volunteers.verify.objectTitle')} style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary">{t('volunteers.verify.objectHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="text"
          label={t('volunteers.verify.objectText')}
          rules={[
            { required: true, whitespace: true, message: t('volunteers.verify.objectRequired') },
            { min: 5, message: t('volunteers.verify.objectRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="verify-objection" />
        </Form.Item>
        {error === undefined ? null : (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={error} />
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={isSaving} data-testid="verify-object">
          {t('volunteers.verify.objectSubmit')}
        </Button>
      </Form>
    </Card>
  );
};
