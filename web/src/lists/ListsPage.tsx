// One published list at a time: pick it (owner and level), read its items by kind with search, open an item's
// process chart, and — with list.write — add, edit, import; versions and the .xlsx export for every reader.
import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  DownloadOutlined,
  EditOutlined,
  HistoryOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import {
  exportUrl,
  fetchList,
  fetchLists,
  itemKinds,
  listKey,
  listLevels,
  type ItemKind,
  type ListItem,
  type ListLevel,
  type ListRef,
} from './api';
import { ImportDrawer } from './ImportDrawer';
import { ItemDetail, StatusTag } from './ItemDetail';
import { ItemFormDialog } from './ItemFormDialog';
import { kindColour, kindLabel, limitLabel, listLevelLabel, sourceColour, sourceLabel } from './labels';
import { VersionsDrawer } from './VersionsDrawer';

type KindFilter = 'all' | ItemKind;

const isListLevel = (v: string): v is ListLevel => (listLevels as readonly string[]).includes(v);

const matches = (item: ListItem, q: string): boolean =>
  q === '' ||
  item.title.includes(q) ||
  item.code.toLowerCase().includes(q.toLowerCase()) ||
  item.responsible.includes(q);

export const ListsPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canWrite = useAbility('list.write');
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<KindFilter>('all');
  const [text, setText] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ListItem | 'new' | null>(null);
  const [panel, setPanel] = useState<'versions' | 'import' | null>(null);

  const lists = useLoader((signal) => fetchLists(signal), []);
  const refs = lists.data?.items ?? [];
  const chosen: ListRef | undefined = refs.find((r) => listKey(r) === params.get('list')) ?? refs[0];
  const level = chosen !== undefined && isListLevel(chosen.level) ? chosen.level : undefined;

  const list = useLoader(
    (signal) =>
      chosen === undefined ? Promise.resolve(undefined) : fetchList(chosen.ownerOrgId, chosen.level, signal),
    [chosen?.ownerOrgId, chosen?.level],
  );
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const i of items) {
      c[i.kind] = (c[i.kind] ?? 0) + 1;
    }
    return c;
  }, [items]);
  const rows = useMemo(
    () => items.filter((i) => (kind === 'all' || i.kind === kind) && matches(i, text.trim())),
    [items, kind, text],
  );
  const open = items.find((i) => i.id === openId);
  const nameOf = (r: ListRef) =>
    t('lists.list.option', { owner: r.ownerName, level: listLevelLabel(t, r.level) });

  const target =
    chosen !== undefined && level !== undefined ? { ownerOrgId: chosen.ownerOrgId, level } : undefined;

  return (
    <Flex vertical gap={16}>
      {lists.error === undefined ? null : <ProblemAlert error={lists.error} onRetry={lists.reload} />}
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('lists.list.pick')}
            placeholder={t('lists.list.pickHint')}
            loading={lists.isLoading}
            value={chosen === undefined ? undefined : listKey(chosen)}
            onChange={(v) => {
              setParams({ list: v }, { replace: true });
              setOpenId(null);
            }}
            options={refs.map((r) => ({ value: listKey(r), label: nameOf(r) }))}
            style={{ minWidth: isMobile ? '100%' : 360 }}
            data-testid="list-picker"
          />
          {list.data === undefined ? null : (
            <Tag>
              {list.data.version === 0
                ? t('lists.list.noVersion')
                : t('lists.list.version', { version: list.data.version })}
            </Tag>
          )}
          <Flex gap={8} wrap style={{ marginLeft: isMobile ? 0 : 'auto' }}>
            {chosen === undefined ? null : (
              <>
                <Button
                  icon={<HistoryOutlined />}
                  onClick={() => setPanel('versions')}
                  data-testid="list-versions"
                >
                  {t('lists.list.versions')}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  href={exportUrl(chosen.ownerOrgId, chosen.level)}
                  download
                  data-testid="list-export"
                >
                  {t('lists.list.export')}
                </Button>
              </>
            )}
            {canWrite && target !== undefined ? (
              <>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setPanel('import')}
                  data-testid="list-import"
                >
                  {t('lists.list.import')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="item-add"
                >
                  {t('lists.list.add')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Flex>
        {!lists.isLoading && refs.length === 0 ? (
          <Empty description={t('lists.list.noLists')} />
        ) : (
          <>
            <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
              <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
                <Segmented<KindFilter>
                  value={kind}
                  onChange={setKind}
                  options={[
                    {
                      value: 'all',
                      label: t('lists.list.kindCount', { kind: t('lists.list.all'), count: items.length }),
                    },
                    ...itemKinds.map((k) => ({
                      value: k,
                      label: t('lists.list.kindCount', { kind: kindLabel(t, k), count: counts[k] ?? 0 }),
                    })),
                  ]}
                  data-testid="kind-filter"
                />
              </div>
              <Input.Search
                allowClear
                placeholder={t('lists.list.search')}
                aria-label={t('lists.list.search')}
                onChange={(e) => setText(e.target.value)}
                style={{ width: isMobile ? '100%' : 300 }}
              />
              <Typography.Text type="secondary">
                {t('lists.list.loaded', { count: rows.length })}
              </Typography.Text>
            </Flex>
            {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
            <Table<ListItem>
              rowKey="id"
              size="middle"
              loading={list.isLoading || lists.isLoading}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: t('lists.list.empty') }}
              data-testid="list-items"
              onRow={(i) => ({ onClick: () => setOpenId(i.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('lists.form.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  render: (k: string) => <Tag color={kindColour(k)}>{kindLabel(t, k)}</Tag>,
                },
                { title: t('lists.list.code'), dataIndex: 'code', width: 110 },
                {
                  title: t('lists.list.name'),
                  dataIndex: 'title',
                  render: (v: string) => <Typography.Link data-testid="item-link">{v}</Typography.Link>,
                },
                {
                  title: t('lists.list.source'),
                  dataIndex: 'source',
                  width: 110,
                  render: (s: string) => <Tag color={sourceColour(s)}>{sourceLabel(t, s)}</Tag>,
                },
                {
                  title: t('lists.list.status'),
                  key: 'status',
                  width: 150,
                  render: (_: unknown, i) => <StatusTag item={i} />,
                },
                {
                  title: t('lists.list.timeLimit'),
                  key: 'limit',
                  width: 120,
                  render: (_: unknown, i) => limitLabel(t, i.timeLimit),
                },
                { title: t('lists.list.responsible'), dataIndex: 'responsible', width: 200 },
                {
                  title: <Tooltip title={t('lists.list.refusalsHint')}>{t('lists.list.refusals')}</Tooltip>,
                  dataIndex: 'refusals',
                  width: 90,
                  align: 'right',
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                },
              ]}
            />
          </>
        )}
      </Card>
      <Drawer
        open={open !== undefined}
        onClose={() => setOpenId(null)}
        size={isMobile ? '100%' : 560}
        title={open?.title ?? t('lists.item.title')}
        extra={
          canWrite && open !== undefined && open.source !== 'routing' ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(open)} data-testid="item-edit">
              {t('lists.list.edit')}
            </Button>
          ) : null
        }
      >
        {open === undefined ? null : <ItemDetail item={open} isStaff />}
      </Drawer>
      {editing === null || target === undefined ? null : (
        <ItemFormDialog
          target={target}
          item={editing === 'new' ? null : editing}
          defaultKind={kind === 'all' ? 'power' : kind}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setOpenId(null);
            list.reload();
            lists.reload();
          }}
        />
      )}
      {panel === 'versions' && chosen !== undefined ? (
        <VersionsDrawer target={chosen} onClose={() => setPanel(null)} />
      ) : null}
      {panel === 'import' && target !== undefined && chosen !== undefined ? (
        <ImportDrawer
          target={target}
          listName={nameOf(chosen)}
          onClose={() => setPanel(null)}
          onCommitted={() => {
            list.reload();
            lists.reload();
          }}
        />
      ) : null}
    </Flex>
  );
};
