// One talent in a drawer: the profile with the phone masked, consent and when it was last confirmed, and the
// assignments; what the caller may do comes from the server (edit and confirm, the audited reveal, assigning a
// grassroots post and completing an assignment).
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Popconfirm,
  Rate,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonDialog } from '../common/ReasonDialog';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { confirmTalent, fetchTalent, revealTalent, type Assignment, type Talent } from './api';
import { AssignDialog, CompleteDialog } from './AssignmentDialogs';
import { assignmentStatusLabel, formatDate, kindColour, kindLabel, targetLabel } from './labels';
import { ProfileDialog } from './ProfileDialog';

type Acting = 'edit' | 'reveal' | 'assign' | { complete: Assignment } | null;

/** When the talent can be reached, in words. */
export const availabilityText = (t: TFunction, p: Talent): string =>
  [p.weekdays ? t('talent.profile.weekdays') : null, p.weekends ? t('talent.profile.weekends') : null]
    .filter((s) => s !== null)
    .join(' / ');

export const AssignmentCard = ({
  assignment,
  canComplete,
  onComplete,
}: {
  assignment: Assignment;
  canComplete: boolean;
  onComplete: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const from = formatDate(assignment.startsAt, locale);
  return (
    <Card
      size="small"
      data-testid="assignment"
      data-assignment-id={assignment.id}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag>{targetLabel(t, assignment.targetKind)}</Tag>
          <span data-testid="assignment-title">{assignment.title}</span>
          <Tag color={assignment.status === 'active' ? 'blue' : 'green'} data-testid="assignment-status">
            {assignmentStatusLabel(t, assignment.status)}
          </Tag>
        </Flex>
      }
      extra={
        canComplete && assignment.status === 'active' ? (
          <Button size="small" onClick={onComplete} data-testid="assignment-complete">
            {t('talent.assignments.complete')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {assignment.endsAt === null
            ? t('talent.assignments.openEnded', { from })
            : t('talent.assignments.period', { from, to: formatDate(assignment.endsAt, locale) })}
        </Typography.Text>
        {assignment.record === '' ? null : (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {assignment.record}
          </Typography.Paragraph>
        )}
        {assignment.outcome === null ? null : (
          <Typography.Text data-testid="assignment-outcome">
            {t('talent.assignments.outcomeLine', { outcome: assignment.outcome })}
          </Typography.Text>
        )}
        {assignment.rating === null ? null : (
          <span data-testid="assignment-rating" data-rating={assignment.rating}>
            <Rate disabled value={assignment.rating} style={{ fontSize: 14 }} />
          </span>
        )}
      </Flex>
    </Card>
  );
};

export const ProfileDrawer = ({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  /** The profile changed (saved, confirmed, assigned): lists showing it load again. */
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const { data, error, reload } = useLoader((signal) => fetchTalent(id, signal), [id]);
  const [acting, setActing] = useState<Acting>(null);
  const [phone, setPhone] = useState<{ forId: string; phone: string | null } | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const changed = () => {
    reload();
    onChanged();
  };
  const confirm = async () => {
    setIsConfirming(true);
    setActionError(undefined);
    try {
      await confirmTalent(id);
      void message.success(t('talent.profile.confirmDone'));
      changed();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setIsConfirming(false);
    }
  };

  const body = () => {
    if (data === undefined) {
      return error === undefined ? <Spin /> : <ProblemAlert error={error} onRetry={reload} />;
    }
    const { item: p, grid, assignments } = data;
    const canEdit = p.abilities.edit;
    const shown = phone?.forId === p.id ? phone : null;
    const none = t('common.none');
    return (
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-name-title">
              {p.name}
            </Typography.Title>
            <Tag color={kindColour(p.kind)} data-testid="profile-kind-tag">
              {kindLabel(t, p.kind)}
            </Tag>
            {p.memberId === null ? null : <Tag color="red">{t('talent.profile.member')}</Tag>}
            {p.stale ? (
              <Tag color="orange" data-testid="profile-stale">
                {t('talent.list.stale')}
              </Tag>
            ) : null}
          </Flex>
          {canEdit ? (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setActing('edit')} data-testid="profile-edit">
                {t('talent.profile.edit')}
              </Button>
              <Popconfirm
                title={t('talent.profile.confirm')}
                description={t('talent.profile.confirmAsk')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'profile-confirm-ok' }}
                onConfirm={() => void confirm()}
              >
                <Button icon={<CheckCircleOutlined />} loading={isConfirming} data-testid="profile-confirm">
                  {t('talent.profile.confirm')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
        </Flex>
        {p.stale ? <Alert type="warning" showIcon title={t('talent.profile.staleHint')} /> : null}
        {actionError === undefined ? null : <ProblemAlert error={actionError} />}
        <Descriptions size="small" column={1} bordered data-testid="profile-details">
          <Descriptions.Item label={t('talent.profile.place')}>{p.orgName}</Descriptions.Item>
          {grid === null ? null : (
            <Descriptions.Item label={t('talent.profile.grid')}>
              {grid.name} · {grid.code}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('talent.profile.skills')}>
            <Flex gap={4} wrap data-testid="profile-skills-list">
              {p.skills.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.summary')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.summary === '' ? none : p.summary}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.availability')}>
            <Flex vertical>
              <span>{p.availability === '' ? none : p.availability}</span>
              <Typography.Text type="secondary">
                {p.weekdays || p.weekends ? availabilityText(t, p) : t('talent.profile.notAvailable')}
              </Typography.Text>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.consent')}>
            <span data-testid="profile-consent">
              {p.consent
                ? t('talent.profile.consentYes', {
                    date: p.consentAt === null ? none : formatDate(p.consentAt, locale),
                  })
                : t('talent.profile.consentNo')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.phone')}>
            <Flex gap={8} align="center" wrap>
              <span data-testid="profile-phone" data-revealed={shown === null ? 'false' : 'true'}>
                {shown === null
                  ? (p.phoneMasked ?? t('talent.profile.noPhone'))
                  : (shown.phone ?? t('talent.profile.noPhone'))}
              </span>
              {p.abilities.reveal && shown === null ? (
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => setActing('reveal')}
                  data-testid="profile-reveal"
                >
                  {t('talent.profile.reveal')}
                </Button>
              ) : null}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.confirmed')}>
            <span data-testid="profile-confirmed">{formatDate(p.confirmedAt, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('talent.profile.created')}>
            {formatDate(p.createdAt, locale)}
          </Descriptions.Item>
        </Descriptions>
        {shown === null ? null : <Alert type="info" showIcon title={t('talent.profile.revealed')} />}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('talent.assignments.title')}
          </Typography.Title>
          {canEdit && p.consent ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setActing('assign')}
              data-testid="assignment-add"
            >
              {t('talent.assignments.add')}
            </Button>
          ) : null}
        </Flex>
        {canEdit && !p.consent ? (
          <Typography.Text type="secondary">{t('talent.assign.noConsent')}</Typography.Text>
        ) : null}
        {assignments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talent.assignments.empty')} />
        ) : (
          <Flex vertical gap={8} data-testid="assignments">
            {assignments.map((a) => (
              <AssignmentCard
                key={a.id}
                assignment={a}
                canComplete={canEdit}
                onComplete={() => setActing({ complete: a })}
              />
            ))}
          </Flex>
        )}
        {acting === 'edit' ? (
          <ProfileDialog
            talent={p}
            onClose={() => setActing(null)}
            onSaved={() => {
              setActing(null);
              changed();
            }}
          />
        ) : null}
        <ReasonDialog
          open={acting === 'reveal'}
          title={t('talent.profile.revealTitle')}
          hint={t('talent.profile.revealHint')}
          fieldTestId="reveal-reason"
          onSubmit={async (reason) => {
            const answer = await revealTalent(p.id, reason);
            setPhone({ forId: p.id, phone: answer.phone });
          }}
          onClose={() => setActing(null)}
        />
        {acting === 'assign' ? (
          <AssignDialog
            profileId={p.id}
            profileName={p.name}
            onClose={() => setActing(null)}
            onAssigned={() => {
              setActing(null);
              changed();
            }}
          />
        ) : null}
        {acting !== null && typeof acting === 'object' ? (
          <CompleteDialog
            profileId={p.id}
            assignment={acting.complete}
            onClose={() => setActing(null)}
            onCompleted={() => {
              setActing(null);
              changed();
            }}
          />
        ) : null}
      </Flex>
    );
  };

  return (
    <Drawer
      open
      size={640}
      title={t('talent.profile.title')}
      onClose={onClose}
      destroyOnHidden
      data-testid="profile-drawer"
    >
      {body()}
    </Drawer>
  );
};
