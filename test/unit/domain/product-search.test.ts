// Search by name, the pure part: the words a product is found by, the words of a query,
// matching (every word begins a product word) and ranking.
import { describe, expect, it } from 'vitest';
import {
  SEARCH_LIMITS,
  foldText,
  matchesAllWords,
  productSearchWords,
  queryWords,
  rankCandidates,
  textWords,
} from '../../../src/domain/product-search.ts';

describe('foldText', () => {
  it.each([
    ['Crème Brûlée', 'creme brulee'],
    ['ÉCOUTEURS Sans Fil', 'ecouteurs sans fil'],
    ['Straße', 'strasse'],
    ['Smørrebrød', 'smorrebrod'],
    ['Œuvre Æther', 'oeuvre aether'],
    ['Ｆｕｌｌ－ｗｉｄｔｈ', 'full-width'], // NFKD folds full-width forms
    ['ﬁne', 'fine'], // and ligatures
    ['Łódź', 'lodz'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('textWords', () => {
  it.each([
    ['65 W GaN Dual-Port Charger', ['65', 'w', 'gan', 'dual', 'port', 'charger']],
    ['Tab Air 11" Tablet Wi-Fi', ['tab', 'air', '11', 'tablet', 'wi', 'fi']],
    ['  ', []],
    ['AIS-021', ['ais', '021']],
    ['x'.repeat(40), ['x'.repeat(SEARCH_LIMITS.maxWordLength)]],
  ])('%j → %j', (text, words) => {
    expect(textWords(text)).toEqual(words);
  });
});

describe('productSearchWords', () => {
  it('indexes title, brand and SKU words once each, with hyphenated chunks run together', () => {
    expect(
      productSearchWords({
        title: 'USB-C to USB-C Cable 1 m',
        brand: 'Voltra',
        skus: ['AIS-016'],
      }),
    ).toEqual(['usb', 'c', 'to', 'cable', '1', 'm', 'usbc', 'voltra', 'ais', '016', 'ais016']);
  });

  it('has no brand words for a product without a brand', () => {
    expect(productSearchWords({ title: 'Gift Wrap', brand: null, skus: [] })).toEqual([
      'gift',
      'wrap',
    ]);
  });
});

describe('queryWords', () => {
  it.each([
    ['Charger', ['charger']],
    ['  65w  CHARGER ', ['65w', 'charger']],
    ['usb-c usb-c', ['usb', 'c']],
    ['c', []], // one letter: too short to search
    ['', []],
    ['--', []],
    ['a b', ['a', 'b']],
    ['one two three four five six seven', ['one', 'two', 'three', 'four', 'five', 'six']],
  ])('%j → %j', (text, words) => {
    expect(queryWords(text)).toEqual(words);
  });
});

describe('matchesAllWords', () => {
  const words = productSearchWords({
    title: '65 W GaN Dual-Port Charger',
    brand: 'Voltra',
    skus: ['AIS-022'],
  });
  it.each([
    [['charger'], true],
    [['char'], true], // a prefix
    [['volt', 'char'], true], // brand and title, any order
    [['ais022'], true], // the SKU typed without its dash
    [['ais', '02'], true],
    [['charger', 'car'], false], // every word must match
    [['harger'], false], // the middle of a word is not its beginning
    [['chargers'], false],
    [[], true],
  ])('%j → %s', (query, expected) => {
    expect(matchesAllWords(words, query)).toBe(expected);
  });
});

describe('rankCandidates', () => {
  const candidate = (productId: string, title: string, skus: string[] = []) => ({
    productId,
    title,
    skus,
    words: productSearchWords({ title, brand: 'Voltra', skus }),
  });
  const CATALOG = [
    candidate('stand', '3-in-1 Wireless Charging Stand'),
    candidate('car', 'Car Charger 45 W, USB-C + USB-A'),
    candidate('wall', '20 W USB-C Wall Charger'),
    candidate('gan', '65 W GaN Dual-Port Charger', ['AIS-022']),
    candidate('chargers', 'Chargers Display Bundle', ['CHG-1']),
    candidate('sampler', 'Aisle 022 Sampler'),
  ];
  /** What the index hands over (the matches), ranked. */
  const ids = (query: string, catalog = CATALOG) =>
    rankCandidates(
      query,
      catalog.filter((c) => matchesAllWords(c.words, queryWords(query))),
    ).map((c) => c.productId);

  it.each([
    // Whole-word hits (charger) before prefix hits (chargers), even one whose title starts
    // with the word; then the shorter title (6 words before 8), then alphabetical (20 < 65).
    ['charger', ['wall', 'gan', 'car', 'chargers']],
    // No whole word: the title that starts with it, then by length and title.
    ['charg', ['chargers', 'wall', 'stand', 'gan', 'car']],
    // The exact SKU first, typed with or without its dash; the sampler only begins with "ais".
    ['ais-022', ['gan', 'sampler']],
    ['AIS022', ['gan']],
    ['usb c charger', ['wall', 'car']],
    ['voltra stand', ['stand']],
  ])('%j → %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks more whole words above fewer', () => {
    const catalog = [candidate('one', 'Black Case'), candidate('two', 'Blackout Case Big')];
    expect(ids('black case', catalog)).toEqual(['one', 'two']);
    expect(ids('blac case', catalog)).toEqual(['one', 'two']); // shorter title
    expect(ids('case big', catalog)).toEqual(['two']);
  });

  it('gives the same order whatever order the candidates come in', () => {
    const reversed = ids('charg', [...CATALOG].reverse());
    expect(reversed).toEqual(ids('charg'));
  });
});
