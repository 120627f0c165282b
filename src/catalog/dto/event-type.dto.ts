import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { formatMoney, IsMoney } from '../../common/money.js';
import type { EventType } from '../entities/event-type.entity.js';

export const EVENT_CATEGORIES = ['property', 'fraud', 'person', 'expense'] as const;
export const DOCUMENT_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class EventTypeDefaultsDto {
  @ApiProperty({ example: '10000.00' }) @IsMoney() perClaimLimit: string;
  @ApiProperty({ example: '0.00' }) @IsMoney() deductible: string;
  @ApiProperty({ example: 10000, description: 'basis points, 10000 = 100 %' })
  @IsInt() @Min(0) @Max(10000) payoutRatioBp: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(3650) reportWindowDays: number;
}

export class CreateEventTypeDto {
  @ApiProperty({ example: 'school_student_accident' })
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'code must be lower_snake_case' })
  code: string;

  @ApiProperty({ example: '中小学生意外伤害' }) @IsString() @MinLength(1) @MaxLength(100) nameZh: string;
  @ApiProperty({ example: 'Accident of a primary or middle-school student' }) @IsString() @MinLength(1) @MaxLength(200) nameEn: string;
  @ApiProperty({ enum: EVENT_CATEGORIES }) @IsIn(EVENT_CATEGORIES) category: string;

  @ApiProperty({ example: ['id_card', 'student_card', 'medical_invoice', 'bank_card'] })
  @IsArray() @ArrayMaxSize(20) @Matches(DOCUMENT_CODE, { each: true, message: 'each document must be a lower_snake_case code' })
  requiredDocuments: string[];

  @ApiProperty({ type: EventTypeDefaultsDto })
  @IsObject() @ValidateNested() @Type(() => EventTypeDefaultsDto)
  defaults: EventTypeDefaultsDto;
}

export class UpdateEventTypeDefaultsDto extends PartialType(EventTypeDefaultsDto) {}

/**
 * The fields an admin may change; the code is the key claims and coverages
 * name. A police report is required where `requiredDocuments` lists
 * `police_report`. Coverages already on policies copied the defaults and keep them.
 */
export class UpdateEventTypeDto extends PartialType(OmitType(CreateEventTypeDto, ['code', 'defaults'] as const)) {
  @ApiPropertyOptional({ type: UpdateEventTypeDefaultsDto, description: 'only the defaults given change' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UpdateEventTypeDefaultsDto)
  defaults?: UpdateEventTypeDefaultsDto;
}

export class EventTypeResponse {
  @ApiProperty({ example: 'fire' }) code: string;
  @ApiProperty({ example: '火灾' }) nameZh: string;
  @ApiProperty({ example: 'Fire damage to a home or shop' }) nameEn: string;
  @ApiProperty({ enum: EVENT_CATEGORIES }) category: string;
  @ApiProperty({ example: ['id_card', 'fire_certificate'] }) requiredDocuments: string[];
  @ApiProperty({ type: EventTypeDefaultsDto }) defaults: EventTypeDefaultsDto;
}

export function toEventTypeResponse(e: EventType): EventTypeResponse {
  return {
    code: e.code,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    category: e.category,
    requiredDocuments: e.requiredDocuments,
    defaults: {
      perClaimLimit: formatMoney(e.defaultPerClaimLimit),
      deductible: formatMoney(e.defaultDeductible),
      payoutRatioBp: e.defaultPayoutRatioBp,
      reportWindowDays: e.defaultReportWindowDays,
    },
  };
}
