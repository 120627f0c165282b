import { ValidationPipe } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { ValidationError, type ValidatorOptions } from 'class-validator';
import { DomainError, ErrorDetail } from './domain-error.js';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** Whether the OpenAPI document says the property may be null (`@ApiProperty({ nullable: true })`). */
function documentedNullable(dto: object, property: string): boolean {
  return (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto, property) as { nullable?: boolean } | undefined)?.nullable === true;
}

/**
 * class-validator's @IsOptional lets `null` through as if the field were
 * absent, and it would then reach the database. Here an explicit null is an
 * error unless the API documents the property as nullable, for every DTO,
 * nested ones included.
 */
function nullErrors(dto: object, alreadyReported: ReadonlySet<string>): ValidationError[] {
  return Object.entries(dto).flatMap(([property, value]) => {
    if (value !== null) {
      const children = nestedNullErrors(value);
      return children.length ? [validationError(property, {}, children)] : [];
    }
    if (alreadyReported.has(property) || documentedNullable(dto, property)) return [];
    return [validationError(property, { isNotNull: `${property} must not be null` })];
  });
}

function nestedNullErrors(value: unknown): ValidationError[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => {
      const children = nestedNullErrors(item);
      return children.length ? [validationError(String(index), {}, children)] : [];
    });
  }
  const isDto = typeof value === 'object' && value !== null && value.constructor !== Object;
  return isDto ? nullErrors(value, new Set()) : [];
}

function validationError(property: string, constraints: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

class StrictValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const reported = new Set(errors.filter((e) => Object.keys(e.constraints ?? {}).length).map((e) => e.property));
    return errors.concat(nullErrors(object, reported));
  }
}

/** Global pipe: unknown fields rejected, null refused unless documented, every problem listed in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', 'Validation failed', flatten(errors)),
  });
}
