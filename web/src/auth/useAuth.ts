// Hooks over the session context.
import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './AuthProvider';
import type { Assignment, Me } from '../api/types';

export const useAuth = (): AuthContextValue => {
  const context = useContext(AuthContext);
  if (context === null) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return context;
};

/** The signed-in session; only for components rendered behind <RequireAuth>. */
export const useMe = (): Me => {
  const { state } = useAuth();
  if (state.status !== 'authenticated') {
    throw new Error('useMe must be used behind <RequireAuth>');
  }
  return state.me;
};

export const useActiveAssignment = (): Assignment | null => {
  const me = useMe();
  return me.assignments.find((a) => a.id === me.activeAssignmentId) ?? null;
};

/** Whether the server granted this ability in the active scope. The client never derives abilities itself. */
export const useAbility = (ability: string | null): boolean => {
  const me = useMe();
  return ability === null || me.abilities.includes(ability);
};
