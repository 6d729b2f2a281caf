/**
 * Why the payment entered cannot complete the sale, loaded with the sale's completion
 * (`src/data/sale-actions.ts`, off the first paint).
 */
import { msg } from '@lit/localize';

export const TenderMessages = {
  cashShort: () => msg('The cash given is less than the total.'),
  cardReferenceMissing: () => msg('Type the reference from the card terminal.'),
  cardOverBalance: () => msg('A card cannot pay more than the balance: only cash gives change.'),
  tenderAfterPaid: () => msg('The sale is already paid: remove the extra tender.'),
};
