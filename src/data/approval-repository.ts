/**
 * A manager's approval on the device (DESIGN §10.3), offline too: a manager who set a PIN on
 * this device picks their name and enters their own PIN. The PIN is checked against the salted
 * PBKDF2 hash kept when they chose it; five wrong ones in a row leave only a password sign-in.
 * The approval `{manager_id, reason, at}` travels with what it approved and the server checks
 * that this user is a manager of the store. The PIN check loads on the first approval.
 */
import type { Approval } from '../protocol/returns.ts';
import type { AisleDb } from './db.ts';

export interface ApproverChoice {
  readonly userId: string;
  readonly displayName: string;
}

export interface ApprovalInput {
  readonly userId: string;
  readonly pin: string;
  readonly reason: string;
  readonly storeId: string;
  readonly now: string;
}

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
  async approve(input: ApprovalInput): Promise<Approval> {
    const { approve } = await import('./approval-actions.ts');
    return approve(this._db, input);
  }
}
