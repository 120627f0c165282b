import { errorText } from './errors.js';

/**
 * Downloads need the bearer token, so files are fetched through the generated
 * client as blobs and handed to the browser by object URL.
 */
export async function saveBlob(blob: Blob, fileName: string): Promise<void> {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name the server gave in Content-Disposition, else `fallback`. */
export function dispositionName(response: Response | undefined, fallback: string): string {
  const header = response?.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Runs a download call and saves its blob; throws the Chinese error text on failure. */
export async function download(call: () => Promise<{ data?: unknown; error?: unknown; response?: Response }>, fallbackName: string): Promise<void> {
  const { data, error, response } = await call();
  if (error !== undefined || !(data instanceof Blob)) throw new Error(errorText(error));
  await saveBlob(data, dispositionName(response, fallbackName));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
