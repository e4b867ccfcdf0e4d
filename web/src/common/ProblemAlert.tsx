// Shows a failed request as an antd Alert, with an optional retry.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from './problemText';

export const ProblemAlert = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation();
  const text = problemText(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text.title}
      description={text.detail}
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
};
