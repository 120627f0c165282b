import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, registerDecorator } from 'class-validator';
import { validateIdNumber } from '../../common/id-number.js';
import { validateMobilePhone } from '../../common/masking.js';
import { PageQuery } from '../../common/pagination.js';
import { COVER_BASES, type CoverBasis } from '../entities/resident.entity.js';

/** GB 11643 checksum and birth date; the message names the problem, never the value. */
function IsIdNumber(): PropertyDecorator {
  return (object, propertyName) => registerDecorator({
    name: 'isIdNumber', target: object.constructor, propertyName: propertyName as string,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 40 && validateIdNumber(value).ok,
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        const result = typeof value === 'string' && value.length <= 40 ? validateIdNumber(value) : null;
        return result && !result.ok ? result.reason : 'ID number must be an 18-character GB 11643 number';
      },
    },
  });
}

function IsPhone(): PropertyDecorator {
  return (object, propertyName) => registerDecorator({
    name: 'isPhone', target: object.constructor, propertyName: propertyName as string,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && validateMobilePhone(value),
      defaultMessage: () => 'phone must be a mobile number (11 digits starting with 1, e.g. 138xxxxxxxx) or a landline with its area code (0592-1234567)',
    },
  });
}

export class CreateResidentDto {
  @ApiProperty({ example: '陈美玲' })
  @IsString() @MaxLength(100) @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ example: '35020519880808100X', description: 'GB 11643 citizen ID number; stored encrypted, answered masked' })
  @IsIdNumber()
  idNumber: string;

  @ApiProperty({ example: '13812345678', description: 'stored encrypted, answered masked' })
  @IsPhone()
  phone: string;

  @ApiProperty({ example: '350205001' })
  @Matches(/^\d{9}$/, { message: 'streetCode must be 9 digits' })
  streetCode: string;

  @ApiProperty({ example: '厦门市海沧区海沧街道新垵村128号' })
  @IsString() @MaxLength(300) @Matches(/\S/, { message: 'address must not be blank' })
  address: string;

  @ApiProperty({ enum: COVER_BASES, example: 'registered' })
  @IsIn(COVER_BASES)
  coverBasis: CoverBasis;
}

export class ListResidentsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '35020519880808100X', description: 'exact match through the blind index' })
  @IsOptional() @IsString() @MaxLength(40)
  idNumber?: string;

  @ApiPropertyOptional({ example: '陈', description: 'part of the name' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '350205001' })
  @IsOptional() @Matches(/^\d{9}$/, { message: 'streetCode must be 9 digits' })
  streetCode?: string;
}
