// A brand project in a drawer: what it is and who leads it, its chain of partners and what each brings, its
// milestones, the convener's reviews and the stages it went through; and what the caller may do to it next, as the
// server's abilities say.
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  List,
  Rate,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchBrand, nextStage, type BrandEvent, type BrandStage, type Member } from './api';
import {
  AdvanceBrandDialog,
  DeclineBrandDialog,
  MilestoneDialog,
  MilestoneDoneDialog,
  PartnerDialog,
  ReviewDialog,
} from './BrandDialogs';
import { brandStageColour, brandStageLabel, formatDate } from './labels';

type Acting =
  | { kind: 'advance'; stage: BrandStage }
  | { kind: 'decline' | 'partner' | 'milestone' | 'review' }
  | { kind: 'done'; milestone: BrandEvent }
  | null;

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Flex vertical gap={8}>
    <Typography.Title level={5} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
    {children}
  </Flex>
);

export const BrandDrawer = ({
  allianceId,
  brandId,
  members,
  onClose,
  onChanged,
}: {
  allianceId: string;
  brandId: string;
  /** The alliance's members, those who may be taken in as partners. */
  members: Member[];
  onClose: () => void;
  /** Something changed: the list of projects loads again. */
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t('common.none');
  // The brand's abilities say what the caller's place allows; the role must also write.
  const canWrite = useAbility('alliance.write');
  const [acting, setActing] = useState<Acting>(null);
  const [version, setVersion] = useState(0);
  const { data, error, reload } = useLoader(
    (signal) => fetchBrand(allianceId, brandId, signal),
    [allianceId, brandId, version],
  );
  const done = () => {
    setActing(null);
    setVersion((n) => n + 1);
    onChanged();
  };
  const shown = data?.item.id === brandId ? data.item : undefined;
  const brand =
    shown === undefined || canWrite
      ? shown
      : { ...shown, abilities: { edit: false, review: false, move: false } };
  const events = data?.events ?? [];
  const milestones = events.filter((e) => e.kind === 'milestone');
  const reviews = events.filter((e) => e.kind === 'review');
  const stages = events.filter((e) => e.kind === 'stage');
  const next = brand === undefined ? undefined : nextStage(brand.stage);
  const close = () => setActing(null);
  return (
    <Drawer
      open
      size={720}
      title={brand?.title ?? t('alliance.brands.drawerTitle')}
      onClose={onClose}
      data-testid="brand-drawer"
    >
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {brand === undefined ? (
        error === undefined ? (
          <Spin />
        ) : null
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {brand.abilities.move && next !== undefined ? (
              <Button
                type="primary"
                onClick={() => setActing({ kind: 'advance', stage: next })}
                data-testid="brand-advance"
              >
                {t(`alliance.brands.advanceTo.${next}`, { defaultValue: brandStageLabel(t, next) })}
              </Button>
            ) : null}
            {brand.abilities.move && brand.stage === 'declared' ? (
              <Button danger onClick={() => setActing({ kind: 'decline' })} data-testid="brand-decline">
                {t('alliance.brands.decline')}
              </Button>
            ) : null}
            {brand.abilities.review ? (
              <Button onClick={() => setActing({ kind: 'review' })} data-testid="brand-review">
                {t('alliance.brands.review')}
              </Button>
            ) : null}
            {brand.abilities.edit ? (
              <>
                <Button onClick={() => setActing({ kind: 'partner' })} data-testid="brand-partner-add">
                  {t('alliance.brands.partnerAdd')}
                </Button>
                <Button onClick={() => setActing({ kind: 'milestone' })} data-testid="brand-milestone-add">
                  {t('alliance.brands.milestoneAdd')}
                </Button>
              </>
            ) : null}
          </Flex>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('alliance.brands.stage')}>
              <Tag color={brandStageColour(brand.stage)} data-testid="brand-drawer-stage">
                {brandStageLabel(t, brand.stage)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.brands.lead')}>{brand.leadName}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.brands.created')}>
              {formatDate(brand.createdAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.brands.stageAt')}>
              {formatDate(brand.stageAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.brands.summary')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {brand.summary}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Section title={t('alliance.brands.partners')}>
            {brand.partners.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.brands.noPartners')} />
            ) : (
              <List
                size="small"
                data-testid="brand-partners"
                dataSource={brand.partners}
                renderItem={(p) => (
                  <List.Item key={p.orgId} data-testid="brand-partner">
                    <Flex vertical gap={2}>
                      <Typography.Text strong>{p.orgName}</Typography.Text>
                      <Typography.Text type="secondary">{p.contribution}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Section>
          <Section title={t('alliance.brands.milestones')}>
            <Table<BrandEvent>
              rowKey="id"
              size="small"
              dataSource={milestones}
              pagination={false}
              locale={{ emptyText: t('alliance.brands.noMilestones') }}
              data-testid="brand-milestones"
              onRow={() => ({ 'data-testid': 'brand-milestone' }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('alliance.brands.milestoneName'),
                  dataIndex: 'title',
                  render: (_: unknown, m) => (
                    <Flex vertical>
                      <span>{m.title}</span>
                      {m.note === '' ? null : <Typography.Text type="secondary">{m.note}</Typography.Text>}
                    </Flex>
                  ),
                },
                {
                  title: t('alliance.brands.dueAt'),
                  dataIndex: 'dueAt',
                  width: 110,
                  render: (v: number | null) => (v === null ? none : formatDate(v, locale)),
                },
                {
                  title: t('alliance.brands.doneAt'),
                  dataIndex: 'doneAt',
                  width: 110,
                  render: (v: number | null) =>
                    v === null ? (
                      <Tag data-testid="brand-milestone-open">{t('alliance.brands.notDone')}</Tag>
                    ) : (
                      formatDate(v, locale)
                    ),
                },
                ...(brand.abilities.edit
                  ? [
                      {
                        key: 'done',
                        width: 80,
                        render: (_: unknown, m: BrandEvent) =>
                          m.doneAt === null ? (
                            <Button
                              size="small"
                              onClick={() => setActing({ kind: 'done', milestone: m })}
                              data-testid="brand-milestone-done"
                            >
                              {t('alliance.brands.done')}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
          <Section title={t('alliance.brands.reviews')}>
            {reviews.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.brands.noReviews')} />
            ) : (
              <List
                size="small"
                data-testid="brand-reviews"
                dataSource={reviews}
                renderItem={(r) => (
                  <List.Item key={r.id} data-testid="brand-review-item">
                    <Flex vertical gap={2} style={{ width: '100%' }}>
                      <Flex justify="space-between" gap={8} wrap>
                        <Typography.Text strong>
                          {/* A review's title is the stage it was made in. */}
                          {t('alliance.brands.reviewIn', { stage: brandStageLabel(t, r.title) })}
                        </Typography.Text>
                        <Typography.Text type="secondary">{formatDate(r.at, locale)}</Typography.Text>
                      </Flex>
                      {r.score === null ? null : <Rate disabled value={r.score} />}
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Section>
          <Section title={t('alliance.brands.record')}>
            <Timeline
              data-testid="brand-record"
              items={stages.map((s) => ({
                key: s.id,
                color: brandStageColour(s.stage ?? ''),
                content: (
                  <Flex vertical gap={2}>
                    <Typography.Text>
                      {t('alliance.brands.enteredStage', { stage: brandStageLabel(t, s.stage ?? '') })}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {formatDate(s.at, locale)}
                      </Typography.Text>
                    </Typography.Text>
                    {s.note === '' ? null : <Typography.Text type="secondary">{s.note}</Typography.Text>}
                  </Flex>
                ),
              }))}
            />
          </Section>
        </Flex>
      )}
      {brand === undefined ? null : (
        <>
          {acting?.kind === 'advance' ? (
            <AdvanceBrandDialog
              allianceId={allianceId}
              brand={brand}
              stage={acting.stage}
              onClose={close}
              onDone={done}
            />
          ) : null}
          {acting?.kind === 'decline' ? (
            <DeclineBrandDialog allianceId={allianceId} brand={brand} onClose={close} onDone={done} />
          ) : null}
          {acting?.kind === 'partner' ? (
            <PartnerDialog
              allianceId={allianceId}
              brand={brand}
              members={members}
              onClose={close}
              onDone={done}
            />
          ) : null}
          {acting?.kind === 'milestone' ? (
            <MilestoneDialog allianceId={allianceId} brand={brand} onClose={close} onDone={done} />
          ) : null}
          {acting?.kind === 'done' ? (
            <MilestoneDoneDialog
              allianceId={allianceId}
              brand={brand}
              milestone={acting.milestone}
              onClose={close}
              onDone={done}
            />
          ) : null}
          {acting?.kind === 'review' ? (
            <ReviewDialog allianceId={allianceId} brand={brand} onClose={close} onDone={done} />
          ) : null}
        </>
      )}
    </Drawer>
  );
};
