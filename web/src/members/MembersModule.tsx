// The party-member module's pages: the list, the import wizard and one member.
import { useLocation, useParams } from 'react-router-dom';
import { ImportPage } from './ImportPage';
import { MemberPage } from './MemberPage';
import { MembersPage } from './MembersPage';

export const MembersModule = () => {
  const { id } = useParams<{ id?: string }>();
  const { pathname } = useLocation();
  if (pathname === '/members/import') {
    return <ImportPage />;
  }
  return id === undefined ? <MembersPage /> : <MemberPage />;
};
