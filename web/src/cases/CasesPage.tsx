// Cases: my queue, the cases I am named on, and all cases in scope with filters, export and bulk dispatch.
import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Form, Modal, Select, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import {
  bulkDispatch,
  exportUrl,
  fetchCatalogue,
  fetchDepartments,
  type CaseFilter,
  type CaseSummary,
} from './api';
import { CaseFilters } from './CaseFilters';
import { filterFromParams, paramsOf } from './filterParams';
import { ClockTags, StateTag } from './CaseTags';
import { sourceLabel } from './labels';
import { useCaseList } from './useCaseList';

const TABS = ['actionable', 'watching', 'all'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((tab) => tab === value);

const BulkDispatchButton = ({ ids, onDone }: { ids: string[]; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isOpen, setIsOpen] = useState(false);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const departments = useLoader(
    (signal) => (isOpen ? fetchDepartments(signal) : Promise.resolve(null)),
    [isOpen],
  );
  const run = async () => {
    setIsSaving(true);
    try {
      const result = await bulkDispatch(ids, departmentId);
      void message.info(t('cases.bulkDone', { ok: result.dispatched.length, failed: result.failed.length }));
      setIsOpen(false);
      onDone();
    } catch {
      void message.error(t('errors.unknown'));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <>
      <Button disabled={ids.length === 0} onClick={() => setIsOpen(true)} data-testid="bulk-dispatch">
        {t('cases.bulkDispatch')} {ids.length > 0 ? `(${ids.length})` : null}
      </Button>
      <Modal
        open={isOpen}
        title={t('cases.bulkDispatch')}
        onCancel={() => setIsOpen(false)}
        onOk={() => void run()}
        confirmLoading={isSaving}
        okText={t('cases.action.confirm')}
        cancelText={t('cases.action.cancel')}
      >
        <Typography.Paragraph>{t('cases.bulkSelected', { count: ids.length })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('cases.action.department')} extra={t('cases.bulkDepartmentHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={departmentId}
              onChange={setDepartmentId}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

export const CasesPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  // The filter lives in the address: a link (a grid card, a command-view tile) opens the records behind a number,
  // and a filtered list can be shared. A link that filters opens all cases in scope, not the caller's queue.
  const paramsKey = params.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const isFiltered = Object.keys(filter).length > 0;
  const tab: TabKey = isTab(tabParam) ? tabParam : isFiltered ? 'all' : 'actionable';
  const setFilter = (next: CaseFilter) => {
    setSelected([]);
    setParams(paramsOf(tab === 'actionable' && Object.keys(next).length === 0 ? null : tab, next));
  };
  const canReport = useAbility('case.report');
  const canExport = useAbility('case.export');
  const canCommand = useAbility('case.command');
  const assignment = useActiveAssignment();
  const isTownCommand = canCommand && assignment?.orgLevel === 'town';
  const [selected, setSelected] = useState<string[]>([]);
  const catalogue = useLoader((signal) => fetchCatalogue(signal), [i18n.language]);
  const categories = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);
  const names = useMemo(() => new Map(categories.map((c) => [c.code, c.name])), [categories]);
  const listFilter = useMemo<CaseFilter>(
    () => (tab === 'all' ? filter : { ...filter, queue: tab }),
    [filter, tab],
  );
  const list = useCaseList(listFilter);
  const when = (ms: number | null) => (ms === null ? t('common.none') : formatDateTime(ms, i18n.language));

  const columns = [
    {
      key: 'code',
      title: t('cases.columns.code'),
      width: 190,
      render: (_: unknown, c: CaseSummary) => (
        <Link to={`/cases/${c.id}`} style={{ fontFamily: 'monospace' }} data-testid="case-link">
          {c.trackingCode}
        </Link>
      ),
    },
    {
      key: 'category',
      title: t('cases.columns.category'),
      width: 130,
      render: (_: unknown, c: CaseSummary) => names.get(c.categoryCode) ?? c.categoryCode,
    },
    {
      key: 'description',
      title: t('cases.columns.description'),
      width: 280,
      ellipsis: true,
      render: (_: unknown, c: CaseSummary) => c.description,
    },
    {
      key: 'state',
      title: t('cases.columns.state'),
      width: 200,
      render: (_: unknown, c: CaseSummary) => (
        <Flex wrap gap={4}>
          <StateTag state={c.state} />
          <ClockTags item={c} />
        </Flex>
      ),
    },
    {
      key: 'reportedAt',
      title: t('cases.columns.reportedAt'),
      width: 170,
      render: (_: unknown, c: CaseSummary) => when(c.reportedAt),
    },
    {
      key: 'deadlineAt',
      title: t('cases.columns.deadlineAt'),
      width: 170,
      render: (_: unknown, c: CaseSummary) => when(c.deadlineAt),
    },
    {
      key: 'source',
      title: t('cases.columns.source'),
      width: 110,
      render: (_: unknown, c: CaseSummary) => sourceLabel(t, c.source),
    },
  ];

  return (
    <Card
      title={t('cases.title')}
      extra={
        <Flex gap={8} wrap>
          {canReport ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/cases/new')}>
                {isMobile ? null : t('cases.newCase')}
              </Button>
              <Button icon={<ThunderboltOutlined />} onClick={() => void navigate('/cases/quick')}>
                {isMobile ? null : t('cases.quickReport')}
              </Button>
            </>
          ) : null}
          {isTownCommand ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() => void navigate('/cases/town-leaders')}
              data-testid="case-town-leaders"
            >
              {isMobile ? null : t('cases.home.townLeaders')}
            </Button>
          ) : null}
          {canExport ? (
            <Button icon={<DownloadOutlined />} href={exportUrl(filter)} data-testid="case-export">
              {isMobile ? null : t('cases.export')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setSelected([]);
          setParams(paramsOf(key === 'actionable' && !isFiltered ? null : key, filter));
        }}
        items={TABS.map((key) => ({ key, label: t(`cases.tabs.${key}`) }))}
      />
      <CaseFilters categories={categories} value={filter} onChange={setFilter} />
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      {canCommand ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <BulkDispatchButton
            ids={selected}
            onDone={() => {
              setSelected([]);
              list.reload();
            }}
          />
        </Flex>
      ) : null}
      <Table<CaseSummary>
        data-testid="case-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading && list.items.length === 0}
        pagination={false}
        scroll={{ x: 1280 }}
        locale={{ emptyText: t('cases.empty') }}
        rowSelection={
          canCommand
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
              }
            : undefined
        }
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('cases.loaded', { count: list.items.length })}</Typography.Text>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.isLoading}>
            {t('common.loadMore')}
          </Button>
        ) : list.items.length > 0 ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
};
