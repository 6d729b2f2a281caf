/**
 * How big and how deep a request body may be, checked before anything walks it. Size is
 * Fastify's `bodyLimit` (1 MiB; 64 MiB for a catalog import), enforced while the body streams
 * in. Depth is checked here, right after JSON.parse (V8 parses any depth without recursion)
 * and before validation, hashing, the NUL scan or storing — each of which walks the value
 * recursively and would overflow the stack on a body of a few thousand levels, answering 500.
 *
 * A push is the exception: its envelope is bounded like any body, but each mutation's payload
 * is bounded on its own by `payloadTooDeep`, so one poisoned mutation is `rejected` and
 * advances `seq` instead of refusing the whole push (which would block the device's queue).
 */
import type { FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../src/protocol/schemas.ts';
import { ApiError } from './errors.ts';

/**
 * Containers (objects, arrays) nested in one body. The deepest body Aisle reads is an order at
 * 6 (`items[].price.item_tax_lines[]`); NewStore's associate-app configuration nests about 8.
 * 32 leaves room for any extension and stays far below the ~5 000 levels where a recursive
 * walk (JSON.stringify included) overflows Node's stack.
 */
export const MAX_JSON_DEPTH = 32;

/** Requests bodies up to this many bytes (Fastify's own default, named). */
export const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body is a sync push: payloads are bounded per mutation, not with the envelope. */
    mutationEnvelope?: boolean;
  }
}

export interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

const MAX_FIELD_LENGTH = 200;

function fieldOf(frame: Frame, prefix: string): string {
  const parts: Array<string | number> = [];
  for (let at: Frame | null = frame; at !== null && at.parent !== null; at = at.parent) {
    parts.push(at.key);
  }
  let field = prefix;
  for (const part of parts.reverse()) {
    field += typeof part === 'number' ? `[${part}]` : field === '' ? part : `.${part}`;
    if (field.length > MAX_FIELD_LENGTH) return `${field.slice(0, MAX_FIELD_LENGTH)}…`;
  }
  return field === '' ? '(root)' : field;
}

/**
 * The field of the first container nested deeper than `limit` (`a.b[0]…`), or null. Iterative
 * (an explicit stack), so a value of any depth cannot overflow the call stack here.
 * `skip` leaves a subtree out (a push's payloads).
 */
export function tooDeepAt(
  value: unknown,
  limit = MAX_JSON_DEPTH,
  prefix = '',
  skip?: (frame: Frame) => boolean,
): string | null {
  const stack: Frame[] = [{ value, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const current = frame.value;
    if (current === null || typeof current !== 'object') continue;
    if (frame.depth > limit) return fieldOf(frame, prefix);
    const visit = (key: string | number, item: unknown): void => {
      if (item === null || typeof item !== 'object') return;
      const child: Frame = { value: item, depth: frame.depth + 1, parent: frame, key };
      if (skip?.(child) !== true) stack.push(child);
    };
    if (Array.isArray(current)) current.forEach((item, index) => visit(index, item));
    else for (const [key, item] of Object.entries(current)) visit(key, item);
  }
  return null;
}

const depthMessage = `nests deeper than ${MAX_JSON_DEPTH} levels`;

/**
 * Why a mutation's payload is refused for its depth (`payload_too_deep`, naming the field), or
 * null when it is within MAX_JSON_DEPTH. Called before anything else looks at the payload.
 */
export function payloadTooDeep(
  payload: unknown,
): { error: string; message: string; details: ErrorDetail[] } | null {
  const field = tooDeepAt(payload, MAX_JSON_DEPTH, 'payload');
  if (field === null) return null;
  return {
    error: 'payload_too_deep',
    message: `The payload ${depthMessage} (at ${field}); the mutation was not applied.`,
    details: [{ field, message: depthMessage }],
  };
}

/** In a push body, `mutations[i].payload` (depth 4) is left out of the envelope's bound. */
const isPayload = (frame: Frame): boolean =>
  frame.depth === 4 && frame.key === 'payload' && frame.parent?.parent?.key === 'mutations';

/** Refuses (400 `too_deep`) a body nested deeper than MAX_JSON_DEPTH, before validation. */
export function installBodyLimits(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const skip = request.routeOptions.config.mutationEnvelope === true ? isPayload : undefined;
    const field = tooDeepAt(request.body, MAX_JSON_DEPTH, '', skip);
    if (field === null) return;
    throw new ApiError(
      400,
      'too_deep',
      `The request body ${depthMessage} (at ${field}); nothing was changed.`,
      [{ field, message: depthMessage }],
    );
  });
}
