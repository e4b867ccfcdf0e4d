// Import wizard for accounts: upload, check (dry run with row-level problems), then commit; the one-time passwords
// of the new accounts are offered once as a CSV download.
import { useState } from 'react';
import { Button, Card, Flex, Result, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { uploadUsers, type UserImportReport } from './api';
import { ImportReportView } from '../common/ImportReportView';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const downloadCredentials = (rows: UserImportReport['credentials']) => {
  const text = [
    '用户名,姓名,一次性密码',
    ...rows.map((r) => [r.username, r.displayName, r.oneTimePassword].map(csvCell).join(',')),
  ].join('\r\n');
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'one-time-passwords.csv';
  a.click();
  URL.revokeObjectURL(url);
};

export const ImportUsersPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<UserImportReport | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (dryRun: boolean) => {
    if (file === null) {
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      setReport(await uploadUsers(file, dryRun, me.csrfToken));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setReport(null);
  };
  const isClean = report !== null && report.issueCount === 0;

  if (report?.committed === true) {
    return (
      <Card title={t('users.imports.title')} data-testid="user-import-page">
        <Result
          status="success"
          title={t('users.imports.committed', { count: report.credentials.length })}
          subTitle={t('users.imports.credentialsHint')}
          extra={[
            <Button
              key="dl"
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => downloadCredentials(report.credentials)}
            >
              {t('users.imports.download')}
            </Button>,
            <Button key="again" onClick={reset}>
              {t('users.imports.again')}
            </Button>,
          ]}
        />
      </Card>
    );
  }
  return (
    <Card title={t('users.imports.title')} data-testid="user-import-page">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('users.imports.columns')}</Typography.Text>
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
            <Button icon={<UploadOutlined />}>{t('users.imports.pick')}</Button>
          </Upload>
          <Button
            type="primary"
            disabled={file === null || isBusy}
            loading={isBusy}
            onClick={() => void run(true)}
          >
            {t('users.imports.check')}
          </Button>
          {isClean ? (
            <Button type="primary" danger disabled={isBusy} onClick={() => void run(false)}>
              {t('users.imports.commit')}
            </Button>
          ) : null}
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} />}
        {report === null ? null : (
          <ImportReportView
            report={report}
            issuesTestId="user-import-issues"
            text={{
              ok: t('users.imports.ok'),
              hasIssues: t('users.imports.hasIssues'),
              total: t('users.imports.total', {
                total: report.total,
                valid: report.valid,
                issues: report.issueCount,
              }),
              row: t('users.imports.row'),
              column: t('users.imports.column'),
              reason: t('users.imports.reason'),
              preview: t('users.imports.preview'),
            }}
          />
        )}
      </Flex>
    </Card>
  );
};
