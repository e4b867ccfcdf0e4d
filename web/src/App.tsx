// Routes of the console: the login page, and every registered module behind the session guard.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { useAbility, useAuth } from './auth/useAuth';
import { LoginPage } from './login/LoginPage';
import { ReportPage } from './report/ReportPage';
import { TrackPage } from './report/TrackPage';
import { TrackAppealPage } from './linkage/TrackAppealPage';
import { PublicConsultations } from './consultations/public/PublicConsultations';
import { PublicLists } from './lists/public/PublicLists';
import { VerifyCertificatePage } from './volunteers/public/VerifyCertificatePage';
import { SurveyPhonePage } from './surveys/public/SurveyPhonePage';
import { PublicAlliancePage } from './alliance/public/PublicAlliancePage';
import { PublicNotices } from './assessment/public/PublicNotices';
import { AppLayout } from './shell/AppLayout';
import { modules } from './modules';
import { ForbiddenPage, NotFoundPage } from './common/StatusPages';

const AbilityGate = ({ ability, children }: { ability: string | null; children: ReactNode }) =>
  useAbility(ability) ? children : <ForbiddenPage />;

const isFromState = (value: unknown): value is { from: string } =>
  typeof value === 'object' && value !== null && 'from' in value && typeof value.from === 'string';

/** Once signed in, go back to the page that sent the visitor to /login. */
const LoginRoute = () => {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status !== 'authenticated') {
    return <LoginPage />;
  }
  const from = isFromState(location.state) ? location.state.from : '/';
  const isSafe = from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login');
  return <Navigate to={isSafe ? from : '/'} replace />;
};

export const App = () => (
  <Routes>
    <Route path="/login" element={<LoginRoute />} />
    {/* Residents report and follow cases without an account. */}
    <Route path="/report" element={<ReportPage />} />
    <Route path="/track/:code?" element={<TrackPage />} />
    {/* A household follows and confirms an appeal its central household recorded, without an account. */}
    <Route path="/appeal/:code?" element={<TrackAppealPage />} />
    {/* Residents propose and support topics, check in to meetings and rate outcomes, without an account. */}
    <Route path="/consult/*" element={<PublicConsultations />} />
    {/* Residents read the published lists and find who handles a matter, without an account. */}
    <Route path="/guide/*" element={<PublicLists />} />
    {/* Residents verify a volunteer service-hours certificate and object while its notice runs, without an account. */}
    <Route path="/verify/:code?" element={<VerifyCertificatePage />} />
    {/* A sampled household answers the satisfaction survey behind its link, without an account. */}
    <Route path="/survey/:token" element={<SurveyPhonePage />} />
    {/* Residents read a regional party-building alliance's members, commitments, open demands and projects. */}
    <Route path="/alliance-public/:id" element={<PublicAlliancePage />} />
    {/* Residents read the five-star results while their notice runs, object, and read the answer by its code. */}
    <Route path="/notice/*" element={<PublicNotices />} />
    <Route
      element={
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      }
    >
      {modules.flatMap((entry) =>
        entry.routes.map((path) => (
          <Route
            key={`${entry.key}:${path}`}
            path={path}
            element={<AbilityGate ability={entry.ability}>{entry.element}</AbilityGate>}
          />
        )),
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
