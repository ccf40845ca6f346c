import { describe, expect, it } from 'vitest';
import {
  TANG_ANTHOLOGY_FILE,
  formatPoem,
  isCleanPoem,
  joinPoems,
  parsePoems,
  selectPoems,
  tangFiles,
  type Poem,
} from './tang';

const poem = (title: string, ...paragraphs: string[]): Poem => ({ title, paragraphs });
const quiet = poem('靜夜思', '床前明月光，疑是地上霜。', '舉頭望明月，低頭思故鄉。');

describe('tangFiles', () => {
  it('puts the anthology first, then the Tang files in numeric order, without Song poems', () => {
    const names = [
      'poet.tang.1000.json',
      'poet.song.0.json',
      'authors.tang.json',
      'poet.tang.0.json',
      TANG_ANTHOLOGY_FILE,
      'poet.tang.10000.json',
      '唐诗补录.json',
    ];
    expect(tangFiles(names)).toEqual([
      TANG_ANTHOLOGY_FILE,
      'poet.tang.0.json',
      'poet.tang.1000.json',
      'poet.tang.10000.json',
    ]);
  });
});

describe('parsePoems', () => {
  it('reads title and couplets, trimmed, and skips entries of another shape', () => {
    const data = [
      { author: '李白', title: ' 靜夜思 ', paragraphs: ['床前明月光，疑是地上霜。 '], id: 'x' },
      { title: 'no couplets' },
      { title: 1, paragraphs: [] },
      null,
    ];
    expect(parsePoems(data)).toEqual([poem('靜夜思', '床前明月光，疑是地上霜。')]);
  });

  it('refuses a file that is not an array', () => {
    expect(() => parsePoems({ poems: [] })).toThrow(/array/);
  });
});

describe('isCleanPoem', () => {
  it('accepts Han characters with the poems’ punctuation, and a space in a title', () => {
    expect(isCleanPoem(quiet)).toBe(true);
    expect(isCleanPoem(poem('帝京篇十首 一', '秦川雄帝宅，函谷壯皇居。'))).toBe(true);
  });

  it('rejects editorial marks, notes and empty poems', () => {
    expect(isCleanPoem(poem('馬嵬坡', '[玄]宗回馬楊妃死，雲雨雖亡日月新。'))).toBe(false);
    expect(isCleanPoem(poem('失題', '□□□□□，明月照高樓。'))).toBe(false);
    expect(isCleanPoem(poem('詩', '一作 3 字'))).toBe(false);
    expect(isCleanPoem(poem('', '床前明月光，疑是地上霜。'))).toBe(false);
    expect(isCleanPoem(poem('題'))).toBe(false);
  });
});

describe('selectPoems', () => {
  const size = (p: Poem) => new TextEncoder().encode(formatPoem(p)).length;

  it('takes poems in order until the next would not fit, counting separators', () => {
    const a = poem('甲', '一二三四五，六七八九十。');
    const b = poem('乙', '春眠不覺曉，處處聞啼鳥。');
    const c = poem('丙', '白日依山盡，黃河入海流。');
    const budget = size(a) + 2 + size(b);
    expect(selectPoems([a, b, c], budget)).toEqual([a, b]);
    expect(selectPoems([a, b, c], budget - 1)).toEqual([a]);
  });

  it('drops unclean poems and a repeat of a poem already chosen', () => {
    const repeat = { ...quiet, title: '夜思' };
    const marked = poem('失題', '□□，明月。');
    expect(selectPoems([quiet, marked, repeat], 10_000)).toEqual([quiet]);
  });

  it('stops pulling poems once the budget is full', () => {
    let pulled = 0;
    function* endless(): Generator<Poem> {
      for (;;) {
        pulled += 1;
        yield poem('題', `${'月'.repeat(pulled)}。`); // each one longer, so no two are equal
      }
    }
    expect(selectPoems(endless(), 200).length).toBeGreaterThan(3);
    expect(pulled).toBeLessThan(20);
  });
});

describe('joinPoems', () => {
  it('writes title then couplets, a blank line between poems, ending with a line break', () => {
    const text = joinPoems([quiet, poem('春曉', '春眠不覺曉，處處聞啼鳥。')]);
    expect(text).toBe(
      '靜夜思\n床前明月光，疑是地上霜。\n舉頭望明月，低頭思故鄉。\n\n春曉\n春眠不覺曉，處處聞啼鳥。\n',
    );
    expect(joinPoems([])).toBe('');
  });
});
