import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DOCUMENT_CODE } from '../../catalog/dto/event-type.dto.js';
import { IsBusinessDate } from '../../common/business-date.js';
import { IsMoney, MONEY_EXAMPLE } from '../../common/money.js';
import { PageQuery } from '../../common/pagination.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status.js';
import { FLAG_CODES, type FlagCode } from '../entities/claim-flag.entity.js';

const EVENT_TYPE_CODE = /^[a-z][a-z0-9_]{1,49}$/;
const NOT_BLANK = /\S/;

export class PayeeDto {
  @ApiProperty({ example: '陈美玲' })
  @IsString() @MinLength(1) @MaxLength(100) @Matches(NOT_BLANK, { message: 'accountName must not be blank' })
  accountName: string;

  @ApiProperty({ example: '中国工商银行厦门海沧支行' })
  @IsString() @MinLength(1) @MaxLength(100) @Matches(NOT_BLANK, { message: 'bankName must not be blank' })
  bankName: string;

  @ApiProperty({ example: '6222021234567890123', description: 'digits, spaces allowed between groups; stored encrypted, answered masked' })
  @IsString() @MaxLength(40) @Matches(/^\d(?: ?\d){7,29}$/, { message: 'accountNo must be 8 to 30 digits' })
  accountNo: string;
}

export class CreateClaimDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ example: 'burglary', description: 'an event type code of the catalogue' })
  @IsString() @Matches(EVENT_TYPE_CODE, { message: 'eventType must be an event type code such as "burglary"' })
  eventType: string;

  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD, Asia/Shanghai; not in the future' })
  @IsBusinessDate()
  incidentDate: string;

  @ApiProperty({ example: '海沧街道新垵村128号' })
  @IsString() @MinLength(1) @MaxLength(300) @Matches(NOT_BLANK, { message: 'incidentPlace must not be blank' })
  incidentPlace: string;

  @ApiProperty({ example: '夜间入室盗窃，丢失现金及电动车一辆。' })
  @IsString() @MinLength(1) @MaxLength(4000) @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description: string;

  @ApiProperty({ example: MONEY_EXAMPLE })
  @IsMoney()
  claimedAmount: string;

  @ApiPropertyOptional({ type: String, example: 'J3502052026112000001', nullable: true, description: '报警回执号; required when the event needs a police report; null means none' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64) @Matches(NOT_BLANK, { message: 'policeReportNo must not be blank' })
  policeReportNo?: string | null;

  @ApiProperty({ type: PayeeDto })
  @IsObject() @ValidateNested() @Type(() => PayeeDto)
  payee: PayeeDto;
}

/** A query list: `a,b`, `x=a&x=b` or both, as one array of trimmed values. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
    : value;

/** The filters of the claim list, shared by the ledger export. */
export class ClaimFilterQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, isArray: true, description: 'any of these statuses: repeated (status=a&status=b) and/or comma-separated (status=a,b)' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(CLAIM_STATUSES.length * 2)
  @IsIn(CLAIM_STATUSES, { each: true, message: `status must be among ${CLAIM_STATUSES.join(', ')}` })
  status?: ClaimStatus[];

  @ApiPropertyOptional({ enum: FLAG_CODES, isArray: true, description: 'claims carrying any of these flags: repeated and/or comma-separated' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(FLAG_CODES.length * 2)
  @IsIn(FLAG_CODES, { each: true, message: `flags must be among ${FLAG_CODES.join(', ')}` })
  flags?: FlagCode[];

  @ApiPropertyOptional({ example: true, description: 'true: only claims with a running deadline past its due date; false: only the others' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'fire' })
  @IsOptional() @Matches(EVENT_TYPE_CODE, { message: 'eventType must be an event type code such as "fire"' })
  eventType?: string;

  @ApiPropertyOptional({ example: '350205001' })
  @IsOptional() @Matches(/^\d{9}$/, { message: 'streetCode must be 9 digits' })
  streetCode?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'incident date on or after' })
  @IsOptional() @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'incident date on or before' })
  @IsOptional() @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ example: '350205-2026', description: 'part of the claim number, the resident name, the incident place or the police report number' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  q?: string;
}

export class ListClaimsQuery extends IntersectionType(PageQuery, ClaimFilterQuery) {}

export class ExportClaimsQuery extends ClaimFilterQuery {
  @ApiPropertyOptional({ example: false, description: 'true: ID numbers and phones in full (district officers only; audited as claims.export_unmasked)' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  unmasked?: boolean;
}

export class WithdrawClaimDto {
  @ApiProperty({ example: '当事人已与对方和解，撤回报案' })
  @IsString() @MinLength(1) @MaxLength(1000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class UploadDocumentDto {
  @ApiProperty({ example: 'police_report', description: "one of the event's required documents, or photo / other" })
  @IsString() @Matches(DOCUMENT_CODE, { message: 'type must be a document code such as "police_report"' })
  type: string;
}

/** The part of a multer file this module reads. */
export interface UploadedDocumentFile {
  originalname: string;
  buffer: Buffer;
}
