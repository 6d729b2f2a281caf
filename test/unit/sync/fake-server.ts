/**
 * A fake store server behind the SyncTransport interface, following the push rules of
 * DESIGN §4 (ordered apply, duplicates answered from the stored result, 409 on a gap,
 * rejections still advance the seq), with switches to inject failures.
 */
import type {
  MutationResult,
  PushRequest,
  PushResponse,
} from '../../../src/protocol/sync-protocol.ts';
import { SyncError } from '../../../src/sync/sync-errors.ts';
import type { SyncTransport, TransportReply } from '../../../src/sync/transport.ts';

type Fault = 'network' | 'http500' | 'malformed' | 'html' | 'lostAck' | 'http401';

export class FakeSyncServer implements SyncTransport {
  lastApplied = 0;
  readonly applied = new Map<number, { id: string; payload: string; result: MutationResult }>();
  /** Every push received, as the seqs it carried. */
  readonly pushes: number[][] = [];
  readonly faults: Fault[] = [];
  readonly rejectSeqs = new Set<number>();

  push(request: PushRequest): Promise<TransportReply> {
    this.pushes.push(request.mutations.map((m) => m.seq));
    const fault = this.faults.shift();
    if (fault === 'network') return Promise.reject(new SyncError('OFFLINE', 'fake network down'));
    if (fault === 'http500') return Promise.resolve({ status: 500, body: { error: 'boom' } });
    if (fault === 'http401')
      return Promise.resolve({ status: 401, body: { error: 'unauthorized' } });
    if (fault === 'malformed') return Promise.resolve({ status: 200, body: { results: 'nope' } });
    if (fault === 'html') return Promise.resolve({ status: 200, body: undefined });

    const results: MutationResult[] = [];
    for (const mutation of request.mutations) {
      const payload = JSON.stringify(mutation.payload);
      if (mutation.seq <= this.lastApplied) {
        const stored = this.applied.get(mutation.seq);
        if (stored !== undefined && stored.id === mutation.id && stored.payload !== payload) {
          results.push({ seq: mutation.seq, id: mutation.id, status: 'idempotency_mismatch' });
        } else {
          results.push({ ...stored!.result, status: 'duplicate' });
        }
        continue;
      }
      if (mutation.seq !== this.lastApplied + 1) {
        if (results.length > 0) break;
        return Promise.resolve({
          status: 409,
          body: {
            error: 'seq_gap',
            message: 'gap',
            details: [],
            expected_seq: this.lastApplied + 1,
          },
        });
      }
      const result: MutationResult = this.rejectSeqs.has(mutation.seq)
        ? {
            seq: mutation.seq,
            id: mutation.id,
            status: 'rejected',
            error: { error: 'unknown_product', message: 'Product p-9 is not in the catalog' },
          }
        : {
            seq: mutation.seq,
            id: mutation.id,
            status: 'applied',
            result: { id: `order-${mutation.seq}`, external_id: 'x', items: [] },
          };
      this.applied.set(mutation.seq, { id: mutation.id, payload, result });
      this.lastApplied = mutation.seq;
      results.push(result);
    }
    if (fault === 'lostAck') {
      return Promise.reject(new SyncError('OFFLINE', 'connection dropped after commit'));
    }
    const body: PushResponse = { results, last_applied_seq: this.lastApplied };
    return Promise.resolve({ status: 200, body });
  }

  /** The server restored a backup: it forgets everything after `seq`. */
  forgetAfter(seq: number): void {
    for (const key of [...this.applied.keys()]) if (key > seq) this.applied.delete(key);
    this.lastApplied = seq;
  }

  /** An empty catalog: nothing changed since any cursor. */
  pull(since: string | null): Promise<TransportReply> {
    return Promise.resolve({
      status: 200,
      body: {
        next_cursor: since ?? 'c0',
        has_more: false,
        products: [],
        catalog_remaining: 0,
        config: null,
        fulfillment_requests: [],
        serial_exceptions: [],
      },
    });
  }
}
