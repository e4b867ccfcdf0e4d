// Staff intake: the full form for hotline and walk-in cases (place by point or by village/town), and the grid
// worker's quick report at phone width (device position, recent categories first, photo, settle on the spot).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Select, Switch, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useMe } from '../auth/useAuth';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { ForbiddenPage } from '../common/StatusPages';
import { useLoader } from '../common/useLoader';
import { fetchCatalogue, reportStaffCase, type ReportBody, type StaffReportAnswer } from './api';
import { CategoryPicker } from './CategoryPicker';
import { ExtraFields, extraToWire } from './ExtraFields';
import { sourceLabel, staffSourceKeys, urgencyLabel } from './labels';
import { LocationPicker } from './LocationPicker';
import { OrgSelect } from './OrgSelect';
import { PhotoPicker } from './PhotoPicker';
import type { Point } from './PointMap';
import { newIdempotencyKey, type PreparedPhoto } from '../common/photos';
import { readRecentCategories, rememberCategory } from './recentCategories';

type Values = {
  categoryCode?: string;
  description: string;
  urgency: 'urgent' | 'normal';
  source?: string;
  placeBy: 'point' | 'org';
  orgId?: string;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
  isAnonymous?: boolean;
  handleLocally?: boolean;
  extra?: Record<string, unknown>;
};

const Created = ({
  answer,
  names,
  onAnother,
}: {
  answer: StaffReportAnswer;
  names: Map<string, string>;
  onAnother: () => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <Card>
      <Result
        status="success"
        title={t('cases.form.created', { code: answer.trackingCode })}
        extra={
          <Flex gap={8} justify="center" wrap>
            <Link to={`/cases/${answer.id}`}>
              <Button type="primary">{t('cases.form.open')}</Button>
            </Link>
            <Button onClick={onAnother}>{t('cases.form.another')}</Button>
          </Flex>
        }
      />
      {answer.duplicates.length === 0 ? null : (
        <Alert
          type="warning"
          showIcon
          title={t('cases.form.duplicatesTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {answer.duplicates.map((d) => (
                <li key={d.id}>
                  <Link to={`/cases/${d.id}`}>{names.get(d.categoryCode) ?? d.categoryCode}</Link> ·{' '}
                  {d.description} · {t('cases.detail.distance', { meters: Math.round(d.distanceM) })} ·{' '}
                  {formatDateTime(d.reportedAt, i18n.language)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
};

export const IntakePage = ({ isQuick }: { isQuick: boolean }) => {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canReport = useAbility('case.report');
  const canSeeGrids = useAbility('grid.read');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const catalogue = useLoader((signal) => fetchCatalogue(signal), [i18n.language]);
  const categories = useMemo(() => (catalogue.data?.items ?? []).filter((c) => c.active), [catalogue.data]);
  const names = useMemo(() => new Map(categories.map((c) => [c.code, c.name])), [categories]);
  const categoryCode = Form.useWatch('categoryCode', form);
  const placeBy = Form.useWatch('placeBy', form) ?? 'point';
  const isAnonymous = Form.useWatch('isAnonymous', form) === true;
  const category = categories.find((c) => c.code === categoryCode);
  const [recent] = useState(readRecentCategories);
  const [point, setPoint] = useState<Point | null>(null);
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [hint, setHint] = useState<string | null>(null);
  const [answer, setAnswer] = useState<StaffReportAnswer | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  // The quick report starts from where the grid worker stands.
  useEffect(() => {
    if (!isQuick || !('geolocation' in navigator)) {
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setPoint(
          (current) =>
            current ?? {
              lng: Number(position.coords.longitude.toFixed(6)),
              lat: Number(position.coords.latitude.toFixed(6)),
            },
        );
      },
      () => undefined,
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [isQuick]);

  if (!canReport) {
    return <ForbiddenPage />;
  }

  const submit = async (values: Values) => {
    setHint(null);
    if (category === undefined) {
      setHint(t('cases.form.categoryRequired'));
      return;
    }
    const isByPoint = isQuick || values.placeBy === 'point';
    if (isByPoint && point === null) {
      setHint(t('cases.form.pointRequired'));
      return;
    }
    idempotencyKey.current ??= newIdempotencyKey();
    setIsSaving(true);
    setError(undefined);
    const phone = values.reporterPhone?.trim() ?? '';
    const name = values.reporterName?.trim() ?? '';
    const address = values.address?.trim() ?? '';
    const body: ReportBody = {
      categoryCode: category.code,
      description: values.description.trim(),
      urgency: values.urgency,
      ...(isByPoint && point !== null ? { lng: point.lng, lat: point.lat, crs: 'wgs84' as const } : {}),
      ...(!isByPoint && values.orgId !== undefined ? { orgId: values.orgId } : {}),
      ...(address === '' ? {} : { address }),
      ...(isQuick ? {} : { source: values.source }),
      ...(values.isAnonymous === true ? { isAnonymous: true } : {}),
      ...(values.isAnonymous !== true && name !== '' ? { reporterName: name } : {}),
      ...(values.isAnonymous !== true && phone !== '' ? { reporterPhone: phone } : {}),
      ...(values.handleLocally === true ? { handleLocally: true } : {}),
      extra: extraToWire(category.fields, values.extra),
      photos: photos.length === 0 ? undefined : photos.map((p) => ({ data: p.dataUrl })),
    };
    try {
      const result = await reportStaffCase(body, idempotencyKey.current, me.csrfToken);
      rememberCategory(category.code);
      if (isQuick && result.duplicates.length === 0) {
        void navigate(`/cases/${result.id}`);
        return;
      }
      setAnswer(result);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  const another = () => {
    idempotencyKey.current = null;
    setAnswer(null);
    setPhotos([]);
    setPoint(null);
    form.resetFields();
  };

  if (answer !== null) {
    return <Created answer={answer} names={names} onAnother={another} />;
  }

  const recentCategories = recent
    .map((code) => categories.find((c) => c.code === code))
    .filter((c) => c !== undefined);

  return (
    <Card
      title={isQuick ? t('cases.form.quickTitle') : t('cases.form.title')}
      style={isQuick ? { maxWidth: 520, margin: '0 auto' } : { maxWidth: 960 }}
    >
      {catalogue.error === undefined ? null : (
        <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ urgency: 'normal', source: 'hotline', placeBy: 'point' }}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        {isQuick && recentCategories.length > 0 ? (
          <Form.Item label={t('cases.form.recent')}>
            <Flex wrap gap={8}>
              {recentCategories.map((c) => (
                <Button
                  key={c.code}
                  type={c.code === categoryCode ? 'primary' : 'default'}
                  onClick={() => form.setFieldValue('categoryCode', c.code)}
                >
                  {c.name}
                </Button>
              ))}
            </Flex>
          </Form.Item>
        ) : null}
        <Form.Item
          name="categoryCode"
          label={t('cases.form.category')}
          rules={[{ required: true, message: t('cases.form.categoryRequired') }]}
        >
          <CategoryPicker items={categories} testId="intake-category" />
        </Form.Item>
        {category === undefined ? null : <ExtraFields fields={category.fields} />}
        <Form.Item
          name="description"
          label={t('cases.form.description')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('cases.form.descriptionRequired') }]}
        >
          <Input.TextArea
            rows={isQuick ? 3 : 4}
            maxLength={2000}
            showCount
            data-testid="intake-description"
          />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="urgency" label={t('cases.form.urgency')}>
            <Radio.Group
              optionType="button"
              options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
            />
          </Form.Item>
          {isQuick ? null : (
            <Form.Item name="source" label={t('cases.form.source')} style={{ minWidth: 200 }}>
              <Select options={staffSourceKeys.map((s) => ({ value: s, label: sourceLabel(t, s) }))} />
            </Form.Item>
          )}
        </Flex>
        {isQuick ? null : (
          <Form.Item name="placeBy" label={t('cases.form.placeBy')}>
            <Radio.Group
              options={[
                { value: 'point', label: t('cases.form.byPoint') },
                { value: 'org', label: t('cases.form.byOrg') },
              ]}
            />
          </Form.Item>
        )}
        {isQuick || placeBy === 'point' ? (
          <Form.Item label={isQuick ? t('cases.form.placeBy') : undefined}>
            <LocationPicker
              value={point}
              onChange={setPoint}
              mapHeight={isQuick ? 180 : 260}
              hasOutlines={canSeeGrids}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="orgId"
            label={t('cases.form.org')}
            rules={[{ required: true, message: t('cases.form.orgRequired') }]}
          >
            <OrgSelect />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('cases.form.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('cases.form.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
        {isQuick ? (
          category?.selfHandle === true ? (
            <Form.Item
              name="handleLocally"
              label={t('cases.form.handleLocally')}
              extra={t('cases.form.handleLocallyHint')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          ) : null
        ) : (
          <Flex gap={16} wrap>
            <Form.Item name="isAnonymous" label={t('cases.form.anonymous')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {isAnonymous ? null : (
              <>
                <Form.Item name="reporterName" label={t('cases.form.reporterName')} style={{ minWidth: 200 }}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name="reporterPhone"
                  label={t('cases.form.reporterPhone')}
                  rules={[{ pattern: /^1[0-9]{10}$/, message: t('cases.form.phoneInvalid') }]}
                  style={{ minWidth: 200 }}
                >
                  <Input inputMode="tel" maxLength={11} />
                </Form.Item>
              </>
            )}
          </Flex>
        )}
        {hint === null ? null : (
          <Typography.Paragraph type="danger" role="alert">
            {hint}
          </Typography.Paragraph>
        )}
        {error === undefined ? null : <ProblemAlert error={error} />}
        <Button
          type="primary"
          htmlType="submit"
          loading={isSaving}
          block={isQuick}
          size={isQuick ? 'large' : 'middle'}
          style={{ marginTop: 8 }}
          data-testid="intake-submit"
        >
          {isSaving ? t('cases.form.submitting') : t('cases.form.submit')}
        </Button>
      </Form>
    </Card>
  );
};
