// The filters of the case list: state, category, net, platform, place, source, light, report dates and text.
import { useEffect, useState } from 'react';
import { Button, Col, DatePicker, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtDay, districtDayAfter, districtDayStart } from '../common/forms';
import { formatDate } from '../common/labels';
import { useLoader } from '../common/useLoader';
import { fetchGrid } from '../grids/api';
import { fetchDepartments, type Category, type CaseFilter, type Light } from './api';
import { LINKED_ONLY_KEYS } from './filterParams';
import { CategoryPicker } from './CategoryPicker';
import {
  caseStateKeys,
  lightKeys,
  lightLabel,
  netKeys,
  netLabel,
  platformKeys,
  platformLabel,
  sourceKeys,
  sourceLabel,
  stateLabel,
} from './labels';
import { OrgSelect } from './OrgSelect';

type Values = {
  states?: string[];
  category?: string;
  net?: string;
  platform?: string;
  orgId?: string;
  source?: string;
  light?: Light;
  dates?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
};

const toFilter = (v: Values): CaseFilter => ({
  state: v.states !== undefined && v.states.length > 0 ? v.states.join(',') : undefined,
  category: v.category,
  net: v.net,
  platform: v.platform,
  orgId: v.orgId,
  source: v.source,
  light: v.light,
  // Picked days are the district's days, whatever the browser's zone; the range ends at the midnight after its last.
  from: v.dates?.[0] === null || v.dates?.[0] === undefined ? undefined : districtDayStart(v.dates[0]),
  to: v.dates?.[1] === null || v.dates?.[1] === undefined ? undefined : districtDayAfter(v.dates[1]),
  q: v.q?.trim() === '' ? undefined : v.q?.trim(),
});

/** The form's fields for a filter (a report range ending at midnight shows its last day). */
const toValues = (f: CaseFilter): Values => ({
  states: f.state === undefined ? undefined : f.state.split(','),
  category: f.category,
  net: f.net,
  platform: f.platform,
  orgId: f.orgId,
  source: f.source,
  light: f.light,
  dates:
    f.from === undefined && f.to === undefined
      ? null
      : [
          f.from === undefined ? null : districtDay(f.from),
          f.to === undefined ? null : districtDay(f.to - 1),
        ],
  q: f.q,
});

const linkedOnly = (f: CaseFilter): CaseFilter =>
  Object.fromEntries(LINKED_ONLY_KEYS.flatMap((k) => (f[k] === undefined ? [] : [[k, f[k]]])));

/** The conditions a link set that the form has no field for, each removable. */
const LinkedTags = ({ value, onChange }: { value: CaseFilter; onChange: (f: CaseFilter) => void }) => {
  const { t, i18n } = useTranslation();
  const { gridId, departmentId } = value;
  // A linked grid or department is named once its name answers (an indicator's ranking row opens either).
  const gridName = useLoader(
    async (signal) => {
      if (gridId === undefined) {
        return null;
      }
      const { item } = await fetchGrid(gridId, signal);
      return `${item.name} ${item.code}`;
    },
    [gridId],
  );
  const departmentName = useLoader(
    async (signal) =>
      departmentId === undefined
        ? null
        : ((await fetchDepartments(signal)).items.find((d) => d.id === departmentId)?.name ?? null),
    [departmentId],
  );
  const drop = (...keys: (keyof CaseFilter)[]) =>
    onChange(Object.fromEntries(Object.entries(value).filter(([k]) => !keys.some((x) => x === k))));
  const day = (ms: number | undefined) => (ms === undefined ? '…' : formatDate(ms, i18n.language));
  const tags: { key: string; label: string; keys: (keyof CaseFilter)[] }[] = [
    ...(value.card === undefined
      ? []
      : [{ key: 'card', label: t(`cases.supervision.${value.card}`), keys: ['card' as const] }]),
    ...(value.closedFrom === undefined && value.closedTo === undefined
      ? []
      : [
          {
            key: 'closed',
            label: t('cases.filters.linked.closed', {
              from: day(value.closedFrom),
              to: day(value.closedTo === undefined ? undefined : value.closedTo - 1),
            }),
            keys: ['closedFrom' as const, 'closedTo' as const],
          },
        ]),
    ...(value.due === undefined
      ? []
      : [{ key: 'due', label: t('cases.filters.linked.dueToday'), keys: ['due' as const] }]),
    ...(value.gridId === undefined
      ? []
      : [
          {
            key: 'grid',
            label:
              typeof gridName.data === 'string'
                ? t('cases.filters.linked.gridNamed', { name: gridName.data })
                : t('cases.filters.linked.grid'),
            keys: ['gridId' as const],
          },
        ]),
    ...(value.departmentId === undefined
      ? []
      : [
          {
            key: 'department',
            label:
              typeof departmentName.data === 'string'
                ? t('cases.filters.linked.departmentNamed', { name: departmentName.data })
                : t('cases.filters.linked.department'),
            keys: ['departmentId' as const],
          },
        ]),
  ];
  if (tags.length === 0) {
    return null;
  }
  return (
    <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }} data-testid="case-linked-filters">
      <Typography.Text type="secondary">{t('cases.filters.linked.hint')}</Typography.Text>
      {tags.map((tag) => (
        <Tag key={tag.key} closable color="blue" onClose={() => drop(...tag.keys)}>
          {tag.label}
        </Tag>
      ))}
    </Flex>
  );
};

export const CaseFilters = ({
  categories,
  value,
  onChange,
}: {
  categories: Category[];
  /** The filter in force (from the address); the form shows it. */
  value: CaseFilter;
  onChange: (f: CaseFilter) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [isExpanded, setIsExpanded] = useState(
    () =>
      value.orgId !== undefined ||
      value.net !== undefined ||
      value.platform !== undefined ||
      value.source !== undefined ||
      value.from !== undefined ||
      value.to !== undefined,
  );
  const span = { xs: 24, sm: 12, lg: 6 };
  const key = JSON.stringify(value);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(JSON.parse(key) as CaseFilter));
  }, [form, key]);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => onChange({ ...linkedOnly(value), ...toFilter(v) })}
      size="middle"
    >
      <LinkedTags value={value} onChange={onChange} />
      <Row gutter={12}>
        <Col {...span}>
          <Form.Item name="q" label={t('cases.filters.text')}>
            <Input.Search
              allowClear
              data-testid="case-search"
              onSearch={() => form.submit()}
              maxLength={50}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item name="states" label={t('cases.filters.state')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              options={caseStateKeys.map((s) => ({ value: s, label: stateLabel(t, s) }))}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item name="category" label={t('cases.filters.category')}>
            <CategoryPicker items={categories} isLeafOnly={false} />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item name="light" label={t('cases.filters.light')}>
            <Select allowClear options={lightKeys.map((l) => ({ value: l, label: lightLabel(t, l) }))} />
          </Form.Item>
        </Col>
        {isExpanded ? (
          <>
            <Col {...span}>
              <Form.Item name="orgId" label={t('cases.filters.org')}>
                <OrgSelect isDistrictPickable />
              </Form.Item>
            </Col>
            <Col {...span}>
              <Form.Item name="net" label={t('cases.filters.net')}>
                <Select allowClear options={netKeys.map((n) => ({ value: n, label: netLabel(t, n) }))} />
              </Form.Item>
            </Col>
            <Col {...span}>
              <Form.Item name="platform" label={t('cases.filters.platform')}>
                <Select
                  allowClear
                  options={platformKeys.map((p) => ({ value: p, label: platformLabel(t, p) }))}
                />
              </Form.Item>
            </Col>
            <Col {...span}>
              <Form.Item name="source" label={t('cases.filters.source')}>
                <Select
                  allowClear
                  options={sourceKeys.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="dates" label={t('cases.filters.dates')}>
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <Row gutter={8} justify="end">
        <Col>
          <Button type="link" onClick={() => setIsExpanded((x) => !x)}>
            {t('cases.filters.more')}
          </Button>
        </Col>
        <Col>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
        <Col>
          <Button type="primary" htmlType="submit" data-testid="case-filter-submit">
            {t('common.search')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
};
