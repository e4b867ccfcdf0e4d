// Catalogue admin: the category tree with limits and an edit form (each save is a new version), routing rules,
// and the holiday calendar by year with a JSON import.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchDepartments } from '../cases/api';
import { CategoryPicker } from '../cases/CategoryPicker';
import { platformKeys, platformLabel } from '../cases/labels';
import { OrgSelect } from '../cases/OrgSelect';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { useLoader } from '../common/useLoader';
import type { CalendarDay } from '../calendar/api';
import {
  createRule,
  fetchAdminCatalogue,
  fetchCalendar,
  fetchRules,
  importCalendar,
  retireRule,
  type AdminCategory,
  type Limit,
  type LimitUnit,
  type Platform,
  type RuleBody,
} from './api';
import { CategoryEditor, limitUnits, unitLabel, type EditTarget } from './CategoryEditor';

type TreeNode = { key: string; title: React.ReactNode; children: TreeNode[] };

/** The next free two-digit code under a parent. */
const nextChildCode = (items: AdminCategory[], parentCode: string | null): string => {
  const prefix = parentCode ?? '';
  const taken = new Set(
    items.filter((c) => c.parentCode === parentCode).map((c) => c.code.slice(prefix.length)),
  );
  for (let n = 1; n < 100; n += 1) {
    const suffix = String(n).padStart(2, '0');
    if (!taken.has(suffix)) {
      return `${prefix}${suffix}`;
    }
  }
  return `${prefix}99`;
};

const CategoriesTab = () => {
  const { t, i18n } = useTranslation();
  const catalogue = useLoader((signal) => fetchAdminCatalogue(signal), [i18n.language]);
  const [target, setTarget] = useState<EditTarget | null>(null);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const items = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);

  const tree = useMemo(() => {
    const limitText = (l: Limit) =>
      t('catalogue.limitText', { amount: l.amount, unit: unitLabel(t, l.unit) });
    const q = search.trim();
    const matches = (c: AdminCategory) => q === '' || c.name.includes(q) || c.code.startsWith(q);
    const build = (parent: string | null): TreeNode[] =>
      items
        .filter((c) => c.parentCode === parent)
        .map((c) => ({ c, children: build(c.code) }))
        .filter(({ c, children }) => matches(c) || children.length > 0)
        .map(({ c, children }) => ({
          key: c.code,
          title: (
            <Flex gap={6} wrap align="center">
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                {c.code}
              </Typography.Text>
              <span>{c.name}</span>
              {c.depth === 3 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {limitText(c.limits.normal)} / {limitText(c.limits.urgent)}
                </Typography.Text>
              ) : null}
              {c.active ? null : <Tag>{t('catalogue.inactive')}</Tag>}
            </Flex>
          ),
          children,
        }));
    return build(null);
  }, [items, search, t]);

  const selected = target?.kind === 'edit' ? target.category : null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={
            catalogue.data === undefined ? null : t('catalogue.version', { version: catalogue.data.version })
          }
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ kind: 'new', parent: null, code: nextChildCode(items, null) })}
            >
              {t('catalogue.addRoot')}
            </Button>
          }
        >
          {catalogue.error === undefined ? null : (
            <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
          )}
          <Input.Search
            allowClear
            placeholder={t('catalogue.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          <Tree
            height={560}
            treeData={tree}
            selectedKeys={selected === null ? [] : [selected.code]}
            expandedKeys={
              search.trim() === ''
                ? (expanded ?? items.filter((c) => c.depth === 1).map((c) => c.code))
                : items.map((c) => c.code)
            }
            onExpand={(keys) => setExpanded(keys.map(String))}
            onSelect={(keys) => {
              const c = items.find((x) => x.code === String(keys[0]));
              if (c !== undefined) {
                setTarget({ kind: 'edit', category: c });
              }
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={target === null ? null : target.kind === 'edit' ? target.category.name : t('catalogue.add')}
          extra={
            selected !== null && selected.depth < 3 ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  setTarget({ kind: 'new', parent: selected, code: nextChildCode(items, selected.code) })
                }
              >
                {t('catalogue.add')}
              </Button>
            ) : null
          }
        >
          {target === null ? (
            <Empty description={t('catalogue.selectHint')} />
          ) : (
            <CategoryEditor
              key={target.kind === 'edit' ? target.category.code : `new-${target.code}`}
              target={target}
              onSaved={() => {
                setTarget(null);
                catalogue.reload();
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
};

type RuleValues = {
  categoryCode?: string;
  areaOrgId?: string;
  platform?: Platform;
  departmentId: string;
  limitAmount?: number;
  limitUnit?: LimitUnit;
  note?: string;
};

const RulesTab = () => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const rules = useLoader((signal) => fetchRules(signal), []);
  const catalogue = useLoader((signal) => fetchAdminCatalogue(signal), [i18n.language]);
  const departments = useLoader((signal) => fetchDepartments(signal), []);
  const [error, setError] = useState<string | null>(null);
  const categoryName = useMemo(
    () => new Map((catalogue.data?.items ?? []).map((c) => [c.code, c.name])),
    [catalogue.data],
  );
  const departmentName = useMemo(
    () => new Map((departments.data?.items ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );

  const add = async (v: RuleValues) => {
    setError(null);
    const body: RuleBody = {
      departmentId: v.departmentId,
      ...(v.categoryCode === undefined ? {} : { categoryCode: v.categoryCode }),
      ...(v.areaOrgId === undefined ? {} : { areaOrgId: v.areaOrgId }),
      ...(v.platform === undefined ? {} : { platform: v.platform }),
      ...(v.limitAmount === undefined || v.limitUnit === undefined
        ? {}
        : { limit: { amount: v.limitAmount, unit: v.limitUnit } }),
      ...(v.note === undefined || v.note.trim() === '' ? {} : { note: v.note.trim() }),
    };
    try {
      await createRule(body);
      void message.success(t('catalogue.rules.created'));
      form.resetFields();
      rules.reload();
    } catch (failure) {
      const text = problemText(failure, t);
      setError(text.detail === undefined ? text.title : `${text.title}: ${text.detail}`);
    }
  };

  const retire = async (id: string) => {
    try {
      await retireRule(id);
      void message.success(t('catalogue.rules.retired'));
      rules.reload();
    } catch (failure) {
      void message.error(problemText(failure, t).title);
    }
  };

  const any = t('catalogue.rules.any');
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('catalogue.rules.add')}>
        <Form<RuleValues> form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="categoryCode" label={t('catalogue.rules.category')}>
                <CategoryPicker items={catalogue.data?.items ?? []} isLeafOnly={false} placeholder={any} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="areaOrgId" label={t('catalogue.rules.area')}>
                <OrgSelect placeholder={any} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="platform" label={t('catalogue.rules.platform')}>
                <Select
                  allowClear
                  placeholder={any}
                  options={platformKeys.map((p) => ({ value: p, label: platformLabel(t, p) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="departmentId"
                label={t('catalogue.rules.department')}
                rules={[{ required: true, message: t('cases.action.departmentRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('catalogue.rules.hasLimit')}>
                <Space.Compact>
                  <Form.Item name="limitAmount" noStyle>
                    <InputNumber min={0.1} max={10000} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name="limitUnit" noStyle>
                    <Select
                      allowClear
                      style={{ width: 140 }}
                      options={limitUnits.map((u) => ({ value: u, label: unitLabel(t, u) }))}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="note" label={t('catalogue.rules.note')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          {error === null ? null : (
            <Typography.Paragraph type="danger" role="alert">
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
            {t('catalogue.rules.add')}
          </Button>
        </Form>
      </Card>
      {rules.error === undefined ? null : <ProblemAlert error={rules.error} onRetry={rules.reload} />}
      <Table
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'category',
            title: t('catalogue.rules.category'),
            render: (_: unknown, r) =>
              r.categoryCode === null ? any : (categoryName.get(r.categoryCode) ?? r.categoryCode),
          },
          {
            key: 'area',
            title: t('catalogue.rules.area'),
            render: (_: unknown, r) => r.gridId ?? r.areaOrgId ?? any,
          },
          {
            key: 'platform',
            title: t('catalogue.rules.platform'),
            render: (_: unknown, r) => (r.platform === null ? any : platformLabel(t, r.platform)),
          },
          {
            key: 'department',
            title: t('catalogue.rules.department'),
            render: (_: unknown, r) => departmentName.get(r.departmentId) ?? r.departmentId,
          },
          {
            key: 'limit',
            title: t('catalogue.rules.limit'),
            render: (_: unknown, r) =>
              r.limit !== null
                ? t('catalogue.limitText', { amount: r.limit.amount, unit: unitLabel(t, r.limit.unit) })
                : t('common.none'),
          },
          { key: 'note', title: t('catalogue.rules.note'), render: (_: unknown, r) => r.note ?? '' },
          {
            key: 'retire',
            title: '',
            width: 90,
            render: (_: unknown, r) => (
              <Popconfirm
                title={t('catalogue.rules.retireConfirm')}
                okText={t('cases.action.confirm')}
                cancelText={t('cases.action.cancel')}
                onConfirm={() => void retire(r.id)}
              >
                <Button size="small" danger>
                  {t('catalogue.rules.retire')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Flex>
  );
};

const isCalendarDay = (value: unknown): value is CalendarDay =>
  typeof value === 'object' &&
  value !== null &&
  'date' in value &&
  typeof value.date === 'string' &&
  'kind' in value &&
  (value.kind === 'holiday' || value.kind === 'workday');

const CalendarTab = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const days = useLoader((signal) => fetchCalendar(year, signal), [year]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const items = days.data?.items ?? [];

  const runImport = async () => {
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setError(t('catalogue.calendar.badJson'));
      return;
    }
    const list: unknown =
      typeof parsed === 'object' && parsed !== null && 'items' in parsed ? parsed.items : parsed;
    if (!Array.isArray(list) || !list.every(isCalendarDay)) {
      setError(t('catalogue.calendar.badJson'));
      return;
    }
    try {
      await importCalendar(
        year,
        list.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })),
      );
      void message.success(t('catalogue.calendar.imported', { count: list.length }));
      setText('');
      days.reload();
    } catch (failure) {
      const p = problemText(failure, t);
      setError(p.detail === undefined ? p.title : `${p.title}: ${p.detail}`);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={
            <Flex align="center" gap={8}>
              <span>{t('catalogue.calendar.year')}</span>
              <InputNumber min={2000} max={2100} value={year} onChange={(v) => v !== null && setYear(v)} />
            </Flex>
          }
        >
          {days.error === undefined ? null : <ProblemAlert error={days.error} onRetry={days.reload} />}
          <Typography.Paragraph type="secondary">
            {t('catalogue.calendar.count', {
              holidays: items.filter((d) => d.kind === 'holiday').length,
              workdays: items.filter((d) => d.kind === 'workday').length,
            })}
          </Typography.Paragraph>
          <Table
            rowKey="date"
            size="small"
            loading={days.isLoading}
            dataSource={items}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            columns={[
              { key: 'date', title: t('catalogue.calendar.date'), dataIndex: 'date' },
              {
                key: 'kind',
                title: t('catalogue.calendar.kind'),
                render: (_: unknown, d: CalendarDay) =>
                  d.kind === 'holiday' ? (
                    <Tag color="red">{t('catalogue.calendar.holiday')}</Tag>
                  ) : (
                    <Tag color="blue">{t('catalogue.calendar.workday')}</Tag>
                  ),
              },
              {
                key: 'name',
                title: t('catalogue.calendar.name'),
                render: (_: unknown, d: CalendarDay) => d.name ?? '',
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('catalogue.calendar.import')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('catalogue.calendar.importHint')}
          </Typography.Paragraph>
          <Input.TextArea
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ fontFamily: 'monospace' }}
          />
          {error === null ? null : (
            <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>
              {error}
            </Typography.Paragraph>
          )}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={text.trim() === ''}
            onClick={() => void runImport()}
          >
            {t('catalogue.calendar.import')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
};

export const CataloguePage = () => {
  const { t } = useTranslation();
  return (
    <Card title={t('catalogue.title')}>
      <Tabs
        items={[
          { key: 'categories', label: t('catalogue.tabs.categories'), children: <CategoriesTab /> },
          { key: 'rules', label: t('catalogue.tabs.rules'), children: <RulesTab /> },
          { key: 'calendar', label: t('catalogue.tabs.calendar'), children: <CalendarTab /> },
        ]}
      />
    </Card>
  );
};
