// The residents' pages of the four lists under /guide, without an account: find a matter, read a published list.
import { Route, Routes } from 'react-router-dom';
import { GuidePage } from './GuidePage';
import { PublicListPage } from './PublicListPage';

export const PublicLists = () => (
  <Routes>
    <Route index element={<GuidePage />} />
    <Route path=":ownerOrgId/:level" element={<PublicListPage />} />
    <Route path="*" element={<GuidePage />} />
  </Routes>
);
