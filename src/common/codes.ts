import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error.js';

@Injectable()
export class DistrictCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{6}$/.test(value)) throw DomainError.validation('code', 'district code must be 6 digits');
    return value;
  }
}

/** A calendar year in the range policies may have (2000–2100). */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
      throw DomainError.validation('year', 'year must be a year from 2000 to 2100');
    }
    return Number(value);
  }
}
