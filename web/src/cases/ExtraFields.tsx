// The category's extra fields as form items under name ['extra', code], rendered by field type.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExtraField } from './api';

const isDayjs = (value: unknown): value is Dayjs =>
  typeof value === 'object' && value !== null && 'toISOString' in value && 'isValid' in value;

export const ExtraFields = ({ fields }: { fields: readonly ExtraField[] }) => {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => {
        const rules = f.required ? [{ required: true, message: t('catalogue.fields.required') }] : [];
        const name = ['extra', f.code];
        switch (f.type) {
          case 'number':
            return (
              <Form.Item key={f.code} name={name} label={f.name} rules={rules}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'datetime':
            return (
              <Form.Item key={f.code} name={name} label={f.name} rules={rules}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'text':
            return (
              <Form.Item key={f.code} name={name} label={f.name} rules={rules}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            );
          case 'singlevaluelist':
          case 'multivaluelist':
            return (
              <Form.Item key={f.code} name={name} label={f.name} rules={rules}>
                <Select
                  mode={f.type === 'multivaluelist' ? 'multiple' : undefined}
                  allowClear
                  options={f.values.map((v) => ({ value: v.key, label: v.name }))}
                />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={f.code} name={name} label={f.name} rules={rules}>
                <Input maxLength={200} />
              </Form.Item>
            );
        }
      })}
    </>
  );
};

/** Form values of the extra fields as the API takes them: date-times as ISO strings, empty values left out. */
export const extraToWire = (
  fields: readonly ExtraField[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined => {
  if (values === undefined || fields.length === 0) {
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.code];
    if (raw === undefined || raw === null || raw === '') {
      continue;
    }
    out[f.code] = isDayjs(raw) ? raw.toISOString() : raw;
  }
  return Object.keys(out).length === 0 ? undefined : out;
};
