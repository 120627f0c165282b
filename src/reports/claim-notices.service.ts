import { Injectable, type StreamableFile } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { ClaimNoticesRepository, type NoticeRow } from './claim-notices.repository.js';
import type { NoticeClaim } from './render/report-types.js';
import { denialNoticeFileName, payoutNoticeFileName, reportFile, type ReportFileName } from './report-file.js';

/** The notices' renderer, and pdfkit with it, loads with the first notice asked for: the app need not hold it otherwise. */
const notices = () => import('./render/notice-pdf.js');

interface Letter<T extends NoticeClaim> {
  find: (caller: AuthUser, claimId: string) => Promise<NoticeRow<T> | null>;
  /** What the claim must have reached, for the 409. */
  state: string;
  render: (notice: T) => Promise<Buffer>;
  fileName: (claimNo: string) => ReportFileName;
  action: string;
}

/** The letters a resident is handed: 理赔通知书 once paid, 拒赔通知书 once denied. */
@Injectable()
export class ClaimNoticesService {
  constructor(
    private readonly db: Database,
    private readonly notices: ClaimNoticesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The payout notice (理赔通知书) of a paid claim in the caller's scope; 409 before payment. */
  payoutNotice(caller: AuthUser, claimId: string): Promise<StreamableFile> {
    return this.letter(caller, claimId, {
      find: (user, id) => this.notices.findPayoutNotice(this.db.manager, user, id),
      state: 'paid', render: async (notice) => (await notices()).renderPayoutNoticePdf(notice), fileName: payoutNoticeFileName, action: 'claim.notice_export',
    });
  }

  /** The refusal notice (拒赔通知书) of a denied claim in the caller's scope; 409 unless denied. */
  denialNotice(caller: AuthUser, claimId: string): Promise<StreamableFile> {
    return this.letter(caller, claimId, {
      find: (user, id) => this.notices.findDenialNotice(this.db.manager, user, id),
      state: 'denied', render: async (notice) => (await notices()).renderDenialNoticePdf(notice), fileName: denialNoticeFileName, action: 'claim.denial_notice_export',
    });
  }

  /** Rendered first, then recorded in a transaction of its own, so rendering never holds the audit chain. */
  private async letter<T extends NoticeClaim>(caller: AuthUser, claimId: string, letter: Letter<T>): Promise<StreamableFile> {
    const found = await letter.find(caller, claimId);
    if (!found) throw DomainError.notFound('Claim');
    if (!found.notice) {
      throw DomainError.invalidTransition(found.status, `This notice exists only once a claim is ${letter.state}; this one is ${found.status}`);
    }
    const notice = { ...found.notice, generatedAt: new Date().toISOString() } as T;
    const pdf = await letter.render(notice);
    await this.db.transaction((tx) => this.audit.record(tx, {
      actor: caller, action: letter.action, entity: 'claim', entityId: claimId, districtCode: found.districtCode,
      data: { claimNo: notice.claimNo },
    }));
    return reportFile(pdf, 'pdf', letter.fileName(notice.claimNo));
  }
}
