/**
 * The vocabulary serial patterns are worded with on this device (src/domain's
 * `describeSerialShape` composes it).
 */
import { ENGLISH_PATTERN_WORDS, type PatternVocabulary } from '../domain/serial-pattern-shape.ts';

export function patternWords(): PatternVocabulary {
  return ENGLISH_PATTERN_WORDS;
}
