import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResident, fileClaim, JPEG_BYTES, PDF_BYTES, PNG_BYTES, uploadDocument } from './support/fixtures.js';
import { API, createTestApp, type TestApp } from './support/test-app.js';

const MAX_BYTES = 4096;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A real PDF header padded to the given size. */
const pdfOfSize = (size: number) => Buffer.concat([PDF_BYTES, Buffer.alloc(size - PDF_BYTES.length, 0x20)]);

describe('claim documents', () => {
  let t: TestApp;
  let storageDir: string;
  let cadre: string;
  let claimId: string;
  let claimNo: string;
  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'zz-documents-'));
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX_BYTES), DOCUMENT_STORAGE_DIR: storageDir });
    cadre = await t.login('hc.cadre1');
    const { resident } = await createResident(t, cadre);
    ({ id: claimId, claimNo } = await fileClaim(t, cadre, resident.id));
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

  describe('POST /claims/:id/documents', () => {
    it('stores a PDF by its SHA-256 and records it on the claim', async () => {
      const res = await uploadDocument(t, cadre, claimId, 'police_report', PDF_BYTES, '报警回执.pdf');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String), type: 'police_report', fileName: `${claimNo}-police_report-01.pdf`, originalFileName: '报警回执.pdf',
        mimeType: 'application/pdf', size: PDF_BYTES.length, sha256: sha256(PDF_BYTES), uploadedBy: expect.any(String), uploadedAt: expect.any(String),
      });
      expect(storedFiles()).toContain(sha256(PDF_BYTES));
      expect(storedFiles().some((name) => name.endsWith('.tmp'))).toBe(false);
      const claim = (await t.http().get(`${API}/claims/${claimId}`).set('Authorization', cadre)).body;
      expect(claim.documents).toEqual([res.body]);
      expect(claim.missingDocuments).toEqual(['id_card', 'loss_list', 'bank_card']);
      const [event] = await t.db.query(`SELECT data FROM audit_event WHERE action = 'claim.document_upload' AND entity_id = $1`, [claimId]);
      expect(event.data).toMatchObject({
        documentId: res.body.id, type: 'police_report', fileName: `${claimNo}-police_report-01.pdf`, sha256: sha256(PDF_BYTES), mimeType: 'application/pdf',
      });
    });

    it('names each document itself — claim number, type, sequence, extension of the detected type — and keeps the sent name as metadata', async () => {
      const first = await uploadDocument(t, cadre, claimId, 'photo', PNG_BYTES, 'shell.php');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ fileName: `${claimNo}-photo-01.png`, originalFileName: 'shell.php', mimeType: 'image/png' });
      const second = await uploadDocument(t, cadre, claimId, 'photo', JPEG_BYTES, '../../现场.png');
      expect(second.body).toMatchObject({ fileName: `${claimNo}-photo-02.jpg`, originalFileName: '现场.png', mimeType: 'image/jpeg' });
      await expect(t.db.query(`UPDATE claim_document SET file_name = 'shell.php' WHERE id = $1`, [first.body.id]))
        .rejects.toThrow(/claim_document_file_name_check/);
    });

    it.each([
      ['a PNG header followed by PHP', Buffer.concat([PNG_BYTES.subarray(0, 8), Buffer.from('<?php system($_GET["c"]); ?>')]), 'shell.php'],
      ['a PNG cut short', PNG_BYTES.subarray(0, PNG_BYTES.length - 20), 'photo.png'],
      ['a JPEG cut short', JPEG_BYTES.subarray(0, JPEG_BYTES.length - 30), 'photo.jpg'],
      ['a JPEG header alone', Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'), 'photo.jpg'],
      ['a PDF header followed by HTML', Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n'), 'report.pdf'],
      ['a PDF without pages', Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'), 'report.pdf'],
    ])('refuses %s: the file does not decode as the type its first bytes announce', async (_name, content, fileName) => {
      const before = storedFiles().length;
      const res = await uploadDocument(t, cadre, claimId, 'photo', content, fileName);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });
      expect(storedFiles().length).toBe(before);
    });

    it('judges the type by content, not by the name', async () => {
      const png = await uploadDocument(t, cadre, claimId, 'photo', PNG_BYTES, 'scene.pdf');
      expect(png.status).toBe(201);
      expect(png.body.mimeType).toBe('image/png');
      const jpeg = await uploadDocument(t, cadre, claimId, 'id_card', JPEG_BYTES, 'id.png');
      expect(jpeg.body.mimeType).toBe('image/jpeg');
    });

    it('stores the same content once, whatever the number of uploads', async () => {
      const content = pdfOfSize(1000);
      const first = await uploadDocument(t, cadre, claimId, 'other', content, 'a.pdf');
      const second = await uploadDocument(t, await t.login('hc.cadre2'), claimId, 'loss_list', content, 'b.pdf');
      expect(first.body.sha256).toBe(second.body.sha256);
      expect(first.body.id).not.toBe(second.body.id);
      expect(storedFiles().filter((name) => name === sha256(content))).toHaveLength(1);
    });

    it('rejects a text file renamed to .pdf with 400 and stores nothing', async () => {
      const text = Buffer.from('这是一个文本文件，不是PDF。\nJust text.\n');
      const before = storedFiles().length;
      const res = await uploadDocument(t, cadre, claimId, 'police_report', text, 'report.pdf');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'file' }] });
      expect(storedFiles().length).toBe(before);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM claim_document WHERE sha256 = $1`, [sha256(text)]);
      expect(count).toBe(0);
    });

    it.each([
      ['an empty file', Buffer.alloc(0)],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00')],
      ['a Word document (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
    ])('rejects %s with 400', async (_name, content) => {
      const res = await uploadDocument(t, cadre, claimId, 'other', content, 'file.pdf');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('accepts a file of exactly the size limit and answers 413 one byte over', async () => {
      expect((await uploadDocument(t, cadre, claimId, 'other', pdfOfSize(MAX_BYTES))).status).toBe(201);
      const res = await uploadDocument(t, cadre, claimId, 'other', pdfOfSize(MAX_BYTES + 1));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), details: [] });
    });

    it.each([
      ['a type the event does not list', 'death_certificate', 'type'],
      ['a type that is not a code', 'Police Report', 'type'],
      ['a 10 000-character type', 'a'.repeat(10_000), 'type'],
    ])('rejects %s with 400', async (_name, type, field) => {
      const res = await uploadDocument(t, cadre, claimId, type);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rejects a missing type, a missing file, extra fields and files, and a JSON body with 400', async () => {
      const url = `${API}/claims/${claimId}/documents`;
      const responses = await Promise.all([
        t.http().post(url).set('Authorization', cadre).attach('file', PDF_BYTES, 'a.pdf'),
        t.http().post(url).set('Authorization', cadre).field('type', 'other'),
        t.http().post(url).set('Authorization', cadre).field('type', 'other').field('note', 'x').attach('file', PDF_BYTES, 'a.pdf'),
        t.http().post(url).set('Authorization', cadre).field('type', 'other').attach('file', PDF_BYTES, 'a.pdf').attach('file', PDF_BYTES, 'b.pdf'),
        t.http().post(url).set('Authorization', cadre).field('type', 'other').attach('document', PDF_BYTES, 'a.pdf'),
        t.http().post(url).set('Authorization', cadre).send({ type: 'other', file: PDF_BYTES.toString('base64') }),
        t.http().post(url).set('Authorization', cadre).set('Content-Type', 'multipart/form-data; boundary=x').send('--x\r\nbroken'),
      ]);
      for (const res of responses) {
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('is 404 for a cadre of another street and 403 for other roles', async () => {
      expect((await uploadDocument(t, await t.login('xy.cadre'), claimId, 'other')).status).toBe(404);
      expect((await uploadDocument(t, await t.login('hc.officer'), claimId, 'other')).status).toBe(403);
      expect((await uploadDocument(t, await t.login('picc.adjuster'), claimId, 'other')).status).toBe(403);
    });

    it('refuses documents on a withdrawn claim with 409 naming the state', async () => {
      const { resident } = await createResident(t, cadre);
      const claim = await fileClaim(t, cadre, resident.id);
      await t.http().post(`${API}/claims/${claim.id}/withdraw`).set('Authorization', cadre).send({ reason: '误报' }).expect(200);
      const res = await uploadDocument(t, cadre, claim.id, 'other');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 'withdrawn' }] });
    });
  });

  describe('GET /claims/:id/documents/:docId', () => {
    let documentId: string;
    const content = Buffer.concat([PNG_BYTES, Buffer.from('some image bytes')]);
    beforeAll(async () => {
      documentId = (await uploadDocument(t, cadre, claimId, 'photo', content, '火灾现场 照片.png').expect(201)).body.id;
    });
    const download = (auth: string, id = claimId, docId = documentId) =>
      t.http().get(`${API}/claims/${id}/documents/${docId}`).set('Authorization', auth).buffer(true)
        .parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); });

    it('streams the bytes with their type under the name the server gave them', async () => {
      const res = await download(cadre);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, content)).toBe(0);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-length']).toBe(String(content.length));
      const { fileName } = (await t.http().get(`${API}/claims/${claimId}`).set('Authorization', cadre)).body.documents
        .find((document: { id: string }) => document.id === documentId);
      expect(fileName).toMatch(new RegExp(`^${claimNo}-photo-\\d{2}\\.png$`));
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
    });

    it.each(['hc.cadre2', 'hc.officer', 'picc.adjuster', 'admin'])('serves %s', async (username) => {
      expect((await download(await t.login(username))).status).toBe(200);
    });

    it.each(['xy.cadre', 'jm.cadre', 'jm.officer'])('is 404 for %s', async (username) => {
      const res = await download(await t.login(username));
      expect(res.status).toBe(404);
      expect(JSON.parse((res.body as Buffer).toString()).code).toBe('NOT_FOUND');
    });

    it('is 404 when the document belongs to another claim', async () => {
      const { resident } = await createResident(t, cadre);
      const otherClaim = await fileClaim(t, cadre, resident.id);
      expect((await download(cadre, otherClaim.id)).status).toBe(404);
    });
  });
});
