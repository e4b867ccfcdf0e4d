// 阳光扶贫 at the desk: the pairings of the subtree with their visits and flagged visits, a pairing's visits with
// their flags and photos, and pairing a member or a unit with a household for the roles that manage volunteering.
import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Image,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { fetchHouseholds } from '../households/api';
import { currentLocale } from '../i18n';
import { OrgPicker } from '../users/OrgPicker';
import { fetchPairings, fetchVisits, pairHousehold, type Pairing, type ReliefVisit } from './api';
import { formatDate, formatDateTimeShort, formatTime, helperKindLabel, reliefFlagLabel } from './labels';
import { MemberSelect } from './MemberSelect';

export const ReliefTab = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canManage = useAbility('volunteer.manage');
  const [isPairing, setIsPairing] = useState(false);
  const [open, setOpen] = useState<Pairing | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPairings(orgId, signal), [orgId]);
  return (
    <Flex vertical gap={12}>
      {canManage ? (
        <Button
          type="primary"
          style={{ alignSelf: 'flex-end' }}
          onClick={() => setIsPairing(true)}
          data-testid="relief-pair"
        >
          {t('volunteers.relief.pair')}
        </Button>
      ) : null}
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<Pairing>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.relief.empty') }}
        data-testid="pairing-table"
        columns={[
          { title: t('volunteers.relief.household'), dataIndex: 'householdName' },
          {
            title: t('volunteers.relief.helper'),
            dataIndex: 'helperName',
            render: (v: string, p: Pairing) => (
              <Flex gap={4} align="center">
                <Tag>{helperKindLabel(t, p.helperKind)}</Tag>
                {v}
                {p.endedAt === null ? null : <Tag>{t('volunteers.relief.ended')}</Tag>}
              </Flex>
            ),
          },
          { title: t('volunteers.relief.visitsPerQuarter'), dataIndex: 'visitsPerQuarter' },
          {
            title: t('volunteers.relief.startedAt'),
            dataIndex: 'startedAt',
            render: (v: number) => formatDate(v, locale),
          },
          { title: t('volunteers.relief.visits'), dataIndex: 'visits' },
          {
            title: t('volunteers.relief.flagged'),
            dataIndex: 'flaggedVisits',
            render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : v),
          },
          {
            title: t('volunteers.relief.lastVisitAt'),
            dataIndex: 'lastVisitAt',
            render: (v: number | null) => (v === null ? t('common.none') : formatDate(v, locale)),
          },
          {
            key: 'view',
            title: '',
            render: (_: unknown, p: Pairing) => (
              <Button size="small" onClick={() => setOpen(p)} data-testid="pairing-visits">
                {t('volunteers.relief.viewVisits')}
              </Button>
            ),
          },
        ]}
      />
      {open === null ? null : <VisitsDrawer pairing={open} onClose={() => setOpen(null)} />}
      {isPairing ? (
        <PairDialog
          orgId={orgId}
          onClose={() => setIsPairing(false)}
          onPaired={() => {
            setIsPairing(false);
            reload();
          }}
        />
      ) : null}
    </Flex>
  );
};

export const VisitList = ({ visits }: { visits: ReliefVisit[] }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <List<ReliefVisit>
      dataSource={visits}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.relief.noVisits')} />
        ),
      }}
      renderItem={(v) => (
        <List.Item data-testid="relief-visit">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>
                {`${formatDateTimeShort(v.startedAt, locale)}–${formatTime(v.endedAt, locale)}`}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('volunteers.relief.minutes', { minutes: v.minutes })}
              </Typography.Text>
            </Flex>
            <Flex gap={4} wrap>
              {v.flags.length === 0 ? (
                <Tag color="success">{t('volunteers.relief.noFlags')}</Tag>
              ) : (
                v.flags.map((f) => (
                  <Tag key={f} color="warning" data-testid="relief-flag">
                    {reliefFlagLabel(t, f)}
                  </Tag>
                ))
              )}
            </Flex>
            <Typography.Text>{v.note}</Typography.Text>
            {v.help === null ? null : (
              <Typography.Text type="secondary">{`${t('volunteers.relief.help')} · ${v.help}`}</Typography.Text>
            )}
            {v.lng === null || v.lat === null ? null : (
              <Typography.Text type="secondary">
                {`${t('volunteers.relief.position')} · ${v.lng.toFixed(5)}, ${v.lat.toFixed(5)}`}
              </Typography.Text>
            )}
            {v.hasPhoto ? (
              <div data-testid="relief-visit-photo">
                <Image
                  width={64}
                  src={`/api/relief/visits/${encodeURIComponent(v.id)}/photo`}
                  alt={t('volunteers.relief.photo')}
                />
              </div>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
};

const VisitsDrawer = ({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchVisits(pairing.id, signal),
    [pairing.id],
  );
  return (
    <Drawer
      open
      size={isMobile ? '100%' : 560}
      title={t('volunteers.relief.visitsTitle', { name: pairing.householdName })}
      onClose={onClose}
    >
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {data === undefined ? <Spin spinning={isLoading} /> : <VisitList visits={data.items} />}
    </Drawer>
  );
};

type PairValues = {
  householdId: string;
  helperKind: 'member' | 'unit';
  memberId?: string;
  unitOrgId?: string;
  visitsPerQuarter: number;
};

const HouseholdSelect = ({
  orgId,
  value,
  onChange,
}: {
  orgId: string | undefined;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setIsLoading(true);
      const q = query.trim();
      fetchHouseholds({ orgId, q: q === '' ? undefined : q }, null, controller.signal)
        .then((page) =>
          setOptions(page.items.map((h) => ({ value: h.id, label: `${h.headName} · ${h.address}` }))),
        )
        .catch(() => setOptions([]))
        .finally(() => setIsLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, orgId]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      placeholder={t('volunteers.relief.pickHousehold')}
      loading={isLoading}
      options={options}
      data-testid="relief-household"
    />
  );
};

const PairDialog = ({
  orgId,
  onClose,
  onPaired,
}: {
  orgId: string | undefined;
  onClose: () => void;
  onPaired: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PairValues>();
  const kind = Form.useWatch('helperKind', form) ?? 'member';
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await pairHousehold({
        householdId: v.householdId,
        visitsPerQuarter: v.visitsPerQuarter,
        ...(v.helperKind === 'member' ? { memberId: v.memberId } : { unitOrgId: v.unitOrgId }),
      });
      void message.success(t('volunteers.relief.paired'));
      onPaired();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('volunteers.relief.pairTitle')}
      okText={t('volunteers.actions.save')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<PairValues>
        form={form}
        layout="vertical"
        initialValues={{ helperKind: 'member', visitsPerQuarter: 1 }}
      >
        <Form.Item
          name="householdId"
          label={t('volunteers.relief.household')}
          rules={[{ required: true, message: t('volunteers.relief.householdRequired') }]}
        >
          <HouseholdSelect orgId={orgId} />
        </Form.Item>
        <Form.Item name="helperKind" label={t('volunteers.relief.helperKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: helperKindLabel(t, 'member') },
              { value: 'unit', label: helperKindLabel(t, 'unit') },
            ]}
          />
        </Form.Item>
        {kind === 'member' ? (
          <Form.Item
            name="memberId"
            label={t('volunteers.relief.helper')}
            rules={[{ required: true, message: t('volunteers.relief.helperRequired') }]}
          >
            <MemberSelect
              orgId={orgId}
              placeholder={t('volunteers.relief.pickMember')}
              testId="relief-member"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitOrgId"
            label={t('volunteers.relief.helper')}
            rules={[{ required: true, message: t('volunteers.relief.helperRequired') }]}
          >
            <OrgPicker
              levels={['unit', 'newField', 'department']}
              placeholder={t('volunteers.relief.pickUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="visitsPerQuarter"
          label={t('volunteers.relief.visitsPerQuarter')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
