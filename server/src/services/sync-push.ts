/**
 * `POST /v0/sync/push`: applies a device's outbox mutations in seq order, in ONE transaction
 * with the device's `last_applied_seq` and the `mutation_log`, following the rules in the
 * header of `src/protocol/sync-protocol.ts`. The log keeps each mutation's payload hash and
 * its answer, so a replay (a lost acknowledgement) gets the very same answer back, and the
 * same mutation id with other content is caught as `idempotency_mismatch`.
 */
import { MutationSchemas, type MutationPayload } from '../../../src/protocol/mutations.ts';
import type {
  Mutation,
  MutationResult,
  PushRequest,
  PushResponse,
} from '../../../src/protocol/sync-protocol.ts';
import {
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  type MutationType,
} from '../../../src/protocol/wire-constants.ts';
import type { ErrorDetail } from '../../../src/protocol/schemas.ts';
import { assertStoreAccess, type Caller } from '../auth.ts';
import { payloadTooDeep } from '../body-limits.ts';
import { inTransaction, type StoreDb, type Trx } from '../db/database.ts';
import type { MutationLogTable } from '../db/tables.ts';
import { ApiError } from '../errors.ts';
import { compileChecker, findNulCharacter } from '../validation.ts';
import { contentHash } from './canonical.ts';
import { MutationHandlers, type PushTarget } from './mutation-handlers.ts';
import { ORDER_STORE_COLUMNS } from './orders.ts';
import type { ReceiptEmailPolicy } from './receipt-email-queue.ts';
import { newSerialMemo } from './serial-registry.ts';

type MutationError = NonNullable<MutationResult['error']>;

interface Applied {
  status: 'applied' | 'rejected';
  result?: unknown;
  error?: MutationError;
}

interface Logged {
  mutationId: string;
  hash: string;
  status: string;
  result: unknown;
  error: MutationError | undefined;
}

const isMutationType = (type: string): type is MutationType => Object.hasOwn(MutationSchemas, type);

/** One compiled payload checker per mutation type, made once. */
const payloadCheckers = Object.fromEntries(
  Object.entries(MutationSchemas).map(([type, schemas]) => [type, compileChecker(schemas.payload)]),
) as Record<MutationType, ReturnType<typeof compileChecker>>;

/**
 * 426 before anything is read: the device keeps its outbox and says the app (or the server)
 * must be updated.
 */
function assertProtocolVersion(version: number): void {
  if (version >= MIN_PROTOCOL_VERSION && version <= PROTOCOL_VERSION) return;
  const message =
    version < MIN_PROTOCOL_VERSION
      ? `This app speaks sync protocol ${version}; this server needs ${MIN_PROTOCOL_VERSION} or newer. Update the app.`
      : `This app speaks sync protocol ${version}; this server speaks up to ${PROTOCOL_VERSION}. Update the store server.`;
  throw new ApiError(
    426,
    'unsupported_protocol_version',
    message,
    [
      {
        field: 'protocol_version',
        message: `must be ${MIN_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}`,
      },
    ],
    { min_protocol_version: MIN_PROTOCOL_VERSION, max_protocol_version: PROTOCOL_VERSION },
  );
}

const invalidPayload = (what: string, details: ErrorDetail[]): Applied => {
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.field} ${d.message}`)
    .join('; ');
  return {
    status: 'rejected',
    error: { error: 'invalid_payload', message: `${what} is not valid: ${summary}`, details },
  };
};

/** A refusal the client made (ApiError) becomes a rejected mutation; anything else is a fault. */
function rejection(error: unknown): Applied {
  if (!(error instanceof ApiError)) throw error;
  return {
    status: 'rejected',
    error: {
      error: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
    },
  };
}

/** Runs a checked payload through its type's handler (the table keeps type and payload paired). */
async function dispatch<T extends MutationType>(
  trx: Trx,
  type: T,
  payload: MutationPayload<T>,
  target: PushTarget,
): Promise<unknown> {
  const handler = MutationHandlers[type];
  return handler.apply(trx, payload, target);
}

/** Applies one new mutation; anything that can never succeed becomes `rejected`. */
async function applyMutation(trx: Trx, mutation: Mutation, target: PushTarget): Promise<Applied> {
  // First: everything below walks the payload recursively.
  const tooDeep = payloadTooDeep(mutation.payload);
  if (tooDeep !== null) return { status: 'rejected', error: tooDeep };
  const nul = findNulCharacter({ type: mutation.type, payload: mutation.payload });
  if (nul !== null) {
    return {
      status: 'rejected',
      error: { error: 'invalid_payload', message: `${nul} must not contain NUL characters.` },
    };
  }
  const type = mutation.type;
  if (!isMutationType(type)) {
    return {
      status: 'rejected',
      error: { error: 'unknown_mutation_type', message: `There is no mutation type ${type}.` },
    };
  }
  const details = payloadCheckers[type](mutation.payload, 'payload');
  if (details.length > 0) return invalidPayload(MutationHandlers[type].what, details);
  try {
    const result = await dispatch(
      trx,
      type,
      mutation.payload as MutationPayload<typeof type>,
      target,
    );
    return { status: 'applied', result };
  } catch (error) {
    return rejection(error);
  }
}

const parse = (json: string | null): unknown => (json === null ? undefined : JSON.parse(json));

function toLogged(
  row: Pick<
    MutationLogTable,
    'mutation_id' | 'payload_hash' | 'status' | 'result_json' | 'error_json'
  >,
): Logged {
  return {
    mutationId: row.mutation_id,
    hash: row.payload_hash,
    status: row.status,
    result: parse(row.result_json),
    error: parse(row.error_json) as MutationError | undefined,
  };
}

function answer(
  mutation: Mutation,
  status: MutationResult['status'],
  from?: { result?: unknown; error?: MutationError },
): MutationResult {
  return {
    seq: mutation.seq,
    id: mutation.id,
    status,
    ...(from?.result === undefined ? {} : { result: from.result }),
    ...(from?.error === undefined ? {} : { error: from.error }),
  };
}

const mismatch = (mutation: Mutation, why: string): MutationResult =>
  answer(mutation, 'idempotency_mismatch', {
    error: { error: 'idempotency_mismatch', message: why },
  });

/** The device row, locked on PostgreSQL so two tabs of one device cannot apply one seq twice. */
async function lockDevice(trx: Trx, store: StoreDb, caller: Caller, deviceId: string) {
  let query = trx.selectFrom('devices').selectAll().where('device_id', '=', deviceId);
  if (store.dialect === 'postgres') query = query.forUpdate();
  const device = await query.executeTakeFirst();
  if (device === undefined) {
    throw new ApiError(404, 'unknown_device', 'This device is not registered (POST /v0/devices).', [
      { field: 'device_id', message: 'is not registered' },
    ]);
  }
  assertStoreAccess(caller, device.store_id);
  return device;
}

/** A batch must start at or before `last + 1` and be consecutive; else 409 before any work. */
function assertNoGap(mutations: readonly Mutation[], last: number): void {
  const first = mutations[0]?.seq ?? last + 1;
  const gap = (message: string): ApiError =>
    new ApiError(409, 'seq_gap', message, [], { expected_seq: last + 1 });
  if (first > last + 1) throw gap(`Expected seq ${last + 1}, got ${first}; nothing was applied.`);
  if (mutations.some((m, i) => m.seq !== first + i)) {
    throw gap('Mutations in one push must have consecutive seq numbers; nothing was applied.');
  }
}

interface History {
  /** What each already-applied seq of this batch was. */
  bySeq: Map<number, Logged>;
  /** The first answer given to each new mutation id this device sent before (any seq). */
  byId: Map<string, Logged>;
}

async function loadHistory(
  trx: Trx,
  deviceId: string,
  mutations: readonly Mutation[],
  last: number,
): Promise<History> {
  const history: History = { bySeq: new Map(), byId: new Map() };
  const oldSeqs = mutations.filter((m) => m.seq <= last).map((m) => m.seq);
  if (oldSeqs.length > 0) {
    const rows = await trx
      .selectFrom('mutation_log')
      .selectAll()
      .where('device_id', '=', deviceId)
      .where('seq', 'in', oldSeqs)
      .execute();
    for (const row of rows) history.bySeq.set(Number(row.seq), toLogged(row));
  }
  const newIds = mutations.filter((m) => m.seq > last).map((m) => m.id);
  if (newIds.length > 0) {
    const rows = await trx
      .selectFrom('mutation_log')
      .selectAll()
      // This device's log only: another device's id must not fetch that device's answer.
      .where('device_id', '=', deviceId)
      .where('mutation_id', 'in', newIds)
      .where('status', '!=', 'idempotency_mismatch')
      .orderBy('created_at')
      .execute();
    for (const row of rows) {
      if (!history.byId.has(row.mutation_id)) history.byId.set(row.mutation_id, toLogged(row));
    }
  }
  return history;
}

/** The answer to a seq that was already applied: its stored answer, or a mismatch. */
function replayAnswer(
  mutation: Mutation,
  logged: Logged | undefined,
  hash: string,
): MutationResult {
  if (logged === undefined) return answer(mutation, 'duplicate');
  if (logged.mutationId === mutation.id && logged.hash === hash) {
    return answer(mutation, 'duplicate', logged);
  }
  return mismatch(
    mutation,
    `seq ${mutation.seq} was already applied with another mutation or payload.`,
  );
}

/** What this server does beyond applying the mutations (see `PushTarget`). */
export interface PushOptions {
  readonly receiptEmail?: ReceiptEmailPolicy | null;
}

export async function pushMutations(
  store: StoreDb,
  caller: Caller,
  request: PushRequest,
  options: PushOptions = {},
): Promise<PushResponse> {
  assertProtocolVersion(request.protocol_version);
  return inTransaction(store, async (trx) => {
    const device = await lockDevice(trx, store, caller, request.device_id);
    let last = Number(device.last_applied_seq);
    const mutations = request.mutations;
    assertNoGap(mutations, last);
    const { bySeq, byId } = await loadHistory(trx, device.device_id, mutations, last);

    const now = new Date().toISOString();
    const results: MutationResult[] = [];
    const logRows: MutationLogTable[] = [];
    let target: PushTarget | undefined;
    for (const mutation of mutations) {
      const hash = contentHash({ type: mutation.type, payload: mutation.payload });
      if (mutation.seq <= last) {
        results.push(replayAnswer(mutation, bySeq.get(mutation.seq), hash));
        continue;
      }
      const prior = byId.get(mutation.id);
      let result: MutationResult;
      if (prior !== undefined) {
        result =
          prior.hash === hash
            ? answer(mutation, 'duplicate', prior)
            : mismatch(
                mutation,
                `Mutation ${mutation.id} was already received with another payload.`,
              );
      } else {
        target ??= {
          deviceId: device.device_id,
          associateId: caller.userId,
          caller,
          db: store,
          serialMemo: newSerialMemo(),
          receiptEmail: options.receiptEmail ?? null,
          store: await trx
            .selectFrom('stores')
            .select(ORDER_STORE_COLUMNS)
            .where('store_id', '=', device.store_id)
            .executeTakeFirstOrThrow(),
        };
        const applied = await applyMutation(trx, mutation, target);
        result = answer(mutation, applied.status, applied);
        // A second copy of this id later in the same batch answers like a replay.
        byId.set(mutation.id, {
          mutationId: mutation.id,
          hash,
          status: applied.status,
          result: applied.result,
          error: applied.error,
        });
      }
      results.push(result);
      logRows.push({
        device_id: device.device_id,
        seq: mutation.seq,
        mutation_id: mutation.id,
        // Text columns cannot hold NUL on PostgreSQL; such a mutation was rejected above.
        type: mutation.type.replaceAll('\u0000', '\ufffd'),
        payload_hash: hash,
        status: result.status,
        result_json: result.result === undefined ? null : JSON.stringify(result.result),
        error_json: result.error === undefined ? null : JSON.stringify(result.error),
        created_at: now,
      });
      last = mutation.seq;
    }

    for (let i = 0; i < logRows.length; i += 100) {
      await trx
        .insertInto('mutation_log')
        .values(logRows.slice(i, i + 100))
        .execute();
    }
    await trx
      .updateTable('devices')
      .set({ last_applied_seq: last, last_seen_at: now })
      .where('device_id', '=', device.device_id)
      .execute();
    return { results, last_applied_seq: last };
  });
}
