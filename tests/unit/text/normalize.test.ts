// @vitest-environment node
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  fromOriginal,
  isConverterLoaded,
  normalize,
  preloadConverter,
  toOriginal,
  WILDCARD,
} from '../../../core/text/normalize';
import { seed, seeds, TRADITIONAL_SEED } from '../../fixtures/corpus';

const W = WILDCARD;

/** The original characters behind the first occurrence of `needle` (normalised) in `source`. */
function highlight(source: string, needle: string): string {
  const n = normalize(source);
  const at = n.text.indexOf(normalize(needle).text);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = toOriginal(n, at, at + normalize(needle).text.length);
  return source.slice(span.start, span.end);
}

describe('normalize: Traditional folds to Simplified', () => {
  it('the Traditional seed normalises exactly like its OpenCC Simplified conversion', () => {
    const trad = seed(TRADITIONAL_SEED).body;
    for (const from of ['tw', 'hk', 't'] as const) {
      const simplified = Converter({ from, to: 'cn' })(trad);
      expect(normalize(trad).text).toBe(normalize(simplified).text);
    }
  });

  it('Taiwan, Hong Kong and generic Traditional variants reach the same text', () => {
    const cases: Array<[string[], string]> = [
      [['衞生', '衛生', '卫生'], '卫生'],
      [['綫路', '線路', '线路'], '线路'],
      [['裏面', '裡面', '里面'], '里面'],
      [['臺灣', '台灣', '台湾'], '台湾'],
      [['着力', '著力'], '着力'],
      [['爲人民', '為人民', '为人民'], '为人民'],
    ];
    for (const [forms, expected] of cases) for (const f of forms) expect(normalize(f).text).toBe(expected);
  });

  it('highlights the Traditional original of a Simplified phrase, character for character', () => {
    const trad = seed(TRADITIONAL_SEED).body;
    expect(highlight(trad, '机关党建暨创先争优活动推进会议')).toBe('機關黨建暨創先爭優活動推進會議');
    expect(highlight(trad, '全力推动我县经济社会更好更快发展')).toBe('全力推動我縣經濟社會更好更快發展');
  });

  it('keeps positions when a conversion changes UTF-16 length (二噁英 → 二𫫇英)', () => {
    const n = normalize('防止二噁英排放');
    expect(n.text).toBe('防止二𫫇英排放');
    const at = n.text.indexOf('𫫇');
    expect(n.original.slice(n.starts[at], n.ends[at + 1])).toBe('噁');
    expect(toOriginal(n, at, n.text.length)).toEqual({ start: 3, end: 7 });
  });
});

describe('normalize: characters, punctuation, whitespace', () => {
  it.each([
    ['ＡＢＣ１２３ａｂｃ', 'abc123abc'],
    ['HELLO World', 'helloworld'],
    ['同志们：\n\u3000\u3000今天，我们、在这里;召开会议.', '同志们：今天，我们，在这里；召开会议。'],
    ['“讲党性”「重品行」『作表率』"创先"', '“讲党性““重品行““作表率““创先“'],
    ['（一）(二)【三】[四]', '（一）（二）（三）（四）'],
    ['一九八○年 二〇二四年', '一九八〇年二〇二四年'],
    ['中\u00a0国\u200b共\ufeff产\u2028党', '中国共产党'],
  ])('%s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('drops whitespace from every seed and keeps every other character mapped', () => {
    for (const s of seeds()) {
      const n = normalize(s.body);
      expect(n.text).not.toMatch(/\s/);
      expect(n.text.length).toBeGreaterThan(1000);
    }
  });

  it('finds a phrase across a line break and maps it back including the break', () => {
    const src = '要深入开展好“讲党性、重\n品行、作表率”活动';
    expect(highlight(src, '重品行')).toBe('重\n品行');
  });
});

describe('normalize: template placeholders become one wildcard', () => {
  it.each([
    ['*月*日,中央组织部召开', `${W}月${W}日，中央组织部召开`],
    ['**同志亲自到会讲话', `${W}同志亲自到会讲话`],
    ['学习贯彻党的**大精神', `学习贯彻党的${W}大精神`],
    ['刚才,xx、xx同志传达了', `刚才，${W}，${W}同志传达了`],
    ['XX书记在昨天市委常委会上', `${W}书记在昨天市委常委会上`],
    ['我们要在今年X月份内', `我们要在今年${W}月份内`],
    ['到20**年底告一段落', `到${W}年底告一段落`],
    ['XXX同志', `${W}同志`],
    ['ＸＸ同志', `${W}同志`],
    ['××市××县', `${W}市${W}县`],
    ['○○市委', `${W}市委`],
    ['某某同志', `${W}同志`],
    ['干部集中学习×贪污腐化一案', `干部集中学习${W}贪污腐化一案`],
  ])('%s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it.each([
    ['二〇二四年', '二〇二四年'],
    ['比一九八○年增长', '比一九八〇年增长'],
    ['3×4=12', '3×4=12'],
    ['实施“数据要素×”行动', '实施“数据要素×“行动'],
    ['Linux 和 xxl 与 max', 'linux和xxl与max'],
    ['某种程度上', '某种程度上'],
    ['注释*', '注释*'],
  ])('not a placeholder: %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('maps each wildcard to the whole placeholder in the seeds', () => {
    const seed0 = seed('000').body;
    const n0 = normalize(seed0);
    const spans: string[] = [];
    for (let i = n0.text.indexOf(W); i >= 0; i = n0.text.indexOf(W, i + 1)) {
      const o = toOriginal(n0, i, i + 1);
      spans.push(seed0.slice(o.start, o.end));
    }
    expect(spans.slice(0, 4)).toEqual(['*', '*', '**', '20**']);
    const seed1 = seed('001').body;
    expect(highlight(seed1, 'XX同志传达了')).toBe('xx、xx同志传达了'.slice(3));
  });
});

describe('toOriginal / fromOriginal', () => {
  it('maps a normalised match to exactly the original characters', () => {
    const text = seed('000').body;
    expect(highlight(text, '讲党性，重品行，作表率')).toBe('讲党性、重品行、作表率');
    expect(highlight(text, '同志们:')).toBe('同志们:');
  });

  it('empty and out-of-range spans are clamped', () => {
    const n = normalize('  中国  ');
    expect(toOriginal(n, 0, 0)).toEqual({ start: 2, end: 2 });
    expect(toOriginal(n, 2, 2)).toEqual({ start: 6, end: 6 });
    expect(toOriginal(n, -5, 99)).toEqual({ start: 2, end: 4 });
  });

  it('fromOriginal finds the normalised span of an original selection', () => {
    const text = seed(TRADITIONAL_SEED).body;
    const n = normalize(text);
    const start = text.indexOf('縣直機關');
    const span = fromOriginal(n, start, start + 4);
    expect(n.text.slice(span.start, span.end)).toBe('县直机关');
  });
});

describe('converter loading', () => {
  it('can be preloaded and then stays loaded', () => {
    preloadConverter();
    expect(isConverterLoaded()).toBe(true);
  });
});
