// A resident reads back an objection by the code they were given: the village, the line, whether it is answered,
// the answer and the points it changed. Who objected and what they wrote are not shown.
import { Button, Card, Descriptions, Flex, Form, Input, Result, Spin, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { ApiError } from '../../api/client';
import { fetchPublicObjection, publicNoticePaths } from '../api';
import { formatDate, objectionStatusLabel } from '../labels';

/** The shape of the codes the server hands out (base64url); a typo is caught before asking. */
const CODE = /^[A-Za-z0-9_-]{6,40}$/;

const ObjectionView = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchPublicObjection(code, signal),
    [code],
  );
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="warning" title={t('assessment.public.codeUnknown')} />;
  }
  return (
    <Spin spinning={isLoading}>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {data === undefined ? null : (
        <Card size="small" data-testid="public-objection">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'org', label: t('assessment.objections.village'), children: data.item.orgName },
              {
                key: 'status',
                label: t('assessment.objections.status'),
                children: (
                  <Tag
                    color={data.item.status === 'open' ? 'warning' : 'success'}
                    data-testid="public-objection-status"
                  >
                    {objectionStatusLabel(t, data.item.status)}
                  </Tag>
                ),
              },
              {
                key: 'created',
                label: t('assessment.objections.createdAt'),
                children: formatDate(data.item.createdAt),
              },
              {
                key: 'answer',
                label: t('assessment.objections.answer'),
                children: (
                  <Typography.Text data-testid="public-objection-reply">
                    {data.item.answer ?? t('assessment.public.notAnswered')}
                  </Typography.Text>
                ),
              },
              ...(data.item.changedPoints === null
                ? []
                : [
                    {
                      key: 'points',
                      label: t('assessment.objections.changedPoints'),
                      children: data.item.changedPoints,
                    },
                  ]),
            ]}
          />
        </Card>
      )}
    </Spin>
  );
};

export const ObjectionLookupPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code } = useParams<{ code?: string }>();
  const given = code?.trim();
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
          {t('assessment.public.lookupTitle')}
        </Typography.Title>
        <Card size="small">
          <Form<{ code: string }>
            key={given}
            layout="inline"
            initialValues={{ code: given ?? '' }}
            onFinish={(v) => void navigate(publicNoticePaths.objection(v.code.trim()))}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="code"
              style={{ flex: 1, minWidth: 200 }}
              rules={[
                {
                  required: true,
                  transform: (v: string) => v.trim(),
                  pattern: CODE,
                  message: t('assessment.public.codeInvalid'),
                },
              ]}
            >
              <Input aria-label={t('assessment.public.codeInput')} data-testid="public-code-input" />
            </Form.Item>
            <Form.Item style={{ marginInlineEnd: 0 }}>
              <Button type="primary" htmlType="submit" data-testid="public-code-lookup">
                {t('assessment.public.lookup')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        {given === undefined ? null : CODE.test(given) ? (
          <ObjectionView key={given} code={given} />
        ) : (
          <Result status="warning" title={t('assessment.public.codeInvalid')} />
        )}
        <Link to={publicNoticePaths.list}>{t('assessment.public.allNotices')}</Link>
      </Flex>
    </PublicLayout>
  );
};
