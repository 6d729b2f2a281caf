/**
 * Serial patterns and refusals in the associate's words: what the serial prompt says is
 * expected ("14 capital letters or digits, for example A1B2C3D4E5F6G7"), and why a serial was
 * refused. Built from the validator's structured shape and example (src/domain/), never from
 * the raw pattern, which only Settings shows (to a manager).
 */
import { msg, str } from '@lit/localize';
import { describeSerialShape } from '../domain/serial-pattern-shape.ts';
import { MAX_SERIAL_LENGTH } from '../domain/serial-cleaning.ts';
import type { SerialValidation, SerialValidator } from '../domain/serial-validation.ts';
import { patternWords } from './pattern-words.ts';

type Expectation = Pick<SerialValidator, 'active' | 'shape' | 'example' | 'patternProblem'> & {
  readonly pattern: string | null;
};

/** The pattern in words, or null when words cannot describe it. */
export function patternInWords(validator: Pick<SerialValidator, 'shape'>): string | null {
  return validator.shape === null ? null : describeSerialShape(validator.shape, patternWords());
}

/** "14 capital letters or digits, for example A1B2C3D4E5F6G7" — what a serial must look like. */
export function serialExpectation(validator: Expectation): string {
  if (validator.pattern === null) {
    return msg('No serial pattern is configured: any serial is accepted.');
  }
  if (!validator.active) {
    return msg(
      'The serial pattern cannot be used; ask a manager to correct it in the app configuration.',
    );
  }
  const words = patternInWords(validator);
  const example = validator.example;
  if (words !== null && example !== undefined) {
    return msg(str`Expected: ${words}, for example ${example}.`);
  }
  if (words !== null) return msg(str`Expected: ${words}.`);
  if (example !== undefined) return msg(str`Expected: a serial like ${example}.`);
  return msg('Expected: a serial in the format the store set up (a manager sees it in Settings).');
}

/** Why a serial was refused, in words; null when it was accepted. */
export function serialRefusal(result: SerialValidation): string | null {
  if (result.ok) return null;
  switch (result.reason) {
    case 'empty':
      return msg('Enter or scan the serial number.');
    case 'too_long':
      return msg(str`A serial number has at most ${MAX_SERIAL_LENGTH} characters.`);
    case 'pattern_unusable':
      return msg(
        'The configured serial number pattern cannot be used; ask a manager to correct it in the app configuration.',
      );
    case 'pattern_mismatch': {
      const words =
        result.shape === undefined ? null : describeSerialShape(result.shape, patternWords());
      const example = result.example;
      const want =
        words !== null && example !== undefined
          ? msg(str`${words}, for example ${example}`)
          : (words ??
            (example === undefined
              ? msg("the store's serial format")
              : msg(str`a serial like ${example}`)));
      return msg(str`${result.serial} is not a valid serial number: expected ${want}.`);
    }
  }
}
