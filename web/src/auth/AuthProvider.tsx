// Holds the session: who is signed in, in which scope, with which abilities.
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import * as authApi from '../api/auth';
import { ApiError, isAbortError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Me } from '../api/types';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: unknown }
  | { status: 'authenticated'; me: Me };

export type AuthContextValue = {
  state: AuthState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  switchScope: (assignmentId: string) => Promise<void>;
  reload: () => void;
};

export const AuthContext = createContext<AuthContextValue | null>(null);

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const navigate = useNavigate();
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'authenticated', me });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setState({ status: 'anonymous' });
      if (window.location.pathname !== '/login') {
        void navigate('/login', {
          replace: true,
          state: { from: window.location.pathname + window.location.search },
        });
      }
    });
  }, [navigate]);

  useEffect(() => {
    const controller = new AbortController();
    authApi.fetchMe(controller.signal).then(accept, (error: unknown) => {
      if (isAbortError(error)) {
        return;
      }
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
        return;
      }
      setState({ status: 'failed', error });
    });
    return () => {
      controller.abort();
    };
  }, [accept, attempt]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { csrfToken } = await authApi.login(username, password);
      setCsrfToken(csrfToken);
      accept(await authApi.fetchMe());
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
      void navigate('/login', { replace: true });
    }
  }, [navigate]);

  const switchScope = useCallback(
    async (assignmentId: string) => {
      accept(await authApi.switchScope(assignmentId));
    },
    [accept],
  );

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, login, logout, switchScope, reload }),
    [state, login, logout, switchScope, reload],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
};
