// Edit form of one category (or a new child); saving makes a new catalogue version.
import { useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { kindLabel, netKeys, netLabel, platformKeys, platformLabel } from '../cases/labels';
import { problemText } from '../common/problemText';
import {
  saveCategory,
  type AdminCategory,
  type CaseKind,
  type CategoryBody,
  type FieldType,
  type LimitUnit,
  type Net,
  type Platform,
} from './api';

export const limitUnits = [
  'minutes',
  'hours',
  'days',
  'workHours',
  'workDays',
] as const satisfies readonly LimitUnit[];
const fieldTypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const satisfies readonly FieldType[];
const kinds = ['event', 'component', 'appeal'] as const satisfies readonly CaseKind[];

export const unitLabel = (t: TFunction, unit: string): string => {
  const labels = t('catalogue.units', { returnObjects: true });
  return Object.hasOwn(labels, unit) ? labels[unit as keyof typeof labels] : unit;
};

type FieldValues = {
  code: string;
  type: FieldType;
  nameZh: string;
  nameEn: string;
  required: boolean;
  values?: string;
};

type Values = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: CaseKind;
  net: Net;
  platform: Platform;
  registrationCondition?: string;
  closingCondition?: string;
  urgentAmount: number;
  urgentUnit: LimitUnit;
  normalAmount: number;
  normalUnit: LimitUnit;
  department: string;
  selfHandle: boolean;
  duplicateRadiusM: number;
  keywords: string[];
  active: boolean;
  note?: string;
  fields: FieldValues[];
};

/** What the editor starts from: an existing category, or a new child of a parent (null for a top category). */
export type EditTarget =
  { kind: 'edit'; category: AdminCategory } | { kind: 'new'; parent: AdminCategory | null; code: string };

const initialOf = (target: EditTarget): Partial<Values> => {
  if (target.kind === 'new') {
    const p = target.parent;
    return {
      code: target.code,
      kind: p?.kind ?? 'event',
      net: p?.net ?? 'environment',
      platform: p?.platform ?? 'lawEnforcement',
      urgentAmount: p?.limits.urgent.amount ?? 1,
      urgentUnit: p?.limits.urgent.unit ?? 'workDays',
      normalAmount: p?.limits.normal.amount ?? 5,
      normalUnit: p?.limits.normal.unit ?? 'workDays',
      department: p?.department ?? 'town',
      selfHandle: false,
      duplicateRadiusM: p?.duplicateRadiusM ?? 100,
      keywords: [],
      active: true,
      fields: [],
    };
  }
  const c = target.category;
  return {
    code: c.code,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    kind: c.kind,
    net: c.net,
    platform: c.platform,
    urgentAmount: c.limits.urgent.amount,
    urgentUnit: c.limits.urgent.unit,
    normalAmount: c.limits.normal.amount,
    normalUnit: c.limits.normal.unit,
    department: c.department,
    selfHandle: c.selfHandle,
    duplicateRadiusM: c.duplicateRadiusM,
    keywords: c.keywords,
    active: c.active,
    registrationCondition: c.registrationCondition,
    closingCondition: c.closingCondition,
    fields: c.fieldDefs.map((f) => ({
      code: f.code,
      type: f.type,
      nameZh: f.name.zh,
      nameEn: f.name.en,
      required: f.required,
      values: (f.values ?? []).map((v) => `${v.key}=${v.name.zh}=${v.name.en}`).join('\n'),
    })),
  };
};

const parseValues = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [key = '', zh = key, en = zh] = line.split('=').map((x) => x.trim());
      return { key, name: { zh, en } };
    });

export const CategoryEditor = ({
  target,
  onSaved,
}: {
  target: EditTarget;
  onSaved: (version: number) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = target.kind === 'edit' ? target.category.code : target.code;
  const depth = code.length / 2;
  const parentCode = depth === 1 ? null : code.slice(0, code.length - 2);

  const submit = async (v: Values) => {
    setIsSaving(true);
    setError(null);
    const body: CategoryBody = {
      parentCode,
      depth: depth === 1 ? 1 : depth === 2 ? 2 : 3,
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      kind: v.kind,
      net: v.net,
      platform: v.platform,
      registrationCondition: v.registrationCondition?.trim() ?? '',
      closingCondition: v.closingCondition?.trim() ?? '',
      limits: {
        urgent: { amount: v.urgentAmount, unit: v.urgentUnit },
        normal: { amount: v.normalAmount, unit: v.normalUnit },
      },
      department: v.department.trim(),
      selfHandle: v.selfHandle,
      duplicateRadiusM: v.duplicateRadiusM,
      fields: v.fields.map((f) => ({
        code: f.code.trim(),
        type: f.type,
        name: { zh: f.nameZh.trim(), en: f.nameEn.trim() },
        required: f.required,
        ...(f.type === 'singlevaluelist' || f.type === 'multivaluelist'
          ? { values: parseValues(f.values) }
          : {}),
      })),
      keywords: v.keywords.map((k) => k.trim()).filter((k) => k !== ''),
      active: v.active,
      ...(v.note === undefined || v.note.trim() === '' ? {} : { note: v.note.trim() }),
    };
    try {
      const result = await saveCategory(v.code, body);
      void message.success(t('catalogue.saved', { version: result.version }));
      onSaved(result.version);
    } catch (failure) {
      const text = problemText(failure, t);
      setError(text.detail === undefined ? text.title : `${text.title}: ${text.detail}`);
    } finally {
      setIsSaving(false);
    }
  };

  const required = [{ required: true, message: t('catalogue.fields.required') }];
  const unitOptions = limitUnits.map((u) => ({ value: u, label: unitLabel(t, u) }));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialOf(target)}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={t('catalogue.fields.code')}>
            <Input disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="nameZh" label={t('catalogue.fields.nameZh')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="nameEn" label={t('catalogue.fields.nameEn')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('catalogue.fields.kind')}>
            <Select options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="net" label={t('catalogue.fields.net')}>
            <Select options={netKeys.map((k) => ({ value: k, label: netLabel(t, k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="platform" label={t('catalogue.fields.platform')}>
            <Select options={platformKeys.map((k) => ({ value: k, label: platformLabel(t, k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogue.fields.urgentLimit')} required>
            <Space.Compact>
              <Form.Item name="urgentAmount" noStyle rules={required}>
                <InputNumber min={0.1} max={10000} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name="urgentUnit" noStyle>
                <Select options={unitOptions} style={{ width: 140 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogue.fields.normalLimit')} required>
            <Space.Compact>
              <Form.Item name="normalAmount" noStyle rules={required}>
                <InputNumber min={0.1} max={10000} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name="normalUnit" noStyle>
                <Select options={unitOptions} style={{ width: 140 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="department"
            label={t('catalogue.fields.department')}
            extra={t('catalogue.fields.departmentHint')}
            rules={required}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="duplicateRadiusM" label={t('catalogue.fields.duplicateRadiusM')}>
            <InputNumber min={0} max={5000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="selfHandle" label={t('catalogue.fields.selfHandle')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="registrationCondition" label={t('catalogue.fields.registrationCondition')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="closingCondition" label={t('catalogue.fields.closingCondition')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item name="keywords" label={t('catalogue.fields.keywords')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="active" label={t('catalogue.fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('catalogue.fields.extraFields')}</Typography.Title>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Row gutter={8} key={item.key} align="top">
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[item.name, 'code']}
                    label={t('catalogue.fields.fieldCode')}
                    rules={required}
                  >
                    <Input maxLength={31} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[item.name, 'type']}
                    label={t('catalogue.fields.fieldType')}
                    rules={required}
                  >
                    <Select
                      options={fieldTypes.map((ft) => ({
                        value: ft,
                        label: t(`catalogue.fieldTypes.${ft}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[item.name, 'nameZh']}
                    label={t('catalogue.fields.fieldNameZh')}
                    rules={required}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[item.name, 'nameEn']}
                    label={t('catalogue.fields.fieldNameEn')}
                    rules={required}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={2}>
                  <Form.Item
                    name={[item.name, 'required']}
                    label={t('catalogue.fields.fieldRequired')}
                    valuePropName="checked"
                    initialValue={false}
                  >
                    <Switch size="small" />
                  </Form.Item>
                </Col>
                <Col xs={14} md={5}>
                  <Form.Item name={[item.name, 'values']} label={t('catalogue.fields.fieldValues')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1}>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    style={{ marginTop: 30 }}
                    onClick={() => remove(item.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ type: 'string', required: false })}
              style={{ marginBottom: 16 }}
            >
              {t('catalogue.fields.addField')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('catalogue.fields.note')}>
        <Input maxLength={200} />
      </Form.Item>
      {error === null ? null : (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('catalogue.fields.save')}
      </Button>
    </Form>
  );
};
