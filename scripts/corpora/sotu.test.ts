import { describe, expect, it } from 'vitest';
import { joinAddresses, normaliseAddress, parseSotuFileName, selectNewestAddresses } from './sotu';

const file = (name: string, bytes: number) => ({ name, bytes });

describe('parseSotuFileName', () => {
  it('reads year and president from the package file names', () => {
    expect(parseSotuFileName('2021_joseph_r_biden_d.txt')).toEqual({
      file: '2021_joseph_r_biden_d.txt',
      year: 2021,
      president: 'joseph_r_biden',
    });
  });

  it('ignores the metadata .json files and anything else', () => {
    expect(parseSotuFileName('2021_joseph_r_biden_d.json')).toBeUndefined();
    expect(parseSotuFileName('README.txt')).toBeUndefined();
  });
});

describe('selectNewestAddresses', () => {
  // Listed out of order on purpose: readdir order is not guaranteed.
  const files = [
    file('2019_donald_j_trump_r.txt', 300),
    file('1790_george_washington_n.txt', 100),
    file('2021_joseph_r_biden_d.txt', 400),
    file('2020_donald_j_trump_r.txt', 350),
    file('2020_donald_j_trump_r.json', 99_999),
    file('2018_donald_j_trump_r.txt', 200),
  ];
  const years = (budget: number) => selectNewestAddresses(files, budget).map((a) => a.year);

  it('picks the newest addresses that fit the budget, oldest first', () => {
    // 400 + 2 + 350 + 2 + 300 = 1054 fits; adding 2018 (+202) would not.
    expect(years(1054)).toEqual([2019, 2020, 2021]);
    expect(years(1053)).toEqual([2020, 2021]);
  });

  it('stops at the first address that does not fit instead of skipping to older ones', () => {
    // 1790 (100 bytes) would fit after 2018 is rejected, but the run of years must stay unbroken.
    expect(years(1054 + 150)).toEqual([2019, 2020, 2021]);
  });

  it('takes everything when the budget allows, still in chronological order', () => {
    expect(years(10_000)).toEqual([1790, 2018, 2019, 2020, 2021]);
  });

  it('always keeps the newest address, even when it alone is over budget', () => {
    expect(years(10)).toEqual([2021]);
  });

  it('orders two addresses from the same year by file name, stably', () => {
    const sameYear = [
      file('1961_john_f_kennedy_d.txt', 1),
      file('1961_dwight_d_eisenhower_r.txt', 1),
    ];
    const chosen = selectNewestAddresses(sameYear, 100).map((a) => a.president);
    expect(chosen).toEqual(['dwight_d_eisenhower', 'john_f_kennedy']);
  });

  it('returns nothing when there are no address files', () => {
    expect(selectNewestAddresses([file('datapackage.json', 10)], 1000)).toEqual([]);
  });
});

describe('joinAddresses', () => {
  it('normalises CRLF to LF, trims each address and separates them by a blank line', () => {
    expect(joinAddresses([' First.\r\nSecond line.\r\n', 'Third.\r', '\n'])).toBe(
      'First.\nSecond line.\n\nThird.',
    );
  });

  it('keeps the text otherwise as is', () => {
    const text = 'Madam Speaker — it’s good to be back. (Applause.)';
    expect(normaliseAddress(text)).toBe(text);
  });
});
