// The meeting check-in opened from the room's QR code: the token from the link and the phone the person was invited
// or registered with.
import { useState } from 'react';
import { Alert, Button, Card, Form, Result, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import { checkIn, fetchPublicCouncil, publicPaths } from '../api';
import { formatDateTimeShort } from '../labels';
import { PhoneField } from './PhoneField';

export const CheckInPage = () => {
  const { t } = useTranslation();
  const { councilId = '', meetingId = '' } = useParams<{ councilId: string; meetingId: string }>();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const council = useLoader((signal) => fetchPublicCouncil(councilId, signal), [councilId]);
  const meeting = council.data?.upcomingMeetings.find((m) => m.id === meetingId);
  const [isDone, setIsDone] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async ({ phone }: { phone: string }) => {
    setIsSaving(true);
    setError(undefined);
    try {
      await checkIn(meetingId, token, phone.trim());
      setIsDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  const heading = (
    <>
      {council.data === undefined ? null : (
        <Typography.Text type="secondary">{council.data.item.name}</Typography.Text>
      )}
      <Typography.Title level={4} style={{ marginTop: 4 }}>
        {meeting?.title ?? t('consultations.public.checkInTitle')}
      </Typography.Title>
      {meeting === undefined ? null : (
        <Typography.Paragraph type="secondary">
          {formatDateTimeShort(meeting.startsAt, currentLocale())} · {meeting.place}
        </Typography.Paragraph>
      )}
    </>
  );
  if (isDone) {
    return (
      <PublicLayout>
        <Card>
          <Result
            status="success"
            title={t('consultations.public.checkedIn')}
            subTitle={meeting?.title}
            extra={
              <Link to={publicPaths.council(councilId)}>
                <Button size="large">{t('consultations.public.backToCouncil')}</Button>
              </Link>
            }
            data-testid="checkin-done"
          />
        </Card>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <Card title={t('consultations.public.checkInTitle')}>
        {heading}
        {token === '' ? (
          <Alert type="warning" showIcon title={t('consultations.public.checkInMissingToken')} />
        ) : (
          <Form<{ phone: string }> layout="vertical" onFinish={(v) => void submit(v)} disabled={isSaving}>
            <Typography.Paragraph>{t('consultations.public.checkInHint')}</Typography.Paragraph>
            <PhoneField />
            {error === undefined ? null : <ProblemAlert error={error} />}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={isSaving}
              style={{ marginTop: 12 }}
              data-testid="checkin-submit"
            >
              {t('consultations.public.checkIn')}
            </Button>
          </Form>
        )}
      </Card>
    </PublicLayout>
  );
};
