import { applyDecorators, type INestApplication, type Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { HTTP_STATUS_OF, type ErrorCode } from './domain-error.js';

// @nestjs/swagger does not export its OpenAPI object types; these are the ones it builds.
type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

export class ErrorDetailResponse {
  @ApiProperty({ example: 'incidentDate', description: 'the field, or for RULE_VIOLATION the rule name (details[0])' })
  field: string;

  @ApiProperty({ example: 'incidentDate must be a date (YYYY-MM-DD)' })
  message: string;
}

/** The one error body of every 4xx and 5xx answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: Object.keys(HTTP_STATUS_OF), example: 'VALIDATION_FAILED' })
  code: ErrorCode;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiPropertyOptional({
    type: [ErrorDetailResponse],
    description: 'what went wrong per field; a detail may carry more keys (residentId, currentStatus, missing, …)',
  })
  details: ErrorDetailResponse[];
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

const WHEN: Record<ErrorStatus, string> = {
  400: 'VALIDATION_FAILED: malformed body, query, id or header',
  401: 'UNAUTHENTICATED: no, expired or forged token, or wrong credentials',
  403: 'FORBIDDEN: the caller\'s role may not do this',
  404: 'NOT_FOUND: no such object, or not in the caller\'s scope',
  409: 'INVALID_TRANSITION (details name the current state), CONFLICT (unique clash) or IDEMPOTENCY_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE: body or upload over the limit',
  422: 'RULE_VIOLATION: a business rule says no; details[0].field is the rule name',
  429: 'RATE_LIMITED: too many requests; retry in a minute',
  503: 'SERVICE_UNAVAILABLE: the database does not answer; retry later',
};

const errorResponse = (status: ErrorStatus): ResponseObject => ({
  description: WHEN[status],
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
});

/**
 * Documents the error answers a route's service gives (404, 409, 422, …). The
 * ones the HTTP stack gives — 400 for input, 401/403 from @Authenticated, 413
 * for bodies, 429 for writes, 503 without the database — are added to every
 * operation they apply to by completeOperations, so routes name only their own.
 */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...errorResponse(status) })));
}

/** One error answer with a route's own explanation, e.g. which roles avoid the 403. */
export function ApiError(status: ErrorStatus, description: string) {
  return ApiResponse({ status, ...errorResponse(status), description: `${WHEN[status]}. ${description}` });
}

const BINARY = { type: 'string', format: 'binary' } as const;

/** A download: the bytes in one of the given content types. */
export function ApiFileResponse(description: string, ...mimeTypes: string[]) {
  return ApiResponse({ status: 200, description, content: Object.fromEntries(mimeTypes.map((type) => [type, { schema: BINARY }])) });
}

/** JSON by default, or a file in one of the given content types (`format=`). */
export function ApiJsonOrFileResponse(type: ClassType<unknown>, description: string, ...mimeTypes: string[]) {
  return applyDecorators(
    ApiExtraModels(type),
    ApiResponse({
      status: 200,
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        ...Object.fromEntries(mimeTypes.map((mime) => [mime, { schema: BINARY }])),
      },
    }),
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LIVENESS = '/health';

/**
 * What every operation shares, derived from how the app really answers:
 * - 400 where there is input to validate (a body, a query, a required header, a UUID path id);
 * - 404 where a path names an object by id; 413 where there is a body;
 * - 429 on every write (the write and login rate limits); 503 wherever the database is used;
 * - `security: []` on the routes without @Authenticated; `format: uuid` on path ids (API.md: ids are UUIDs).
 */
export function completeOperations(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths) as [string, PathItemObject][]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const pathIds = parameters.filter((p) => p.in === 'path' && /^(id|\w+Id)$/.test(p.name));
      for (const id of pathIds) id.schema = { type: 'string', format: 'uuid' };
      const statuses: ErrorStatus[] = [];
      const hasInput = operation.requestBody !== undefined || pathIds.length > 0
        || parameters.some((p) => p.in === 'query' || (p.in === 'header' && p.required));
      if (hasInput) statuses.push(400);
      if (pathIds.length > 0) statuses.push(404);
      if (operation.requestBody !== undefined) statuses.push(413);
      if (method !== 'get' && method !== 'head') statuses.push(429);
      if (!(method === 'get' && path === LIVENESS)) statuses.push(503);
      addResponses(operation, statuses);
      operation.security ??= [];
    }
  }
  return document;
}

function addResponses(operation: OperationObject, statuses: ErrorStatus[]): void {
  for (const status of statuses) operation.responses[status] ??= errorResponse(status);
  // Keep the responses in status order: 2xx first, then the errors as numbered.
  operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('zongzhi-claims')
    .setDescription('社会治安综合保险理赔 API — claims for a district social-order comprehensive insurance policy. '
      + 'Conventions, errors and rules: docs/HTTP.md and docs/DOMAIN.md in the repository.')
    .setVersion('1')
    .addServer('/', 'this server')
    .addBearerAuth()
    .build();
  // A private project: no licence is granted, and the document says so.
  config.info.license = { name: 'UNLICENSED' };
  return completeOperations(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
}
