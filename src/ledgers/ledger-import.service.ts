import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { claimNumber } from '../claims/claim-number.js';
import { ClaimWorkflow } from '../claims/claim-workflow.js';
import { ClaimsRepository, type HistoricalClaim } from '../claims/claims.repository.js';
import { shanghaiToday } from '../common/business-date.js';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { protectResidentPii } from '../residents/resident-pii.js';
import { CONTENT_TYPES, contentDisposition } from '../reports/report-file.js';
import { ResidentsRepository } from '../residents/residents.repository.js';
import type { ImportClaimsDto, ListImportsQuery, TemplateQuery, UploadedLedgerFile } from './dto/ledger.requests.js';
import { toLedgerImportResponse, type ImportResultResponse, type LedgerImportResponse } from './dto/ledger.responses.js';
import { checkLedgerRow, type CellError, type LedgerClaim, type LedgerTerms } from './ledger-columns.js';
import { MissingColumnsError, NotAWorkbookError, readLedger } from './ledger-reader.js';
import { ledgerTemplate } from './ledger-template.js';
import { LedgersRepository, type LedgerPolicy } from './ledgers.repository.js';

/** Rows checked against the database and written together: one resident lookup and a few inserts per batch. */
const BATCH_ROWS = 2000;

interface Person {
  name: string;
  row: number;
  residentId: string | null;
}

/** What an import learns as it streams through the ledger. */
interface ImportRun {
  importId: string;
  caller: AuthUser;
  dto: ImportClaimsDto;
  policy: LedgerPolicy;
  writes: boolean;
  errors: CellError[];
  rows: number;
  residentsCreated: number;
  /** Approved amounts of the policy, existing claims and rows so far. */
  approved: bigint;
  /** By ID number blind index: who the ledger (or the register) says holds it. */
  people: Map<string, Person>;
  firstSeq: number | null;
  lastSeq: number | null;
}

@Injectable()
export class LedgerImportService {
  constructor(
    private readonly db: Database,
    private readonly ledgers: LedgersRepository,
    private readonly regions: RegionsRepository,
    private readonly catalog: CatalogRepository,
    private readonly policies: PoliciesRepository,
    private readonly residents: ResidentsRepository,
    private readonly claims: ClaimsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {}

  /**
   * All or nothing: every row is checked, every failing cell listed, and only
   * a ledger without one is written, in one transaction with one audit event.
   * A dry run reads in a read-only snapshot and writes nothing.
   */
  async importClaims(caller: AuthUser, dto: ImportClaimsDto, file: UploadedLedgerFile | undefined): Promise<ImportResultResponse> {
    if (!file) throw DomainError.validation('file', 'an .xlsx ledger is required');
    await this.districtInScope(caller, dto.districtCode);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const earlier = await this.ledgers.findBySha256(this.db.manager, sha256);
    if (earlier) {
      throw DomainError.conflict(`This file was imported before, as import ${earlier.id} (${earlier.fileName})`, [{
        field: 'file', message: 'already imported', importId: earlier.id, fileName: earlier.fileName,
        importedAt: earlier.importedAt.toISOString(), importedBy: earlier.importedBy.username,
      }]);
    }
    const work = (tx: EntityManager) => this.run(tx, caller, dto, file, sha256);
    return dto.dryRun ? this.db.snapshot(work) : this.db.transaction(work);
  }

  async list(caller: AuthUser, query: ListImportsQuery): Promise<Page<LedgerImportResponse>> {
    const districtCode = caller.role === Role.Admin ? null : caller.districtCode ?? '';
    const [rows, total] = await this.ledgers.list(this.db.manager, districtCode, (query.page - 1) * query.pageSize, query.pageSize);
    return pageOf(rows.map(toLedgerImportResponse), total, query);
  }

  /** The empty ledger of a district, with its streets and (for a year) the events its policy covers in the drop-downs. */
  async template(caller: AuthUser, query: TemplateQuery): Promise<StreamableFile> {
    const districtCode = query.districtCode ?? caller.districtCode;
    if (!districtCode) throw DomainError.validation('districtCode', 'districtCode is required');
    await this.districtInScope(caller, districtCode);
    const streets = (await this.regions.listStreets(this.db.manager, districtCode)).map((street) => street.name);
    const policy = query.year === undefined ? null : await this.ledgers.findPolicyOfYear(this.db.manager, districtCode, query.year);
    if (query.year !== undefined && !policy) throw DomainError.rule('NO_POLICY_FOR_YEAR', `District ${districtCode} has no activated policy for ${query.year}`);
    const eventTypes = policy
      ? (await this.ledgers.coveragesOf(this.db.manager, policy.id)).map((coverage) => coverage.nameZh)
      : (await this.catalog.listAll(this.db.manager)).map((eventType) => eventType.nameZh);
    const suffix = query.year === undefined ? '' : `-${query.year}`;
    return new StreamableFile(await ledgerTemplate(streets, eventTypes), {
      type: CONTENT_TYPES.xlsx,
      disposition: contentDisposition({ ascii: `${districtCode}${suffix}-ledger-template.xlsx`, unicode: `${districtCode}${suffix}-理赔台账模板.xlsx` }),
    });
  }

  /** A district officer imports into their own district, an admin into any; others' districts are 404. */
  async districtInScope(caller: AuthUser, districtCode: string): Promise<void> {
    const district = caller.role === Role.Admin || caller.districtCode === districtCode
      ? await this.regions.findDistrict(this.db.manager, districtCode) : null;
    if (!district) throw DomainError.notFound('District');
  }

  private async run(tx: EntityManager, caller: AuthUser, dto: ImportClaimsDto, file: UploadedLedgerFile, sha256: string): Promise<ImportResultResponse> {
    const policy = await this.ledgers.findPolicyOfYear(tx, dto.districtCode, dto.year);
    if (!policy) throw DomainError.rule('NO_POLICY_FOR_YEAR', `District ${dto.districtCode} has no activated policy for ${dto.year}`);
    const writes = !dto.dryRun;
    // Imported paid claims use the aggregate limit: hold off approvals of the policy meanwhile, as an approval would.
    if (writes) await this.policies.findForUpdate(tx, policy.id);
    const terms = await this.terms(tx, dto.districtCode, policy);
    const used = (await this.policies.limitsUsed(tx, [policy.id])).get(policy.id)!.aggregateUsed;
    const run: ImportRun = {
      importId: randomUUID(), caller, dto, policy, writes, errors: [], rows: 0, residentsCreated: 0,
      approved: used, people: new Map(), firstSeq: null, lastSeq: null,
    };

    let batch: LedgerClaim[] = [];
    try {
      for await (const { row, cells } of readLedger(file.buffer)) {
        run.rows += 1;
        const checked = checkLedgerRow(row, cells, terms);
        run.errors.push(...checked.errors);
        if (checked.claim) batch.push(checked.claim);
        if (batch.length === BATCH_ROWS) {
          await this.checkAndWrite(tx, run, batch);
          batch = [];
        }
      }
    } catch (error) {
      if (error instanceof NotAWorkbookError) throw DomainError.validation('file', error.message);
      if (error instanceof MissingColumnsError) {
        throw new DomainError('VALIDATION_FAILED', 'The ledger lacks required columns', error.missing.map((column) => ({
          field: column, row: 1, column, message: 'column is missing from the header row',
        })));
      }
      throw error;
    }
    await this.checkAndWrite(tx, run, batch);

    if (run.rows === 0) throw DomainError.validation('file', 'the ledger has no data rows');
    if (run.errors.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `${run.errors.length} cells failed in the ledger; nothing was imported`,
        run.errors.map((error) => ({ field: error.column, ...error })));
    }
    const result = {
      importId: writes ? run.importId : null, rows: run.rows, claims: run.rows, residentsCreated: run.residentsCreated, dryRun: !writes,
      firstClaimNo: run.firstSeq === null ? null : claimNumber(dto.districtCode, dto.year, run.firstSeq),
      lastClaimNo: run.lastSeq === null ? null : claimNumber(dto.districtCode, dto.year, run.lastSeq),
    };
    if (writes) {
      await this.ledgers.insert(tx, {
        id: run.importId, districtCode: dto.districtCode, year: dto.year, policyId: policy.id, fileName: file.originalname.slice(0, 255),
        sha256, rows: run.rows, residentsCreated: run.residentsCreated, importedBy: caller.id,
      });
      await this.audit.record(tx, {
        actor: caller, action: 'ledger.import', entity: 'ledger_import', entityId: run.importId, districtCode: dto.districtCode,
        data: { fileName: file.originalname, sha256, year: dto.year, policyNo: policy.policyNo, rows: run.rows,
          residentsCreated: run.residentsCreated, firstClaimNo: result.firstClaimNo, lastClaimNo: result.lastClaimNo },
      });
    }
    return result;
  }

  private async terms(tx: EntityManager, districtCode: string, policy: LedgerPolicy): Promise<LedgerTerms> {
    const streets = new Map<string, string>();
    for (const street of await this.regions.listStreets(tx, districtCode)) {
      streets.set(street.code, street.code);
      streets.set(street.name, street.code);
    }
    const coverages = new Map<string, { coverageId: string; eventType: string; perClaimLimit: bigint }>();
    for (const { nameZh, ...coverage } of await this.ledgers.coveragesOf(tx, policy.id)) {
      coverages.set(coverage.eventType, coverage);
      coverages.set(nameZh, coverage);
    }
    const eventTypes = new Map<string, string>();
    for (const eventType of await this.catalog.listAll(tx)) {
      eventTypes.set(eventType.code, eventType.code);
      eventTypes.set(eventType.nameZh, eventType.code);
    }
    return { periodStart: policy.periodStart, periodEnd: policy.periodEnd, today: shanghaiToday(), streets, coverages, eventTypes };
  }

  /**
   * The checks that need the register or earlier rows: one person per ID
   * number, and the policy's aggregate limit. While the ledger is clean, the
   * batch is written: new residents, then the claims through the workflow.
   */
  private async checkAndWrite(tx: EntityManager, run: ImportRun, batch: LedgerClaim[]): Promise<void> {
    if (batch.length === 0) return;
    const indexes = batch.map((claim) => this.crypto.blindIndex(claim.idNumber));
    const registered = await this.residents.findByIdNumberIndexes(tx, [...new Set(indexes.filter((index) => !run.people.has(index)))]);
    for (const [index, resident] of registered) run.people.set(index, { name: resident.name, row: 0, residentId: resident.id });
    const newcomers: { claim: LedgerClaim; index: string }[] = [];
    for (const [i, claim] of batch.entries()) {
      const known = run.people.get(indexes[i]);
      if (!known) {
        run.people.set(indexes[i], { name: claim.name, row: claim.row, residentId: null });
        newcomers.push({ claim, index: indexes[i] });
      } else if (known.name !== claim.name) {
        run.errors.push({
          row: claim.row, column: '姓名',
          message: known.row === 0 ? 'differs from the name of the registered resident with this ID number'
            : `differs from the name given for this ID number in row ${known.row}`,
        });
      }
      if (claim.outcome === 'paid') {
        run.approved += claim.paid!;
        if (run.approved > run.policy.aggregateLimit) {
          run.errors.push({ row: claim.row, column: '赔付金额', message: "takes the paid total past the policy's aggregate limit" });
        }
      }
    }
    run.residentsCreated += newcomers.length;
    if (!run.writes || run.errors.length > 0) return;

    const residentIds = await this.residents.insertMany(tx, newcomers.map(({ claim }) => ({
      name: claim.name,
      ...protectResidentPii(this.crypto, claim.idNumber, claim.phone),
      districtCode: run.dto.districtCode,
      streetCode: claim.streetCode,
      // A ledger records neither; the resident's record can be completed later.
      address: '',
      coverBasis: 'resident',
      createdBy: run.caller.id,
    })));
    for (const [index, id] of residentIds) run.people.get(index)!.residentId = id;

    const firstSeq = await this.claims.nextSeq(tx, run.dto.districtCode, run.dto.year, batch.length);
    run.firstSeq ??= firstSeq;
    run.lastSeq = firstSeq + batch.length - 1;
    const claims: HistoricalClaim[] = batch.map((claim, i) => ({
      claimNo: claimNumber(run.dto.districtCode, run.dto.year, firstSeq + i),
      districtCode: run.dto.districtCode,
      year: run.dto.year,
      seq: firstSeq + i,
      streetCode: claim.streetCode,
      policyId: run.policy.id,
      insurerId: run.policy.insurerId,
      coverageId: claim.coverage.coverageId,
      eventType: claim.coverage.eventType,
      residentId: run.people.get(indexes[i])!.residentId!,
      incidentDate: claim.incidentDate,
      incidentPlace: claim.incidentPlace,
      description: claim.remark,
      claimedAmount: claim.claimed,
      assessedAmount: claim.outcome === 'paid' ? claim.assessed ?? claim.paid : claim.outcome === 'denied' ? claim.assessed : null,
      approvedAmount: claim.paid,
      paidAmount: claim.paid,
      reportedBy: run.caller.id,
      reportedAt: shanghaiMidnight(claim.reportDate),
      paidAt: claim.paidDate === null ? null : shanghaiMidnight(claim.paidDate),
      ledgerImportId: run.importId,
      ledgerRow: claim.row,
      outcome: claim.outcome,
    }));
    await this.workflow.importHistorical(tx, claims, run.caller, run.importId);
  }
}

/** A ledger records days, not moments: a day's event is placed at its start, Beijing time. */
function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
