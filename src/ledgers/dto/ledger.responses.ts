import { ApiProperty } from '@nestjs/swagger';
import type { LedgerImportRow } from '../ledgers.repository.js';

export class ImportResultResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a dry run' }) importId: string | null;
  @ApiProperty({ example: 1200, description: 'data rows of the ledger' }) rows: number;
  @ApiProperty({ example: 1200, description: 'claims created (would be created, for a dry run)' }) claims: number;
  @ApiProperty({ example: 950, description: 'residents created; the others were matched by ID number' }) residentsCreated: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: String, example: '350205-2022-000001', nullable: true }) firstClaimNo: string | null;
  @ApiProperty({ type: String, example: '350205-2022-001200', nullable: true }) lastClaimNo: string | null;
}

class ImporterResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'hc.officer' }) username: string;
  @ApiProperty({ example: '海沧区政法委 王主任' }) displayName: string;
}

export class LedgerImportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: 2022 }) year: number;
  @ApiProperty({ example: '海沧区2022年综治保险理赔台账.xlsx' }) fileName: string;
  @ApiProperty({ example: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c' }) sha256: string;
  @ApiProperty({ example: 1200 }) rows: number;
  @ApiProperty({ example: 950 }) residentsCreated: number;
  @ApiProperty({ type: ImporterResponse }) importedBy: ImporterResponse;
  @ApiProperty({ format: 'date-time' }) importedAt: string;
}

export function toLedgerImportResponse(row: LedgerImportRow): LedgerImportResponse {
  return { ...row, importedAt: row.importedAt.toISOString() };
}
