// One case: summary and clock, reporter (masked, reveal with a reason), photos, map, bundled responsibility,
// possible duplicates, the timeline of steps, the resident's follow-ups, and the actions the server allows the caller.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Image,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { formatDateTime, roleLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import type { RoleKey } from '../api/types';
import { ProvisionalTag } from '../calendar/CalendarAlerts';
import { ActionDialog } from './ActionDialog';
import { CaseFollowups } from './CaseFollowups';
import {
  fetchCase,
  fetchDepartments,
  photoUrl,
  recordCallBack,
  revealReporter,
  type CaseDetail,
} from './api';
import { ClockTags, StateTag } from './CaseTags';
import {
  actionLabel,
  actorKindLabel,
  kindLabel,
  levelLabel,
  netLabel,
  partyLabel,
  pendingLabel,
  platformLabel,
  ratingLabel,
  reasonText,
  sourceLabel,
  stateLabel,
  urgencyLabel,
} from './labels';
import { PointMap } from './PointMap';
import { ReasonDialog } from '../common/ReasonDialog';

const RevealButton = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [result, setResult] = useState<{ name: string | null; phone: string | null } | null>(null);
  if (result !== null) {
    return (
      <Typography.Text data-testid="revealed">
        {t('cases.detail.revealed', {
          name: result.name ?? t('common.none'),
          phone: result.phone ?? t('common.none'),
        })}
      </Typography.Text>
    );
  }
  return (
    <>
      <Button size="small" type="link" onClick={() => setIsOpen(true)} data-testid="reveal">
        {t('cases.detail.reveal')}
      </Button>
      <ReasonDialog
        open={isOpen}
        title={t('cases.detail.revealTitle')}
        label={t('cases.detail.revealReason')}
        hint={t('cases.detail.revealReasonHint')}
        maxLength={200}
        fieldTestId="reveal-reason"
        onSubmit={async (reason) => setResult(await revealReporter(caseId, reason))}
        onClose={() => setIsOpen(false)}
      />
    </>
  );
};

const CallBackButton = ({ caseId, onDone }: { caseId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<{ result: 'solved' | 'reopen'; comment: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { result: 'solved' | 'reopen'; comment: string }) => {
    try {
      await recordCallBack(caseId, values.result, values.comment.trim());
      void message.success(t('cases.detail.callbackDone'));
      setIsOpen(false);
      onDone();
    } catch (failure) {
      setError(problemText(failure, t).title);
    }
  };
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>{t('cases.detail.callback')}</Button>
      <Modal
        open={isOpen}
        title={t('cases.detail.callbackTitle')}
        onCancel={() => setIsOpen(false)}
        onOk={() => form.submit()}
        okText={t('cases.action.confirm')}
        cancelText={t('cases.action.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ result: 'solved' }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="result">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'solved', label: t('cases.detail.callbackSolved') },
                { value: 'reopen', label: t('cases.detail.callbackReopen') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t('cases.action.comment')}
            rules={[{ required: true, whitespace: true, message: t('cases.action.commentRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        {error === null ? null : <Typography.Text type="danger">{error}</Typography.Text>}
      </Modal>
    </>
  );
};

/** Actions offered beside a case's next step, never as its main button (a closed case has none: reopening is not it). */
const SIDE_ACTIONS = new Set([
  'requestExtension',
  'requestReturn',
  'requestHold',
  'refuse',
  'void',
  'escalate',
  'merge',
  'reopen',
  'supervise',
  'comment',
]);

const ActionsCard = ({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ action: string; target?: string } | null>(null);
  const departments = useLoader((signal) => fetchDepartments(signal), []);
  // 'callBack' is the server's signal that a call-back after a bad rating is due; it has its own dialog.
  const canCallBack = detail.allowedActions.includes('callBack');
  const actions = detail.allowedActions.filter((a) => a !== 'callBack');
  const main = actions.find((a) => !SIDE_ACTIONS.has(a));
  return (
    <Card size="small" title={t('cases.detail.actions')} data-testid="case-actions">
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {actions.map((action) => (
            <Button
              key={action}
              type={action === main ? 'primary' : 'default'}
              danger={action === 'void'}
              data-testid={`action-${action}`}
              onClick={() => setOpen({ action })}
            >
              {actionLabel(t, action)}
            </Button>
          ))}
        </Flex>
      )}
      {canCallBack ? (
        <div style={{ marginTop: 8 }}>
          <CallBackButton caseId={detail.item.id} onDone={onDone} />
        </div>
      ) : null}
      {open === null ? null : (
        <ActionDialog
          caseId={detail.item.id}
          action={open.action}
          initialTarget={open.target}
          detail={detail}
          departments={departments.data?.items ?? []}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
        />
      )}
    </Card>
  );
};

/** Once a case is final its light is off: a closed case says whether it closed within its limit. */
const StoppedClock = ({ item }: { item: CaseDetail['item'] }) => {
  const { t } = useTranslation();
  if (item.state === 'closed' && item.closedAt !== null && item.deadlineAt !== null) {
    const isOnTime = item.closedAt <= item.deadlineAt;
    return (
      <Tag color={isOnTime ? 'green' : 'red'}>
        {t(isOnTime ? 'cases.detail.closedOnTime' : 'cases.detail.closedLate')}
      </Tag>
    );
  }
  return ['closed', 'voided', 'merged'].includes(item.state) ? (
    <Typography.Text type="secondary">{t('cases.detail.clockStopped')}</Typography.Text>
  ) : null;
};

const isRoleKey = (value: string): value is RoleKey =>
  [
    'districtAdmin',
    'orgDepartment',
    'districtCommand',
    'townCommand',
    'departmentHandler',
    'villageCadre',
    'gridWorker',
    'partyMember',
    'resident',
  ].includes(value);

const CaseView = ({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) => {
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const departments = useLoader((signal) => fetchDepartments(signal), []);
  const { t, i18n } = useTranslation();
  const canReveal = useAbility('case.revealReporter');
  const canSeeGrids = useAbility('grid.read');
  // On a phone the actions come first, above the long summary.
  const isMobile = useIsMobile();
  const c = detail.item;
  const name = (id: string | null) => (id === null ? null : (detail.names[id] ?? null));
  const when = (ms: number | null) => (ms === null ? t('common.none') : formatDateTime(ms, i18n.language));
  const place = [name(c.townId), name(c.villageId)].filter((x): x is string => x !== null).join(' · ');
  const stepOf = new Map(detail.steps.map((s) => [s.seq, s]));
  const extraEntries = Object.entries(detail.extra ?? {});
  // A grid worker's own report (a patrol's) names him as its reporter: he left no phone because he is staff. A
  // hotline or walk-in report typed by staff is a resident's, whose phone was not given.
  const firstStep = stepOf.get(1);
  const staffReporter =
    firstStep?.action === 'report' &&
    firstStep.actorKind === 'user' &&
    (c.source === 'patrol' || firstStep.actorRole === 'gridWorker')
      ? firstStep.actorName
      : null;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Link to="/cases">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('cases.detail.back')} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, fontFamily: 'monospace' }} data-testid="case-code">
          {c.trackingCode}
        </Typography.Title>
        <StateTag state={c.state} />
        <ClockTags item={c} />
      </Flex>
      {isMobile ? <ActionsCard detail={detail} onDone={onChanged} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('cases.detail.summary')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    key: 'category',
                    label: t('cases.detail.category'),
                    children: (
                      <span data-testid="case-category">{name(c.categoryCode) ?? c.categoryCode}</span>
                    ),
                  },
                  { key: 'kind', label: t('cases.detail.kind'), children: kindLabel(t, c.kind) },
                  { key: 'net', label: t('cases.detail.net'), children: netLabel(t, c.net) },
                  {
                    key: 'platform',
                    label: t('cases.detail.platform'),
                    children: platformLabel(t, c.platform),
                  },
                  { key: 'urgency', label: t('cases.detail.urgency'), children: urgencyLabel(t, c.urgency) },
                  { key: 'level', label: t('cases.detail.level'), children: levelLabel(t, c.level) },
                  { key: 'source', label: t('cases.detail.source'), children: sourceLabel(t, c.source) },
                  { key: 'reportedAt', label: t('cases.detail.reportedAt'), children: when(c.reportedAt) },
                  {
                    key: 'place',
                    label: t('cases.detail.place'),
                    children: place === '' ? t('cases.detail.noPlace') : place,
                  },
                  {
                    key: 'address',
                    label: t('cases.detail.address'),
                    children: c.address ?? t('common.none'),
                  },
                  {
                    key: 'department',
                    label: t('cases.detail.department'),
                    children: name(c.departmentId) ?? t('common.none'),
                  },
                  {
                    key: 'reporter',
                    label: t('cases.detail.reporter'),
                    children: c.isAnonymous ? (
                      t('cases.detail.anonymous')
                    ) : (
                      <Flex align="center" gap={4} wrap>
                        <span data-testid="case-reporter">
                          {c.reporterPhoneMasked ??
                            (staffReporter === null
                              ? t('cases.detail.noPhone')
                              : t('cases.detail.staffReport', { name: staffReporter }))}
                        </span>
                        {canReveal ? <RevealButton caseId={c.id} /> : null}
                      </Flex>
                    ),
                  },
                  {
                    key: 'description',
                    label: t('cases.detail.description'),
                    span: 'filled',
                    children: (
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('cases.detail.clock')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    key: 'deadline',
                    label: t('cases.detail.deadline'),
                    children: (
                      <>
                        {when(c.deadlineAt)}
                        <ProvisionalTag isProvisional={c.isDeadlineProvisional} />
                      </>
                    ),
                  },
                  { key: 'step', label: t('cases.detail.stepDeadline'), children: when(c.stepDeadlineAt) },
                  {
                    key: 'light',
                    label: t('cases.columns.light'),
                    children: (
                      <Flex wrap gap={4} data-testid="case-clock">
                        <ClockTags item={c} />
                        <StoppedClock item={c} />
                        {c.pendingRequest === null ? null : (
                          <Tag color="purple">
                            {t('cases.detail.pending', { request: pendingLabel(t, c.pendingRequest) })}
                          </Tag>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    key: 'counts',
                    label: t('cases.detail.rating'),
                    children: (
                      <Flex wrap gap={8}>
                        <span>{c.rating === null ? t('common.none') : ratingLabel(t, c.rating)}</span>
                        {c.reworkCount > 0 ? (
                          <Tag>{t('cases.detail.reworks', { count: c.reworkCount })}</Tag>
                        ) : null}
                        {c.returnCount > 0 ? (
                          <Tag>{t('cases.detail.returns', { count: c.returnCount })}</Tag>
                        ) : null}
                      </Flex>
                    ),
                  },
                ]}
              />
            </Card>
            {extraEntries.length === 0 ? null : (
              <Card size="small" title={t('cases.detail.extra')}>
                <Descriptions
                  size="small"
                  column={1}
                  items={extraEntries.map(([key, value]) => ({
                    key,
                    label: key,
                    children: Array.isArray(value) ? value.join('、') : String(value),
                  }))}
                />
              </Card>
            )}
            <Card size="small" title={t('cases.detail.photos')}>
              {detail.photos.length === 0 ? (
                <Typography.Text type="secondary">{t('cases.detail.noPhotos')}</Typography.Text>
              ) : (
                <Image.PreviewGroup>
                  <Flex wrap gap={8}>
                    {detail.photos.map((p) => {
                      const step = stepOf.get(p.stepSeq);
                      return (
                        <Flex key={p.id} vertical align="center" gap={2}>
                          <Image
                            width={110}
                            height={110}
                            style={{ objectFit: 'cover', borderRadius: 6 }}
                            src={photoUrl(c.id, p.id)}
                          />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {step === undefined ? null : actionLabel(t, step.action)}
                          </Typography.Text>
                        </Flex>
                      );
                    })}
                  </Flex>
                </Image.PreviewGroup>
              )}
            </Card>
            <Card size="small" title={t('cases.detail.timeline')}>
              <Timeline
                data-testid="case-timeline"
                items={detail.steps.map((s) => ({
                  key: String(s.seq),
                  content: (
                    <Flex vertical gap={2}>
                      <Flex gap={8} wrap align="center">
                        <Typography.Text strong>{actionLabel(t, s.action)}</Typography.Text>
                        <Typography.Text type="secondary">
                          {s.fromState === null || s.fromState === s.toState
                            ? stateLabel(t, s.toState)
                            : `${stateLabel(t, s.fromState)} → ${stateLabel(t, s.toState)}`}
                        </Typography.Text>
                        {s.isPublic ? <Tag color="blue">{t('cases.detail.public')}</Tag> : null}
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(s.at, i18n.language)}
                        {s.actorName !== null
                          ? ` · ${s.actorName}`
                          : s.actorKind === 'user'
                            ? null
                            : ` · ${actorKindLabel(t, s.actorKind)}`}
                        {s.actorRole !== null && isRoleKey(s.actorRole)
                          ? ` · ${roleLabel(t, s.actorRole)}`
                          : null}
                      </Typography.Text>
                      {s.reasonCode === null ? null : (
                        <Typography.Text>{reasonText(t, s.reasonCode, s.data)}</Typography.Text>
                      )}
                      {s.comment === null ? null : (
                        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.comment}</Typography.Text>
                      )}
                    </Flex>
                  ),
                }))}
              />
            </Card>
            <CaseFollowups caseId={c.id} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {isMobile ? null : <ActionsCard detail={detail} onDone={onChanged} />}
            <Card size="small" title={t('cases.detail.parties')}>
              {detail.parties.length === 0 ? (
                <Typography.Text type="secondary">{t('cases.detail.noParties')}</Typography.Text>
              ) : (
                <Descriptions
                  size="small"
                  column={1}
                  data-testid="case-parties"
                  items={detail.parties.map((p, i) => ({
                    key: `${p.role}-${i}`,
                    label: partyLabel(t, p.role),
                    children: p.name ?? t('common.none'),
                  }))}
                />
              )}
            </Card>
            <Card size="small" title={t('cases.detail.map')}>
              {c.lng === null || c.lat === null ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noPlace')} />
              ) : (
                <PointMap point={{ lng: c.lng, lat: c.lat }} height={220} hasOutlines={canSeeGrids} />
              )}
            </Card>
            <Card size="small" title={t('cases.detail.duplicates')}>
              {detail.duplicates.length === 0 ? (
                <Typography.Text type="secondary">{t('cases.detail.noDuplicates')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={detail.duplicates}
                  renderItem={(d) => (
                    <List.Item>
                      <Flex vertical style={{ width: '100%' }}>
                        <Link to={`/cases/${d.id}`}>{d.description}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(d.reportedAt, i18n.language)} ·{' '}
                          {t('cases.detail.distance', { meters: Math.round(d.distanceM) })}
                        </Typography.Text>
                        {detail.allowedActions.includes('merge') ? (
                          <Button
                            size="small"
                            style={{ alignSelf: 'flex-start', marginTop: 4 }}
                            onClick={() => setMergeTarget(d.id)}
                          >
                            {t('cases.detail.mergeInto')}
                          </Button>
                        ) : null}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      {mergeTarget === null ? null : (
        <ActionDialog
          caseId={c.id}
          action="merge"
          initialTarget={mergeTarget}
          detail={detail}
          departments={departments.data?.items ?? []}
          onClose={() => setMergeTarget(null)}
          onDone={() => {
            setMergeTarget(null);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
};

export const CasePage = () => {
  const { id } = useParams<{ id: string }>();
  const { i18n } = useTranslation();
  const loaded = useLoader((signal) => fetchCase(id ?? '', signal), [id, i18n.language]);
  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  if (loaded.data === undefined || loaded.data.item.id !== id) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  return <CaseView key={loaded.data.item.version} detail={loaded.data} onChanged={loaded.reload} />;
};
