// Route guard: waits for the session, sends anonymous visitors to /login.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from './useAuth';
import { FullPageSpin } from '../common/FullPageSpin';
import { problemText } from '../common/problemText';

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const { state, reload } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return <FullPageSpin />;
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'failed': {
      const text = problemText(state.error, t);
      return (
        <Result
          status="error"
          title={text.title}
          subTitle={text.detail}
          extra={
            <Button type="primary" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      );
    }
    case 'authenticated':
      return children;
  }
};
