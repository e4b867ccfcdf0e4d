// One party member: facts with numbers masked, posts, central household, transfer history; audited reveal and transfer.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonDialog } from '../common/ReasonDialog';
import { useLoader } from '../common/useLoader';
import { OrgPicker } from '../orgs/OrgPicker';
import { fetchMember, revealMember, transferMember, type MemberDetail } from './api';

const orgLink = (id: string): string => `/orgs/${encodeURIComponent(id)}`;

const RevealButton = ({
  member,
  onShown,
}: {
  member: MemberDetail;
  onShown: (v: { idNumber: string; phone: string | null }) => void;
}) => {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setIsOpen(true)} data-testid="reveal-button">
        {t('orgSystem.members.reveal')}
      </Button>
      <ReasonDialog
        open={isOpen}
        title={t('orgSystem.members.revealTitle')}
        hint={t('orgSystem.members.revealHint')}
        fieldTestId="reveal-reason"
        onSubmit={async (reason) => onShown(await revealMember(member.id, reason))}
        onClose={() => setIsOpen(false)}
      />
    </>
  );
};

const TransferButton = ({ member, onDone }: { member: MemberDetail; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [form] = Form.useForm<{ branchId: string; reason: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await transferMember(member.id, { branchId: v.branchId, groupId: null, reason: v.reason.trim() });
      void message.success(t('orgSystem.members.transferDone'));
      setIsOpen(false);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setIsOpen(true)}>
        {t('orgSystem.members.transfer')}
      </Button>
      <Modal
        open={isOpen}
        title={t('orgSystem.members.transfer')}
        okText={t('orgSystem.ops.ok')}
        cancelText={t('orgSystem.ops.cancel')}
        onOk={() => void submit()}
        onCancel={() => setIsOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="branchId"
            label={t('orgSystem.members.targetBranch')}
            rules={[{ required: true, message: t('orgSystem.ops.pickOrg') }]}
          >
            <OrgPicker value={null} onChange={() => undefined} levels={['branch']} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('orgSystem.ops.reason')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('orgSystem.ops.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
        {error === undefined ? null : <ProblemAlert error={error} />}
      </Modal>
    </>
  );
};

export const MemberPage = () => {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useLoader((signal) => fetchMember(id, signal).then((r) => r.item), [id]);
  const [shown, setShown] = useState<{ forId: string; idNumber: string; phone: string | null } | null>(null);
  const canReveal = useAbility('member.reveal');
  const canWrite = useAbility('member.write');

  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  const m = loaded.data;
  if (m === undefined || m.id !== id) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  const full = shown?.forId === m.id ? shown : null;
  const orgText = (o: { id: string; name: string } | null) =>
    o === null ? t('orgSystem.members.none') : <Link to={orgLink(o.id)}>{o.name}</Link>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="member-page">
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-name">
              {m.name}
            </Typography.Title>
            <Tag color={m.status === 'full' ? 'red' : 'orange'}>
              {t(`orgSystem.status.${m.status as 'full'}`, { defaultValue: m.status })}
            </Tag>
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {canReveal && full === null ? (
              <RevealButton member={m} onShown={(v) => setShown({ forId: m.id, ...v })} />
            ) : null}
            {canWrite ? <TransferButton member={m} onDone={loaded.reload} /> : null}
          </Flex>
        }
      >
        <Link to="/members">{t('orgSystem.members.back')}</Link>
        {full === null ? null : (
          <Alert
            type="warning"
            showIcon
            title={t('orgSystem.members.revealed')}
            style={{ margin: '12px 0' }}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'gender',
              label: t('orgSystem.members.gender'),
              children: t(`orgSystem.gender.${m.gender as 'male'}`, { defaultValue: m.gender }),
            },
            { key: 'birthYear', label: t('orgSystem.members.birthYear'), children: m.birthYear },
            { key: 'ethnicity', label: t('orgSystem.members.ethnicity'), children: m.ethnicity },
            {
              key: 'education',
              label: t('orgSystem.members.education'),
              children: t(`orgSystem.education.${m.education as 'college'}`, { defaultValue: m.education }),
            },
            {
              key: 'idNumber',
              label: t('orgSystem.members.idNumber'),
              children: <span data-testid="member-id-number">{full?.idNumber ?? m.idNumber}</span>,
            },
            {
              key: 'phone',
              label: t('orgSystem.members.phone'),
              children: full === null ? (m.phone ?? '—') : (full.phone ?? '—'),
            },
            { key: 'joinedOn', label: t('orgSystem.members.joinedOn'), children: m.joinedOn },
            { key: 'branch', label: t('orgSystem.members.branch'), children: orgText(m.branch) },
            { key: 'group', label: t('orgSystem.members.group'), children: orgText(m.group) },
            { key: 'community', label: t('orgSystem.members.community'), children: orgText(m.community) },
            {
              key: 'central',
              label: t('orgSystem.members.centralHousehold'),
              children:
                m.centralHousehold === null ? (
                  t('orgSystem.members.none')
                ) : (
                  <Link to={`/households?central=${encodeURIComponent(m.centralHousehold.id)}`}>
                    {m.centralHousehold.name}
                  </Link>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('orgSystem.members.roles')}>
        <Table
          rowKey={(r) => `${r.org.id}:${r.role}`}
          size="small"
          pagination={false}
          dataSource={m.roles}
          locale={{ emptyText: t('orgSystem.members.none') }}
          columns={[
            {
              key: 'role',
              title: t('orgSystem.members.roles'),
              render: (_, r) => t(`orgSystem.roles.${r.role as 'secretary'}`, { defaultValue: r.role }),
            },
            {
              key: 'org',
              title: t('orgs.name'),
              render: (_, r) => <Link to={orgLink(r.org.id)}>{r.org.name}</Link>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('orgSystem.members.transfers')}>
        <Timeline
          items={m.transfers.map((tr) => ({
            key: tr.id,
            content: (
              <span>
                {formatDateTime(tr.at, i18n.language)} ·{' '}
                {t(`orgSystem.transferKind.${tr.kind as 'join'}`, { defaultValue: tr.kind })} ·{' '}
                {tr.from === null ? '' : `${tr.from.name} → `}
                {tr.to.name}
                {tr.reason === null ? '' : ` · ${tr.reason}`}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
};
