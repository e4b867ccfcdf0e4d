// A year's public notice (公示) with its objection window, and the objections to it with the district's answers.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useCursorList } from '../api/useCursorList';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import {
  answerObjection,
  assessmentPaths,
  closeNotice,
  fetchCycles,
  fetchObjections,
  publicNoticePaths,
  fetchSheets,
  fetchTree,
  publishNotice,
  type Notice,
  type Objection,
} from './api';
import { formatDate, msg, noticeStatusLabel, objectionStatusLabel } from './labels';

type AnswerForm = { answer: string; lineCode: string | null; points: number | null };

const AnswerDialog = ({
  objection,
  lines,
  onClose,
  onSaved,
}: {
  objection: Objection;
  lines: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerForm>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const save = async (v: AnswerForm) => {
    setIsSaving(true);
    setError(undefined);
    try {
      // A change of points names its line; without one, only the answer is sent (the server coerces an explicit
      // null line into an empty code).
      const hasChange = typeof v.points === 'number';
      await answerObjection(objection.id, {
        answer: v.answer.trim(),
        ...(hasChange ? { points: v.points, ...(v.lineCode ? { lineCode: v.lineCode } : {}) } : {}),
      });
      void message.success(t('assessment.objections.answered'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('assessment.objections.answerTitle')}
      okText={t('assessment.sheet.save')}
      cancelText={t('assessment.sheet.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: isSaving, 'data-testid': 'answer-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph>{objection.body}</Typography.Paragraph>
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Form<AnswerForm>
        form={form}
        layout="vertical"
        initialValues={{ answer: '', lineCode: objection.lineCode, points: null }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="answer"
          label={t('assessment.objections.answerText')}
          rules={[{ required: true, whitespace: true, message: t('assessment.objections.answerRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="answer-text" />
        </Form.Item>
        <Form.Item name="lineCode" label={t('assessment.objections.changeLine')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={lines}
            data-testid="answer-line"
          />
        </Form.Item>
        <Form.Item name="points" label={t('assessment.objections.points')}>
          <InputNumber min={-1000} max={1000} style={{ width: 160 }} data-testid="answer-points" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const NoticeCard = ({ notice, onChanged }: { notice: Notice; onChanged: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canApprove = useAbility('assessment.approve');
  const [error, setError] = useState<unknown>(undefined);
  const [isClosing, setIsClosing] = useState(false);
  const isOpen = notice.status === 'open';
  const isOver = Date.now() >= notice.endsAt;
  const close = async () => {
    setIsClosing(true);
    setError(undefined);
    try {
      const r = await closeNotice(notice.id);
      void message.success(t('assessment.notices.closed', { count: r.awards.length }));
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsClosing(false);
    }
  };
  return (
    <Card
      size="small"
      title={notice.title}
      data-testid="notice-card"
      extra={<Tag color={isOpen ? 'processing' : 'default'}>{noticeStatusLabel(t, notice.status)}</Tag>}
    >
      <Flex vertical gap={6}>
        <span>
          {t('assessment.notices.window', {
            from: formatDate(notice.startsAt),
            to: formatDate(notice.endsAt),
          })}
        </span>
        {isOpen ? (
          <Typography.Text type={isOver ? 'warning' : 'secondary'}>
            {t(isOver ? 'assessment.notices.isOver' : 'assessment.notices.isRunning')}
          </Typography.Text>
        ) : null}
        <Link to={publicNoticePaths.notice(notice.id)} target="_blank" data-testid="notice-public-link">
          {t('assessment.notices.publicLink')}
        </Link>
        {error === undefined ? null : <ProblemAlert error={error} />}
        {isOpen && canApprove ? (
          <div>
            <Popconfirm
              title={t('assessment.notices.close')}
              description={t('assessment.notices.closeConfirm')}
              okText={t('assessment.sheet.confirm')}
              cancelText={t('assessment.sheet.cancel')}
              onConfirm={() => void close()}
            >
              <Button loading={isClosing}>{t('assessment.notices.close')}</Button>
            </Popconfirm>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
};

const PublishCard = ({ year, onPublished }: { year: number; onPublished: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; days: number | null }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const publish = async (v: { title: string; days: number | null }) => {
    setIsSaving(true);
    setError(undefined);
    try {
      const r = await publishNotice(year, {
        title: v.title.trim() === '' ? undefined : v.title.trim(),
        days: v.days ?? undefined,
      });
      void message.success(t('assessment.notices.published', { count: r.sheets }));
      onPublished();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card size="small" title={t('assessment.notices.publish')}>
      <Typography.Paragraph type="secondary">{t('assessment.notices.publishHint')}</Typography.Paragraph>
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ title: '', days: null }}
        onFinish={(v) => void publish(v)}
      >
        <Form.Item name="title" label={t('assessment.notices.noticeTitle')}>
          <Input maxLength={100} style={{ width: 260 }} data-testid="publish-title" />
        </Form.Item>
        <Form.Item name="days" label={t('assessment.notices.days')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="publish-notice">
          {t('assessment.notices.publish')}
        </Button>
      </Form>
    </Card>
  );
};

export const NoticesTab = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canApprove = useAbility('assessment.approve');
  const [filter, setFilter] = useState<'all' | 'open' | 'answered'>('all');
  const [answering, setAnswering] = useState<Objection | null>(null);
  const cycles = useLoader((signal) => fetchCycles(signal), []);
  const objections = useCursorList(
    (cursor, signal) =>
      fetchObjections({ year, status: filter === 'all' ? undefined : filter, cursor }, signal),
    [year, filter],
  );
  const sheets = useLoader((signal) => fetchSheets(year, undefined, signal), [year]);
  const tree = useLoader((signal) => fetchTree(year, signal), [year]);
  const cycle = cycles.data?.items.find((c) => c.year === year);
  const notices = cycle?.notices ?? [];
  const villageOf = useMemo(
    () => new Map((sheets.data?.items ?? []).map((s) => [s.id, s.orgName])),
    [sheets.data],
  );
  const lineOptions = useMemo(() => {
    const def = tree.data?.tree;
    if (def === undefined) {
      return [];
    }
    return [
      ...def.basics,
      ...def.stars.flatMap((s) => [...s.items, ...s.deductions, ...s.bonuses, ...s.vetoes]),
    ].map((l) => ({ value: l.code, label: msg(l.name) }));
  }, [tree.data]);
  const lineName = new Map(lineOptions.map((o) => [o.value, o.label]));
  const canPublish = canApprove && cycle?.status === 'open' && (cycle.counts.approved ?? 0) > 0;
  const reloadAll = () => {
    cycles.reload();
    objections.reload();
    sheets.reload();
  };
  return (
    <Flex vertical gap={12}>
      {cycles.error === undefined ? null : <ProblemAlert error={cycles.error} onRetry={cycles.reload} />}
      {notices.length === 0 && !cycles.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.notices.empty')} />
      ) : null}
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} onChanged={reloadAll} />
      ))}
      {canPublish ? <PublishCard year={year} onPublished={reloadAll} /> : null}
      <Card
        size="small"
        title={t('assessment.objections.title')}
        extra={
          <Segmented<'all' | 'open' | 'answered'>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('assessment.objections.filterAll') },
              { value: 'open', label: objectionStatusLabel(t, 'open') },
              { value: 'answered', label: objectionStatusLabel(t, 'answered') },
            ]}
          />
        }
      >
        {objections.error === undefined ? null : (
          <ProblemAlert error={objections.error} onRetry={objections.reload} />
        )}
        <Table<Objection>
          rowKey="id"
          size="small"
          loading={objections.isLoading}
          dataSource={objections.items}
          pagination={false}
          scroll={isMobile ? { x: 640 } : undefined}
          locale={{ emptyText: t('assessment.objections.empty') }}
          data-testid="objection-table"
          columns={[
            {
              title: t('assessment.objections.village'),
              dataIndex: 'sheetId',
              width: 130,
              render: (v: string) => <Link to={assessmentPaths.sheet(v)}>{villageOf.get(v) ?? '…'}</Link>,
            },
            {
              title: t('assessment.objections.line'),
              dataIndex: 'lineCode',
              width: 160,
              render: (v: string | null) =>
                v === null ? t('assessment.objections.wholeSheet') : (lineName.get(v) ?? v),
            },
            { title: t('assessment.objections.body'), dataIndex: 'body' },
            {
              title: t('assessment.objections.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: string) => (
                <Tag color={v === 'open' ? 'warning' : 'success'}>{objectionStatusLabel(t, v)}</Tag>
              ),
            },
            {
              title: t('assessment.objections.answer'),
              key: 'answer',
              render: (_: unknown, o) =>
                o.answer === null ? (
                  canApprove && o.status === 'open' ? (
                    <Button size="small" onClick={() => setAnswering(o)} data-testid="objection-answer">
                      {t('assessment.objections.answerAction')}
                    </Button>
                  ) : (
                    '—'
                  )
                ) : (
                  <Space orientation="vertical" size={0}>
                    <span>{o.answer}</span>
                    {o.changedPoints === null ? null : (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('assessment.objections.changedPoints')}
                        {t('assessment.colon')}
                        {o.changedPoints}
                      </Typography.Text>
                    )}
                  </Space>
                ),
            },
            {
              title: t('assessment.objections.createdAt'),
              dataIndex: 'createdAt',
              width: 110,
              responsive: ['md'],
              render: (v: number) => formatDate(v),
            },
          ]}
        />
        {objections.hasMore ? (
          <Flex justify="center" style={{ marginTop: 8 }}>
            <Button
              onClick={objections.loadMore}
              loading={objections.isLoadingMore}
              data-testid="objection-load-more"
            >
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      {answering === null ? null : (
        <AnswerDialog
          objection={answering}
          lines={lineOptions}
          onClose={() => setAnswering(null)}
          onSaved={() => {
            setAnswering(null);
            objections.reload();
          }}
        />
      )}
    </Flex>
  );
};
