// The resident's report page: describe, pick a category (suggested from the text), place, photos, optional phone.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Result, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import type { Category } from '../cases/api';
import { CategoryPicker } from '../cases/CategoryPicker';
import { ExtraFields, extraToWire } from '../cases/ExtraFields';
import { LocationPicker } from '../cases/LocationPicker';
import { PhotoPicker } from '../cases/PhotoPicker';
import type { Point } from '../cases/PointMap';
import { newIdempotencyKey, type PreparedPhoto } from '../common/photos';
import { fetchPublicCatalogue, submitPublicReport, suggestCategories, type PublicReportAnswer } from './api';
import { PublicLayout } from './PublicLayout';

type FormValues = {
  description: string;
  address?: string;
  reporterPhone?: string;
  isAnonymous?: boolean;
  extra?: Record<string, unknown>;
};

const SUGGEST_DELAY_MS = 400;

/** Suggested categories for the text typed so far, asked for once the typing pauses. */
const useSuggestions = (text: string): Category[] => {
  const [items, setItems] = useState<Category[]>([]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      suggestCategories(trimmed.slice(0, 500), controller.signal).then(
        (r) => setItems(r.items.slice(0, 6)),
        (error: unknown) => {
          if (!isAbortError(error)) {
            setItems([]);
          }
        },
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return items;
};

const Success = ({ answer, onAnother }: { answer: PublicReportAnswer; onAnother: () => void }) => {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="success"
        title={t('report.success')}
        subTitle={t('report.codeHint')}
        style={{ padding: '16px 0' }}
      />
      <Flex vertical align="center" gap={4}>
        <Typography.Text type="secondary">{t('report.codeLabel')}</Typography.Text>
        <Typography.Paragraph
          data-testid="tracking-code"
          copyable={{ text: answer.trackingCode, tooltips: [t('report.copy'), t('report.copied')] }}
          style={{
            fontSize: 24,
            fontWeight: 700,
            letterSpacing: 1,
            fontFamily: 'monospace',
            marginBottom: 8,
          }}
        >
          {answer.trackingCode}
        </Typography.Paragraph>
      </Flex>
      {answer.duplicateCount > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.duplicates', { count: answer.duplicateCount })}
        />
      ) : null}
      <Flex vertical gap={8}>
        <Link to={`/track/${answer.trackingCode}`}>
          <Button type="primary" block size="large">
            {t('report.trackNow')}
          </Button>
        </Link>
        <Button block onClick={onAnother}>
          {t('report.another')}
        </Button>
      </Flex>
    </Card>
  );
};

export const ReportPage = () => {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const catalogue = useLoader((signal) => fetchPublicCatalogue(signal).then((r) => r.items), [i18n.language]);
  const description = Form.useWatch('description', form) ?? '';
  const isAnonymous = Form.useWatch('isAnonymous', form) === true;
  const suggestions = useSuggestions(description);
  const [categoryCode, setCategoryCode] = useState<string | undefined>(undefined);
  const [isBrowsing, setIsBrowsing] = useState(false);
  const [point, setPoint] = useState<Point | null>(null);
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [placeMissing, setPlaceMissing] = useState(false);
  const [categoryMissing, setCategoryMissing] = useState(false);
  const [answer, setAnswer] = useState<PublicReportAnswer | null>(null);
  // One key per submission, kept across retries so a repeated tap never files two reports.
  const idempotencyKey = useRef<string | null>(null);

  const items = useMemo(() => catalogue.data ?? [], [catalogue.data]);
  const category = items.find((c) => c.code === categoryCode);

  const choose = (code: string | undefined) => {
    setCategoryCode(code);
    setCategoryMissing(false);
    form.setFieldValue('extra', undefined);
  };

  const submit = async (values: FormValues) => {
    const address = values.address?.trim() ?? '';
    const isPlaceMissing = point === null && address === '';
    setPlaceMissing(isPlaceMissing);
    setCategoryMissing(category === undefined);
    if (category === undefined || isPlaceMissing) {
      return;
    }
    idempotencyKey.current ??= newIdempotencyKey();
    setIsSubmitting(true);
    setError(undefined);
    try {
      const phone = values.reporterPhone?.trim() ?? '';
      const result = await submitPublicReport(
        {
          categoryCode: category.code,
          description: values.description.trim(),
          ...(point === null ? {} : { lng: point.lng, lat: point.lat, crs: 'wgs84' as const }),
          address: address === '' ? undefined : address,
          reporterPhone: values.isAnonymous === true || phone === '' ? undefined : phone,
          isAnonymous: values.isAnonymous === true,
          extra: extraToWire(category.fields, values.extra),
          photos: photos.length === 0 ? undefined : photos.map((p) => ({ data: p.dataUrl })),
        },
        idempotencyKey.current,
      );
      setAnswer(result);
      window.scrollTo({ top: 0 });
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSubmitting(false);
    }
  };

  const another = () => {
    idempotencyKey.current = null;
    setAnswer(null);
    setCategoryCode(undefined);
    setPoint(null);
    setPhotos([]);
    form.resetFields();
  };

  if (answer !== null) {
    return (
      <PublicLayout>
        <Success answer={answer} onAnother={another} />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
        {t('report.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.subtitle')}</Typography.Paragraph>
      {catalogue.error === undefined ? null : (
        <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Flex vertical gap={12}>
          <Card size="small" title={t('report.steps.describe')}>
            <Form.Item
              name="description"
              label={t('report.description')}
              rules={[{ required: true, min: 2, whitespace: true, message: t('report.descriptionRequired') }]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea
                data-testid="report-description"
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t('report.descriptionPlaceholder')}
              />
            </Form.Item>
          </Card>

          <Card size="small" title={t('report.steps.category')}>
            <Flex vertical gap={8}>
              {category === undefined ? null : (
                <Flex align="center" gap={8} wrap>
                  <Typography.Text type="secondary">{t('report.chosen')}</Typography.Text>
                  <Tag color="red" data-testid="chosen-category" style={{ fontSize: 14, padding: '2px 8px' }}>
                    {category.name}
                  </Tag>
                </Flex>
              )}
              {suggestions.length > 0 ? (
                <>
                  <Typography.Text type="secondary">{t('report.suggestions')}</Typography.Text>
                  <Flex wrap gap={8} data-testid="suggestions">
                    {suggestions.map((s) => (
                      <Button
                        key={s.code}
                        size="small"
                        type={s.code === categoryCode ? 'primary' : 'default'}
                        onClick={() => choose(s.code)}
                      >
                        {s.name}
                      </Button>
                    ))}
                  </Flex>
                </>
              ) : description.trim().length >= 2 ? (
                <Typography.Text type="secondary">{t('report.noSuggestion')}</Typography.Text>
              ) : null}
              {isBrowsing ? (
                <CategoryPicker
                  items={items}
                  value={categoryCode}
                  onChange={choose}
                  placeholder={t('report.browse')}
                  testId="category-tree"
                />
              ) : (
                <Button
                  type="link"
                  style={{ padding: 0, alignSelf: 'flex-start' }}
                  onClick={() => setIsBrowsing(true)}
                >
                  {t('report.browse')}
                </Button>
              )}
              {categoryMissing ? (
                <Typography.Text type="danger">{t('report.categoryRequired')}</Typography.Text>
              ) : null}
              {category === undefined || category.fields.length === 0 ? null : (
                <ExtraFields fields={category.fields} />
              )}
            </Flex>
          </Card>

          <Card size="small" title={t('report.steps.place')}>
            <LocationPicker
              value={point}
              onChange={(p) => {
                setPoint(p);
                setPlaceMissing(false);
              }}
              mapHeight={200}
            />
            <Form.Item name="address" label={t('report.address')} style={{ marginTop: 12, marginBottom: 0 }}>
              <Input
                maxLength={200}
                placeholder={t('report.addressPlaceholder')}
                onChange={() => setPlaceMissing(false)}
              />
            </Form.Item>
            {placeMissing ? (
              <Typography.Text type="danger">{t('report.placeRequired')}</Typography.Text>
            ) : null}
          </Card>

          <Card size="small" title={t('report.steps.photos')}>
            <PhotoPicker value={photos} onChange={setPhotos} />
          </Card>

          <Card size="small" title={t('report.steps.contact')}>
            <Form.Item name="isAnonymous" label={t('report.anonymous')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {isAnonymous ? null : (
              <Form.Item
                name="reporterPhone"
                label={t('report.phone')}
                extra={t('report.phoneHint')}
                rules={[{ pattern: /^1[0-9]{10}$/, message: t('cases.form.phoneInvalid') }]}
                style={{ marginBottom: 0 }}
              >
                <Input inputMode="tel" maxLength={11} autoComplete="tel" />
              </Form.Item>
            )}
          </Card>

          {error === undefined ? null : <ProblemAlert error={error} />}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={isSubmitting}
            data-testid="report-submit"
          >
            {isSubmitting ? t('report.submitting') : t('report.submit')}
          </Button>
        </Flex>
      </Form>
    </PublicLayout>
  );
};
