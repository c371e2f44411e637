import { describe, expect, it } from 'vitest';
import { type ReportModel, reviseModel } from '../../../src/core/report/model';

describe('reviseModel', () => {
  it('replaces fields without building the lazy source rows, which stay lazy in the copy', () => {
    let built = 0;
    const model = {
      title: 'T',
      notes: [{ message: 'a' }],
      get cleanSource() {
        built++;
        return [['x']];
      },
    } as unknown as ReportModel;
    const revised = reviseModel(model, { notes: [...model.notes, { message: 'b' }] });
    expect(built).toBe(0);
    expect(revised.notes.map((n) => n.message)).toEqual(['a', 'b']);
    expect(model.notes.map((n) => n.message)).toEqual(['a']);
    expect(revised.title).toBe('T');
    expect(revised.cleanSource).toEqual([['x']]);
    expect(built).toBe(1);
    // A spread, for contrast, builds them at once.
    void { ...model };
    expect(built).toBe(2);
  });
});
