// The ledger of the subtree: approved acts newest first, an act's entries, and a reversal (a new act of opposite
// entries) for the roles that approve points. Entries are never edited.
import { useCallback, useEffect, useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchAct, fetchActs, reverseAct, type Act, type ActKind, type Entry } from './api';
import { amountText, formatDateTimeShort, kindLabel, sourceLabel } from './labels';
import { useRuleNames } from './useRules';

type KindFilter = 'all' | ActKind;
const PAGE = 50;

export const LedgerTab = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ruleName = useRuleNames();
  const [kind, setKind] = useState<KindFilter>('all');
  const [acts, setActs] = useState<Act[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [openId, setOpenId] = useState<string | null>(null);
  const load = useCallback(
    async (before: string | undefined, signal?: AbortSignal) => {
      setIsLoading(true);
      setError(undefined);
      try {
        const page = await fetchActs(
          { orgId, kind: kind === 'all' ? undefined : kind, before, limit: PAGE },
          signal,
        );
        setActs((current) => (before === undefined ? page.items : [...current, ...page.items]));
        setHasMore(page.items.length === PAGE);
      } catch (failure) {
        if (!isAbortError(failure)) {
          setError(failure);
        }
      } finally {
        setIsLoading(false);
      }
    },
    [orgId, kind],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(undefined, controller.signal);
    return () => {
      controller.abort();
    };
  }, [load]);
  return (
    <Flex vertical gap={12}>
      <Segmented<KindFilter>
        value={kind}
        onChange={setKind}
        options={[
          { value: 'all', label: t('volunteers.ledger.all') },
          { value: 'hours', label: kindLabel(t, 'hours') },
          { value: 'points', label: kindLabel(t, 'points') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {error === undefined ? null : <ProblemAlert error={error} onRetry={() => void load(undefined)} />}
      <Table<Act>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={acts}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('volunteers.ledger.empty') }}
        data-testid="act-table"
        columns={[
          {
            title: t('volunteers.ledger.occurredAt'),
            dataIndex: 'occurredAt',
            render: (v: number) => formatDateTimeShort(v, locale),
          },
          {
            title: t('volunteers.ledger.rule'),
            dataIndex: 'ruleCode',
            render: (v: string, a: Act) => (
              <Flex gap={4} wrap>
                <Tag color={a.kind === 'hours' ? 'blue' : 'purple'}>{kindLabel(t, a.kind)}</Tag>
                {ruleName(v)}
                {a.reversesActId === null ? null : <Tag color="red">{t('volunteers.ledger.reversal')}</Tag>}
              </Flex>
            ),
          },
          { title: t('volunteers.ledger.evidence'), dataIndex: 'evidence', ellipsis: true, width: 280 },
          {
            title: t('volunteers.ledger.source'),
            dataIndex: 'sourceType',
            render: (v: string) => sourceLabel(t, v),
          },
          { title: t('volunteers.ledger.membersCount'), dataIndex: 'members' },
          {
            title: t('volunteers.ledger.total'),
            dataIndex: 'total',
            render: (v: number, a: Act) => amountText(t, a.kind, v),
          },
          { title: t('volunteers.ledger.approver'), dataIndex: 'approverName' },
          {
            key: 'view',
            title: '',
            render: (_: unknown, a: Act) => (
              <Button size="small" onClick={() => setOpenId(a.id)} data-testid="act-view">
                {t('volunteers.actions.view')}
              </Button>
            ),
          },
        ]}
      />
      {hasMore ? (
        <Button
          onClick={() => void load(acts.at(-1)?.id)}
          loading={isLoading}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
      {openId === null ? null : (
        <ActDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onReversed={() => {
            setOpenId(null);
            void load(undefined);
          }}
        />
      )}
    </Flex>
  );
};

const ActDrawer = ({
  id,
  onClose,
  onReversed,
}: {
  id: string;
  onClose: () => void;
  onReversed: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = useIsMobile();
  const ruleName = useRuleNames();
  const canApprove = useAbility('points.approve');
  const [isReversing, setIsReversing] = useState(false);
  const { data, error, isLoading } = useLoader((signal) => fetchAct(id, signal), [id]);
  const act = data?.item;
  const open = (data?.entries ?? []).filter((e) => !e.isReversed && e.reversesEntryId === null);
  const canReverse = canApprove && act !== undefined && act.reversesActId === null && open.length > 0;
  return (
    <Drawer
      open
      size={isMobile ? '100%' : 720}
      title={act === undefined ? t('volunteers.ledger.entries') : ruleName(act.ruleCode)}
      onClose={onClose}
      extra={
        canReverse ? (
          <Button danger onClick={() => setIsReversing(true)} data-testid="act-reverse">
            {t('volunteers.actions.reverse')}
          </Button>
        ) : null
      }
    >
      {error === undefined ? null : <ProblemAlert error={error} />}
      {act === undefined ? (
        <Spin spinning={isLoading} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('volunteers.ledger.rule')}>
              {`${kindLabel(t, act.kind)} · ${ruleName(act.ruleCode)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.ledger.evidence')}>{act.evidence}</Descriptions.Item>
            {act.note === null ? null : (
              <Descriptions.Item label={t('volunteers.ledger.note')}>{act.note}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('volunteers.ledger.source')}>
              {sourceLabel(t, act.sourceType)}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.ledger.occurredAt')}>
              {formatDateTimeShort(act.occurredAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.ledger.approver')}>
              {`${act.approverName} · ${formatDateTimeShort(act.approvedAt, locale)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteers.ledger.total')}>
              {amountText(t, act.kind, act.total)}
            </Descriptions.Item>
          </Descriptions>
          <Table<Entry>
            rowKey="id"
            size="small"
            dataSource={data?.entries ?? []}
            pagination={(data?.entries.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
            data-testid="entry-table"
            columns={[
              { title: t('volunteers.ledger.member'), dataIndex: 'memberName' },
              {
                title: t('volunteers.ledger.amount'),
                dataIndex: 'amount',
                render: (v: number, e: Entry) => amountText(t, e.kind, v),
              },
              {
                key: 'state',
                title: '',
                render: (_: unknown, e: Entry) =>
                  e.isReversed ? <Tag color="red">{t('volunteers.ledger.isReversed')}</Tag> : null,
              },
            ]}
          />
        </Flex>
      )}
      {isReversing && act !== undefined ? (
        <ReverseDialog
          actId={act.id}
          entries={open}
          onClose={() => setIsReversing(false)}
          onReversed={onReversed}
        />
      ) : null}
    </Drawer>
  );
};

const ReverseDialog = ({
  actId,
  entries,
  onClose,
  onReversed,
}: {
  actId: string;
  entries: Entry[];
  onClose: () => void;
  onReversed: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ memberIds?: string[]; reason: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await reverseAct(
        actId,
        v.reason.trim(),
        v.memberIds === undefined || v.memberIds.length === 0 ? undefined : v.memberIds,
      );
      void message.success(t('volunteers.ledger.reversed'));
      onReversed();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('volunteers.ledger.reverseTitle')}
      okText={t('volunteers.actions.reverse')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ danger: true, loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('volunteers.ledger.reverseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="memberIds" label={t('volunteers.ledger.reverseMembers')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={entries.map((e) => ({ value: e.memberId, label: e.memberName }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('volunteers.ledger.reverseReason')}
          rules={[
            { required: true, whitespace: true, message: t('volunteers.ledger.reverseReasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
