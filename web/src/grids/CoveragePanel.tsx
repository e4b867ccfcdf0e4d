// The coverage check of the caller's area: gap and overlap counts and areas, each one shown on the map on request.
import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchCoverage, type Coverage, type Geometry } from './api';
import { areaText } from './labels';

type Props = { orgId: string; onShow: (highlights: { gaps: Geometry[]; overlaps: Geometry[] }) => void };

export const CoveragePanel = ({ orgId, onShow }: Props) => {
  const { t } = useTranslation();
  const [report, setReport] = useState<Coverage | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isRunning, setIsRunning] = useState(false);
  const run = () => {
    setIsRunning(true);
    fetchCoverage(orgId).then(
      (r) => {
        setReport(r);
        setError(undefined);
        setIsRunning(false);
      },
      (e: unknown) => {
        setError(e);
        setIsRunning(false);
      },
    );
  };
  return (
    <Flex vertical gap={12}>
      <Button type="primary" onClick={run} loading={isRunning} style={{ alignSelf: 'flex-start' }}>
        {t('grids.coverage.run')}
      </Button>
      {error === undefined ? null : <ProblemAlert error={error} />}
      {report === null ? null : (
        <>
          <Typography.Title level={5}>{report.org.name}</Typography.Title>
          {report.hasOutline ? null : <Alert type="info" title={t('grids.coverage.noOutline')} />}
          {report.gaps.length === 0 && report.overlaps.length === 0 ? (
            <Alert type="success" showIcon title={t('grids.coverage.perfect')} />
          ) : null}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('grids.coverage.gridCount')}>{report.gridCount}</Descriptions.Item>
            <Descriptions.Item label={t('grids.coverage.outlineArea')}>
              {areaText(t, report.outlineAreaM2)}
            </Descriptions.Item>
            <Descriptions.Item label={t('grids.coverage.gridArea')}>
              {areaText(t, report.gridAreaM2)}
            </Descriptions.Item>
            <Descriptions.Item label={t('grids.coverage.gaps')}>
              {t('grids.coverage.gapSummary', {
                count: report.gaps.length,
                area: report.gapAreaM2.toFixed(2),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('grids.coverage.overlaps')}>
              {t('grids.coverage.overlapSummary', {
                count: report.overlaps.length,
                area: report.overlapAreaM2.toFixed(2),
              })}
            </Descriptions.Item>
          </Descriptions>
          {report.gaps.length + report.overlaps.length === 0 ? null : (
            <>
              <Button
                onClick={() => {
                  onShow({
                    gaps: report.gaps.map((g) => g.geometry),
                    overlaps: report.overlaps.map((o) => o.geometry),
                  });
                }}
              >
                {t('grids.coverage.showOnMap')}
              </Button>
              <List
                size="small"
                dataSource={[
                  ...report.gaps.map((g, i) => ({
                    key: `g${i}`,
                    label: t('grids.coverage.gaps'),
                    area: g.areaM2,
                    geometry: g.geometry,
                    gap: true,
                  })),
                  ...report.overlaps.map((o, i) => ({
                    key: `o${i}`,
                    label: `${t('grids.coverage.overlaps')} ${o.codes.join(' / ')}`,
                    area: o.areaM2,
                    geometry: o.geometry,
                    gap: false,
                  })),
                ]}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Button
                        key="show"
                        size="small"
                        type="link"
                        onClick={() => {
                          onShow(
                            item.gap
                              ? { gaps: [item.geometry], overlaps: [] }
                              : { gaps: [], overlaps: [item.geometry] },
                          );
                        }}
                      >
                        {t('grids.coverage.showOnMap')}
                      </Button>,
                    ]}
                  >
                    {item.label} · {t('grids.areaM2', { value: item.area.toFixed(2) })}
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      )}
    </Flex>
  );
};
