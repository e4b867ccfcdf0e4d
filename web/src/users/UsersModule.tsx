// The user-administration pages: the list, a new account, the import wizard and one account.
import { useLocation, useParams } from 'react-router-dom';
import { CreateUserPage } from './CreateUserPage';
import { ImportUsersPage } from './ImportUsersPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';

export const UsersModule = () => {
  const { id } = useParams<{ id?: string }>();
  const { pathname } = useLocation();
  if (pathname === '/admin/users/new') {
    return <CreateUserPage />;
  }
  if (pathname === '/admin/users/import') {
    return <ImportUsersPage />;
  }
  return id === undefined ? <UsersPage /> : <UserPage />;
};
