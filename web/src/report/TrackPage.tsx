// Follow a case by its tracking code: state, deadline, light, public replies, photos, the resident's follow-ups
// (more information, a call-back), and the rating once closed.
import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Image,
  Input,
  Radio,
  Result,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { actionLabel, lightColour, lightLabel, ratingLabel, stateLabel } from '../cases/labels';
import {
  fetchPublicCase,
  fetchPublicCatalogue,
  publicPhotoUrl,
  ratePublicCase,
  TRACKING_CODE,
  type PublicCase,
} from './api';
import { FollowupsCard } from './FollowupsCard';
import { PublicLayout } from './PublicLayout';

const CodeForm = ({ initial }: { initial?: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Form<{ code: string }>
      layout="inline"
      initialValues={{ code: initial ?? '' }}
      onFinish={(values) => void navigate(`/track/${values.code.trim().toUpperCase()}`)}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="code"
        style={{ flex: 1, minWidth: 200 }}
        rules={[
          {
            required: true,
            transform: (v: string) => v.trim().toUpperCase(),
            pattern: TRACKING_CODE,
            message: t('report.codeInvalid'),
          },
        ]}
      >
        <Input
          aria-label={t('report.codeInput')}
          placeholder={t('report.codeInputPlaceholder')}
          data-testid="track-code-input"
          autoCapitalize="characters"
        />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Button type="primary" htmlType="submit">
          {t('report.query')}
        </Button>
      </Form.Item>
    </Form>
  );
};

const RatingForm = ({ code, onRated }: { code: string; onRated: (c: PublicCase) => void }) => {
  const { t } = useTranslation();
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (values: { rating: number; comment?: string }) => {
    setIsSaving(true);
    setError(undefined);
    try {
      const comment = values.comment?.trim();
      onRated(await ratePublicCase(code, values.rating, comment === '' ? undefined : comment));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card size="small" title={t('report.rateTitle')} data-testid="rating-form">
      <Form<{ rating: number; comment?: string }> layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="rating" rules={[{ required: true, message: t('report.rateTitle') }]}>
          <Radio.Group>
            <Flex vertical gap={8}>
              {[5, 4, 3, 2, 1].map((n) => (
                <Radio key={n} value={n} data-testid={`rating-${n}`}>
                  {ratingLabel(t, n)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('report.rateComment')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error === undefined ? null : <ProblemAlert error={error} />}
        <Button type="primary" htmlType="submit" block loading={isSaving} data-testid="rating-submit">
          {t('report.rateSubmit')}
        </Button>
      </Form>
    </Card>
  );
};

const CaseView = ({ code }: { code: string }) => {
  const { t, i18n } = useTranslation();
  const loaded = useLoader((signal) => fetchPublicCase(code, signal), [code]);
  const catalogue = useLoader((signal) => fetchPublicCatalogue(signal).then((r) => r.items), [i18n.language]);
  const [rated, setRated] = useState<PublicCase | null>(null);
  if (loaded.error !== undefined) {
    return loaded.error instanceof ApiError &&
      (loaded.error.status === 404 || loaded.error.status === 400) ? (
      <Result status="404" title={t('report.notFound')} />
    ) : (
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
    );
  }
  if (loaded.data === undefined) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  const c = rated ?? loaded.data;
  const when = (ms: number | null) => (ms === null ? t('common.none') : formatDateTime(ms, i18n.language));
  const category = catalogue.data?.find((x) => x.code === c.categoryCode)?.name ?? c.categoryCode;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
              {c.trackingCode}
            </Typography.Text>
            <Tag color={c.isOpen ? 'processing' : 'success'} data-testid="public-state">
              {stateLabel(t, c.state)}
            </Tag>
            {c.isOpen ? <Tag color={lightColour(c.light)}>{lightLabel(t, c.light)}</Tag> : null}
          </Flex>
          <Typography.Text strong>{category}</Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{c.description}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'reported', label: t('report.reportedAt'), children: when(c.reportedAt) },
              { key: 'deadline', label: t('report.deadline'), children: when(c.deadlineAt) },
              ...(c.closedAt === null
                ? []
                : [{ key: 'closed', label: t('report.closedAt'), children: when(c.closedAt) }]),
              ...(c.address === null
                ? []
                : [{ key: 'address', label: t('cases.detail.address'), children: c.address }]),
            ]}
          />
          {c.mergedInto === null ? null : (
            <Typography.Text type="warning">{t('report.mergedInto', { code: c.mergedInto })}</Typography.Text>
          )}
          {c.photoIds.length === 0 ? null : (
            <Image.PreviewGroup>
              <Flex wrap gap={8}>
                {c.photoIds.map((id) => (
                  <Image
                    key={id}
                    width={88}
                    height={88}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                    src={publicPhotoUrl(c.trackingCode, id)}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
        </Flex>
      </Card>
      <Card size="small" title={t('report.timeline')}>
        <Timeline
          items={c.timeline.map((s, i) => ({
            key: `${s.at}-${i}`,
            content: (
              <Flex vertical>
                <Typography.Text strong>{actionLabel(t, s.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.at, i18n.language)} · {stateLabel(t, s.toState)}
                </Typography.Text>
                {s.reply === null ? null : <Typography.Text>{s.reply}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      </Card>
      <FollowupsCard
        code={c.trackingCode}
        canAdd={c.mergedInto === null && c.state !== 'voided' && c.state !== 'merged' && c.state !== 'draft'}
      />
      {c.rating !== null ? (
        <Card size="small">
          <Typography.Text data-testid="public-rating">
            {rated === null ? null : `${t('report.thanks')} · `}
            {t('report.rated', { rating: ratingLabel(t, c.rating) })}
          </Typography.Text>
        </Card>
      ) : c.canRate ? (
        <RatingForm code={c.trackingCode} onRated={setRated} />
      ) : null}
    </Flex>
  );
};

export const TrackPage = () => {
  const { t } = useTranslation();
  const { code } = useParams<{ code?: string }>();
  const normalized = code?.trim().toUpperCase();
  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ margin: '4px 0 12px' }}>
        {t('report.trackTitle')}
      </Typography.Title>
      <Flex vertical gap={12}>
        <Card size="small">
          <CodeForm key={normalized} initial={normalized} />
        </Card>
        {normalized === undefined ? null : TRACKING_CODE.test(normalized) ? (
          <CaseView key={normalized} code={normalized} />
        ) : (
          <Result status="warning" title={t('report.codeInvalid')} />
        )}
      </Flex>
    </PublicLayout>
  );
};
