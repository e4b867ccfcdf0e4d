// Sign in or out on site from the phone: the activity, the code shown on site (filled in when the QR code was
// scanned), and the phone's position from the browser's geolocation, or typed when it is not available.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  checkIn,
  fetchMyActivities,
  myPaths,
  type Activity,
  type CheckInAnswer,
  type Direction,
} from './api';
import { formatDateTimeShort, formatTime } from './labels';

type Values = { activityId: string; token: string; direction: Direction; lng?: number; lat?: number };

type Locating =
  | { state: 'idle' }
  | { state: 'locating' }
  | { state: 'located'; accuracy: number }
  | { state: 'failed'; reason: string }
  | { state: 'unavailable' };

export const CheckInPage = ({ activityId }: { activityId: string | null }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [locating, setLocating] = useState<Locating>(
    'geolocation' in navigator ? { state: 'idle' } : { state: 'unavailable' },
  );
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<CheckInAnswer | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const mine = useLoader((signal) => fetchMyActivities(false, signal), []);
  const signups = (mine.data?.mine ?? []).filter(
    (s) => s.cancelledAt === null && s.activity.status === 'open',
  );
  const labelOf = (a: Activity) => `${a.title} · ${formatDateTimeShort(a.startsAt, locale)}`;
  // A scanned code may name an activity one has not signed up for: name it too, and let the server say why not.
  const scanned = (mine.data?.upcoming ?? []).find(
    (a) => a.id === activityId && !signups.some((s) => s.activity.id === a.id),
  );
  const options = [
    ...signups.map((s) => ({ value: s.activity.id, label: labelOf(s.activity), signInAt: s.signInAt })),
    ...(scanned === undefined ? [] : [{ value: scanned.id, label: labelOf(scanned), signInAt: null }]),
  ];
  const locate = () => {
    setLocating({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.setFieldsValue({ lng: position.coords.longitude, lat: position.coords.latitude });
        setLocating({ state: 'located', accuracy: Math.round(position.coords.accuracy) });
      },
      (failure) => setLocating({ state: 'failed', reason: failure.message }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (v.lng === undefined || v.lat === undefined) {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      const answer = await checkIn(v.activityId, {
        token: v.token.trim(),
        lng: v.lng,
        lat: v.lat,
        direction: v.direction,
      });
      setResult(answer);
      void message.success(
        v.direction === 'in' ? t('volunteers.checkIn.doneIn') : t('volunteers.checkIn.doneOut'),
      );
      mine.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  const signedIn = options.find((o) => o.value === activityId)?.signInAt ?? null;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <Link to={myPaths.home}>{t('volunteers.checkIn.back')}</Link>
      <Card title={t('volunteers.checkIn.title')} size={isMobile ? 'small' : 'default'}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            activityId: activityId ?? undefined,
            token: params.get('token') ?? '',
            direction: signedIn === null ? 'in' : 'out',
          }}
          onFinish={() => void submit()}
        >
          <Form.Item name="activityId" label={t('volunteers.checkIn.activity')} rules={[{ required: true }]}>
            <Select
              loading={mine.isLoading}
              placeholder={t('volunteers.checkIn.pickActivity')}
              options={options.map((o) => ({ value: o.value, label: o.label }))}
              data-testid="checkin-activity"
            />
          </Form.Item>
          <Form.Item
            name="token"
            label={t('volunteers.checkIn.code')}
            extra={t('volunteers.checkIn.codeHint')}
            rules={[{ required: true, whitespace: true, message: t('volunteers.checkIn.codeRequired') }]}
          >
            <Input maxLength={64} autoComplete="off" data-testid="checkin-token" />
          </Form.Item>
          <Form.Item name="direction" label={t('volunteers.checkIn.direction')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'in', label: t('volunteers.checkIn.in') },
                { value: 'out', label: t('volunteers.checkIn.out') },
              ]}
            />
          </Form.Item>
          <Typography.Text strong>{t('volunteers.checkIn.position')}</Typography.Text>
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {locating.state === 'unavailable' ? (
              <Alert type="info" showIcon title={t('volunteers.checkIn.noGeolocation')} />
            ) : (
              <Button
                icon={<AimOutlined />}
                loading={locating.state === 'locating'}
                onClick={locate}
                style={{ alignSelf: 'flex-start' }}
                data-testid="checkin-locate"
              >
                {locating.state === 'locating'
                  ? t('volunteers.checkIn.locating')
                  : t('volunteers.checkIn.locate')}
              </Button>
            )}
            {locating.state === 'located' ? (
              <Typography.Text type="success">
                {t('volunteers.checkIn.located', { accuracy: locating.accuracy })}
              </Typography.Text>
            ) : null}
            {locating.state === 'failed' ? (
              <Alert
                type="warning"
                showIcon
                title={t('volunteers.checkIn.geolocationFailed', { reason: locating.reason })}
              />
            ) : null}
            <Space wrap>
              <Form.Item
                name="lng"
                label={t('volunteers.checkIn.lng')}
                rules={[{ required: true, message: t('volunteers.checkIn.positionRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber min={-180} max={180} precision={6} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item
                name="lat"
                label={t('volunteers.checkIn.lat')}
                rules={[{ required: true, message: t('volunteers.checkIn.positionRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber min={-90} max={90} precision={6} style={{ width: 150 }} />
              </Form.Item>
            </Space>
          </Flex>
          {error === undefined ? null : (
            <div style={{ marginBottom: 12 }}>
              <ProblemAlert error={error} />
            </div>
          )}
          {result === null ? null : (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="checkin-result"
              title={[
                result.signInAt === null
                  ? null
                  : t('volunteers.my.signedIn', { time: formatTime(result.signInAt, locale) }),
                result.signOutAt === null
                  ? null
                  : t('volunteers.my.signedOut', { time: formatTime(result.signOutAt, locale) }),
              ]
                .filter((s) => s !== null)
                .join(' · ')}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block={isMobile}
            loading={isSaving}
            data-testid="checkin-submit"
          >
            {t('volunteers.checkIn.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
};
