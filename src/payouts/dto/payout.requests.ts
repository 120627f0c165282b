import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { IsTimestamp, TIMESTAMP_EXAMPLE } from '../../common/timestamp.js';

const NOT_BLANK = /\S/;

export class AssessmentDto {
  @ApiPropertyOptional({ example: '30000.00', description: 'Payable amount; omit to accept the quote. May only be lower than the quote.' })
  @IsOptional() @IsMoney()
  amount?: string;

  @ApiPropertyOptional({ example: '部分库存为他人寄售，不属被保险人财产', description: 'Required when amount is below the quote' })
  @IsOptional() @IsString() @MaxLength(1000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason?: string;
}

export const DECISIONS = ['approve', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS, example: 'approve' })
  @IsIn(DECISIONS)
  decision: Decision;

  @ApiPropertyOptional({ example: 'insufficient_evidence', description: 'Required for a denial: a code of GET /denial-reasons (another code is a 400)' })
  @ValidateIf((dto: DecisionDto) => dto.decision === 'deny' || dto.reasonCode !== undefined)
  @IsString() @MaxLength(30)
  reasonCode?: string;

  @ApiPropertyOptional({ example: '经核查损失属实，同意赔付' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class PaymentDto {
  @ApiProperty({ example: TIMESTAMP_EXAMPLE, description: 'When the bank transfer was made' })
  @IsTimestamp()
  paidAt: string;

  @ApiProperty({ example: 'ICBC-20220620-000381', description: 'The bank transfer reference' })
  @IsString() @MaxLength(100) @Matches(NOT_BLANK, { message: 'bankReference must not be blank' })
  bankReference: string;
}
