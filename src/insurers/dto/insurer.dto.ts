import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Insurer } from '../entities/insurer.entity.js';

export class CreateInsurerDto {
  @ApiProperty({ example: '中国人民财产保险股份有限公司厦门市分公司' })
  @IsString() @MinLength(2) @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '人保财险厦门分公司' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  shortName?: string;
}

export class InsurerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) shortName: string | null;
}

export const toInsurerResponse = (i: Insurer): InsurerResponse => ({ id: i.id, name: i.name, shortName: i.shortName });
