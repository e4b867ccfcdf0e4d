// Changes a scheduled meeting: title, date and time, place, quorum and the agenda (the topics now on it, and the
// council's topics that may go on one). Only what differs is sent; the server tells the meeting's list.
import {
  App,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { districtInstant, districtPicked } from '../common/forms';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { useLoader } from '../common/useLoader';
import { changeMeeting, fetchCouncil, type Meeting, type MeetingChange, type Topic } from './api';

type Values = { title: string; startsAt: Dayjs; place: string; quorum: number; topicIds: string[] };

const FIELDS: FieldMap = {
  title: ['title'],
  startsAt: ['startsAt'],
  place: ['place'],
  quorum: ['quorum'],
  topicIds: ['topicIds'],
};

export const ChangeMeetingDialog = ({
  meeting,
  agenda,
  onClose,
  onChanged,
}: {
  meeting: Meeting;
  agenda: Topic[];
  onClose: () => void;
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const council = useLoader((signal) => fetchCouncil(meeting.councilId, signal), [meeting.councilId]);
  const current = agenda.map((topic) => topic.id);
  const choices = [
    ...agenda.map((topic) => ({ value: topic.id, label: topic.title })),
    ...(council.data?.topics ?? [])
      .filter((topic) => topic.abilities.includes('schedule') && !current.includes(topic.id))
      .map((topic) => ({ value: topic.id, label: topic.title })),
  ];
  const { submit, isSaving, error } = useFormSubmit(form, FIELDS, async (v) => {
    const change: MeetingChange = {};
    const startsAt = districtInstant(v.startsAt);
    if (v.title.trim() !== meeting.title) {
      change.title = v.title.trim();
    }
    if (startsAt !== meeting.startsAt) {
      change.startsAt = startsAt;
    }
    if (v.place.trim() !== meeting.place) {
      change.place = v.place.trim();
    }
    if (v.quorum !== meeting.quorum) {
      change.quorum = v.quorum;
    }
    if (v.topicIds.join() !== current.join()) {
      change.topicIds = v.topicIds;
    }
    if (Object.keys(change).length === 0) {
      void message.info(t('consultations.change.nothing'));
      onClose();
      return;
    }
    await changeMeeting(meeting.id, change);
    void message.success(t('consultations.change.saved'));
    onChanged();
  });
  return (
    <Modal
      open
      width={640}
      title={t('consultations.change.title')}
      okText={t('consultations.change.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{
        loading: isSaving,
        disabled: council.data === undefined,
        'data-testid': 'change-submit',
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
            title: meeting.title,
            startsAt: districtPicked(meeting.startsAt),
            place: meeting.place,
            quorum: meeting.quorum,
            topicIds: current,
          }}
        >
          <Typography.Paragraph type="secondary">{t('consultations.change.hint')}</Typography.Paragraph>
          <Form.Item
            name="title"
            label={t('consultations.schedule.meetingTitle')}
            rules={[{ required: true, whitespace: true, message: t('consultations.schedule.titleRequired') }]}
          >
            <Input maxLength={100} showCount data-testid="change-title" />
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
                data-testid="change-starts-at"
              />
            </Form.Item>
            <Form.Item
              name="quorum"
              label={t('consultations.schedule.quorum')}
              rules={[{ required: true, message: t('consultations.change.quorumRequired') }]}
              style={{ flex: '1 1 160px' }}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="place"
            label={t('consultations.schedule.place')}
            rules={[{ required: true, whitespace: true, message: t('consultations.change.placeRequired') }]}
          >
            <Input maxLength={100} data-testid="change-place" />
          </Form.Item>
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
              options={choices}
              data-testid="change-topics"
            />
          </Form.Item>
        </Form>
      )}
      <FormProblem error={error} />
    </Modal>
  );
};
