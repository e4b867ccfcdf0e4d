// One village's score sheet: the five basics and each star's lines side by side (computed figure with its source and
// the records behind it, self score, review, evidence, score), the star scores, the actions the server offers the
// caller, the objections and the history.
import { useState, type ReactNode } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { CheckCircleTwoTone, CloseCircleOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useIsMobile } from '../common/useMediaQuery';
import {
  assessmentPaths,
  fetchSheet,
  moveSheet,
  refreshSheet,
  returnSheet,
  type SheetLine,
  type SheetMove,
  type SheetView,
  type SourceRecords,
  type StarScore,
} from './api';
import { ReturnDialog, ReviewLineDialog, SelfScoreDialog } from './LineDialogs';
import {
  changeKindLabel,
  evidenceKindLabel,
  formatDate,
  lineKindLabel,
  msg,
  objectionStatusLabel,
  ruleText,
  starMarks,
} from './labels';
import { StatusTag } from './StatusCounts';

/** The console page where a source's records live, when there is one. */
const recordsPath = (r: SourceRecords): string | null => {
  switch (r.kind) {
    case 'orgs':
      return `/orgs/${encodeURIComponent(r.orgId)}`;
    case 'cases':
      return '/cases';
    case 'consultations':
      return '/consultations';
    case 'linkage':
      return '/linkage';
    case 'volunteers':
      return '/volunteers';
    default:
      return null;
  }
};

const isPassFail = (l: SheetLine) => l.kind === 'basic' || l.kind === 'veto';

const Figure = ({ line }: { line: SheetLine }) => {
  const { t } = useTranslation();
  if (!line.isComputed) {
    return <Typography.Text type="secondary">{t('assessment.tree.typedIn')}</Typography.Text>;
  }
  const r = line.records;
  const count = r === null ? null : (r.count ?? r.ids?.length ?? null);
  const path = r === null ? null : recordsPath(r);
  return (
    <Flex vertical gap={2}>
      <span>
        {line.figure === null ? t('assessment.sheet.noFigure') : String(line.figure)}
        {line.figurePoints === null ? null : ` → ${line.figurePoints}`}
      </span>
      {line.sourceName === null ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.sheet.source', { name: msg(line.sourceName) })}
        </Typography.Text>
      )}
      {r === null ? null : (
        <Tooltip title={t('assessment.sheet.period', { from: formatDate(r.from), to: formatDate(r.to) })}>
          {path === null ? (
            <Typography.Text style={{ fontSize: 12 }}>
              {t('assessment.sheet.records', { count: count ?? 0 })}
            </Typography.Text>
          ) : (
            <Link to={path} style={{ fontSize: 12 }} data-testid="line-records">
              <LinkOutlined /> {t('assessment.sheet.records', { count: count ?? 0 })}
            </Link>
          )}
        </Tooltip>
      )}
    </Flex>
  );
};

const Points = ({ line }: { line: SheetLine }) => {
  const { t } = useTranslation();
  if (isPassFail(line)) {
    const on = line.points >= 1;
    const text =
      line.kind === 'basic'
        ? t(on ? 'assessment.sheet.passed' : 'assessment.sheet.notPassed')
        : t(on ? 'assessment.sheet.triggered' : 'assessment.sheet.notTriggered');
    const isGood = line.kind === 'basic' ? on : !on;
    return <Tag color={isGood ? 'success' : 'error'}>{text}</Tag>;
  }
  return (
    <Typography.Text strong>
      {line.points} / {line.maxPoints}
    </Typography.Text>
  );
};

type LineActions = { onSelf: (l: SheetLine) => void; onReview: (l: SheetLine) => void };

const LineTable = ({
  lines,
  view,
  actions,
}: {
  lines: SheetLine[];
  view: SheetView;
  actions: LineActions;
}) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { canSelfAssess, canReview } = view.abilities;
  const name = (l: SheetLine): ReactNode => (
    <Flex vertical gap={2}>
      <span>
        {msg(l.name)} {l.kind === 'basic' || l.kind === 'item' ? null : <Tag>{lineKindLabel(t, l.kind)}</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ruleText(t, l.rule)}
      </Typography.Text>
    </Flex>
  );
  const self = (l: SheetLine): ReactNode =>
    l.isComputed ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Flex vertical gap={2} align="start">
        <span>{l.selfPoints === null ? t('assessment.sheet.notEntered') : l.selfPoints}</span>
        {l.selfNote === null ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.selfNote}
          </Typography.Text>
        )}
        {canSelfAssess ? (
          <Button size="small" onClick={() => actions.onSelf(l)} data-testid={`self-${l.code}`}>
            {t('assessment.sheet.enterSelf')}
          </Button>
        ) : null}
      </Flex>
    );
  const review = (l: SheetLine): ReactNode => (
    <Flex vertical gap={2} align="start">
      {l.adjustedPoints === null ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <span>{l.adjustedPoints}</span>
      )}
      {l.adjustedReason === null ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.sheet.adjustedReason', { reason: l.adjustedReason })}
        </Typography.Text>
      )}
      {canReview ? (
        <Button size="small" onClick={() => actions.onReview(l)} data-testid={`review-${l.code}`}>
          {t('assessment.sheet.reviewAction')}
        </Button>
      ) : null}
    </Flex>
  );
  const evidence = (l: SheetLine): ReactNode =>
    l.evidence.length === 0 ? (
      l.isComputed ? null : (
        <Typography.Text type="secondary">{t('assessment.sheet.noEvidence')}</Typography.Text>
      )
    ) : (
      <Flex vertical gap={2}>
        {l.evidence.map((e) => (
          <a key={e.id} href={e.url} target="_blank" rel="noreferrer">
            {evidenceKindLabel(t, e.kind)} · {e.title}
          </a>
        ))}
      </Flex>
    );

  if (isMobile) {
    return (
      <Flex vertical>
        {lines.map((l, i) => (
          <div
            key={l.code}
            data-testid="sheet-line"
            style={{ padding: '12px 0', borderTop: i === 0 ? undefined : '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <Flex vertical gap={6}>
              <Flex justify="space-between" gap={8}>
                {name(l)}
                <Points line={l} />
              </Flex>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('assessment.sheet.figure')}>
                  <Figure line={l} />
                </Descriptions.Item>
                {l.isComputed ? null : (
                  <Descriptions.Item label={t('assessment.sheet.self')}>{self(l)}</Descriptions.Item>
                )}
                {l.adjustedPoints === null && !canReview ? null : (
                  <Descriptions.Item label={t('assessment.sheet.review')}>{review(l)}</Descriptions.Item>
                )}
                {l.isComputed && l.evidence.length === 0 ? null : (
                  <Descriptions.Item label={t('assessment.sheet.evidence')}>{evidence(l)}</Descriptions.Item>
                )}
              </Descriptions>
            </Flex>
          </div>
        ))}
      </Flex>
    );
  }
  return (
    <Table<SheetLine>
      rowKey="code"
      size="small"
      dataSource={lines}
      pagination={false}
      rowClassName={() => 'assessment-line'}
      columns={[
        { title: t('assessment.sheet.line'), key: 'name', render: (_: unknown, l) => name(l) },
        {
          title: t('assessment.sheet.figure'),
          key: 'figure',
          width: 200,
          render: (_: unknown, l) => <Figure line={l} />,
        },
        { title: t('assessment.sheet.self'), key: 'self', width: 150, render: (_: unknown, l) => self(l) },
        {
          title: t('assessment.sheet.review'),
          key: 'review',
          width: 170,
          render: (_: unknown, l) => review(l),
        },
        {
          title: t('assessment.sheet.evidence'),
          key: 'evidence',
          width: 200,
          render: (_: unknown, l) => evidence(l),
        },
        {
          title: t('assessment.sheet.points'),
          key: 'points',
          width: 100,
          align: 'right',
          render: (_: unknown, l) => <Points line={l} />,
        },
      ]}
    />
  );
};

const StarCard = ({ star, name }: { star: StarScore; name: string }) => {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="star-card">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{name}</Typography.Text>
        {star.isEarned ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null}
      </Flex>
      <Progress
        percent={Math.min(100, Math.round(star.score))}
        format={() => t('assessment.sheet.starScore', { score: star.score })}
        status={star.isEarned ? 'success' : 'normal'}
        size="small"
      />
      {star.vetoedBy.length > 0 ? (
        <Tag color="error" icon={<CloseCircleOutlined />}>
          {t('assessment.sheet.vetoed')}
        </Tag>
      ) : null}
    </Card>
  );
};

type Dialog = { kind: 'self' | 'review'; line: SheetLine } | { kind: 'return' } | null;

export const SheetPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchSheet(id, signal), [id]);
  const [view, setView] = useState<SheetView | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // An action answers the sheet as it is now; a reload starts from the server again.
  const current = view ?? data;

  if (error !== undefined && current === undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (current === undefined) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin spinning={isLoading} />
      </Flex>
    );
  }
  const sheet = current.item;
  const { abilities } = current;

  const run = async (key: string, call: () => Promise<SheetView>, done: string) => {
    setBusy(key);
    setActionError(undefined);
    try {
      setView(await call());
      void message.success(done);
    } catch (failure) {
      setActionError(failure);
      // The sheet may have moved on meanwhile: show it as it is now, beside the problem.
      setView(undefined);
      reload();
    } finally {
      setBusy(null);
    }
  };
  const move = (m: SheetMove, done: string) => run(m, () => moveSheet(sheet.id, m), done);
  const afterLineSaved = () => {
    setDialog(null);
    setView(undefined);
    reload();
  };

  const confirmButton = (key: SheetMove, label: string, confirm: string, done: string, primary = true) => (
    <Popconfirm
      key={key}
      title={label}
      description={confirm}
      okText={t('assessment.sheet.confirm')}
      cancelText={t('assessment.sheet.cancel')}
      placement="bottomRight"
      okButtonProps={{ 'data-testid': `confirm-${key}` }}
      onConfirm={() => void move(key, done)}
    >
      <Button type={primary ? 'primary' : 'default'} loading={busy === key} data-testid={`action-${key}`}>
        {label}
      </Button>
    </Popconfirm>
  );

  const actions: ReactNode[] = [];
  if (abilities.canSelfAssess) {
    actions.push(
      <Button
        key="refresh"
        icon={<ReloadOutlined />}
        loading={busy === 'refresh'}
        onClick={() => void run('refresh', () => refreshSheet(sheet.id), t('assessment.sheet.refreshed'))}
        data-testid="action-refresh"
      >
        {t('assessment.sheet.refresh')}
      </Button>,
      confirmButton(
        'submit',
        t('assessment.sheet.submit'),
        t('assessment.sheet.submitConfirm'),
        t('assessment.sheet.submitted'),
      ),
    );
  }
  if (abilities.canReview) {
    actions.push(
      confirmButton(
        'complete-review',
        t('assessment.sheet.completeReview'),
        t('assessment.sheet.completeReviewConfirm'),
        t('assessment.sheet.reviewed'),
      ),
    );
  }
  if (abilities.canReturn) {
    actions.push(
      <Button key="return" danger onClick={() => setDialog({ kind: 'return' })} data-testid="action-return">
        {t('assessment.sheet.return')}
      </Button>,
    );
  }
  if (abilities.canApprove) {
    actions.push(
      confirmButton(
        'approve',
        t('assessment.sheet.approve'),
        t('assessment.sheet.approveConfirm'),
        t('assessment.sheet.approved'),
      ),
    );
  }

  const starName = new Map(current.tree.stars.map((s) => [s.code, msg(s.name)]));
  const basics = current.lines.filter((l) => l.kind === 'basic');
  const lineName = new Map(current.lines.map((l) => [l.code, msg(l.name)]));
  const lineActions: LineActions = {
    onSelf: (line) => setDialog({ kind: 'self', line }),
    onReview: (line) => setDialog({ kind: 'review', line }),
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={assessmentPaths.cycles}>{t('assessment.title')}</Link> },
          {
            title: (
              <Link to={assessmentPaths.cycle(sheet.year)}>
                {t('assessment.cycle.title', { year: sheet.year })}
              </Link>
            ),
          },
          { title: sheet.orgName },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="sheet-title">
            {sheet.orgName}
          </Typography.Title>
          <StatusTag status={sheet.status} />
        </Space>
        <Space wrap>{actions}</Space>
      </Flex>
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      <Card title={t('assessment.sheet.summary')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('assessment.sheet.town')}>{sheet.townName}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.sheet.total')}>
            <Typography.Text strong data-testid="sheet-total">
              {current.score.total}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.sheet.basics')}>
            <Tag color={current.score.basicsPassed ? 'success' : 'error'}>
              {t(current.score.basicsPassed ? 'assessment.sheet.passed' : 'assessment.sheet.notPassed')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.sheet.earned')}>
            {current.score.earned.length === 0
              ? t('assessment.sheet.noStars')
              : current.score.earned.map((c) => starName.get(c) ?? c).join('、')}
          </Descriptions.Item>
          {current.award === null ? null : (
            <Descriptions.Item label={t('assessment.sheet.award')}>
              {starMarks(current.award.level)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('assessment.sheet.computedAt')}>
            {formatDate(sheet.computedAt)}
          </Descriptions.Item>
          {sheet.submittedAt === null ? null : (
            <Descriptions.Item label={t('assessment.sheet.submittedAt')}>
              {formatDate(sheet.submittedAt)}
            </Descriptions.Item>
          )}
          {sheet.reviewedAt === null ? null : (
            <Descriptions.Item label={t('assessment.sheet.reviewedAt')}>
              {formatDate(sheet.reviewedAt)}
            </Descriptions.Item>
          )}
          {sheet.approvedAt === null ? null : (
            <Descriptions.Item label={t('assessment.sheet.approvedAt')}>
              {formatDate(sheet.approvedAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary">
          {t('assessment.sheet.threshold', { threshold: current.tree.threshold })}
        </Typography.Text>
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          {current.score.stars.map((s) => (
            <Col
              key={s.code}
              xs={24}
              sm={12}
              lg={8}
              xl={Math.floor(24 / Math.max(1, current.score.stars.length))}
            >
              <StarCard star={s} name={starName.get(s.code) ?? s.code} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('assessment.sheet.basics')} data-testid="section-basics">
        <LineTable lines={basics} view={current} actions={lineActions} />
      </Card>
      {current.tree.stars.map((s) => {
        const score = current.score.stars.find((x) => x.code === s.code);
        return (
          <Card
            key={s.code}
            title={msg(s.name)}
            extra={score === undefined ? null : t('assessment.sheet.starScore', { score: score.score })}
            data-testid={`section-${s.code}`}
          >
            <LineTable
              lines={current.lines.filter((l) => l.star === s.code)}
              view={current}
              actions={lineActions}
            />
          </Card>
        );
      })}
      {current.objections.length === 0 ? null : (
        <Card title={t('assessment.sheet.objections')}>
          <Flex vertical gap={12}>
            {current.objections.map((o) => (
              <Flex key={o.id} vertical gap={4}>
                <Space wrap>
                  <Tag color={o.status === 'open' ? 'warning' : 'success'}>
                    {objectionStatusLabel(t, o.status)}
                  </Tag>
                  {o.lineCode === null
                    ? t('assessment.objections.wholeSheet')
                    : (lineName.get(o.lineCode) ?? o.lineCode)}
                </Space>
                <span>{o.body}</span>
                {o.answer === null ? null : (
                  <Typography.Text type="secondary">
                    {t('assessment.objections.answer')}
                    {t('assessment.colon')}
                    {o.answer}
                  </Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      <Card title={t('assessment.sheet.log')}>
        {current.changes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.sheet.noLog')} />
        ) : (
          <Timeline
            items={[...current.changes].reverse().map((c) => ({
              key: String(c.id),
              content: (
                <Flex vertical gap={0}>
                  <span>
                    {changeKindLabel(t, c.kind)}
                    {c.code === null ? null : ` · ${lineName.get(c.code) ?? c.code}`}
                    {c.to === null ? null : ` · ${c.from ?? '—'} → ${c.to}`}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.actorName} · {formatDate(c.at)}
                    {c.reason === null ? null : ` · ${c.reason}`}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
      {dialog?.kind === 'self' ? (
        <SelfScoreDialog
          sheetId={sheet.id}
          line={dialog.line}
          onClose={() => setDialog(null)}
          onSaved={afterLineSaved}
        />
      ) : null}
      {dialog?.kind === 'review' ? (
        <ReviewLineDialog
          sheetId={sheet.id}
          line={dialog.line}
          onClose={() => setDialog(null)}
          onSaved={afterLineSaved}
        />
      ) : null}
      {dialog?.kind === 'return' ? (
        <ReturnDialog
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            setDialog(null);
            await run('return', () => returnSheet(sheet.id, { reason }), t('assessment.sheet.returned'));
          }}
        />
      ) : null}
    </Flex>
  );
};
