// GeoJSON import (checked feature by feature; a bad file changes nothing) and export of the caller's grids.
import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { exportGrids, importGrids, type ImportReport } from './api';

type Rows = ImportReport['rows'];

export const ImportExport = ({ canWrite, onImported }: { canWrite: boolean; onImported: () => void }) => {
  const { t } = useTranslation();
  const [isDryRun, setIsDryRun] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; text: string; rows: Rows } | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const download = () => {
    exportGrids().then(
      (collection) => {
        const url = URL.createObjectURL(
          new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }),
        );
        const a = document.createElement('a');
        a.href = url;
        a.download = 'grids.geojson';
        a.click();
        URL.revokeObjectURL(url);
      },
      (e: unknown) => {
        setError(e);
      },
    );
  };

  const upload = async (file: File) => {
    setError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text()) as unknown;
    } catch {
      setResult({ ok: false, text: t('grids.io.badJson'), rows: [] });
      return;
    }
    try {
      const report = await importGrids(parsed, isDryRun);
      setResult({
        ok: true,
        text: t(report.dryRun ? 'grids.io.checked' : 'grids.io.imported', {
          created: report.created,
          updated: report.updated,
        }),
        rows: [],
      });
      if (!report.dryRun) {
        onImported();
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'import.invalid_file') {
        const rows = ((e.problem as unknown as { rows?: Rows }).rows ?? []).filter(
          (r) => r.errors.length > 0,
        );
        setResult({ ok: false, text: e.detail ?? t('grids.io.failed'), rows });
      } else {
        setError(e);
      }
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Button onClick={download} style={{ alignSelf: 'flex-start' }}>
        {t('grids.io.export')}
      </Button>
      {canWrite ? (
        <>
          <Typography.Text type="secondary">{t('grids.io.hint')}</Typography.Text>
          <Checkbox
            checked={isDryRun}
            onChange={(e) => {
              setIsDryRun(e.target.checked);
            }}
          >
            {t('grids.io.dryRun')}
          </Checkbox>
          <label>
            <Typography.Text strong>{t('grids.io.import')}</Typography.Text>{' '}
            <input
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file !== undefined) {
                  void upload(file);
                }
                e.target.value = '';
              }}
            />
          </label>
        </>
      ) : null}
      {error === undefined ? null : <ProblemAlert error={error} />}
      {result === null ? null : <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} />}
      {result === null || result.rows.length === 0 ? null : (
        <List
          size="small"
          bordered
          dataSource={result.rows}
          renderItem={(r) => (
            <List.Item>
              <Typography.Text strong>
                {t('grids.io.feature', { n: r.index + 1 })}
                {r.code === null ? '' : ` · ${r.code}`}
              </Typography.Text>
              ：{r.errors.join('；')}
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
};
