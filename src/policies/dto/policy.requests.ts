import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { DOCUMENT_CODE } from '../../catalog/dto/event-type.dto.js';
import { IsBusinessDate } from '../../common/business-date.js';
import { IsMoney } from '../../common/money.js';
import { PageQuery } from '../../common/pagination.js';
import { PolicyDeadlinesDto } from '../../deadlines/dto/deadline.dto.js';
import type { PolicyStatus } from '../entities/policy.entity.js';

export const POLICY_STATUSES: readonly PolicyStatus[] = ['draft', 'active', 'expired'];

/** One covered event type; every omitted (or null) field takes the event type's catalogue default. */
export class CoverageDto {
  @ApiProperty({ example: 'fire', description: 'an event type code from GET /event-types' })
  @IsString() @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'eventType must be a lower_snake_case event type code' })
  eventType: string;

  @ApiPropertyOptional({ nullable: true, example: '50000.00', description: 'default: the event type\'s perClaimLimit' })
  @IsOptional() @IsMoney()
  perClaimLimit?: string;

  @ApiPropertyOptional({ nullable: true, example: '50000.00', description: 'default: this coverage\'s perClaimLimit' })
  @IsOptional() @IsMoney()
  perPersonAnnualLimit?: string;

  @ApiPropertyOptional({ nullable: true, example: '500.00', description: 'default: the event type\'s deductible' })
  @IsOptional() @IsMoney()
  deductible?: string;

  @ApiPropertyOptional({ nullable: true, example: 10000, minimum: 0, maximum: 10000, description: 'basis points, 10000 = 100 %' })
  @IsOptional() @IsInt() @Min(0) @Max(10000)
  payoutRatioBp?: number;

  @ApiPropertyOptional({ nullable: true, example: 30, minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  reportWindowDays?: number;

  @ApiPropertyOptional({ nullable: true, example: ['id_card', 'fire_certificate', 'loss_list', 'bank_card'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20)
  @Matches(DOCUMENT_CODE, { each: true, message: 'each document must be a lower_snake_case code' })
  requiredDocuments?: string[];
}

export class CreatePolicyDto {
  @ApiProperty({ example: 'PICC-ZZ-350205-2027', maxLength: 64 })
  @IsString() @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { message: 'policyNo must be letters, digits, dots, dashes, slashes or underscores' })
  policyNo: string;

  @ApiProperty({ example: '350205' })
  @IsString() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string;

  @ApiProperty({ format: 'uuid', example: '8b0c7a52-3f1e-4c1a-9d53-2a6f0e1c0001' })
  @IsUUID()
  insurerId: string;

  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 })
  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ example: '2027-01-01' })
  @IsBusinessDate()
  periodStart: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsBusinessDate()
  periodEnd: string;

  @ApiProperty({ example: '2000000.00' })
  @IsMoney()
  premium: string;

  @ApiProperty({ example: '5000000.00', description: '年度累计赔偿限额, greater than zero' })
  @IsMoney()
  aggregateLimit: string;

  @ApiProperty({ example: '50000.00', description: 'claims above this need a second, manager approval' })
  @IsMoney()
  fourEyesThreshold: string;

  @ApiPropertyOptional({ type: PolicyDeadlinesDto, description: 'service deadlines (时效); omitted ones take the defaults' })
  @IsOptional() @ValidateNested() @Type(() => PolicyDeadlinesDto)
  deadlines?: PolicyDeadlinesDto;

  @ApiProperty({ type: [CoverageDto], description: 'one per covered event type; may be empty while draft' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CoverageDto)
  coverages: CoverageDto[];
}

/**
 * Any term of a draft; `coverages`, when sent, replaces the whole list. The
 * district never changes. A field sent as null is rejected, not cleared.
 */
export class UpdatePolicyDto extends PartialType(OmitType(CreatePolicyDto, ['districtCode'] as const), { skipNullProperties: false }) {}

export class ListPoliciesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '350205' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode?: string;

  @ApiPropertyOptional({ example: 2022 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @IsOptional() @IsIn(POLICY_STATUSES)
  status?: PolicyStatus;
}
