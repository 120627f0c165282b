import { ApiProperty } from '@nestjs/swagger';
import { COVER_BASES, type CoverBasis, type Resident } from '../entities/resident.entity.js';

export class ResidentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈美玲' }) name: string;
  @ApiProperty({ example: '350205********100X' }) idNumberMasked: string;
  @ApiProperty({ example: '138****5678' }) phoneMasked: string;
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '350205001' }) streetCode: string;
  @ApiProperty({ example: '厦门市海沧区海沧街道新垵村128号' }) address: string;
  @ApiProperty({ enum: COVER_BASES }) coverBasis: CoverBasis;
  @ApiProperty() createdAt: string;
}

export function toResidentResponse(resident: Resident): ResidentResponse {
  return {
    id: resident.id,
    name: resident.name,
    idNumberMasked: resident.idNumberMasked,
    phoneMasked: resident.phoneMasked,
    districtCode: resident.districtCode,
    streetCode: resident.streetCode,
    address: resident.address,
    coverBasis: resident.coverBasis,
    createdAt: resident.createdAt.toISOString(),
  };
}

/** The decrypted personal data; only from the audited reveal endpoint. */
export class RevealedResidentResponse {
  @ApiProperty({ example: '35020519880808100X' }) idNumber: string;
  @ApiProperty({ example: '13812345678' }) phone: string;
}
