import { FilePdfOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

/**
 * A PDF's first page drawn by pdf.js on a canvas, with a link to open the
 * whole file: browsers without a PDF viewer (and headless ones) show no blank
 * frame, and pdf.js loads only when a PDF is shown.
 */
export function PdfPreview({ blob, url, title, fileName }: { blob: Blob; url: string; title: string; fileName: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<{ pages?: number; failed?: boolean }>({});
  useEffect(() => {
    let cancelled = false;
    (async () => {
      // The legacy build: the modern one needs newer JavaScript than some browsers (and the test Chromium) have.
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      // The bytes themselves: the content security policy lets no fetch reach a blob: URL.
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()), isEvalSupported: false }).promise;
      const page = await pdf.getPage(1);
      const target = canvas.current;
      if (cancelled || !target) return;
      const fit = Math.min(2, (target.parentElement?.clientWidth ?? 600) / page.getViewport({ scale: 1 }).width);
      const viewport = page.getViewport({ scale: fit * (window.devicePixelRatio || 1) });
      target.width = viewport.width;
      target.height = viewport.height;
      target.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`;
      await page.render({ canvas: target, viewport }).promise;
      if (!cancelled) setState({ pages: pdf.numPages });
    })().catch((error: unknown) => {
      console.warn('PDF preview failed', error);
      if (!cancelled) setState({ failed: true });
    });
    return () => { cancelled = true; };
  }, [blob]);
  return (
    <div className="pdf-preview-box">
      {state.failed
        ? <Alert type="warning" showIcon title="无法预览此 PDF，请打开或下载查看" />
        : <canvas ref={canvas} className="pdf-preview" role="img" aria-label={title} data-rendered={state.pages ? 'true' : undefined} />}
      {!state.pages && !state.failed && <LoadingOutlined />}
      <Space style={{ marginTop: 4 }}>
        <FilePdfOutlined />
        <a href={url} target="_blank" rel="noreferrer" download={fileName}>打开 / 下载 PDF</a>
        {state.pages && state.pages > 1 && <Typography.Text type="secondary">第 1 页，共 {state.pages} 页</Typography.Text>}
      </Space>
    </div>
  );
}
