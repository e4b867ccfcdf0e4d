// The audit log as a clerk reads it: who did what to which record, in words; filters by a person's name, an action, a
// record type and dates, kept in the address; further pages on demand; cards instead of a table on a phone.
import { useEffect, useMemo } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Row,
  Select,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCursorList } from '../api/useCursorList';
import type { RoleKey } from '../api/types';
import { districtDay, districtDayAfter, districtDayStart } from '../common/forms';
import { formatDateTime, roleLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import { fetchAuditPage, fetchAuditVocabulary, type AuditEntry, type AuditFilter } from './api';

type FilterForm = {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const PAGE_SIZE = 50;
const FILTER_KEYS = ['actor', 'action', 'entityType'] as const;

const instant = (raw: string | null): number | undefined =>
  raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;

/** The filter in the address; unknown or malformed values are dropped. */
const filterFromParams = (params: URLSearchParams): AuditFilter => {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') {
      filter[key] = value.slice(0, 64);
    }
  }
  const from = instant(params.get('from'));
  const to = instant(params.get('to'));
  return { ...filter, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
};

const paramsOf = (filter: AuditFilter): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filter).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  );

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

/** A range of the district's days ends at the district's midnight after its last day, whatever the browser's zone. */
const toFilter = (form: FilterForm): AuditFilter => {
  const [start, end] = form.range ?? [null, null];
  return {
    actor: clean(form.actor),
    action: form.action,
    entityType: form.entityType,
    from: start === null ? undefined : districtDayStart(start),
    to: end === null ? undefined : districtDayAfter(end),
  };
};

const toForm = (f: AuditFilter): FilterForm => ({
  actor: f.actor,
  action: f.action,
  entityType: f.entityType,
  range:
    f.from === undefined && f.to === undefined
      ? null
      : [
          f.from === undefined ? null : districtDay(f.from),
          f.to === undefined ? null : districtDay(f.to - 1),
        ],
});

/** Where a record named in the log can be opened, for the types that have a page. */
const recordPath = (entry: AuditEntry): string | null => {
  if (entry.entityId === null) {
    return null;
  }
  switch (entry.entityType) {
    case 'case':
      return `/cases/${entry.entityId}`;
    case 'org':
      return `/orgs/${entry.entityId}`;
    case 'member':
      return `/members/${entry.entityId}`;
    case 'grid':
      return `/grids/${entry.entityId}`;
    case 'user':
      return `/admin/users/${entry.entityId}`;
    default:
      return null;
  }
};

const isRoleKey = (role: string): role is RoleKey =>
  [
    'districtAdmin',
    'orgDepartment',
    'districtCommand',
    'townCommand',
    'departmentHandler',
    'villageCadre',
    'gridWorker',
    'partyMember',
    'resident',
  ].includes(role);

const Operator = ({ entry, t }: { entry: AuditEntry; t: TFunction }) => {
  if (entry.actorName === null && entry.actorId === null) {
    return <Typography.Text type="secondary">{t('audit.unknownActor')}</Typography.Text>;
  }
  const role = entry.actorRole;
  const secondary = [
    entry.actorUsername,
    role === null ? null : isRoleKey(role) ? roleLabel(t, role) : role,
  ].filter((x): x is string => x !== null && x !== '');
  return (
    <Flex vertical>
      <span data-testid="audit-actor">{entry.actorName ?? entry.actorId}</span>
      {secondary.length === 0 ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {secondary.join(' · ')}
        </Typography.Text>
      )}
    </Flex>
  );
};

const ActionWords = ({ entry, t }: { entry: AuditEntry; t: TFunction }) => (
  <Tooltip title={t('audit.code', { code: entry.action })}>
    <span data-testid="audit-action" data-code={entry.action}>
      {entry.actionLabel}
    </span>
  </Tooltip>
);

/** The record: its type in words and what it is called (a tracking code, a name, a masked name), linked. */
const Subject = ({ entry }: { entry: AuditEntry }) => {
  const path = recordPath(entry);
  const name = entry.subjectLabel ?? entry.entityId;
  return (
    <Flex vertical>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {entry.entityTypeLabel}
      </Typography.Text>
      {name === null ? null : path === null ? (
        <span data-testid="audit-subject">{name}</span>
      ) : (
        <Link to={path} data-testid="audit-subject">
          {name}
        </Link>
      )}
    </Flex>
  );
};

const Detail = ({ entry }: { entry: AuditEntry }) => (
  <pre
    className="tx-json"
    data-testid="audit-detail"
    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
  >
    {JSON.stringify(entry.detail, null, 2)}
  </pre>
);

export const AuditPage = () => {
  const { t, i18n } = useTranslation();
  const isNarrow = useIsMobile();
  const [form] = Form.useForm<FilterForm>();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const filterKey = JSON.stringify(filter);
  const vocabulary = useLoader((signal) => fetchAuditVocabulary(signal), [i18n.language]);
  const list = useCursorList(
    (cursor, signal) => fetchAuditPage(filter, { limit: PAGE_SIZE, cursor }, signal),
    [filterKey, i18n.language],
  );
  const items = list.items;

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(JSON.parse(filterKey) as AuditFilter));
  }, [form, filterKey]);

  const byLabel = (input: string, option?: { label?: string; value?: string }) =>
    `${option?.label ?? ''} ${option?.value ?? ''}`.toLowerCase().includes(input.trim().toLowerCase());
  const actionOptions = (vocabulary.data?.actions ?? []).map((a) => ({ value: a.code, label: a.label }));
  const typeOptions = (vocabulary.data?.entityTypes ?? []).map((e) => ({ value: e.code, label: e.label }));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <Form<FilterForm>
          form={form}
          layout="vertical"
          data-testid="audit-filters"
          onFinish={(values) => setParams(paramsOf(toFilter(values)))}
        >
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item
                name="actor"
                label={t('audit.actor')}
                htmlFor="audit-actor"
                style={{ marginBottom: 12 }}
              >
                <Input
                  id="audit-actor"
                  name="actor"
                  allowClear
                  maxLength={64}
                  placeholder={t('audit.actorPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="action" label={t('audit.action')} style={{ marginBottom: 12 }}>
                <Select
                  data-testid="audit-action-filter"
                  allowClear
                  showSearch={{ filterOption: byLabel }}
                  loading={vocabulary.isLoading}
                  placeholder={t('audit.actionPlaceholder')}
                  options={actionOptions}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="entityType" label={t('audit.entityType')} style={{ marginBottom: 12 }}>
                <Select
                  data-testid="audit-type-filter"
                  allowClear
                  showSearch={{ filterOption: byLabel }}
                  loading={vocabulary.isLoading}
                  placeholder={t('audit.entityTypePlaceholder')}
                  options={typeOptions}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="range" label={t('audit.dateRange')} style={{ marginBottom: 12 }}>
                <DatePicker.RangePicker
                  allowEmpty={[true, true]}
                  placeholder={[t('audit.startDate'), t('audit.endDate')]}
                  style={{ width: '100%' }}
                  inputReadOnly
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end" wrap>
            <Button icon={<ReloadOutlined />} onClick={() => setParams({})}>
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
          </Flex>
        </Form>
      </Card>
      {vocabulary.error === undefined ? null : (
        <ProblemAlert error={vocabulary.error} onRetry={vocabulary.reload} />
      )}
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <div data-testid="audit-table">
          {isNarrow ? (
            <List<AuditEntry>
              loading={list.isLoading}
              dataSource={items}
              locale={{ emptyText: t('common.noData') }}
              renderItem={(entry) => (
                <List.Item key={entry.id} data-testid="audit-row">
                  <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                    <Flex justify="space-between" gap={8} wrap>
                      <Typography.Text strong>
                        <ActionWords entry={entry} t={t} />
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(entry.at, i18n.language)}
                      </Typography.Text>
                    </Flex>
                    <Subject entry={entry} />
                    <Operator entry={entry} t={t} />
                  </Flex>
                </List.Item>
              )}
            />
          ) : (
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              loading={list.isLoading}
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('common.noData') }}
              expandable={{
                rowExpandable: (entry) => entry.detail !== null,
                expandedRowRender: (entry) => <Detail entry={entry} />,
              }}
              columns={[
                {
                  key: 'at',
                  title: t('audit.time'),
                  render: (_, entry) => (
                    <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</span>
                  ),
                },
                {
                  key: 'actor',
                  title: t('audit.actor'),
                  render: (_, entry) => <Operator entry={entry} t={t} />,
                },
                {
                  key: 'action',
                  title: t('audit.action'),
                  render: (_, entry) => <ActionWords entry={entry} t={t} />,
                },
                {
                  key: 'subject',
                  title: t('audit.subject'),
                  render: (_, entry) => <Subject entry={entry} />,
                },
                {
                  key: 'ip',
                  title: t('audit.ip'),
                  responsive: ['lg'],
                  render: (_, entry) => entry.ip ?? t('common.none'),
                },
              ]}
            />
          )}
        </div>
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
          <Typography.Text type="secondary">{t('audit.loaded', { count: items.length })}</Typography.Text>
          {list.hasMore ? (
            <Button onClick={list.loadMore} loading={list.isLoadingMore} data-testid="audit-load-more">
              {t('common.loadMore')}
            </Button>
          ) : list.page === undefined ? null : (
            <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
          )}
        </Flex>
      </Card>
    </Flex>
  );
};
