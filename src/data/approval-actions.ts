/**
 * Checking a manager's PIN for an approval on the device (loaded on the first approval, off
 * the first paint): the salted PBKDF2 hash kept when they chose it, five wrong PINs in a row
 * leave only a password sign-in.
 */
import { CounterMessages } from '../i18n/counter-messages.ts';
import type { Approval } from '../protocol/returns.ts';
import type { ApprovalInput } from './approval-repository.ts';
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

const refuse = (message: string) => new DataError(DataErrorReasons.approvalRefused, message);

/** The approval of `userId` when their PIN is right; refused with a sentence otherwise. */
export async function approve(db: AisleDb, input: ApprovalInput): Promise<Approval> {
  const reason = input.reason.trim();
  if (reason === '') throw refuse(CounterMessages.approvalReasonMissing());
  const record = await db.approvers.get(input.userId);
  if (record === undefined) throw refuse(CounterMessages.approverUnknown());
  if (record.storeId !== input.storeId || (record.role !== 'manager' && record.role !== 'admin')) {
    throw refuse(CounterMessages.approverNotManager(record.displayName));
  }
  if (record.pin.failures >= MAX_PIN_FAILURES)
    throw refuse(CounterMessages.approverLockedOut(record.displayName));
  const hash = await derive(input.pin, fromBase64(record.pin.salt), record.pin.iterations);
  const ok = PIN_PATTERN.test(input.pin) && sameBytes(hash, fromBase64(record.pin.hash));
  const failures = await countTry(db, record, ok);
  if (!ok) {
    const left = Math.max(0, MAX_PIN_FAILURES - failures);
    throw refuse(
      left === 0
        ? CounterMessages.approverLockedOut(record.displayName)
        : CounterMessages.approverPinWrong(left),
    );
  }
  return { manager_id: record.userId, reason, at: input.now };
}

/** Counts a try inside a transaction, so two quick tries both count. */
async function countTry(db: AisleDb, record: ApproverRecord, ok: boolean): Promise<number> {
  let failures = 0;
  await db.transaction('rw', [db.approvers], async () => {
    const fresh = await db.approvers.get(record.userId);
    if (fresh === undefined) return;
    failures = ok ? 0 : fresh.pin.failures + 1;
    await db.approvers.update(record.userId, { pin: { ...fresh.pin, failures } });
  });
  return failures;
}
