// The one shape of a console dialog that sends a form: a form in a modal, sent through useFormSubmit (a refusal shows
// in place with the fields it names marked), whose success says so and hands the answer back to the caller (which
// closes the dialog and loads again).
import type { ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormProblem, useFormSubmit, type FieldMap } from './useFormSubmit';

/** Awaits a request, then says it succeeded and calls onDone; a failure reaches the caller. */
export const useOnSuccess = <R,>(onDone: (result: R) => void, success: string) => {
  const { message } = App.useApp();
  return async (call: () => Promise<R>) => {
    const result = await call();
    void message.success(success);
    onDone(result);
  };
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
  /** Where the body fields a refusal may name sit on the form. */
  fields?: FieldMap;
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

const NO_FIELDS: FieldMap = {};

export const FormDialog = <V extends object, R = unknown>({
  title,
  okText,
  success,
  submitTestId,
  form,
  initialValues,
  fields = NO_FIELDS,
  width,
  header,
  onSubmit,
  onClose,
  onDone,
  children,
}: FormDialogProps<V, R>) => {
  const { t } = useTranslation();
  const succeed = useOnSuccess(onDone, success);
  const { submit, isSaving, error } = useFormSubmit(form, fields, (values) =>
    succeed(() => onSubmit(values)),
  );
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
      <FormProblem error={error} />
    </Modal>
  );
};
