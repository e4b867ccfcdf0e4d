// Service-hours certificates at the desk: propose one for a member and a year (a 7-day public notice starts), then
// issue it once the notice has ended with no objection, dismiss an objection with a reason, or withdraw it.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  decideCertificate,
  fetchCertificates,
  proposeCertificate,
  publicPaths,
  type Certificate,
  type CertificateDecision,
} from './api';
import { certificateColour, certificateStateLabel, formatDate, thisYear } from './labels';
import { MemberSelect } from './MemberSelect';

type Asking = { row: Certificate; decision: Exclude<CertificateDecision, 'issue'> };

export const CertificatesTab = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message, modal } = App.useApp();
  const canManage = useAbility('volunteer.manage');
  const [isProposing, setIsProposing] = useState(false);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchCertificates(orgId, signal), [orgId]);
  const now = Date.now();
  const decide = async (row: Certificate, decision: CertificateDecision, note: string): Promise<boolean> => {
    setBusyId(row.id);
    setActionError(undefined);
    try {
      await decideCertificate(row.id, decision, note);
      void message.success(
        decision === 'issue' ? t('volunteers.certificates.issued') : t('volunteers.actions.done'),
      );
      reload();
      return true;
    } catch (failure) {
      setActionError(failure);
      return false;
    } finally {
      setBusyId(null);
    }
  };
  const issue = (row: Certificate) =>
    modal.confirm({
      title: t('volunteers.certificates.issue'),
      content: t('volunteers.certificates.issueConfirm'),
      okText: t('volunteers.certificates.issue'),
      cancelText: t('volunteers.actions.cancel'),
      onOk: async () => {
        await decide(row, 'issue', '');
      },
    });
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Typography.Text type="secondary">{t('volunteers.certificates.proposeHint')}</Typography.Text>
        <Flex gap={12} align="center">
          <Link to={publicPaths.verify()} target="_blank">
            {t('volunteers.certificates.verifyLink')}
          </Link>
          {canManage ? (
            <Button type="primary" onClick={() => setIsProposing(true)} data-testid="certificate-propose">
              {t('volunteers.certificates.propose')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {actionError === undefined || asking !== null ? null : <ProblemAlert error={actionError} />}
      <Table<Certificate>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.certificates.empty') }}
        data-testid="certificate-table"
        columns={[
          { title: t('volunteers.certificates.member'), dataIndex: 'memberName' },
          { title: t('volunteers.certificates.year'), dataIndex: 'year' },
          { title: t('volunteers.certificates.hours'), dataIndex: 'hours' },
          {
            title: t('volunteers.certificates.code'),
            dataIndex: 'code',
            render: (v: string) => (
              <Link to={publicPaths.verify(v)} target="_blank">
                <Typography.Text code>{v}</Typography.Text>
              </Link>
            ),
          },
          {
            title: t('volunteers.certificates.status'),
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={certificateColour(v)} data-testid="certificate-status">
                {certificateStateLabel(t, v)}
              </Tag>
            ),
          },
          {
            title: t('volunteers.certificates.noticeUntil'),
            dataIndex: 'noticeUntil',
            render: (v: number) => formatDate(v, locale),
          },
          {
            title: t('volunteers.certificates.issuedAt'),
            dataIndex: 'issuedAt',
            render: (v: number | null) => (v === null ? t('common.none') : formatDate(v, locale)),
          },
          {
            title: t('volunteers.certificates.objection'),
            dataIndex: 'objection',
            ellipsis: true,
            width: 240,
            render: (v: string | null) => v ?? t('common.none'),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, c: Certificate) => (
                    <Flex gap={4} wrap>
                      {c.status === 'notice' && c.noticeUntil <= now ? (
                        <Button
                          size="small"
                          type="primary"
                          loading={busyId === c.id}
                          onClick={() => void issue(c)}
                          data-testid="certificate-issue"
                        >
                          {t('volunteers.certificates.issue')}
                        </Button>
                      ) : null}
                      {c.status === 'objected' ? (
                        <Button
                          size="small"
                          onClick={() => setAsking({ row: c, decision: 'dismissObjection' })}
                          data-testid="certificate-dismiss"
                        >
                          {t('volunteers.certificates.dismiss')}
                        </Button>
                      ) : null}
                      {c.status === 'withdrawn' ? null : (
                        <Button
                          size="small"
                          danger
                          onClick={() => setAsking({ row: c, decision: 'withdraw' })}
                          data-testid="certificate-withdraw"
                        >
                          {t('volunteers.certificates.withdraw')}
                        </Button>
                      )}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isProposing ? (
        <ProposeDialog
          orgId={orgId}
          onClose={() => setIsProposing(false)}
          onProposed={() => {
            setIsProposing(false);
            reload();
          }}
        />
      ) : null}
      {asking === null ? null : (
        <NoteDialog
          title={
            asking.decision === 'withdraw'
              ? t('volunteers.certificates.withdrawTitle')
              : t('volunteers.certificates.dismissTitle')
          }
          hint={asking.decision === 'withdraw' ? null : t('volunteers.certificates.dismissHint')}
          objection={asking.row.objection}
          error={actionError}
          onCancel={() => {
            setAsking(null);
            setActionError(undefined);
          }}
          onOk={async (note) => {
            if (await decide(asking.row, asking.decision, note)) {
              setAsking(null);
            }
          }}
        />
      )}
    </Flex>
  );
};

const ProposeDialog = ({
  orgId,
  onClose,
  onProposed,
}: {
  orgId: string | undefined;
  onClose: () => void;
  onProposed: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = thisYear();
  const [form] = Form.useForm<{ memberId: string; year: number }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await proposeCertificate(v.memberId, v.year);
      void message.success(t('volunteers.certificates.proposed'));
      onProposed();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('volunteers.certificates.proposeTitle')}
      okText={t('volunteers.actions.save')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('volunteers.certificates.proposeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: current }}>
        <Form.Item
          name="memberId"
          label={t('volunteers.certificates.member')}
          rules={[{ required: true, message: t('volunteers.certificates.memberRequired') }]}
        >
          <MemberSelect
            orgId={orgId}
            placeholder={t('volunteers.certificates.pickMember')}
            testId="certificate-member"
          />
        </Form.Item>
        <Form.Item name="year" label={t('volunteers.certificates.year')} rules={[{ required: true }]}>
          <Select options={[0, 1, 2].map((d) => ({ value: current - d, label: String(current - d) }))} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

const NoteDialog = ({
  title,
  hint,
  objection,
  error,
  onCancel,
  onOk,
}: {
  title: string;
  hint: string | null;
  objection: string | null;
  error: unknown;
  onCancel: () => void;
  onOk: (note: string) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    try {
      await onOk(v.note.trim());
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
      {hint === null ? null : <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {objection === null ? null : (
        <Alert type="warning" title={t('volunteers.certificates.objection')} description={objection} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('volunteers.certificates.note')}
          rules={[{ required: true, whitespace: true, message: t('volunteers.certificates.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
