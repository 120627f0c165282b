import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The text fields of the multipart upload (the file itself is `file`). */
export class ImportClaimsDto {
  @ApiProperty({ example: '350205' })
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string;

  @ApiProperty({ example: 2022, description: 'the policy year the ledger belongs to' })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: false, description: 'true: check every row and answer 200, writing nothing' })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  dryRun?: boolean;
}

export class TemplateQuery {
  @ApiPropertyOptional({ example: '350205', description: "the district whose streets the 街道 list offers; a district officer's own by default" })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode?: string;

  @ApiPropertyOptional({ example: 2022, description: "the 事件类型 list offers the events this year's policy covers; without it, the whole catalogue" })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

export class ListImportsQuery extends PageQuery {}

/** The part of a multer file the import reads. */
export interface UploadedLedgerFile {
  originalname: string;
  buffer: Buffer;
}
