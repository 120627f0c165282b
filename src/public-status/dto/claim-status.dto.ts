import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import type { ClaimStatus } from '../../claims/claim-status.js';
import { CLAIM_STATUSES } from '../../claims/claim-status.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class ClaimStatusLookupDto {
  @ApiProperty({ example: '350205-2022-000123', description: 'the claim number on the resident\'s receipt' })
  @Transform(upper) @IsString() @Matches(/^\d{6}-\d{4}-\d{6}$/, { message: 'claimNo must look like 350205-2022-000123' })
  claimNo: string;

  @ApiProperty({ example: '12345X', description: 'the last six characters of the insured resident\'s ID number' })
  @Transform(upper) @IsString() @Matches(/^\d{5}[\dX]$/, { message: 'idNumberLast6 must be the last six characters of an ID number' })
  idNumberLast6: string;
}

/** A claim's progress as the resident may see it: nothing personal. */
export class ClaimStatusResponse {
  @ApiProperty({ example: '350205-2022-000123' }) claimNo: string;
  @ApiProperty({ example: 'fire' }) eventType: string;
  @ApiProperty({ example: '火灾' }) eventTypeZh: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ example: '现场核查中' }) statusZh: string;
  @ApiProperty({ format: 'date-time', description: 'when the claim was reported' }) filedAt: string;
  @ApiProperty({ format: 'date-time', description: 'the claim\'s last change of state' }) lastChangeAt: string;
  @ApiProperty({ example: '街镇综治干部正在现场核查，请保持电话畅通。' }) nextStep: string;
  @ApiPropertyOptional({ example: '35000.00', description: 'once paid' }) paidAmount?: string;
}
