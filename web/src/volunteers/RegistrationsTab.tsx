// 双报到 at the community's desk: registrations waiting for confirmation or due again (a confirmation holds half a
// year), with confirm, refuse and end for the roles that manage volunteering.
import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { decideRegistration, fetchRegistrations, type Decision, type Registration } from './api';
import { formatDate, registrationColour, registrationKindLabel, registrationStateLabel } from './labels';
import type { Communities } from './useCommunities';

type View = 'waiting' | 'all';

const loadWaiting = async (orgId: string | undefined, signal: AbortSignal): Promise<Registration[]> => {
  const [pending, confirmed] = await Promise.all([
    fetchRegistrations({ orgId, status: 'pending', limit: 500 }, signal),
    fetchRegistrations({ orgId, status: 'confirmed', limit: 500 }, signal),
  ]);
  return [...pending.items, ...confirmed.items.filter((r) => r.state === 'lapsed')].sort(
    (a, b) => a.requestedAt - b.requestedAt,
  );
};

export const RegistrationsTab = ({
  orgId,
  communities,
}: {
  orgId: string | undefined;
  communities: Communities;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const canManage = useAbility('volunteer.manage');
  const [view, setView] = useState<View>('waiting');
  const [asking, setAsking] = useState<{ row: Registration; decision: 'refuse' | 'end' } | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { data, error, isLoading, reload } = useLoader(
    async (signal) =>
      view === 'waiting'
        ? loadWaiting(orgId, signal)
        : (await fetchRegistrations({ orgId, limit: 500 }, signal)).items,
    [orgId, view],
  );
  const decide = async (row: Registration, decision: Decision, reason: string | null): Promise<boolean> => {
    setBusyId(row.id);
    setActionError(undefined);
    try {
      await decideRegistration(row.id, decision, reason);
      void message.success(t('volunteers.actions.done'));
      reload();
      return true;
    } catch (failure) {
      setActionError(failure);
      return false;
    } finally {
      setBusyId(null);
    }
  };
  const date = (v: number | null) => (v === null ? t('common.none') : formatDate(v, locale));
  const rows = data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'waiting', label: t('volunteers.registrations.waiting') },
            { value: 'all', label: t('volunteers.registrations.all') },
          ]}
        />
        <Typography.Text type="secondary">
          {t('volunteers.registrations.loaded', { count: rows.length })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('volunteers.registrations.hint')}</Typography.Text>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {actionError === undefined || asking !== null ? null : <ProblemAlert error={actionError} />}
      <Table<Registration>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.registrations.empty') }}
        data-testid="registration-table"
        columns={[
          { title: t('volunteers.registrations.name'), dataIndex: 'name' },
          {
            title: t('volunteers.registrations.kind'),
            dataIndex: 'kind',
            render: (v: string) => registrationKindLabel(t, v),
          },
          {
            title: t('volunteers.registrations.community'),
            dataIndex: 'communityId',
            render: (v: string) => communities.nameOf(v),
          },
          {
            title: t('volunteers.registrations.state'),
            dataIndex: 'state',
            render: (v: string) => <Tag color={registrationColour(v)}>{registrationStateLabel(t, v)}</Tag>,
          },
          { title: t('volunteers.registrations.requestedAt'), dataIndex: 'requestedAt', render: date },
          { title: t('volunteers.registrations.validUntil'), dataIndex: 'validUntil', render: date },
          { title: t('volunteers.registrations.confirmations'), dataIndex: 'confirmations' },
          {
            title: t('volunteers.registrations.reason'),
            dataIndex: 'reason',
            render: (v: string | null) => v ?? t('common.none'),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, r: Registration) => (
                    <Flex gap={4} wrap>
                      {r.state === 'pending' || r.state === 'lapsed' || r.state === 'confirmed' ? (
                        <Button
                          size="small"
                          type={r.state === 'confirmed' ? 'default' : 'primary'}
                          loading={busyId === r.id}
                          onClick={() => void decide(r, 'confirm', null)}
                          data-testid="registration-confirm"
                        >
                          {r.state === 'pending'
                            ? t('volunteers.actions.confirm')
                            : t('volunteers.registrations.confirmAgain')}
                        </Button>
                      ) : null}
                      {r.state === 'pending' ? (
                        <Button size="small" danger onClick={() => setAsking({ row: r, decision: 'refuse' })}>
                          {t('volunteers.actions.refuse')}
                        </Button>
                      ) : null}
                      {r.state === 'pending' || r.state === 'lapsed' || r.state === 'confirmed' ? (
                        <Button size="small" onClick={() => setAsking({ row: r, decision: 'end' })}>
                          {t('volunteers.actions.end')}
                        </Button>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {asking === null ? null : (
        <ReasonDialog
          title={
            asking.decision === 'refuse'
              ? t('volunteers.registrations.refuseTitle')
              : t('volunteers.registrations.endTitle')
          }
          isRequired={asking.decision === 'refuse'}
          error={actionError}
          onCancel={() => {
            setAsking(null);
            setActionError(undefined);
          }}
          onOk={async (reason) => {
            if (await decide(asking.row, asking.decision, reason)) {
              setAsking(null);
            }
          }}
        />
      )}
    </Flex>
  );
};

const ReasonDialog = ({
  title,
  isRequired,
  error,
  onCancel,
  onOk,
}: {
  title: string;
  isRequired: boolean;
  error: unknown;
  onCancel: () => void;
  onOk: (reason: string | null) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const reason = v.reason?.trim() ?? '';
    setIsSaving(true);
    try {
      await onOk(reason === '' ? null : reason);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('volunteers.actions.confirm')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onCancel}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('volunteers.registrations.reasonLabel')}
          rules={
            isRequired
              ? [{ required: true, whitespace: true, message: t('volunteers.registrations.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
