import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsBusinessDate } from '../../common/business-date.js';

export class CalendarYearDto {
  @ApiProperty({ example: ['2026-10-01', '2026-10-02'], description: 'public holidays (法定节假日) of the year' })
  @IsArray() @ArrayMaxSize(366) @IsBusinessDate({ each: true })
  holidays: string[];

  @ApiProperty({ example: ['2026-09-20', '2026-10-10'], description: 'weekend days worked in exchange (调休上班日)' })
  @IsArray() @ArrayMaxSize(366) @IsBusinessDate({ each: true })
  workdays: string[];
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: ['2026-10-01', '2026-10-02'] }) holidays: string[];
  @ApiProperty({ example: ['2026-09-20', '2026-10-10'] }) workdays: string[];
}
