import { Alert } from 'antd';
import { errorText } from '../app/errors.js';

/** A failed load, in Chinese. */
export function QueryError({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 12 }} />;
}
