// Select of the user's role assignments; choosing one moves the session to that organisation scope.
import { useState } from 'react';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/useAuth';
import { roleLabel } from '../common/labels';
import { problemText } from '../common/problemText';

export const ScopeSwitcher = ({
  onSwitched,
  isBlock = false,
}: {
  onSwitched: () => void;
  isBlock?: boolean;
}) => {
  const { t } = useTranslation();
  const me = useMe();
  const { switchScope } = useAuth();
  const { message } = App.useApp();
  const [isSwitching, setIsSwitching] = useState(false);

  const change = async (assignmentId: string) => {
    setIsSwitching(true);
    try {
      await switchScope(assignmentId);
      onSwitched();
    } catch (error) {
      const text = problemText(error, t);
      void message.error(`${t('scope.switchFailed')}: ${text.detail ?? text.title}`);
    } finally {
      setIsSwitching(false);
    }
  };

  return (
    <Select
      id="scope-switcher"
      data-testid="scope-switcher"
      aria-label={t('scope.label')}
      title={t('scope.label')}
      value={me.activeAssignmentId}
      loading={isSwitching}
      disabled={isSwitching || me.assignments.length < 2}
      onChange={(value: string) => void change(value)}
      popupMatchSelectWidth={false}
      style={isBlock ? { flex: 1, minWidth: 0 } : { width: 280, maxWidth: '40vw' }}
      options={me.assignments.map((assignment) => ({
        value: assignment.id,
        label: t('scope.option', { role: roleLabel(t, assignment.role), org: assignment.orgName }),
      }))}
    />
  );
};
