/**
 * Property-based fuzzing of the multipart routes (issue 9): document upload
 * and ledger (台账) import get broken, empty, mislabelled, oversized and
 * hostile files under hostile names and content types, with their form
 * fields valid, hostile, missing or repeated, FUZZ_RUNS times each. Beyond
 * the property of test/support/fuzz-property.ts (documented 4xx or success,
 * no row changed by a refusal, the audit chain intact), a refused upload
 * leaves no file in the document store. How to run it longer: see
 * test/fuzz-reference.e2e-spec.ts.
 */
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { LEDGER_COLUMNS } from '../src/ledgers/ledger-columns.js';
import { anyText, BAD_DATES, BAD_MONEY, NASTY_TEXT, wrongType } from './support/fuzz-arbitraries.js';
import { describeValue, fuzzParameters, fuzzTimeout } from './support/fuzz-property.js';
import { fuzzSuite } from './support/fuzz-targets.js';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES, uniqueIdNumber, uniquePhone } from './support/fixtures.js';
import { ledgerFile, type LedgerRowInput } from './support/ledger-files.js';
import { API } from './support/test-app.js';

const UPLOAD_MAX_BYTES = 64 * 1024;
const LEDGER_MAX_BYTES = 256 * 1024;
const STORAGE = join(tmpdir(), `zz-fuzz-docs-${process.pid}`);

type Content = 'png' | 'pdf' | 'jpeg' | 'empty' | 'random' | 'script-in-png' | 'cut-png' | 'pdf-header' | 'oversized' | 'text' | 'zip' | 'ledger' | 'hostile-ledger' | 'foreign-ledger';

interface FilePart {
  field: string;
  content: Content;
  fileName: string;
  contentType: string;
}
interface UploadPlan {
  fields: [string, string][];
  file: FilePart | null;
  secondFile: boolean;
  /** Cells of the hostile ledger's one row: column → value. */
  cells: [string, unknown][];
  random: Uint8Array;
}

const fileName = fc.oneof(
  fc.constantFrom('scene.png', 'notice.pdf', 'ledger.xlsx', 'shell.php', 'scene.png.php', 'a'.repeat(1000) + '.png', '测'.repeat(300) + '.pdf', '../../etc/passwd',
    '..\\..\\win.ini', '', '.png', ' .pdf', 'a"b.png', 'a\u0000b.png', 'x\ud800.png', `' OR 1=1 --.xlsx`, 'CON', '😀.jpg', '%00.png'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const contentType = fc.constantFrom('image/png', 'application/pdf', 'image/jpeg', 'application/x-php', 'text/html', 'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'image/svg+xml', 'multipart/form-data');
const asFormText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined');

/** A form field: absent, valid, hostile or twice. */
function formField(name: string, valid: string[]): fc.Arbitrary<[string, string][]> {
  const hostile = fc.oneof(anyText, wrongType.map(asFormText), fc.constantFrom(...BAD_DATES, ...BAD_MONEY).map(asFormText));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid).map((value): [string, string][] => [[name, value]]), weight: 5 },
    { arbitrary: hostile.map((value): [string, string][] => [[name, value]]), weight: 3 },
    { arbitrary: fc.constant<[string, string][]>([]), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...valid), hostile).map(([a, b]): [string, string][] => [[name, a], [name, b]]), weight: 1 },
  );
}

function uploadPlan(fields: Record<string, string[]>, contents: Content[]): fc.Arbitrary<UploadPlan> {
  const hostileCell = fc.oneof(anyText, fc.constantFrom(...BAD_MONEY, ...BAD_DATES), fc.double(), fc.integer());
  return fc.record({
    fields: fc.tuple(
      ...Object.entries(fields).map(([name, valid]) => formField(name, valid)),
      fc.oneof({ arbitrary: fc.constant([] as [string, string][]), weight: 4 },
        { arbitrary: fc.tuple(fc.constantFrom('extra', 'id', '__proto__', ''), anyText).map((pair): [string, string][] => [pair]), weight: 1 }),
    ).map((parts) => parts.flat()),
    file: fc.oneof(
      { arbitrary: fc.record({
        field: fc.oneof({ arbitrary: fc.constant('file'), weight: 8 }, { arbitrary: fc.constantFrom('document', 'file[]', 'FILE'), weight: 1 }),
        content: fc.constantFrom(...contents), fileName, contentType,
      }), weight: 9 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    secondFile: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    cells: fc.array(fc.tuple(fc.constantFrom(...LEDGER_COLUMNS), hostileCell), { minLength: 1, maxLength: 3 }),
    random: fc.uint8Array({ maxLength: 2000 }),
  });
}

/** A one-row ledger of Haicang 2022 that imports cleanly (a new resident each time, so no file comes twice). */
const ledgerRow = (): LedgerRowInput => ({ 报案日期: '2022-06-04', 出险日期: '2022-06-03', 街道: '海沧街道', 姓名: '陈建国', 身份证号: uniqueIdNumber(),
  联系电话: uniquePhone(), 事件类型: '火灾', 出险地点: '新垵村', 报损金额: 2000, 状态: '处理中' });

async function bytesOf(content: Content, plan: UploadPlan): Promise<Buffer> {
  switch (content) {
    case 'png': return PNG_BYTES;
    case 'pdf': return PDF_BYTES;
    case 'jpeg': return JPEG_BYTES;
    case 'empty': return Buffer.alloc(0);
    case 'random': return Buffer.from(plan.random);
    case 'script-in-png': return Buffer.concat([PNG_BYTES.subarray(0, 16), Buffer.from('<?php system($_GET["c"]); ?>')]);
    case 'cut-png': return PNG_BYTES.subarray(0, PNG_BYTES.length - 20);
    case 'pdf-header': return Buffer.from('%PDF-1.4\n%%EOF\n');
    case 'oversized': return Buffer.concat([PNG_BYTES, Buffer.alloc(LEDGER_MAX_BYTES + 1)]);
    case 'text': return Buffer.from(NASTY_TEXT.slice(0, 30).join('\n'));
    case 'zip': return Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from(plan.random)]);
    case 'ledger': return ledgerFile([ledgerRow()]);
    case 'hostile-ledger': return ledgerFile([{ ...ledgerRow(), ...Object.fromEntries(plan.cells) as LedgerRowInput }]);
    case 'foreign-ledger': return ledgerFile([ledgerRow()], ['日期', '名字', ...NASTY_TEXT.slice(3, 8)]);
  }
}

async function storedFiles(): Promise<string[]> {
  try {
    return (await readdir(STORAGE, { recursive: true })).filter((name) => !name.endsWith('.tmp')).sort();
  } catch {
    return [];
  }
}

describe('fuzzing the multipart routes', () => {
  const suite = fuzzSuite({ DOCUMENT_STORAGE_DIR: STORAGE, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), LEDGER_MAX_BYTES: String(LEDGER_MAX_BYTES) });

  async function fuzzUpload(route: string, as: string, path: () => Promise<string>, fields: Record<string, string[]>, contents: Content[]) {
    const { t, checker } = suite;
    const auth = await t.login(as);
    const url = await path();
    checker.forgetState();
    await fc.assert(fc.asyncProperty(uploadPlan(fields, contents), async (plan) => {
      const content = plan.file ? await bytesOf(plan.file.content, plan) : undefined;
      const filesBefore = await storedFiles();
      const send = () => {
        let request = t.http().post(url).set('Authorization', auth);
        for (const [name, value] of plan.fields) request = request.field(name, value);
        if (plan.file && content) {
          request = request.attach(plan.file.field, content, { filename: plan.file.fileName, contentType: plan.file.contentType });
          if (plan.secondFile) request = request.attach('file', PNG_BYTES, { filename: 'second.png', contentType: 'image/png' });
        }
        return request;
      };
      const describeRequest = () => `POST ${url} fields ${describeValue(plan.fields)} file ${describeValue(plan.file && { ...plan.file, bytes: content?.length })}`;
      const res = await checker.check(route, send, describeRequest);
      const filesAfter = await storedFiles();
      if (res.status >= 400 && filesAfter.length !== filesBefore.length) {
        throw new Error(`${route}: refused with ${res.status}, yet the document store gained ${filesAfter.filter((f) => !filesBefore.includes(f)).join(', ')}\n  request: ${describeRequest()}`);
      }
    }), fuzzParameters());
  }

  it('POST /api/v1/claims/:id/documents', async () => {
    await fuzzUpload('POST /api/v1/claims/:id/documents', 'hc.cadre1', async () => `${API}/claims/${await suite.ctx.claim('reported')}/documents`,
      { type: ['photo', 'id_card', 'fire_certificate', 'other'] },
      ['png', 'pdf', 'jpeg', 'empty', 'random', 'script-in-png', 'cut-png', 'pdf-header', 'oversized', 'text', 'zip', 'ledger']);
  }, fuzzTimeout());

  it('POST /api/v1/imports/claims', async () => {
    await fuzzUpload('POST /api/v1/imports/claims', 'hc.officer', async () => `${API}/imports/claims`,
      { districtCode: ['350205'], year: ['2022'], dryRun: ['true', 'false'] },
      ['ledger', 'hostile-ledger', 'hostile-ledger', 'foreign-ledger', 'empty', 'random', 'zip', 'png', 'oversized', 'text']);
  }, fuzzTimeout(1000));
});
