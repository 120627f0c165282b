import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportFileFormat = Exclude<ReportFormat, 'json'>;

export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEAR = 2100;
export const MAX_MULTI_YEAR_SPAN = 20;

// Only plain digits become a number: Number() would also accept "0x7E6", "2e3" or " 2022 ".
const toYear = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value);

/** `to` is not before `from` and the range covers at most MAX_MULTI_YEAR_SPAN years. */
function IsYearRangeEnd(): PropertyDecorator {
  return (object: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isYearRangeEnd',
      target: object.constructor,
      propertyName: propertyName as string,
      validator: {
        validate(to: unknown, args: ValidationArguments): boolean {
          const { from } = args.object as { from?: unknown };
          return typeof to === 'number' && typeof from === 'number' && to >= from && to - from < MAX_MULTI_YEAR_SPAN;
        },
        defaultMessage: () => `to must not be before from, and the range may cover at most ${MAX_MULTI_YEAR_SPAN} years`,
      },
    });
  };
}

export class AnnualReportQuery {
  @ApiProperty({ example: '350205', description: 'GB/T 2260 district code' })
  @IsString() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string;

  @ApiProperty({ example: 2022, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR, description: 'policy year' })
  @Transform(toYear) @IsInt() @Min(MIN_REPORT_YEAR) @Max(MAX_REPORT_YEAR)
  year: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', example: 'pdf' })
  @IsOptional() @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}

export class MultiYearReportQuery {
  @ApiProperty({ example: '350205', description: 'GB/T 2260 district code' })
  @IsString() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string;

  @ApiProperty({ example: 2018, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR })
  @Transform(toYear) @IsInt() @Min(MIN_REPORT_YEAR) @Max(MAX_REPORT_YEAR)
  from: number;

  @ApiProperty({ example: 2022, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR, description: `from ≤ to, at most ${MAX_MULTI_YEAR_SPAN} years` })
  @Transform(toYear) @IsInt() @Min(MIN_REPORT_YEAR) @Max(MAX_REPORT_YEAR) @IsYearRangeEnd()
  to: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', example: 'xlsx' })
  @IsOptional() @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}
