// Volunteer posts (志愿岗位) of the subtree with their claimed places; publishing and closing for the roles that may.
import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { closePost, fetchPosts, publishPost, serviceCategories, type Post, type PostBody } from './api';
import { categoryLabel, formatDate, postStateLabel } from './labels';
import type { Communities } from './useCommunities';

export const PostsTab = ({ orgId, communities }: { orgId: string | undefined; communities: Communities }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { modal, message } = App.useApp();
  const canManage = useAbility('volunteer.manage');
  const [isPublishing, setIsPublishing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPosts(orgId, signal), [orgId]);
  const confirmClose = (post: Post) =>
    modal.confirm({
      title: t('volunteers.actions.close'),
      content: t('volunteers.posts.closeConfirm'),
      okText: t('volunteers.actions.close'),
      cancelText: t('volunteers.actions.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setActionError(undefined);
        try {
          await closePost(post.id);
          void message.success(t('volunteers.actions.done'));
          reload();
        } catch (failure) {
          setActionError(failure);
        }
      },
    });
  return (
    <Flex vertical gap={12}>
      {canManage ? (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsPublishing(true)}
            data-testid="post-publish"
          >
            {t('volunteers.posts.publish')}
          </Button>
        </Flex>
      ) : null}
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      <Table<Post>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('volunteers.posts.empty') }}
        data-testid="post-table"
        columns={[
          { title: t('volunteers.posts.title'), dataIndex: 'title' },
          {
            title: t('volunteers.posts.category'),
            dataIndex: 'category',
            render: (v: string) => categoryLabel(t, v),
          },
          {
            title: t('volunteers.posts.community'),
            dataIndex: 'communityId',
            render: (v: string) => communities.nameOf(v),
          },
          {
            title: t('volunteers.posts.claimed'),
            key: 'claimed',
            render: (_: unknown, p: Post) => `${p.claimed} / ${p.places}`,
          },
          {
            title: t('volunteers.posts.skills'),
            dataIndex: 'skills',
            render: (v: string[]) => (v.length === 0 ? t('common.none') : v.join('、')),
          },
          {
            title: t('volunteers.posts.state'),
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'open' ? 'processing' : 'default'}>{postStateLabel(t, v)}</Tag>
            ),
          },
          {
            title: t('volunteers.posts.createdAt'),
            dataIndex: 'createdAt',
            render: (v: number) => formatDate(v, locale),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, p: Post) =>
                    p.status === 'open' ? (
                      <Button size="small" danger onClick={() => void confirmClose(p)}>
                        {t('volunteers.actions.close')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {isPublishing ? (
        <PublishPostDialog
          communities={communities}
          defaultCommunityId={orgId}
          onClose={() => setIsPublishing(false)}
          onPublished={() => {
            setIsPublishing(false);
            reload();
          }}
        />
      ) : null}
    </Flex>
  );
};

type PostValues = Omit<PostBody, 'description'> & { description?: string };

const PublishPostDialog = ({
  communities,
  defaultCommunityId,
  onClose,
  onPublished,
}: {
  communities: Communities;
  defaultCommunityId: string | undefined;
  onClose: () => void;
  onPublished: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const active = useActiveAssignment();
  const [form] = Form.useForm<PostValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const initialCommunity = [defaultCommunityId, active?.orgId].find(
    (id) => id !== undefined && communities.items.some((c) => c.id === id),
  );
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await publishPost({
        ...v,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        skills: v.skills,
      });
      void message.success(t('volunteers.posts.published'));
      onPublished();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t('volunteers.posts.publishTitle')}
      okText={t('volunteers.posts.publish')}
      cancelText={t('volunteers.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<PostValues>
        form={form}
        layout="vertical"
        initialValues={{
          communityId: initialCommunity,
          category: 'communityGovernance',
          places: 5,
          skills: [],
        }}
      >
        <Form.Item name="communityId" label={t('volunteers.posts.community')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={communities.options} />
        </Form.Item>
        <Form.Item name="category" label={t('volunteers.posts.category')} rules={[{ required: true }]}>
          <Select options={serviceCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('volunteers.posts.title')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('volunteers.posts.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="skills"
          label={t('volunteers.posts.skills')}
          extra={t('volunteers.posts.skillsHint')}
        >
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
        <Form.Item name="places" label={t('volunteers.posts.places')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
