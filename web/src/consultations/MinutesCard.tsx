// The minutes of a meeting: shown as text; while the meeting is open the clerk types them or reads a text file.
import { useState } from 'react';
import { App, Button, Card, Input, Modal, Typography, Upload } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { saveMinutes } from './api';

export const MinutesCard = ({
  meetingId,
  minutes,
  canEdit,
  onSaved,
}: {
  meetingId: string;
  minutes: string | null;
  canEdit: boolean;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const save = async () => {
    if (draft === null || draft.trim() === '') {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await saveMinutes(meetingId, draft.trim());
      void message.success(t('consultations.meeting.minutesSaved'));
      setDraft(null);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card
      title={t('consultations.meeting.minutes')}
      extra={
        canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setDraft(minutes ?? '')} data-testid="minutes-edit">
            {t('consultations.meeting.editMinutes')}
          </Button>
        ) : null
      }
    >
      {minutes === null ? (
        <Typography.Text type="warning">{t('consultations.meeting.noMinutes')}</Typography.Text>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{minutes}</Typography.Paragraph>
      )}
      <Modal
        open={draft !== null}
        width={720}
        title={t('consultations.meeting.editMinutes')}
        okText={t('consultations.actions.save')}
        cancelText={t('consultations.actions.cancel')}
        okButtonProps={{ loading: isSaving, disabled: (draft ?? '').trim() === '' }}
        onOk={() => void save()}
        onCancel={() => setDraft(null)}
      >
        <Upload
          accept=".txt,.md,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => setDraft(text.slice(0, 20000)));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }}>
            {t('consultations.meeting.uploadMinutes')}
          </Button>
        </Upload>
        <Input.TextArea
          rows={12}
          maxLength={20000}
          showCount
          value={draft ?? ''}
          placeholder={t('consultations.meeting.minutesPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="minutes-text"
        />
        {error === undefined ? null : <ProblemAlert error={error} />}
      </Modal>
    </Card>
  );
};
