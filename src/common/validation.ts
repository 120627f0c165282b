import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { isUUID, ValidationError, type ValidatorOptions } from 'class-validator';
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

/** Path parameters that name an object by id; API.md: ids are UUIDs (the OpenAPI document types them so too). */
const PATH_ID = /^(id|\w+Id)$/;

class StrictValidationPipe extends ValidationPipe {
  /** A path id that is no UUID is refused here, naming the parameter, before a route's own ParseUUIDPipe would refuse it nameless. */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && metadata.data && PATH_ID.test(metadata.data) && !(typeof value === 'string' && isUUID(value))) {
      throw DomainError.validation(metadata.data, `${metadata.data} must be a UUID`);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const reported = new Set(errors.filter((e) => Object.keys(e.constraints ?? {}).length).map((e) => e.property));
    return errors.concat(nullErrors(object, reported));
  }
}

/** Global pipe: unknown fields rejected, null refused unless documented, path ids UUIDs, every problem listed in `details`. */
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
