// The convener keeps the joint meetings (联席会议): plans one (when, where, what it takes up), records it as held
// with its minutes and the members present, or calls it off with the reason.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtInstant } from '../common/forms';
import { cancelMeeting, holdMeeting, scheduleMeeting, type Meeting, type Member } from './api';
import { FormDialog } from '../common/FormDialog';
import { UndoDialog } from './MatchDialogs';

type Done = { allianceId: string; onClose: () => void; onDone: () => void };

type PlanValues = { title: string; place: string; scheduledAt: Dayjs; agenda?: string };

/** A week ahead at nine: a joint meeting is called some days before it sits. */
const defaultTime = () => dayjs().add(7, 'day').hour(9).minute(0).second(0).millisecond(0);

export const PlanMeetingDialog = ({ allianceId, onClose, onDone }: Done) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  return (
    <FormDialog<PlanValues>
      title={t('alliance.meetings.planTitle')}
      okText={t('alliance.meetings.plan')}
      success={t('alliance.meetings.planned')}
      submitTestId="meeting-plan-submit"
      form={form}
      initialValues={{ scheduledAt: defaultTime() }}
      onSubmit={(v) =>
        scheduleMeeting(allianceId, {
          title: v.title.trim(),
          place: v.place.trim(),
          agenda: (v.agenda ?? '').trim(),
          // The picked time is the district's wall clock, as the meetings are shown.
          scheduledAt: districtInstant(v.scheduledAt),
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="title"
        label={t('alliance.meetings.name')}
        rules={[{ required: true, whitespace: true, message: t('alliance.meetings.nameRequired') }]}
      >
        <Input maxLength={80} data-testid="meeting-title" />
      </Form.Item>
      <Form.Item
        name="scheduledAt"
        label={t('alliance.meetings.scheduledAt')}
        rules={[{ required: true, message: t('alliance.meetings.scheduledRequired') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          style={{ width: 240 }}
          data-testid="meeting-at"
        />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('alliance.meetings.place')}
        rules={[{ required: true, whitespace: true, message: t('alliance.meetings.placeRequired') }]}
      >
        <Input maxLength={120} data-testid="meeting-place" />
      </Form.Item>
      <Form.Item name="agenda" label={t('alliance.meetings.agenda')}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="meeting-agenda" />
      </Form.Item>
    </FormDialog>
  );
};

type HoldValues = { minutes: string; attendeeOrgIds: string[] };

export const HoldMeetingDialog = ({
  allianceId,
  meeting,
  members,
  onClose,
  onDone,
}: Done & { meeting: Meeting; members: Member[] }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<HoldValues>();
  return (
    <FormDialog<HoldValues>
      width={640}
      title={t('alliance.meetings.holdTitle', { title: meeting.title })}
      okText={t('alliance.meetings.hold')}
      success={t('alliance.meetings.held')}
      submitTestId="meeting-hold-submit"
      form={form}
      // Every member to begin with: the secretary takes off those absent.
      initialValues={{ attendeeOrgIds: members.map((m) => m.orgId) }}
      onSubmit={(v) =>
        holdMeeting(allianceId, meeting.id, { minutes: v.minutes.trim(), attendeeOrgIds: v.attendeeOrgIds })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="attendeeOrgIds"
        label={t('alliance.meetings.attendees')}
        rules={[{ required: true, type: 'array', min: 1, message: t('alliance.meetings.attendeesRequired') }]}
      >
        <Select
          mode="multiple"
          maxTagCount="responsive"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="meeting-attendees"
          options={members.map((m) => ({ value: m.orgId, label: m.orgName }))}
        />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('alliance.meetings.minutes')}
        rules={[{ required: true, whitespace: true, message: t('alliance.meetings.minutesRequired') }]}
      >
        <Input.TextArea rows={6} maxLength={5000} data-testid="meeting-minutes" />
      </Form.Item>
    </FormDialog>
  );
};

export const CancelMeetingDialog = ({
  allianceId,
  meeting,
  onClose,
  onDone,
}: Done & { meeting: Meeting }) => {
  const { t } = useTranslation();
  return (
    <UndoDialog
      title={t('alliance.meetings.cancelTitle', { title: meeting.title })}
      hint={t('alliance.meetings.cancelHint')}
      label={t('alliance.meetings.cancelReason')}
      okText={t('alliance.meetings.cancel')}
      success={t('alliance.meetings.cancelled')}
      fieldTestId="meeting-cancel-reason"
      send={(reason) => cancelMeeting(allianceId, meeting.id, { reason })}
      onClose={onClose}
      onDone={onDone}
    />
  );
};
