// A resident rates a done outcome (落实/回音) on the five-level scale, with a comment; a poor rating reopens it.
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Progress, Radio, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicCouncil, publicPaths, rateOutcome, ratings, type Outcome, type Rating } from '../api';
import { formatDate, ratingLabel } from '../labels';
import { PhoneField } from './PhoneField';

type Values = { phone: string; rating: Rating; comment?: string };

export const RatePage = () => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { councilId = '', outcomeId = '' } = useParams<{ councilId: string; outcomeId: string }>();
  const council = useLoader((signal) => fetchPublicCouncil(councilId, signal), [councilId]);
  const [rated, setRated] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const back = (
    <Link to={publicPaths.council(councilId)}>
      <Button size="large">{t('consultations.public.backToCouncil')}</Button>
    </Link>
  );
  const submit = async (v: Values) => {
    setIsSaving(true);
    setError(undefined);
    try {
      const comment = v.comment?.trim() ?? '';
      const { item } = await rateOutcome(outcomeId, {
        phone: v.phone.trim(),
        rating: v.rating,
        comment: comment === '' ? null : comment,
      });
      setRated(item);
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
  if (council.data === undefined) {
    return (
      <PublicLayout>
        <Spin />
      </PublicLayout>
    );
  }
  if (rated !== null) {
    return (
      <PublicLayout>
        <Card>
          <Result
            status="success"
            title={
              rated.status === 'done' ? t('consultations.public.rated') : t('consultations.public.ratedPoor')
            }
            extra={back}
            data-testid="rate-done"
          />
        </Card>
      </PublicLayout>
    );
  }
  const outcome = council.data.outcomes.find((o) => o.id === outcomeId);
  if (outcome === undefined) {
    return (
      <PublicLayout>
        <Result status="404" title={t('consultations.public.outcomeNotFound')} extra={back} />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <Card title={t('consultations.public.rateTitle')}>
        <Typography.Text type="secondary">{council.data.item.name}</Typography.Text>
        <Typography.Title level={5} style={{ marginTop: 4 }}>
          {outcome.title}
        </Typography.Title>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('consultations.outcome.owner')}>{outcome.ownerUnit}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.outcome.deadline')}>
            {formatDate(outcome.deadlineAt, locale)}
          </Descriptions.Item>
          {outcome.doneAt === null ? null : (
            <Descriptions.Item label={t('consultations.outcome.doneAt')}>
              {formatDate(outcome.doneAt, locale)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Progress percent={outcome.progress} size="small" />
        {outcome.status !== 'done' ? (
          <Result status="info" title={t('consultations.public.rateNotDone')} extra={back} />
        ) : (
          <Form<Values>
            layout="vertical"
            onFinish={(v) => void submit(v)}
            disabled={isSaving}
            style={{ marginTop: 12 }}
          >
            <Typography.Paragraph>{t('consultations.public.rateHint')}</Typography.Paragraph>
            <Form.Item
              name="rating"
              label={t('consultations.public.rating')}
              rules={[{ required: true, message: t('consultations.public.ratingRequired') }]}
            >
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
                options={ratings.map((r) => ({ value: r, label: ratingLabel(t, r) }))}
                data-testid="rate-options"
              />
            </Form.Item>
            <Form.Item name="comment" label={t('consultations.public.comment')}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <PhoneField />
            {error === undefined ? null : <ProblemAlert error={error} />}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={isSaving}
              style={{ marginTop: 12 }}
              data-testid="rate-submit"
            >
              {t('consultations.actions.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </PublicLayout>
  );
};
