import { Injectable, StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { Database } from '../database/database.js';
import { CONTENT_TYPES, contentDisposition } from '../reports/report-file.js';
import { ledgerOutcomeOf } from '../claims/claim-workflow.js';
import { ClaimListRepository, type ClaimExportRow, type ClaimListFilter } from '../claims/claim-list.repository.js';
import type { ExportClaimsQuery } from '../claims/dto/claim.requests.js';
import { writeLedgerWorkbook, type LedgerExportRow } from './ledger-workbook.js';

/** Claims read per query while the workbook streams out. */
const PAGE_ROWS = 2000;

@Injectable()
export class LedgerExportService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimListRepository,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller's claims matching the list filters as a ledger in the import's
   * columns. ID numbers and phones are masked; unmasked, it is a district
   * officer's audited disclosure of every listed resident's, as a reveal is.
   * The export is recorded before the first byte leaves.
   */
  async export(caller: AuthUser, query: ExportClaimsQuery): Promise<StreamableFile> {
    if (query.from && query.to && query.from > query.to) throw DomainError.validation('to', 'to must not be before from');
    const { unmasked = false, ...asked } = query;
    const filter = { ...asked, today: this.clock.today() };
    if (unmasked && caller.role !== Role.DistrictOfficer) throw DomainError.forbidden('Only district officers may export ID numbers and phones unmasked');
    await this.db.transaction(async (tx) => {
      const rows = await this.claims.countInScope(tx, caller, filter);
      await this.audit.record(tx, {
        actor: caller, action: unmasked ? 'claims.export_unmasked' : 'claims.export', entity: 'claim', districtCode: caller.districtCode ?? null,
        data: { filter: asked, rows, ...(unmasked ? { fields: ['idNumber', 'phone'] } : {}) },
      });
    });

    const output = new PassThrough();
    writeLedgerWorkbook(output, this.pages(caller, filter, unmasked)).catch((error: unknown) => output.destroy(error as Error));
    const scope = caller.districtCode ?? caller.streetCode ?? 'all';
    return new StreamableFile(output, {
      type: CONTENT_TYPES.xlsx,
      disposition: contentDisposition({ ascii: `${scope}-claims-ledger.xlsx`, unicode: `${scope}-理赔台账${unmasked ? '-未脱敏' : ''}.xlsx` }),
    });
  }

  private async *pages(caller: AuthUser, filter: ClaimListFilter, unmasked: boolean): AsyncGenerator<LedgerExportRow[]> {
    let after = '';
    for (;;) {
      const page = await this.claims.exportPage(this.db.manager, caller, filter, after, PAGE_ROWS, unmasked);
      if (page.length === 0) return;
      yield page.map((row) => this.toLedgerRow(row, unmasked));
      after = page[page.length - 1].claimNo;
    }
  }

  private toLedgerRow(row: ClaimExportRow, unmasked: boolean): LedgerExportRow {
    const outcome = ledgerOutcomeOf(row.status, row.paidAmount !== null);
    return {
      claimNo: row.claimNo, reportDate: row.reportDate, incidentDate: row.incidentDate, streetName: row.streetName,
      residentName: row.residentName,
      idNumber: unmasked ? this.crypto.decrypt(row.idNumber) : row.idNumber,
      phone: unmasked ? this.crypto.decrypt(row.phone) : row.phone,
      eventTypeNameZh: row.eventTypeNameZh, incidentPlace: row.incidentPlace,
      claimed: BigInt(row.claimedAmount),
      // The import takes an assessed amount only with a decision: a claim still in review shows none.
      assessed: (outcome === 'paid' || outcome === 'denied') && row.assessedAmount !== null ? BigInt(row.assessedAmount) : null,
      paid: row.paidAmount === null ? null : BigInt(row.paidAmount),
      paidDate: row.paidDate, outcome, remark: row.description,
    };
  }
}
