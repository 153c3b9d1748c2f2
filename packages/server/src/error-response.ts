// Errors as JSON per DESIGN §3/§11: { error: { code, message, details } } with a 4xx status for
// anything the caller can fix, 500 (without internals) for the rest.
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const STATUS: Record<string, ContentfulStatusCode> = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  AUTH_RATE_LIMITED: 429,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STATEMENT_NOT_FOUND: 404,
  SCENARIO_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  TERRITORY_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  PLAN_NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  DISPUTE_NOT_FOUND: 404,
  ADJUSTMENT_NOT_FOUND: 404,
  RUN_NOT_DRAFT: 409,
  PERIOD_NOT_APPROVED: 409,
  PERIOD_ORDER: 409,
  ADJUSTMENT_APPROVED: 409,
  DISPUTE_RESOLVED: 409,
  SCENARIO_EXISTS: 409,
  PERIOD_CLOSED: 409,
  DATA_IN_USE: 409,
  USER_EXISTS: 409,
};

export function statusFor(code: string): ContentfulStatusCode {
  return STATUS[code] ?? 400;
}

export function errorBody(error: AttainError) {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export function handleError(error: Error, c: Context) {
  if (isAttainError(error)) return c.json(errorBody(error), statusFor(error.code));
  // A body that is not JSON is the caller's mistake, not the server's.
  if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
    return c.json(errorBody(new AttainError('REQUEST_INVALID', 'The request body is not valid JSON')), 400);
  }
  console.error(error);
  return c.json(errorBody(new AttainError('INTERNAL', 'Something went wrong on the server; it has been logged')), 500);
}

export function notFound(c: Context) {
  return c.json(errorBody(new AttainError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}`)), 404);
}
