// The residents' consultation pages under /consult, without an account.
import { Route, Routes } from 'react-router-dom';
import { CheckInPage } from './CheckInPage';
import { FindCouncilPage } from './FindCouncilPage';
import { ProposePage } from './ProposePage';
import { PublicCouncilPage, PublicNotFound } from './PublicCouncilPage';
import { RatePage } from './RatePage';

export const PublicConsultations = () => (
  <Routes>
    <Route index element={<FindCouncilPage />} />
    <Route path=":councilId" element={<PublicCouncilPage />} />
    <Route path=":councilId/propose" element={<ProposePage />} />
    <Route path=":councilId/meetings/:meetingId/check-in" element={<CheckInPage />} />
    <Route path=":councilId/outcomes/:outcomeId/rate" element={<RatePage />} />
    <Route path="*" element={<PublicNotFound />} />
  </Routes>
);
