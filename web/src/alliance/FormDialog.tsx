// The one shape of the alliance's dialogs: a form in a modal whose request's refusal shows in place, and whose success
// says so and hands back to the caller (which closes the dialog and loads again).
import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';

/** Awaits a request, then says it succeeded and calls onDone; a failure reaches the caller. */
export const useOnSuccess = <R,>(onDone: (result: R) => void, success: string) => {
  const { message } = App.useApp();
  return async (call: () => Promise<R>) => {
    const result = await call();
    void message.success(success);
    onDone(result);
  };
};

/** Runs a dialog's request: its error shows in the dialog, success says so and calls onDone. */
export const useSubmit = <R,>(onDone: (result: R) => void, success: string) => {
  const succeed = useOnSuccess(onDone, success);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const run = async (call: () => Promise<R>) => {
    setIsSaving(true);
    setError(undefined);
    try {
      await succeed(call);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return { error, isSaving, run };
};

export type FormDialogProps<V, R> = {
  title: ReactNode;
  okText: ReactNode;
  /** The message shown once the request succeeded. */
  success: string;
  /** Test id of the OK button. */
  submitTestId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  width?: number;
  /** Shown above the form (what the dialog acts on). */
  header?: ReactNode;
  /** Sends the validated values; a thrown error stays in the dialog. */
  onSubmit: (values: V) => Promise<R>;
  onClose: () => void;
  /** Gets the request's answer. */
  onDone: (result: R) => void;
  children: ReactNode;
};

export const FormDialog = <V extends object, R = unknown>({
  title,
  okText,
  success,
  submitTestId,
  form,
  initialValues,
  width,
  header,
  onSubmit,
  onClose,
  onDone,
  children,
}: FormDialogProps<V, R>) => {
  const { t } = useTranslation();
  const { error, isSaving, run } = useSubmit(onDone, success);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form marks what is missing
    }
    await run(() => onSubmit(values));
  };
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': submitTestId }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {header}
      <Form<V> form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
