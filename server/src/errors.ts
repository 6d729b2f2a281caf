/**
 * The API's one error shape `{error, message, details:[{field, message, index?}]}` and the
 * Fastify handlers that produce it: schema failures become 400 `invalid_request` naming the
 * field, known client errors keep their status, anything unexpected is logged and answered
 * as a bare 500 `internal` so no stack or SQL reaches a client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../src/protocol/schemas.ts';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra top-level fields, e.g. `expected_seq` of a seq gap. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    return { error: this.code, message: this.message, details: this.details, ...this.extra };
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, 'not_found', `${what} was not found.`);

export const forbidden = (message = 'This token may not access that store.'): ApiError =>
  new ApiError(403, 'forbidden', message);

/** A request part failed its schema; carries every field error found. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly details: ErrorDetail[],
  ) {
    super(
      `The request ${part} is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
    );
    this.name = 'RequestValidationError';
  }
}

// Messages Fastify raises for malformed transport, mapped to stable machine codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

function detailsOf(error: FastifyError): ErrorDetail[] {
  const cause: unknown = error.cause ?? error;
  if (cause instanceof RequestValidationError) return cause.details;
  return [];
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(error.toBody());
    }
    if (error.validation !== undefined || error.code === 'FST_ERR_VALIDATION') {
      const details = detailsOf(error);
      const part = error.validationContext ?? 'body';
      return reply.code(400).send({
        error: 'invalid_request',
        message:
          details.length > 0
            ? `The request ${part} is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`
            : `The request ${part} is not valid.`,
        details,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({
        error: FASTIFY_CODES[error.code] ?? 'bad_request',
        message: error.message,
        details: [],
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send({ error: 'internal', message: 'Something went wrong on the server.', details: [] });
  });
}
