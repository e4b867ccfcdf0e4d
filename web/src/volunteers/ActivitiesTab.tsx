// Volunteer activities of the subtree with their sign-ups; scheduling one for the roles that may. An activity that
// is over waits for its hours to be confirmed on its own page.
import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  deskPaths,
  fetchActivities,
  fetchPosts,
  scheduleActivity,
  serviceCategories,
  type Activity,
  type ServiceCategory,
} from './api';
import { ActivityStateTag } from './ActivityStateTag';
import { categoryLabel, formatDateTimeShort, formatTime } from './labels';
import type { Communities } from './useCommunities';

export const ActivitiesTab = ({
  orgId,
  communities,
}: {
  orgId: string | undefined;
  communities: Communities;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canManage = useAbility('volunteer.manage');
  const [isScheduling, setIsScheduling] = useState(false);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchActivities(orgId, signal), [orgId]);
  return (
    <Flex vertical gap={12}>
      {canManage ? (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsScheduling(true)}
            data-testid="activity-schedule"
          >
            {t('volunteers.activities.schedule')}
          </Button>
        </Flex>
      ) : null}
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<Activity>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.activities.empty') }}
        data-testid="activity-table"
        columns={[
          {
            title: t('volunteers.activities.title'),
            dataIndex: 'title',
            render: (_: unknown, a: Activity) => (
              <Link to={deskPaths.activity(a.id)} data-testid="activity-link">
                {a.title}
              </Link>
            ),
          },
          {
            title: t('volunteers.activities.category'),
            dataIndex: 'category',
            render: (v: string) => categoryLabel(t, v),
          },
          {
            title: t('volunteers.activities.community'),
            dataIndex: 'communityId',
            render: (v: string) => communities.nameOf(v),
          },
          {
            title: t('volunteers.activities.time'),
            key: 'time',
            render: (_: unknown, a: Activity) =>
              `${formatDateTimeShort(a.startsAt, locale)}–${formatTime(a.endsAt, locale)}`,
          },
          { title: t('volunteers.activities.placeName'), dataIndex: 'placeName' },
          {
            title: t('volunteers.activities.signedUp'),
            key: 'taken',
            render: (_: unknown, a: Activity) => `${a.taken} / ${a.places}`,
          },
          {
            title: t('volunteers.activities.state'),
            key: 'state',
            render: (_: unknown, a: Activity) => <ActivityStateTag activity={a} />,
          },
        ]}
      />
      {isScheduling ? (
        <ScheduleActivityDialog
          orgId={orgId}
          communities={communities}
          onClose={() => setIsScheduling(false)}
          onScheduled={() => {
            setIsScheduling(false);
            reload();
          }}
        />
      ) : null}
    </Flex>
  );
};

type Values = {
  communityId: string;
  postId?: string;
  category: ServiceCategory;
  title: string;
  description?: string;
  placeName: string;
  lng: number;
  lat: number;
  radiusM: number;
  time: [Dayjs, Dayjs];
  places: number;
  skills: string[];
};

const NO_POST = '';

const ScheduleActivityDialog = ({
  orgId,
  communities,
  onClose,
  onScheduled,
}: {
  orgId: string | undefined;
  communities: Communities;
  onClose: () => void;
  onScheduled: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const active = useActiveAssignment();
  const [form] = Form.useForm<Values>();
  const communityId = Form.useWatch('communityId', form);
  const posts = useLoader(
    async (signal) =>
      communityId === undefined
        ? []
        : (await fetchPosts(communityId, signal)).items.filter((p) => p.status === 'open'),
    [communityId],
  );
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const initialCommunity = [orgId, active?.orgId].find(
    (id) => id !== undefined && communities.items.some((c) => c.id === id),
  );
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await scheduleActivity({
        communityId: v.communityId,
        postId: v.postId === undefined || v.postId === NO_POST ? null : v.postId,
        category: v.category,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        placeName: v.placeName.trim(),
        lng: v.lng,
        lat: v.lat,
        radiusM: v.radiusM,
        startsAt: v.time[0].valueOf(),
        endsAt: v.time[1].valueOf(),
        places: v.places,
        skills: v.skills,
      });
      void message.success(t('volunteers.activities.scheduled'));
      onScheduled();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('volunteers.activities.scheduleTitle')}
      okText={t('volunteers.activities.schedule')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          communityId: initialCommunity,
          postId: NO_POST,
          category: 'communityGovernance',
          radiusM: 300,
          places: 10,
          skills: [],
        }}
      >
        <Form.Item
          name="communityId"
          label={t('volunteers.activities.community')}
          rules={[{ required: true }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={communities.options} />
        </Form.Item>
        <Form.Item name="postId" label={t('volunteers.activities.post')}>
          <Select
            loading={posts.isLoading}
            options={[
              { value: NO_POST, label: t('volunteers.activities.noPost') },
              ...(posts.data ?? []).map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
        </Form.Item>
        <Form.Item name="category" label={t('volunteers.activities.category')} rules={[{ required: true }]}>
          <Select options={serviceCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('volunteers.activities.title')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('volunteers.activities.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="time" label={t('volunteers.activities.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="placeName"
          label={t('volunteers.activities.placeName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lng" label={t('volunteers.activities.lng')} rules={[{ required: true }]}>
            <InputNumber min={-180} max={180} step={0.0001} precision={6} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="lat" label={t('volunteers.activities.lat')} rules={[{ required: true }]}>
            <InputNumber min={-90} max={90} step={0.0001} precision={6} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="radiusM" label={t('volunteers.activities.radius')} rules={[{ required: true }]}>
            <InputNumber min={50} max={3000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="places" label={t('volunteers.activities.places')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="skills"
          label={t('volunteers.activities.skills')}
          extra={t('volunteers.posts.skillsHint')}
        >
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
