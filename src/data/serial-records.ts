/**
 * The records of serialized inventory a device keeps beside the sale tables (Dexie version 2):
 * the store's serial exceptions as the sync pull delivers them, with a manager's resolution
 * while it waits in the outbox, and the newest configuration the device could not use.
 */
import type { ConfigEnvelope } from '../protocol/schemas.ts';
import type { SerialException, SerialResolution } from '../protocol/serials.ts';

/** A resolution made on this device, waiting for (or refused by) the server. */
export interface PendingResolution {
  readonly resolution: SerialResolution;
  /** The corrected serial (`corrected` only). */
  readonly serialNumber: string | null;
  readonly note: string | null;
  /** The outbox entry carrying it. */
  readonly seq: number;
  readonly requestedAt: string;
  /** A sentence from the server when it refused the resolution; null while waiting. */
  readonly error: string | null;
}

export interface SerialExceptionRecord extends SerialException {
  /** `order.external_id`, indexed: on a sale made by this device it is the sale id. */
  readonly orderExternalId: string;
  readonly pendingResolution: PendingResolution | null;
}

/**
 * A configuration the device received and set aside because its serial pattern cannot run:
 * the last good one stays active, and the settings screen says why this one was not taken.
 */
export interface RefusedConfigRecord {
  readonly key: 'latest';
  readonly envelope: ConfigEnvelope;
  readonly reason: string;
  readonly receivedAt: string;
}
