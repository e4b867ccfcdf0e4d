// Import wizard: choose organisations or members, upload, see the check (preview and row-level problems), then commit.
import { useState } from 'react';
import { Button, Card, Flex, Progress, Radio, Result, Steps, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { uploadImport, type ImportKind, type ImportReport } from './api';
import { ImportReportView } from '../common/ImportReportView';

export const ImportPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (dryRun: boolean) => {
    if (file === null) {
      return;
    }
    setError(undefined);
    setPercent(0);
    try {
      setReport(await uploadImport(kind, file, dryRun, me.csrfToken, setPercent));
    } catch (failure) {
      setError(failure);
    } finally {
      setPercent(null);
    }
  };
  const reset = () => {
    setFile(null);
    setReport(null);
  };
  const step = report === null ? 0 : report.committed ? 2 : 1;
  const isClean = report !== null && report.issueCount === 0;

  return (
    <Card title={t('orgSystem.imports.title')} data-testid="import-page">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('orgSystem.imports.stepUpload') },
          { title: t('orgSystem.imports.stepCheck') },
          { title: t('orgSystem.imports.stepDone') },
        ]}
      />
      {report?.committed === true ? (
        <Result
          status="success"
          title={t('orgSystem.imports.committed', { total: report.total })}
          extra={<Button onClick={reset}>{t('orgSystem.imports.again')}</Button>}
        />
      ) : (
        <Flex vertical gap={12}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setReport(null);
            }}
            optionType="button"
            options={[
              { value: 'members', label: t('orgSystem.imports.members') },
              { value: 'orgs', label: t('orgSystem.imports.orgs') },
            ]}
          />
          <Typography.Text type="secondary">
            {kind === 'orgs' ? t('orgSystem.imports.columnsOrgs') : t('orgSystem.imports.columnsMembers')}
          </Typography.Text>
          <Flex gap={8} wrap align="center">
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                setReport(null);
                return false;
              }}
              onRemove={reset}
              fileList={file === null ? [] : [{ uid: '1', name: file.name, status: 'done' }]}
            >
              <Button icon={<UploadOutlined />}>{t('orgSystem.imports.pick')}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={file === null || percent !== null}
              onClick={() => void run(true)}
            >
              {t('orgSystem.imports.check')}
            </Button>
            {isClean ? (
              <Button type="primary" danger disabled={percent !== null} onClick={() => void run(false)}>
                {t('orgSystem.imports.commit')}
              </Button>
            ) : null}
          </Flex>
          {percent === null ? null : (
            <Progress
              percent={percent}
              format={(p) => t('orgSystem.imports.uploading', { percent: p ?? 0 })}
            />
          )}
          {error === undefined ? null : <ProblemAlert error={error} />}
          {report === null ? null : (
            <ImportReportView
              report={report}
              issuesTestId="import-issues"
              text={{
                ok: t('orgSystem.imports.ok'),
                hasIssues: t('orgSystem.imports.hasIssues'),
                total: t('orgSystem.imports.total', {
                  total: report.total,
                  valid: report.valid,
                  issues: report.issueCount,
                }),
                row: t('orgSystem.imports.row'),
                column: t('orgSystem.imports.column'),
                reason: t('orgSystem.imports.reason'),
                preview: t('orgSystem.imports.preview'),
              }}
            />
          )}
        </Flex>
      )}
    </Card>
  );
};
