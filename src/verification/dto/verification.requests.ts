import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { IsTimestamp, TIMESTAMP_EXAMPLE } from '../../common/timestamp.js';

export const RECOMMENDATIONS = ['pay', 'deny'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

const NOT_BLANK = /\S/;

export class RecordVerificationDto {
  @ApiProperty({ example: TIMESTAMP_EXAMPLE, description: 'When the site visit took place' })
  @IsTimestamp()
  visitedAt: string;

  @ApiProperty({ example: ['海沧街道 黄网格', '人保理赔员 张敏', '店主 李建国'], description: 'People present, including the insurer’s staff' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30)
  @IsString({ each: true }) @MaxLength(100, { each: true }) @Matches(NOT_BLANK, { each: true, message: 'each participant must be a name' })
  participants: string[];

  @ApiProperty({ example: '店铺后仓电线老化起火，货架及库存烧毁，消防出具火灾事故认定书。' })
  @IsString() @MaxLength(5000) @Matches(NOT_BLANK, { message: 'findings must not be blank' })
  findings: string;

  @ApiProperty({ example: '40000.00', description: 'Loss confirmed on site, in yuan' })
  @IsMoney()
  verifiedLoss: string;

  @ApiProperty({ enum: RECOMMENDATIONS, example: 'pay' })
  @IsIn(RECOMMENDATIONS)
  recommendation: Recommendation;

  @ApiPropertyOptional({
    example: '现场核实后仓另有库存烧毁，报案时未计入',
    description: 'Why the verified loss is above the claimed amount; required then (the claim is flagged LOSS_ABOVE_CLAIM), refused otherwise',
  })
  @IsOptional() @IsString() @MaxLength(1000) @Matches(NOT_BLANK, { message: 'lossAboveClaimReason must not be blank' })
  lossAboveClaimReason?: string;
}

export class ReturnClaimDto {
  @ApiProperty({ example: '请补充消防部门出具的火灾事故认定书', description: 'What the cadre must add before resubmitting' })
  @IsString() @MaxLength(1000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}
