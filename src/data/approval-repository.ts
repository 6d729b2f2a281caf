/**
 * A manager's approval on the device (DESIGN §10.3), offline too: a manager who set a PIN on
 * this device picks their name and enters their own PIN. The PIN is checked against the salted
 * PBKDF2 hash kept when they chose it; five wrong ones in a row leave only a password sign-in.
 * The approval `{manager_id, reason, at}` travels with what it approved and the server checks
 * that this user is a manager of the store.
 */
import { Messages } from '../i18n/messages.ts';
import type { Approval } from '../protocol/returns.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import {
  derive,
  fromBase64,
  MAX_PIN_FAILURES,
  PIN_PATTERN,
  sameBytes,
} from './session-repository.ts';
import type { ApproverRecord } from './types.ts';

export interface ApproverChoice {
  readonly userId: string;
  readonly displayName: string;
}

const refuse = (message: string) => new DataError(DataErrorReasons.approvalRefused, message);

export class ApprovalRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** The managers of the store who can approve on this device, by name. */
  async approvers(storeId: string): Promise<ApproverChoice[]> {
    const records = await this._db.approvers.where('storeId').equals(storeId).toArray();
    return records
      .filter((record) => record.role === 'manager' || record.role === 'admin')
      .map((record) => ({ userId: record.userId, displayName: record.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The approval of `userId` when their PIN is right; refused with a sentence otherwise. */
  async approve(input: {
    readonly userId: string;
    readonly pin: string;
    readonly reason: string;
    readonly storeId: string;
    readonly now: string;
  }): Promise<Approval> {
    const reason = input.reason.trim();
    if (reason === '') throw refuse(Messages.approvalReasonMissing());
    const record = await this._db.approvers.get(input.userId);
    if (record === undefined) throw refuse(Messages.approverUnknown());
    if (
      record.storeId !== input.storeId ||
      (record.role !== 'manager' && record.role !== 'admin')
    ) {
      throw refuse(Messages.approverNotManager(record.displayName));
    }
    if (record.pin.failures >= MAX_PIN_FAILURES)
      throw refuse(Messages.approverLockedOut(record.displayName));
    const hash = await derive(input.pin, fromBase64(record.pin.salt), record.pin.iterations);
    const ok = PIN_PATTERN.test(input.pin) && sameBytes(hash, fromBase64(record.pin.hash));
    const failures = await this._count(record, ok);
    if (!ok) {
      const left = Math.max(0, MAX_PIN_FAILURES - failures);
      throw refuse(
        left === 0
          ? Messages.approverLockedOut(record.displayName)
          : Messages.approverPinWrong(left),
      );
    }
    return { manager_id: record.userId, reason, at: input.now };
  }

  /** Counts a try inside a transaction, so two quick tries both count. */
  private async _count(record: ApproverRecord, ok: boolean): Promise<number> {
    const db = this._db;
    let failures = 0;
    await db.transaction('rw', [db.approvers], async () => {
      const fresh = await db.approvers.get(record.userId);
      if (fresh === undefined) return;
      failures = ok ? 0 : fresh.pin.failures + 1;
      await db.approvers.update(record.userId, { pin: { ...fresh.pin, failures } });
    });
    return failures;
  }
}
