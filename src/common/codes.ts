import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error.js';

@Injectable()
export class DistrictCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{6}$/.test(value)) throw DomainError.validation('code', 'district code must be 6 digits');
    return value;
  }
}
