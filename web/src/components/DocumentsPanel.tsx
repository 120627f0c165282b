import { CameraOutlined, CheckCircleFilled, CloseCircleFilled, EyeOutlined, FolderOpenOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Image, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { claimsControllerGetQueryKey } from '../api/@tanstack/react-query.gen.js';
import { claimsControllerDownload, claimsControllerUpload } from '../api/sdk.gen.js';
import type { ClaimDocumentResponse, ClaimResponse } from '../api/types.gen.js';
import { errorText } from '../app/errors.js';
import { fileSize } from '../app/files.js';
import { DOCUMENT_TEXT } from '../app/labels.js';
import { PdfPreview } from './PdfPreview.js';

/** A document fetched with the bearer token and shown inline: an image, or a PDF's first page. */
function DocumentPreview({ claimId, doc }: { claimId: string; doc: ClaimDocumentResponse }) {
  const blob = useQuery({
    queryKey: ['document', claimId, doc.id],
    queryFn: async () => (await claimsControllerDownload({ path: { id: claimId, docId: doc.id }, parseAs: 'blob', throwOnError: true })).data as Blob,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob.data) return;
    const next = URL.createObjectURL(blob.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob.data]);
  if (blob.error) return <Alert type="error" showIcon title={errorText(blob.error)} />;
  if (!url) return <LoadingOutlined />;
  const label = DOCUMENT_TEXT[doc.type] ?? doc.type;
  return doc.mimeType === 'application/pdf'
    ? <PdfPreview blob={blob.data!} url={url} title={`${label} ${doc.fileName}`} fileName={doc.fileName} />
    : <Image src={url} alt={`${label} ${doc.fileName}`} className="image-preview" />;
}

interface Upload { key: string; name: string; type: string; state: 'uploading' | 'uploaded' | 'refused'; reason?: string }

/** Takes photos with the phone camera or picks files; each is shown as uploaded or refused with the reason. */
function Uploader({ claim }: { claim: ClaimResponse }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const needed = claim.missingDocuments;
  const [type, setType] = useState<string>(needed[0] ?? 'photo');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const typeOptions = [...new Set([...needed, 'photo', ...Object.keys(DOCUMENT_TEXT)])]
    .map((value) => ({ value, label: `${DOCUMENT_TEXT[value] ?? value}${needed.includes(value) ? '（必需，未上传）' : ''}` }));

  const send = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const key = `${Date.now()}-${file.name}-${Math.random()}`;
      setUploads((u) => [{ key, name: file.name, type, state: 'uploading' }, ...u]);
      const { error } = await claimsControllerUpload({ path: { id: claim.id }, body: { file, type } });
      setUploads((u) => u.map((x) => x.key === key ? { ...x, state: error ? 'refused' : 'uploaded', reason: error ? errorText(error) : undefined } : x));
      if (!error) await queryClient.invalidateQueries({ queryKey: claimsControllerGetQueryKey({ path: { id: claim.id } }) });
    }
  };

  return (
    <div className="uploader">
      <Space wrap style={{ width: '100%' }}>
        <Select aria-label="材料类型" value={type} onChange={setType} options={typeOptions} style={{ minWidth: 240 }}
          showSearch={{ optionFilterProp: 'label' }} />
        <Button type="primary" icon={<CameraOutlined />} onClick={() => document.getElementById(`${inputId}-camera`)?.click()}>拍照上传</Button>
        <input id={`${inputId}-camera`} className="visually-hidden" type="file" accept="image/*,application/pdf" capture="environment"
          aria-label="拍照上传" onChange={(e) => { void send(e.target.files); e.target.value = ''; }} />
        <Button icon={<FolderOpenOutlined />} onClick={() => document.getElementById(`${inputId}-file`)?.click()}>选择文件</Button>
        <input id={`${inputId}-file`} className="visually-hidden" type="file" accept="image/jpeg,image/png,application/pdf" multiple
          aria-label="选择文件上传" onChange={(e) => { void send(e.target.files); e.target.value = ''; }} />
      </Space>
      {uploads.length > 0 && (
        <List size="small" className="upload-results" dataSource={uploads} renderItem={(u) => (
          <List.Item data-testid="upload-result">
            <Space>
              {u.state === 'uploading' && <LoadingOutlined />}
              {u.state === 'uploaded' && <CheckCircleFilled style={{ color: '#389e0d' }} />}
              {u.state === 'refused' && <CloseCircleFilled style={{ color: '#cf1322' }} />}
              <span>{DOCUMENT_TEXT[u.type] ?? u.type} · {u.name}</span>
              <Typography.Text type={u.state === 'refused' ? 'danger' : 'secondary'}>
                {u.state === 'uploading' ? '上传中…' : u.state === 'uploaded' ? '已上传' : `未接受：${u.reason}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )} />
      )}
    </div>
  );
}

/** The claim's documents, previewed inline; what its event still needs; the uploader where the caller may add some. */
export function DocumentsPanel({ claim, canUpload, previewAll }: { claim: ClaimResponse; canUpload: boolean; previewAll: boolean }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setOpen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <Card size="small" title={`材料（${claim.documents.length}）`} className="section">
      {claim.missingDocuments.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="尚缺必需材料"
          description={<Space size={[4, 4]} wrap>{claim.missingDocuments.map((d) => <Tag key={d} color="orange">{DOCUMENT_TEXT[d] ?? d}</Tag>)}</Space>} />
      )}
      {canUpload && <Uploader claim={claim} />}
      <List
        dataSource={claim.documents}
        locale={{ emptyText: '尚未上传材料' }}
        renderItem={(doc) => {
          const shown = previewAll || open.has(doc.id);
          return (
            <List.Item style={{ display: 'block' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                <span><Tag>{DOCUMENT_TEXT[doc.type] ?? doc.type}</Tag>{doc.originalFileName ?? doc.fileName} <Typography.Text type="secondary">{fileSize(doc.size)}</Typography.Text></span>
                {!previewAll && <Button size="small" icon={<EyeOutlined />} onClick={() => toggle(doc.id)}>{shown ? '收起' : '预览'}</Button>}
              </Space>
              {shown && <div className="preview"><DocumentPreview claimId={claim.id} doc={doc} /></div>}
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
