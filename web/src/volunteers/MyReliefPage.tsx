// The member's paired households on the phone (阳光扶贫): each with its visits so far, and recording a visit with
// its start and end, the phone's position from the browser's geolocation when it is available, what was heard and
// the help given, and optionally one photo taken or picked on the phone (sent as a data URL, at most 5 MB).
import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Tag,
  Typography,
} from 'antd';
import { AimOutlined, CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { isPrepared, preparePhoto } from '../common/photos';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchMyPairings, myPaths, recordVisit, type Pairing } from './api';
import { formatDate, reliefFlagLabel } from './labels';

export const MyReliefPage = () => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = useIsMobile();
  const [recording, setRecording] = useState<Pairing | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMyPairings(signal), []);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <Link to={myPaths.home}>{t('volunteers.myRelief.back')}</Link>
      <Typography.Title level={isMobile ? 4 : 3} style={{ margin: 0 }}>
        {t('volunteers.myRelief.title')}
      </Typography.Title>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Card size="small">
        <List<Pairing>
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.myRelief.empty')} />
            ),
          }}
          renderItem={(p) => (
            <List.Item data-testid="my-pairing">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>{p.householdName}</Typography.Text>
                <Flex gap={4} wrap>
                  <Tag>{t('volunteers.myRelief.perQuarter', { count: p.visitsPerQuarter })}</Tag>
                  <Tag color="blue" data-testid="my-pairing-visits">
                    {t('volunteers.myRelief.visits', { count: p.visits })}
                  </Tag>
                  {p.flaggedVisits > 0 ? (
                    <Tag color="warning">{`${t('volunteers.relief.flagged')} ${p.flaggedVisits}`}</Tag>
                  ) : null}
                </Flex>
                {p.lastVisitAt === null ? null : (
                  <Typography.Text type="secondary">
                    {t('volunteers.myRelief.lastVisit', { time: formatDate(p.lastVisitAt, locale) })}
                  </Typography.Text>
                )}
                {p.endedAt === null ? (
                  <Button
                    type="primary"
                    size="small"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => setRecording(p)}
                    data-testid="visit-record"
                  >
                    {t('volunteers.myRelief.record')}
                  </Button>
                ) : (
                  <Tag>{t('volunteers.relief.ended')}</Tag>
                )}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {recording === null ? null : (
        <VisitDialog
          pairing={recording}
          onClose={() => setRecording(null)}
          onRecorded={() => {
            setRecording(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
};

type Photo = { name: string; dataUrl: string };

type Values = { startedAt: Dayjs; endedAt: Dayjs; note: string; help?: string };

type Position = { lng: number; lat: number; accuracy: number };

type Locating =
  | { state: 'idle' }
  | { state: 'locating' }
  | { state: 'located'; position: Position }
  | { state: 'failed'; reason: string }
  | { state: 'unavailable' };

const VisitDialog = ({
  pairing,
  onClose,
  onRecorded,
}: {
  pairing: Pairing;
  onClose: () => void;
  onRecorded: () => void;
}) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [locating, setLocating] = useState<Locating>(
    'geolocation' in navigator ? { state: 'idle' } : { state: 'unavailable' },
  );
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pickPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again fires a change.
    event.target.value = '';
    if (file === undefined) {
      return;
    }
    setPhotoProblem(null);
    // Downscaled and re-encoded in the browser (the canvas drops EXIF), so a phone's large picture fits.
    const prepared = await preparePhoto(file);
    if (isPrepared(prepared)) {
      setPhoto({ name: prepared.name, dataUrl: prepared.dataUrl });
      return;
    }
    setPhotoProblem(
      prepared.kind === 'badType'
        ? t('volunteers.myRelief.photoBadType')
        : prepared.kind === 'tooLarge'
          ? t('volunteers.myRelief.photoTooLarge', { mb: 25 })
          : t('volunteers.myRelief.photoFailed'),
    );
  };
  const locate = () => {
    setLocating({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) =>
        setLocating({
          state: 'located',
          position: {
            lng: p.coords.longitude,
            lat: p.coords.latitude,
            accuracy: Math.round(p.coords.accuracy),
          },
        }),
      (failure) => setLocating({ state: 'failed', reason: failure.message }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };
  const submit = async () => {
    const v = await form.validateFields();
    const position = locating.state === 'located' ? locating.position : null;
    setIsSaving(true);
    setError(undefined);
    try {
      const help = v.help?.trim() ?? '';
      const { item } = await recordVisit({
        pairingId: pairing.id,
        startedAt: v.startedAt.valueOf(),
        endedAt: v.endedAt.valueOf(),
        lng: position?.lng ?? null,
        lat: position?.lat ?? null,
        note: v.note.trim(),
        help: help === '' ? null : help,
        photo: photo === null ? null : { data: photo.dataUrl },
      });
      if (item.flags.length === 0) {
        void message.success(t('volunteers.myRelief.recorded'));
      } else {
        void message.warning(
          t('volunteers.myRelief.recordedFlags', {
            flags: new Intl.ListFormat(currentLocale()).format(item.flags.map((f) => reliefFlagLabel(t, f))),
          }),
        );
      }
      onRecorded();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  const now = dayjs();
  return (
    <Modal
      open
      width={isMobile ? '100%' : 520}
      title={t('volunteers.myRelief.recordTitle', { name: pairing.householdName })}
      okText={t('volunteers.actions.save')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'visit-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ startedAt: now.subtract(30, 'minute'), endedAt: now }}
      >
        <Flex gap={8} wrap>
          <Form.Item
            name="startedAt"
            label={t('volunteers.myRelief.startedAt')}
            rules={[{ required: true, message: t('volunteers.myRelief.timeRequired') }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item
            name="endedAt"
            label={t('volunteers.myRelief.endedAt')}
            dependencies={['startedAt']}
            rules={[{ required: true, message: t('volunteers.myRelief.timeRequired') }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('volunteers.myRelief.position')}</Typography.Text>
        <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
          {locating.state === 'unavailable' ? (
            <Alert type="info" showIcon title={t('volunteers.myRelief.noPosition')} />
          ) : (
            <Button
              icon={<AimOutlined />}
              loading={locating.state === 'locating'}
              onClick={locate}
              style={{ alignSelf: 'flex-start' }}
              data-testid="visit-locate"
            >
              {locating.state === 'locating'
                ? t('volunteers.checkIn.locating')
                : t('volunteers.checkIn.locate')}
            </Button>
          )}
          {locating.state === 'located' ? (
            <Typography.Text type="success" data-testid="visit-located">
              {t('volunteers.checkIn.located', { accuracy: locating.position.accuracy })}
            </Typography.Text>
          ) : null}
          {locating.state === 'failed' ? (
            <Alert
              type="warning"
              showIcon
              title={t('volunteers.checkIn.geolocationFailed', { reason: locating.reason })}
            />
          ) : null}
          {locating.state === 'idle' ? (
            <Typography.Text type="secondary">{t('volunteers.myRelief.noPosition')}</Typography.Text>
          ) : null}
        </Flex>
        <Form.Item
          name="note"
          label={t('volunteers.myRelief.note')}
          rules={[{ required: true, whitespace: true, message: t('volunteers.myRelief.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="visit-note" />
        </Form.Item>
        <Form.Item name="help" label={t('volunteers.myRelief.help')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="visit-help" />
        </Form.Item>
        <Typography.Text strong>{t('volunteers.myRelief.photo')}</Typography.Text>
        <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            onChange={(event) => void pickPhoto(event)}
            data-testid="visit-photo-input"
          />
          {photo === null ? (
            <Button
              icon={<CameraOutlined />}
              onClick={() => fileInput.current?.click()}
              style={{ alignSelf: 'flex-start' }}
              data-testid="visit-photo-pick"
            >
              {t('volunteers.myRelief.photoPick')}
            </Button>
          ) : (
            <Flex gap={8} align="center">
              <img
                src={photo.dataUrl}
                alt={t('volunteers.myRelief.photoPreview')}
                style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4 }}
                data-testid="visit-photo-preview"
              />
              <Button
                icon={<DeleteOutlined />}
                onClick={() => setPhoto(null)}
                data-testid="visit-photo-remove"
              >
                {t('volunteers.myRelief.photoRemove')}
              </Button>
            </Flex>
          )}
          {photoProblem === null ? (
            <Typography.Text type="secondary">{t('volunteers.myRelief.photoHint')}</Typography.Text>
          ) : (
            <Alert type="error" showIcon title={photoProblem} data-testid="visit-photo-problem" />
          )}
        </Flex>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
