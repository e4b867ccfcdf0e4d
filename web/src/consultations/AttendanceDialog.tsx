// The clerk's attendance list: ticks who is present, unticks who is not, and adds people who came unannounced.
import { useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { recordAttendance, type Participant } from './api';
import { participantRoleLabel } from './labels';

type WalkIn = { name: string; role: string };

export const AttendanceDialog = ({
  meetingId,
  participants,
  onClose,
  onSaved,
}: {
  meetingId: string;
  participants: Participant[];
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [present, setPresent] = useState<string[]>(
    participants.filter((p) => p.attendedAt !== null).map((p) => p.id),
  );
  const [walkIns, setWalkIns] = useState<WalkIn[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const save = async () => {
    setIsSaving(true);
    setError(undefined);
    try {
      const isPresent = new Set(present);
      await recordAttendance(meetingId, {
        present,
        absent: participants.filter((p) => p.attendedAt !== null && !isPresent.has(p.id)).map((p) => p.id),
        walkIns: walkIns
          .map((w) => ({ name: w.name.trim(), role: w.role.trim() }))
          .filter((w) => w.name !== '' && w.role !== ''),
      });
      void message.success(t('consultations.meeting.attendanceSaved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  const setWalkIn = (i: number, patch: Partial<WalkIn>) =>
    setWalkIns((list) => list.map((w, k) => (k === i ? { ...w, ...patch } : w)));
  return (
    <Modal
      open
      width={640}
      title={t('consultations.meeting.clerkListTitle')}
      okText={t('consultations.actions.save')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('consultations.meeting.clerkListHint')}</Typography.Paragraph>
      <Checkbox.Group
        value={present}
        onChange={(v) => setPresent(v)}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
          gap: 8,
          marginBottom: 16,
        }}
        data-testid="attendance-list"
        options={participants.map((p) => ({
          value: p.id,
          label: `${p.name} · ${participantRoleLabel(t, p.role)}`,
        }))}
      />
      <Typography.Title level={5}>{t('consultations.meeting.walkIns')}</Typography.Title>
      <Flex vertical gap={8}>
        {walkIns.map((w, i) => (
          <Flex key={i} gap={8}>
            <Input
              placeholder={t('consultations.meeting.walkInName')}
              aria-label={t('consultations.meeting.walkInName')}
              maxLength={30}
              value={w.name}
              onChange={(e) => setWalkIn(i, { name: e.target.value })}
            />
            <Input
              placeholder={t('consultations.meeting.walkInRole')}
              aria-label={t('consultations.meeting.walkInRole')}
              maxLength={20}
              value={w.role}
              onChange={(e) => setWalkIn(i, { role: e.target.value })}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('consultations.actions.cancel')}
              onClick={() => setWalkIns((list) => list.filter((_, k) => k !== i))}
            />
          </Flex>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setWalkIns((list) => [...list, { name: '', role: '' }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('consultations.meeting.addWalkIn')}
        </Button>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
