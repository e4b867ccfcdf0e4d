// The filters of the case list: state, category, net, platform, place, source, light, report dates and text.
import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Category, CaseFilter, Light } from './api';
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
  from: v.dates?.[0]?.startOf('day').valueOf(),
  to: v.dates?.[1]?.endOf('day').valueOf(),
  q: v.q?.trim() === '' ? undefined : v.q?.trim(),
});

export const CaseFilters = ({
  categories,
  onChange,
}: {
  categories: Category[];
  onChange: (f: CaseFilter) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [isExpanded, setIsExpanded] = useState(false);
  const span = { xs: 24, sm: 12, lg: 6 };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => onChange(toFilter(v))} size="middle">
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
