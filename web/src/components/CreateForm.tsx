import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText, showFieldErrors } from '../app/errors.js';

interface Props<T> {
  title: string;
  form: FormInstance<T>;
  create(values: T): Promise<{ data?: unknown; error?: unknown }>;
  /** The list queries to reload after a creation (their generated query keys' ids). */
  refresh: string[];
  initialValues?: Partial<T>;
  /** Shown open from the start (an edit form); `onClose` then runs when it is saved or cancelled. */
  startOpen?: boolean;
  onClose?(): void;
  children: ReactNode;
}

/** "新建…": a form opened on demand; the API's field errors next to their fields; the lists reloaded after it. */
export function CreateForm<T extends object>({ title, form, create, refresh, initialValues, startOpen = false, onClose, children }: Props<T>) {
  const [open, setShown] = useState(startOpen);
  const setOpen = (next: boolean) => { setShown(next); if (!next) onClose?.(); };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  if (!open) return <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>{title}</Button>;
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await create(values);
    setBusy(false);
    if (data !== undefined) {
      message.success('已保存');
      form.resetFields();
      setOpen(false);
      await queryClient.invalidateQueries({ predicate: (q) => refresh.includes((q.queryKey[0] as { _id?: string })?._id ?? '') });
    } else if (!showFieldErrors(form, failure)) {
      setError(errorText(failure));
    }
  };
  return (
    <Card size="small" title={title} className="section" extra={<a onClick={() => setOpen(false)}>取消</a>}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        {children}
        <Button type="primary" htmlType="submit" loading={busy}>保存</Button>
      </Form>
    </Card>
  );
}
