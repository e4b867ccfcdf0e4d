// Schedules a council meeting or a public hearing: title, date and time, the room (the council's own by default),
// the agenda from the council's topics that may go on one, the quorum, and invitations by role. Every standing
// member is invited by the server; the form adds departments, experts, parties and residents. Success opens the
// meeting's page.
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Spin,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { useLoader } from '../common/useLoader';
import { fetchCouncil, inviteeRoles, PHONE, scheduleMeeting, staffPaths, type InviteeRole } from './api';
import { blankToNull, districtInstant } from '../common/forms';
import { participantRoleLabel } from './labels';

type InviteeValues = { name?: string; role?: InviteeRole; phone?: string };
type Values = {
  kind: 'council' | 'hearing';
  title: string;
  startsAt?: Dayjs;
  place?: string;
  quorum?: number | null;
  decidesBody?: string;
  topicIds: string[];
  invitees: InviteeValues[];
};

const FIELDS: FieldMap = {
  kind: ['kind'],
  title: ['title'],
  startsAt: ['startsAt'],
  place: ['place'],
  quorum: ['quorum'],
  decidesBody: ['decidesBody'],
  topicIds: ['topicIds'],
  invitees: 'list',
};

export const ScheduleMeetingDialog = ({
  councilId,
  topicIds = [],
  onClose,
}: {
  councilId: string;
  /** Topics put on the agenda to begin with (the topic page passes its own). */
  topicIds?: string[];
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const council = useLoader((signal) => fetchCouncil(councilId, signal), [councilId]);
  // The topics the server lets the caller put on an agenda (approved, or on another meeting's already).
  const agendaTopics = (council.data?.topics ?? []).filter((topic) => topic.abilities.includes('schedule'));
  const members = council.data?.members.length ?? 0;
  const { submit, isSaving, error } = useFormSubmit(form, FIELDS, async (v) => {
    const answer = await scheduleMeeting(councilId, {
      kind: v.kind,
      title: v.title.trim(),
      startsAt: districtInstant(v.startsAt!),
      place: blankToNull(v.place),
      quorum: typeof v.quorum === 'number' ? v.quorum : null,
      decidesBody: v.kind === 'hearing' ? blankToNull(v.decidesBody) : null,
      topicIds: v.topicIds,
      invitees: v.invitees.map((i) => ({
        name: (i.name ?? '').trim(),
        role: i.role ?? 'resident',
        phone: blankToNull(i.phone),
      })),
    });
    void message.success(t('consultations.schedule.scheduled'));
    onClose();
    void navigate(staffPaths.meeting(answer.item.id));
  });
  return (
    <Modal
      open
      width={720}
      title={t('consultations.schedule.title')}
      okText={t('consultations.schedule.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{
        loading: isSaving,
        disabled: council.data === undefined,
        'data-testid': 'schedule-submit',
      }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {council.error === undefined ? null : <ProblemAlert error={council.error} onRetry={council.reload} />}
      {council.data === undefined ? (
        <Spin spinning={council.isLoading} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'council',
            title: '',
            place: council.data.item.place,
            quorum: null,
            topicIds: topicIds,
            invitees: [],
          }}
        >
          <Form.Item name="kind" label={t('consultations.meeting.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'council', label: t('consultations.meetingKinds.council') },
                { value: 'hearing', label: t('consultations.meetingKinds.hearing') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('consultations.schedule.meetingTitle')}
            rules={[{ required: true, whitespace: true, message: t('consultations.schedule.titleRequired') }]}
          >
            <Input maxLength={100} showCount data-testid="schedule-title" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="startsAt"
              label={t('consultations.schedule.startsAt')}
              extra={t('consultations.schedule.startsAtHint')}
              rules={[{ required: true, message: t('consultations.schedule.startsAtRequired') }]}
              style={{ flex: '1 1 240px' }}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="schedule-starts-at"
              />
            </Form.Item>
            <Form.Item
              name="quorum"
              label={t('consultations.schedule.quorum')}
              extra={t('consultations.schedule.quorumHint', {
                count: Math.max(1, Math.floor(members / 2) + 1),
              })}
              style={{ flex: '1 1 200px' }}
            >
              <InputNumber
                min={1}
                max={10000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="schedule-quorum"
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="place"
            label={t('consultations.schedule.place')}
            extra={t('consultations.schedule.placeHint', { place: council.data.item.place })}
          >
            <Input maxLength={100} data-testid="schedule-place" />
          </Form.Item>
          {kind === 'hearing' ? (
            <Form.Item
              name="decidesBody"
              label={t('consultations.schedule.decidesBody')}
              extra={t('consultations.schedule.decidesBodyHint')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('consultations.schedule.decidesBodyRequired'),
                },
              ]}
            >
              <Input maxLength={100} data-testid="schedule-decides-body" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="topicIds"
            label={t('consultations.schedule.agenda')}
            extra={t('consultations.schedule.agendaHint')}
            rules={[{ type: 'array', max: 30, message: t('consultations.schedule.agendaTooLong') }]}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('consultations.schedule.noAgendaTopics')}
                />
              }
              options={agendaTopics.map((topic) => ({ value: topic.id, label: topic.title }))}
              data-testid="schedule-topics"
            />
          </Form.Item>
          <Typography.Text strong>{t('consultations.schedule.invitees')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('consultations.schedule.inviteesHint', { count: members })}
          </Typography.Paragraph>
          <Form.List name="invitees">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="schedule-invitee">
                    <Form.Item
                      name={[field.name, 'role']}
                      rules={[{ required: true, message: t('consultations.schedule.roleRequired') }]}
                      style={{ flex: '1 1 120px', marginBottom: 8 }}
                    >
                      <Select
                        placeholder={t('consultations.schedule.inviteeRole')}
                        options={inviteeRoles.map((r) => ({ value: r, label: participantRoleLabel(t, r) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('consultations.schedule.nameRequired'),
                        },
                      ]}
                      style={{ flex: '2 1 140px', marginBottom: 8 }}
                    >
                      <Input maxLength={30} placeholder={t('consultations.schedule.inviteeName')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'phone']}
                      rules={[{ pattern: PHONE, message: t('consultations.public.phoneInvalid') }]}
                      style={{ flex: '2 1 140px', marginBottom: 8 }}
                    >
                      <Input
                        maxLength={11}
                        inputMode="numeric"
                        placeholder={t('consultations.schedule.inviteePhone')}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('consultations.schedule.removeInvitee')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 200}
                  onClick={() => add({ role: 'department' })}
                  data-testid="schedule-add-invitee"
                >
                  {t('consultations.schedule.addInvitee')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
      <FormProblem error={error} />
    </Modal>
  );
};
