import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { District } from '../entities/district.entity.js';
import type { Street } from '../entities/street.entity.js';

export class CreateDistrictDto {
  @ApiProperty({ example: '350205', description: 'GB/T 2260 code' })
  @Matches(/^\d{6}$/, { message: 'code must be a 6-digit GB/T 2260 code' })
  code: string;

  @ApiProperty({ example: '海沧区' })
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;
}

export class CreateStreetDto {
  @ApiProperty({ example: '350205001', description: 'district code + 3 digits' })
  @Matches(/^\d{9}$/, { message: 'code must be a 9-digit street code' })
  code: string;

  @ApiProperty({ example: '海沧街道' })
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;
}

export class DistrictResponse {
  @ApiProperty({ example: '350205' }) code: string;
  @ApiProperty({ example: '海沧区' }) name: string;
}

export class StreetResponse {
  @ApiProperty({ example: '350205001' }) code: string;
  @ApiProperty({ example: '海沧街道' }) name: string;
  @ApiProperty({ example: '350205' }) districtCode: string;
}

export const toDistrictResponse = (d: District): DistrictResponse => ({ code: d.code, name: d.name });
export const toStreetResponse = (s: Street): StreetResponse => ({ code: s.code, name: s.name, districtCode: s.districtCode });
