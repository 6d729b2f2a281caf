// WordIndex: every entry with all the words, whatever their order and however common each
// word; whole-word hits first; the limit kept, stopping early only when nothing better can
// come; replacements and deletions never answered; the same answers after compaction; and a
// seeded random check against matching entry by entry.
import { describe, expect, it } from 'vitest';
import { matchesAllWords } from '../../../src/domain/product-search.ts';
import { WordIndex } from '../../../src/domain/word-index.ts';

const ENTRIES: readonly [string, string[]][] = [
  ['wall', ['20', 'w', 'usb', 'c', 'usbc', 'wall', 'charger', 'voltra']],
  ['gan', ['65', 'w', 'gan', 'dual', 'port', 'dualport', 'charger', 'voltra']],
  ['stand', ['3', 'in', '1', '3in1', 'wireless', 'charging', 'stand', 'voltra']],
  ['cable', ['usb', 'c', 'to', 'cable', 'usbc', 'voltra', 'charger', 'cable1']],
  ['chargers', ['chargers', 'display', 'bundle']],
];

function indexOf(entries = ENTRIES): WordIndex {
  const index = new WordIndex();
  for (const [id, words] of entries) index.put(id, words);
  return index;
}

describe('WordIndex.match', () => {
  it.each([
    // Whole words first ("charger": wall, gan, cable), then prefix hits, each in put order.
    [['charger'], ['wall', 'gan', 'cable', 'chargers']],
    // No whole word: in the order of the words begun (charger, chargers, charging).
    [['charg'], ['wall', 'gan', 'cable', 'chargers', 'stand']],
    [['charger', 'wall'], ['wall']],
    [['wall', 'charger'], ['wall']], // any order
    [['usb', 'cable'], ['cable']],
    // Both words whole in wall and cable; 'c' only begins charger and charging in the others.
    [
      ['c', 'voltra'],
      ['wall', 'cable', 'gan', 'stand'],
    ],
    [['charger', 'car'], []],
    [['harger'], []], // a word's middle is not its beginning
    [[], []],
  ])('%j → %j', (words, expected) => {
    expect(indexOf().match(words, 10)).toEqual({ ids: expected, exhaustive: true });
  });

  it('stops at the limit once the best possible matches fill it', () => {
    // "voltra" is whole in all four: the first two put are as good as any.
    expect(indexOf().match(['voltra'], 2)).toEqual({ ids: ['wall', 'gan'], exhaustive: false });
    // No entry has "charg" whole: the first two found are as good as any too.
    expect(indexOf().match(['charg'], 2)).toEqual({ ids: ['wall', 'gan'], exhaustive: false });
    // "charger voltra": both whole in three entries; the first two put.
    expect(indexOf().match(['charger', 'voltra'], 2)).toEqual({
      ids: ['wall', 'gan'],
      exhaustive: false,
    });
    expect(indexOf().match(['charger'], 0)).toEqual({ ids: [], exhaustive: true });
  });

  it('leads with the rarest word, so its whole word comes before its longer ones', () => {
    // "c" begins words of every entry; "cable" is rarer: its whole-word entry, then "cable1".
    const index = indexOf([
      ['a', ['cable1', 'car']],
      ['b', ['cable', 'case']],
    ]);
    expect(index.match(['c', 'cable'], 10).ids).toEqual(['b', 'a']);
  });

  it('answers from the latest words of a replaced entry and never a deleted one', () => {
    const index = indexOf();
    index.put('wall', ['20', 'w', 'travel', 'adapter', 'voltra']);
    index.delete('gan');
    index.delete('missing');
    expect(index.match(['charger'], 10).ids).toEqual(['cable', 'chargers']);
    expect(index.match(['travel'], 10).ids).toEqual(['wall']);
    expect(index.match(['voltra'], 10).ids).toEqual(['stand', 'cable', 'wall']);
    expect(index.size).toBe(4);
    index.clear();
    expect(index.match(['voltra'], 10)).toEqual({ ids: [], exhaustive: true });
    expect(index.size).toBe(0);
  });

  it('answers the same after the dead entries are compacted away', () => {
    const index = new WordIndex();
    // 3 000 puts of 1 000 ids: 2 000 replaced entries, past the compaction threshold.
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 1_000; i += 1) {
        index.put(`p${i}`, [`round${round}`, i % 10 === 0 ? 'tenth' : 'other', `n${i}`]);
      }
    }
    expect(index.size).toBe(1_000);
    expect(index.match(['round0'], 10).ids).toEqual([]);
    expect(index.match(['round2', 'tenth'], 1_000).ids).toHaveLength(100);
    expect(index.match(['n999'], 10).ids).toEqual(['p999']);
    expect(index.wordsOf('p999')).toEqual(['round2', 'other', 'n999']);
  });

  it('sorts a large batch of new words at once, and places a few among them', () => {
    const index = new WordIndex();
    for (let i = 0; i < 150_000; i += 1) index.put(`p${i}`, [`w${i}`]);
    expect(index.match(['w149999'], 5).ids).toEqual(['p149999']);
    index.put('late', ['w1499990', 'aaa']);
    expect(index.match(['w149999'], 5).ids).toEqual(['p149999', 'late']);
    expect(index.match(['aa'], 5).ids).toEqual(['late']);
  });

  it('finds what matching entry by entry finds, on a seeded random catalog', () => {
    const seed = 20_261_202;
    // Printed so a failure can be replayed with the same entries.
    console.info(`word-index random check, seed ${seed}`);
    let state = seed;
    const random = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 2 ** 32;
    };
    const vocabulary = ['black', 'blue', 'bluetooth', 'cable', 'case', 'charger', 'charging'];
    const entries = Array.from({ length: 2_000 }, (_, i): [string, string[]] => [
      `e${i}`,
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const word = vocabulary[Math.floor(random() * vocabulary.length)] ?? 'cable';
        return random() < 0.2 ? `${word}${Math.floor(random() * 100)}` : word;
      }),
    ]);
    const index = indexOf(entries);
    for (const words of [['bl'], ['black', 'ca'], ['charg', 'blue'], ['case1', 'c'], ['b', 'c']]) {
      const expected = entries.filter(([, own]) => matchesAllWords(own, words)).length;
      expect(index.match(words, 5_000).ids, words.join(' ')).toHaveLength(expected);
    }
  });
});
