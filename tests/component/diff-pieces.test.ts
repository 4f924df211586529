import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffOp } from '../../core/model/types';
import { diffPieces, MAX_CHIP_LENGTH, type DiffPiece } from '../../core/report/diff-pieces';

/** The page side (ops 0 and 1) or the corpus side (ops 0 and -1) of a diff. */
function diffSide(diff: readonly DiffOp[], side: 'page' | 'doc'): string {
  const drop = side === 'page' ? -1 : 1;
  return diff
    .filter(([op]) => op !== drop)
    .map(([, t]) => t)
    .join('');
}

const pageText = (ps: DiffPiece[]) =>
  ps.map((p) => (p.kind === 'sub' ? p.to : p.kind === 'del' ? '' : p.text)).join('');
const docText = (ps: DiffPiece[]) =>
  ps.map((p) => (p.kind === 'sub' ? p.from : p.kind === 'ins' ? '' : p.text)).join('');
const ink = (s: string) => s.replace(/\s/g, '');

describe('diffPieces', () => {
  it('turns a deletion next to an insertion into a substitution', () => {
    const diff: DiffOp[] = [
      [0, '省委组织部'],
      [-1, '斯鑫良'],
      [1, '王小明'],
      [0, '部长'],
    ];
    expect(diffPieces(diff)).toEqual([
      { kind: 'equal', text: '省委组织部' },
      { kind: 'sub', from: '斯鑫良', to: '王小明' },
      { kind: 'equal', text: '部长' },
    ]);
    expect(
      diffPieces([
        [1, '2023'],
        [-1, '2022'],
      ]),
    ).toEqual([{ kind: 'sub', from: '2022', to: '2023' }]);
  });

  it('keeps long rewrites as a deletion and an insertion', () => {
    const long = '进一步统一思想，全力推动我县经济社会更好更快发展';
    expect(long.length).toBeGreaterThan(MAX_CHIP_LENGTH);
    expect(
      diffPieces([
        [-1, long],
        [1, '短句'],
      ]).map((p) => p.kind),
    ).toEqual(['del', 'ins']);
  });

  it('shows line-break-only differences as unchanged text', () => {
    const diff: DiffOp[] = [
      [0, '自觉性。'],
      [-1, '\n\n'],
      [1, '\n'],
      [0, '第一，'],
      [-1, '活动'],
      [1, '\n活动'],
    ];
    expect(diffPieces(diff).every((p) => p.kind === 'equal')).toBe(true);
  });

  it('rebuilds the page side exactly and the source side up to whitespace (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('组', '织', '工', '作', '\n', ' ', '1', '2'), maxLength: 6 });
    const op = fc.tuple(fc.constantFrom<-1 | 0 | 1>(-1, 0, 1), text) as fc.Arbitrary<DiffOp>;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (diff) => {
        const ps = diffPieces(diff);
        expect(pageText(ps)).toBe(diffSide(diff, 'page'));
        expect(ink(docText(ps))).toBe(ink(diffSide(diff, 'doc')));
      }),
    );
  });
});
