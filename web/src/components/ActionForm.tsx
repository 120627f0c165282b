import { Alert, Button, Form, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ClaimResponse } from '../api/types.gen.js';
import { useClaimChanged } from '../app/claim-updates.js';
import { errorText, showFieldErrors } from '../app/errors.js';

interface Props<T> {
  form: FormInstance<T>;
  /** Calls the API; resolves to the generated client's { data, error }. */
  action(values: T): Promise<{ data?: ClaimResponse; error?: unknown }>;
  submitText: string;
  danger?: boolean;
  initialValues?: Partial<T>;
  children?: ReactNode;
  onDone?(claim: ClaimResponse): void;
}

/** A form that changes a claim: errors in Chinese next to their fields (or above the form), the claim page updated on success. */
export function ActionForm<T extends object>({ form, action, submitText, danger, initialValues, children, onDone }: Props<T>) {
  const changed = useClaimChanged();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await action(values).catch((e: unknown) => ({ data: undefined, error: e }));
    setBusy(false);
    if (data) {
      changed(data);
      onDone?.(data);
    } else if (!showFieldErrors(form, failure)) {
      setError(errorText(failure));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {children}
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>{submitText}</Button>
    </Form>
  );
}
