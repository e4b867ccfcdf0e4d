// Grids (一张网): the map with cards, drawing and editing; the list; the coverage check; import and export.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Row, Select, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import {
  createGrid,
  fetchGridLayer,
  fetchMapConfig,
  fetchOutlines,
  netKeys,
  redrawGrid,
  type Geometry,
  type NetKey,
} from './api';
import { CoveragePanel } from './CoveragePanel';
import { GridCard } from './GridCard';
import { GridList } from './GridList';
import { GridMap, type ColourMode, type MapMode } from './GridMap';
import { ImportExport } from './ImportExport';

const NO_HIGHLIGHTS = { gaps: [], overlaps: [] };

type Pending =
  { kind: 'create'; geometry: Geometry } | { kind: 'redraw'; gridId: string; geometry: Geometry | null };

export const GridsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canWrite = useAbility('grid.write');
  const canOverride = useAbility('grid.overrideOverlap');
  const assignment = useActiveAssignment();
  const [tab, setTab] = useState('map');
  const [colour, setColour] = useState<ColourMode>({ by: 'type' });
  const [highlights, setHighlights] = useState<{ gaps: Geometry[]; overlaps: Geometry[] }>(NO_HIGHLIGHTS);
  const [mode, setMode] = useState<MapMode>({ kind: 'view' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [reason, setReason] = useState('');
  const [villageId, setVillageId] = useState<string | undefined>(undefined);
  const [layerVersion, setLayerVersion] = useState(0);

  const config = useLoader((signal) => fetchMapConfig(signal), []);
  const grids = useLoader((signal) => fetchGridLayer(signal), [layerVersion]);
  const district = useLoader((signal) => fetchOutlines('district', signal), []);
  const towns = useLoader((signal) => fetchOutlines('town', signal), []);
  const villages = useLoader((signal) => fetchOutlines('village', signal), []);
  const outlines = useMemo(
    () => ({ district: district.data, town: towns.data, village: villages.data }),
    [district.data, towns.data, villages.data],
  );
  const selectedId = id ?? null;
  const select = (gridId: string | null) => {
    void navigate(gridId === null ? '/grids' : `/grids/${encodeURIComponent(gridId)}`);
  };

  const isOverlap = saveError instanceof ApiError && saveError.code === 'grid.overlap';
  const save = async (overrideReason?: string) => {
    if (pending === null) {
      return;
    }
    try {
      if (pending.kind === 'create') {
        if (villageId === undefined) {
          return;
        }
        const created = await createGrid({
          villageId,
          type: 'basic',
          nets: [...netKeys] as NetKey[],
          geometry: pending.geometry,
          overrideReason,
        });
        void message.success(t('grids.created'));
        select(created.item.id);
      } else if (pending.geometry !== null) {
        await redrawGrid(pending.gridId, pending.geometry, overrideReason);
        void message.success(t('grids.saved'));
      }
      setPending(null);
      setSaveError(undefined);
      setReason('');
      setMode({ kind: 'view' });
      setLayerVersion((v) => v + 1);
    } catch (e) {
      setSaveError(e);
    }
  };
  const cancel = () => {
    setPending(null);
    setSaveError(undefined);
    setReason('');
    setMode({ kind: 'view' });
    setLayerVersion((v) => v + 1);
  };

  const toolbar = (
    <Flex wrap gap={8} align="center">
      <Typography.Text>{t('grids.colourBy')}</Typography.Text>
      <Select
        style={{ minWidth: 150 }}
        value={colour.by === 'type' ? 'type' : colour.net}
        onChange={(v: string) => {
          setColour(v === 'type' ? { by: 'type' } : { by: 'net', net: v as NetKey });
        }}
        options={[
          { value: 'type', label: t('grids.byType') },
          ...netKeys.map((n) => ({ value: n, label: `${t('grids.byNet')}：${t(`grids.nets.${n}`)}` })),
        ]}
      />
      {highlights.gaps.length + highlights.overlaps.length > 0 ? (
        <Button
          onClick={() => {
            setHighlights(NO_HIGHLIGHTS);
          }}
        >
          {t('grids.cancel')}
        </Button>
      ) : null}
      {canWrite && mode.kind === 'view' ? (
        <Button
          onClick={() => {
            setMode({ kind: 'draw' });
          }}
        >
          {t('grids.draw')}
        </Button>
      ) : null}
      {mode.kind === 'edit' ? (
        <>
          <Button
            type="primary"
            disabled={pending?.kind !== 'redraw' || pending.geometry === null}
            onClick={() => {
              void save();
            }}
          >
            {t('grids.save')}
          </Button>
          <Button onClick={cancel}>{t('grids.cancel')}</Button>
        </>
      ) : null}
      {mode.kind === 'draw' ? <Button onClick={cancel}>{t('grids.cancel')}</Button> : null}
    </Flex>
  );

  const overlapFix =
    isOverlap && canOverride ? (
      <Flex vertical gap={8}>
        <Input
          placeholder={t('grids.overlapReason')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
        <Button
          danger
          disabled={reason.trim() === ''}
          onClick={() => {
            void save(reason);
          }}
        >
          {t('grids.forceSave')}
        </Button>
      </Flex>
    ) : null;

  const mapPane = (
    <Flex vertical gap={8}>
      {toolbar}
      {config.data?.tileUrl === null ? (
        <Typography.Text type="secondary">{t('grids.noBaseLayer')}</Typography.Text>
      ) : null}
      {mode.kind === 'draw' ? <Alert type="info" title={t('grids.drawHint')} /> : null}
      {mode.kind === 'edit' ? <Alert type="info" title={t('grids.editHint')} /> : null}
      {mode.kind === 'edit' && saveError !== undefined ? (
        <Flex vertical gap={8}>
          <ProblemAlert error={saveError} />
          {overlapFix}
        </Flex>
      ) : null}
      {grids.error === undefined ? null : <ProblemAlert error={grids.error} onRetry={grids.reload} />}
      <GridMap
        tileUrl={config.data?.tileUrl ?? null}
        grids={grids.data}
        outlines={outlines}
        colour={colour}
        selectedId={selectedId}
        onSelect={(gridId) => {
          if (mode.kind === 'view') {
            select(gridId);
          }
        }}
        highlights={highlights}
        mode={mode}
        onShape={(geometry) => {
          if (mode.kind === 'draw') {
            setPending({ kind: 'create', geometry });
            setMode({ kind: 'view' });
          } else if (mode.kind === 'edit') {
            setPending({ kind: 'redraw', gridId: mode.gridId, geometry });
          }
        }}
        height={isMobile ? 420 : 640}
      />
    </Flex>
  );

  const cardPane =
    selectedId === null ? null : (
      <GridCard
        gridId={selectedId}
        reloadKey={layerVersion}
        onClose={() => {
          select(null);
        }}
        actions={
          canWrite
            ? (grid) => (
                <Button
                  disabled={mode.kind !== 'view'}
                  onClick={() => {
                    setTab('map');
                    setPending({ kind: 'redraw', gridId: grid.id, geometry: null });
                    setMode({ kind: 'edit', gridId: grid.id });
                  }}
                >
                  {t('grids.editOutline')}
                </Button>
              )
            : undefined
        }
      />
    );

  return (
    <Card title={t('grids.title')} size="small">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'map',
            label: t('grids.tabMap'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={selectedId === null ? 24 : 16}>
                  {mapPane}
                </Col>
                {cardPane === null ? null : (
                  <Col xs={24} lg={8}>
                    {cardPane}
                  </Col>
                )}
              </Row>
            ),
          },
          {
            key: 'list',
            label: t('grids.tabList'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={selectedId === null ? 24 : 14}>
                  <GridList onOpen={(gridId) => select(gridId)} />
                </Col>
                {cardPane === null ? null : (
                  <Col xs={24} lg={10}>
                    {cardPane}
                  </Col>
                )}
              </Row>
            ),
          },
          {
            key: 'coverage',
            label: t('grids.tabCoverage'),
            children:
              assignment === null ? null : (
                <CoveragePanel
                  orgId={assignment.orgId}
                  onShow={(h) => {
                    setHighlights(h);
                    setTab('map');
                  }}
                />
              ),
          },
          {
            key: 'io',
            label: t('grids.tabImport'),
            children: <ImportExport canWrite={canWrite} onImported={() => setLayerVersion((v) => v + 1)} />,
          },
        ]}
      />
      <Modal
        open={pending?.kind === 'create'}
        title={t('grids.draw')}
        okText={t('grids.save')}
        cancelText={t('grids.cancel')}
        okButtonProps={{ disabled: villageId === undefined }}
        onOk={() => {
          void save();
        }}
        onCancel={cancel}
      >
        <Form layout="vertical">
          <Form.Item label={t('grids.village')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('grids.pickVillage')}
              value={villageId}
              onChange={setVillageId}
              options={(villages.data?.features ?? []).map((f) => ({
                value: f.properties.orgId,
                label: f.properties.name,
              }))}
            />
          </Form.Item>
        </Form>
        {saveError === undefined ? null : (
          <Flex vertical gap={8}>
            <ProblemAlert error={saveError} />
            {overlapFix}
          </Flex>
        )}
      </Modal>
    </Card>
  );
};
