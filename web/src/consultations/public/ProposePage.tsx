// A resident proposes a topic on the phone: title, text, a name if they wish, anonymous to the public if they wish.
import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicCouncil, proposeTopic, publicPaths, type ProposeBody, type Topic } from '../api';
import { formatDate } from '../labels';

export const ProposePage = () => {
  const { t } = useTranslation();
  const { councilId = '' } = useParams<{ councilId: string }>();
  const council = useLoader((signal) => fetchPublicCouncil(councilId, signal), [councilId]);
  const [done, setDone] = useState<Topic | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (v: ProposeBody) => {
    setIsSaving(true);
    setError(undefined);
    try {
      const name = v.name?.trim() ?? '';
      const { item } = await proposeTopic(councilId, {
        title: v.title.trim(),
        body: v.body.trim(),
        name: name === '' ? null : name,
        isAnonymous: v.isAnonymous === true,
      });
      setDone(item);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  if (council.error !== undefined) {
    return (
      <PublicLayout>
        <ProblemAlert error={council.error} onRetry={council.reload} />
      </PublicLayout>
    );
  }
  const back = (
    <Link to={publicPaths.council(councilId)}>
      <Button size="large">{t('consultations.public.backToCouncil')}</Button>
    </Link>
  );
  if (done !== null) {
    return (
      <PublicLayout>
        <Card>
          <Result
            status="success"
            title={t('consultations.public.proposed')}
            subTitle={
              <>
                <Typography.Paragraph strong>{done.title}</Typography.Paragraph>
                {done.supportUntil === null ? null : (
                  <Typography.Paragraph>
                    {t('consultations.public.proposedRule', {
                      threshold: done.supportThreshold,
                      date: formatDate(done.supportUntil, currentLocale()),
                    })}
                  </Typography.Paragraph>
                )}
                <Typography.Paragraph type="secondary">
                  {t('consultations.public.proposedHint')}
                </Typography.Paragraph>
              </>
            }
            extra={back}
            data-testid="propose-done"
          />
        </Card>
      </PublicLayout>
    );
  }
  const item = council.data?.item;
  return (
    <PublicLayout>
      <Card title={t('consultations.public.proposeTitle')}>
        {item === undefined ? (
          <Spin />
        ) : (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {item.name}
            </Typography.Paragraph>
            <Form<ProposeBody> layout="vertical" onFinish={(v) => void submit(v)} disabled={isSaving}>
              <Form.Item
                name="title"
                label={t('consultations.public.topicTitle')}
                rules={[
                  { required: true, whitespace: true, message: t('consultations.public.topicTitleRequired') },
                ]}
              >
                <Input maxLength={100} size="large" data-testid="propose-title" />
              </Form.Item>
              <Form.Item name="body" label={t('consultations.public.topicBody')} initialValue="">
                <Input.TextArea rows={5} maxLength={4000} showCount data-testid="propose-body" />
              </Form.Item>
              <Form.Item name="name" label={t('consultations.public.yourName')}>
                <Input maxLength={30} size="large" autoComplete="name" />
              </Form.Item>
              <Form.Item name="isAnonymous" valuePropName="checked">
                <Checkbox>{t('consultations.public.isAnonymous')}</Checkbox>
              </Form.Item>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('consultations.public.proposeNote')}
              </Typography.Paragraph>
              {error === undefined ? null : <ProblemAlert error={error} />}
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={isSaving}
                style={{ marginTop: 12 }}
                data-testid="propose-submit"
              >
                {t('consultations.actions.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </PublicLayout>
  );
};
