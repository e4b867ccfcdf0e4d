// The grid worker's patrol page, made for a phone: pick a grid, start, record positions and notes, end.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  addPatrolPoint,
  endPatrol,
  fetchMyGrids,
  fetchPatrols,
  startPatrol,
  type Patrol,
} from '../grids/api';

const position = (): Promise<GeolocationPosition> =>
  new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 15_000 });
  });

export const PatrolPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grids = useLoader((signal) => fetchMyGrids(signal), []);
  const [version, setVersion] = useState(0);
  const patrols = useLoader((signal) => fetchPatrols({ mine: true }, signal), [version]);
  const [gridId, setGridId] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const running: Patrol | undefined = patrols.data?.items.find((p) => p.status === 'active');
  const myGrids = grids.data?.items ?? [];
  const chosen = gridId ?? myGrids[0]?.id;

  const act = async (work: () => Promise<unknown>) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await work();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  const record = (patrol: Patrol, withNote: string | null) =>
    act(async () => {
      let here: GeolocationPosition;
      try {
        here = await position();
      } catch {
        void message.error(t('patrol.noLocation'));
        return;
      }
      await addPatrolPoint(patrol.id, {
        lng: here.coords.longitude,
        lat: here.coords.latitude,
        accuracyM: here.coords.accuracy,
        note: withNote,
      });
      setNote('');
      void message.success(t('patrol.recorded'));
    });

  const gridName = (id: string) => myGrids.find((g) => g.id === id)?.name ?? id;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('patrol.title')}
      </Typography.Title>
      {grids.error === undefined ? null : <ProblemAlert error={grids.error} onRetry={grids.reload} />}
      {error === undefined ? null : <ProblemAlert error={error} />}
      {grids.data !== undefined && myGrids.length === 0 ? <Empty description={t('patrol.noGrid')} /> : null}
      {running === undefined ? (
        myGrids.length === 0 ? null : (
          <Card size="small" title={t('patrol.myGrids')}>
            <Flex vertical gap={12}>
              <Select
                value={chosen}
                onChange={setGridId}
                options={myGrids.map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
              />
              <Button
                type="primary"
                size="large"
                block
                loading={isBusy}
                onClick={() => {
                  if (chosen !== undefined) {
                    void act(() => startPatrol(chosen));
                  }
                }}
              >
                {t('patrol.start')}
              </Button>
            </Flex>
          </Card>
        )
      ) : (
        <Card
          size="small"
          title={<Tag color="green">{t('patrol.running')}</Tag>}
          extra={gridName(running.gridId)}
        >
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">
              {t('patrol.startedAt', { time: new Date(running.startedAt).toLocaleTimeString() })} ·{' '}
              {t('patrol.points', { count: running.pointCount })} ·{' '}
              {t('patrol.distance', { value: Math.round(running.distanceM) })}
            </Typography.Text>
            <Button size="large" block loading={isBusy} onClick={() => void record(running, null)}>
              {t('patrol.record')}
            </Button>
            <Input.TextArea
              rows={3}
              placeholder={t('patrol.notePlaceholder')}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
            <Button
              block
              disabled={note.trim() === ''}
              loading={isBusy}
              onClick={() => void record(running, note.trim())}
            >
              {t('patrol.addNote')}
            </Button>
            <Button
              danger
              size="large"
              block
              loading={isBusy}
              onClick={() => void act(() => endPatrol(running.id, note.trim() === '' ? null : note.trim()))}
            >
              {t('patrol.end')}
            </Button>
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('patrol.recent')}>
        <List
          size="small"
          loading={patrols.isLoading}
          dataSource={(patrols.data?.items ?? []).filter((p) => p.status === 'ended')}
          renderItem={(p) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text>
                  {gridName(p.gridId)} · {new Date(p.startedAt).toLocaleString()}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('patrol.points', { count: p.pointCount })} ·{' '}
                  {t('patrol.distance', { value: Math.round(p.distanceM) })}
                  {p.note === null ? '' : ` · ${p.note}`}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
};
