// The fake office-js (src/fakes/excel) behaves like Excel where it matters to the adapter: proxies throw before
// load + sync, writes apply at sync in order, errors carry office-js codes, *OrNullObject, collections, requirement
// sets gated by the API level, the '#FFFFFF' fill trap, document settings, events, cell edit mode.
import { FakeWorkbook, installFakeOffice, versionAtLeast, FakeOffice, parseArea, quoteSheet } from '../src/fakes/excel';

function book(): FakeWorkbook {
  return FakeWorkbook.fromSheets(
    [
      {
        name: 'Sheet1',
        cells: [
          { row: 0, col: 0, value: '项目名称' },
          { row: 0, col: 1, value: 7.99, text: '7.99' },
          { row: 1, col: 0, value: '0012' },
          { row: 1, col: 1, value: null, error: '#REF!' },
          { row: 2, col: 0, value: 'x', fill: '#FFFF00' },
          { row: 2, col: 1, value: 'white', fill: '#FFFFFF' },
        ],
        merges: [{ top: 3, left: 0, bottom: 4, right: 1 }],
        notes: [{ row: 0, col: 0, text: '用户批注' }],
        comments: [{ row: 0, col: 1, text: '请核对', replies: ['已核对'] }],
      },
      { name: 'My Sheet', cells: [], merges: [] },
    ],
    { keep: JSON.stringify({ a: 1 }) },
  );
}

let fake: FakeOffice | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

const run = <T>(f: (ctx: any) => Promise<T>): Promise<T> => (globalThis as any).Excel.run(f);

describe('proxies', () => {
  it('reading a property before load + sync throws PropertyNotLoaded; after sync it is there', async () => {
    fake = installFakeOffice(book(), { apiLevel: '1.18' });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values,text,valueTypes,address');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1:B2');
      expect(r.values).toEqual([['项目名称', 7.99], ['0012', '#REF!']]);
      expect(r.valueTypes).toEqual([['String', 'Double'], ['String', 'Error']]);
      expect(r.text).toEqual([['项目名称', '7.99'], ['0012', '#REF!']]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('writes are queued and applied at sync, in order', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('C1').values = [['first']];
      ws.getRange('C1').values = [['second']];
      const r = ws.getRange('C1');
      r.load('values');
      expect(wb.sheet('Sheet1')!.cell(0, 2).value).toBeNull();
      await ctx.sync();
      expect(r.values).toEqual([['second']]);
    });
    expect(wb.sheet('Sheet1')!.cell(0, 2).text).toBe('second');
    expect(fake.stats.syncs).toBe(1);
  });

  it('a bad address and a missing sheet fail at sync with office-js error codes; earlier writes stay', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.18' });
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('D1').values = [['kept']];
        ws.getRange('not an address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', name: 'RichApi.Error' });
    expect(wb.sheet('Sheet1')!.cell(0, 3).value).toBe('kept');
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['one']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('*OrNullObject: isNullObject only after sync; methods on a null object do nothing', async () => {
    fake = installFakeOffice(book(), { apiLevel: '1.18' });
    await run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const some = ctx.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => none.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      none.delete();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.isNullObject).toBe(false);
      const used = ctx.workbook.worksheets.getItem('My Sheet').getUsedRangeOrNullObject();
      const note = ctx.workbook.worksheets.getItem('Sheet1').notes.getItemOrNullObject('C9');
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(note.isNullObject).toBe(true);
    });
  });

  it('collections: items after load("items/name") or load("name"), getItem, add, getCount', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.4' });
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s: any) => s.name)).toEqual(['Sheet1', 'My Sheet']);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const added = sheets.add('审核意见');
      added.load('name,id,position');
      const count = sheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(added.name).toBe('审核意见');
      expect(added.position).toBe(2);
      expect(count.value).toBe(3);
      sheets.load('name');
      await ctx.sync();
      expect(sheets.items.map((s: any) => s.name)).toEqual(['Sheet1', 'My Sheet', '审核意见']);
      sheets.add('审核意见');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
  });

  it('the fill trap: no fill reads #FFFFFF, mixed ranges read null, pattern (1.9+) tells None from white', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.9' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const none = ws.getRange('A1').format.fill;
      const white = ws.getRange('B3').format.fill;
      const mixed = ws.getRange('A3:B3').format.fill;
      for (const f of [none, white, mixed]) f.load('color,pattern');
      await ctx.sync();
      expect(none.color).toBe('#FFFFFF');
      expect(white.color).toBe('#FFFFFF');
      expect(none.pattern).toBe('None');
      expect(white.pattern).toBe('Solid');
      expect(mixed.color).toBeNull();
      ws.getRange('A3').format.fill.clear();
      ws.getRange('A1').format.fill.color = '#ffc7ce';
      await ctx.sync();
    });
    expect(wb.sheet('Sheet1')!.cell(2, 0).fill).toBeNull();
    expect(wb.sheet('Sheet1')!.cell(0, 0).fill).toBe('#FFC7CE');
    expect(fake.stats.perSync[fake.stats.perSync.length - 1].cellsFormatted).toBe(2);
  });

  it('comments and notes: add, read by cell, replies, delete; a cell holds one of them', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.18' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const c = ctx.workbook.comments.getItemByCell('Sheet1!B1');
      c.load('content,id');
      c.replies.load('items/content');
      const n = ws.notes.getItem('A1');
      n.load('content');
      await ctx.sync();
      expect(c.content).toBe('请核对');
      expect(c.replies.items.map((r: any) => r.content)).toEqual(['已核对']);
      expect(n.content).toBe('用户批注');
      ws.comments.add('A1', 'x');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const added = ws.comments.add('C5', '审核意见');
      added.load('id');
      ws.notes.add('C6', '提示');
      await ctx.sync();
      expect(typeof added.id).toBe('string');
      ctx.workbook.comments.getItem(added.id).delete();
      ws.notes.getItem('C6').delete();
      ctx.workbook.comments.getItemByCell('Sheet1!D9');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    const s = wb.sheet('Sheet1')!;
    expect(s.cell(4, 2).comment).toBeUndefined();
    expect(s.cell(5, 2).note).toBeUndefined();
    expect(s.cell(0, 1).comment).toBe('请核对\n已核对');
  });

  it('merged areas (1.13): only areas starting in the range, address with the sheet; null when none', async () => {
    fake = installFakeOffice(book(), { apiLevel: '1.13' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const m = ws.getRange('A1:C9').getMergedAreasOrNullObject();
      const inner = ws.getRange('B5:C9').getMergedAreasOrNullObject();
      m.load('address,areaCount');
      inner.load('address');
      await ctx.sync();
      expect(m.address).toBe('Sheet1!A4:B5');
      expect(m.areaCount).toBe(1);
      expect(inner.isNullObject).toBe(true);
    });
  });

  it('getMergedAreasOrNullObject fails past 512 merged areas; getRanges fails past ~8 KB of addresses', async () => {
    const merges = Array.from({ length: 513 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
    fake = installFakeOffice(FakeWorkbook.fromSheets([{ name: 'S', cells: [], merges }]), { apiLevel: '1.13' });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B513').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    const long = Array.from({ length: 1200 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`).join(',');
    expect(long.length).toBeGreaterThan(8192);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRanges(long).format.fill.color = '#FFC7CE';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reading more than 5,000,000 cells gives null values, as Excel does', async () => {
    fake = installFakeOffice(book(), { apiLevel: '1.1' });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001');
      r.load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
  });
});

describe('API level switch', () => {
  it('isSetSupported compares versions part by part: 1.10 > 1.9; numbers lose the trailing 0', () => {
    fake = installFakeOffice(book(), { apiLevel: '1.9' });
    const req = (globalThis as any).Office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(req.isSetSupported('ExcelApi', '1.2')).toBe(true);
    expect(req.isSetSupported('ExcelApi', 1.1)).toBe(true); // 1.10 as a number is 1.1
    expect(versionAtLeast('1.13', '1.9')).toBe(true);
    expect(versionAtLeast('1.9', '1.13')).toBe(false);
  });

  it.each([
    ['1.1', 'getUsedRangeOrNullObject', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject().load('address')],
    ['1.1', 'getItemOrNullObject', (ctx: any) => ctx.workbook.worksheets.getItemOrNullObject('Sheet1').load('name')],
    ['1.6', 'onChanged', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(() => undefined)],
    ['1.8', 'getRanges', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').getRanges('A1,B2').load('address')],
    ['1.8', 'fill.pattern', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.load('pattern')],
    ['1.9', 'comments', (ctx: any) => ctx.workbook.comments.load('items/id')],
    ['1.12', 'getMergedAreasOrNullObject', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B9').getMergedAreasOrNullObject().load('address')],
    ['1.13', 'comments.getItemOrNullObject', (ctx: any) => ctx.workbook.comments.getItemOrNullObject('x').load('id')],
    ['1.17', 'notes', (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').notes.load('items/content')],
    ['1.1', 'visibility set', (ctx: any) => (ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden')],
  ])('at %s, %s fails at sync with ApiNotFound', async (level, _name, use) => {
    fake = installFakeOffice(book(), { apiLevel: level });
    await expect(
      run(async (ctx) => {
        use(ctx);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('the same calls work one level up', async () => {
    fake = installFakeOffice(book(), { apiLevel: '1.18' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const areas = ws.getRanges('A1, B2:B3');
      areas.load('address,areaCount');
      const notes = ws.notes;
      notes.load('items/content');
      await ctx.sync();
      expect(areas.address).toBe('Sheet1!A1,Sheet1!B2:B3');
      expect(notes.items.map((n: any) => n.content)).toEqual(['用户批注']);
    });
  });
});

describe('workbook model', () => {
  it('document settings persist only through saveAsync, and survive toJSON/fromJSON', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    const settings = (globalThis as any).Office.context.document.settings;
    expect(settings.get('keep')).toEqual({ a: 1 });
    settings.set('k', { x: [1, 2] });
    expect(wb.settings.k).toBeUndefined();
    await new Promise<void>((r) => settings.saveAsync((res: any) => (expect(res.status).toBe('succeeded'), r())));
    expect(JSON.parse(wb.settings.k)).toEqual({ x: [1, 2] });
    fake.uninstall();
    const reopened = FakeWorkbook.fromJSON(wb.toJSON());
    fake = installFakeOffice(reopened, { apiLevel: '1.1' });
    expect((globalThis as any).Office.context.document.settings.get('k')).toEqual({ x: [1, 2] });
    expect(reopened.snapshot()).toEqual(wb.snapshot());
  });

  it('editCell fires worksheet.onChanged (1.7+) with the address; API writes carry triggerSource at 1.14+', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.14' });
    const seen: any[] = [];
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e: any) => void seen.push(e));
      await ctx.sync();
    });
    await wb.editCell('Sheet1', 4, 2, '12');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ address: 'C5', changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' });
    expect(wb.sheet('Sheet1')!.cell(4, 2).value).toBe(12);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C6').values = [['x']];
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ address: 'C6', triggerSource: 'ThisLocalAddin' });
  });

  it('cell edit mode: a batch fails, unless it asked to wait (delayForCellEdit)', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.18' });
    wb.beginCellEdit();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = (globalThis as any).Excel.run({ delayForCellEdit: true }, async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values[0][0];
    });
    setTimeout(() => wb.endCellEdit(), 5);
    await expect(waiting).resolves.toBe('项目名称');
  });

  it('subscribe: one notification per sync, and for user edits', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    const changes: any[] = [];
    const off = wb.subscribe((c) => changes.push(c));
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B2').format.fill.color = '#FFEB9C';
      ws.getRange('E1').values = [['v']];
      await ctx.sync();
    });
    expect(changes).toHaveLength(1);
    expect(changes[0].kinds.sort()).toEqual(['fills', 'values']);
    await wb.editCell('Sheet1', 9, 9, 'u');
    expect(changes).toHaveLength(2);
    off();
    await wb.editCell('Sheet1', 9, 9, 'w');
    expect(changes).toHaveLength(2);
  });

  it('typing semantics: numbers, percentages, formulas; text format keeps text; HYPERLINK shows its name', async () => {
    const wb = book();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('My Sheet');
      ws.getRange('A1:D1').values = [['12', '90%', '=HYPERLINK("#\'Sheet1\'!A1","A1")', 'abc']];
      const t = ws.getRange('A2');
      t.numberFormat = [['@']];
      t.values = [['0012']];
      await ctx.sync();
    });
    const s = wb.sheet('My Sheet')!;
    expect(s.cell(0, 0).value).toBe(12);
    expect(s.cell(0, 1)).toMatchObject({ value: 0.9, text: '90%' });
    expect(s.cell(0, 2)).toMatchObject({ value: 'A1', formula: '=HYPERLINK("#\'Sheet1\'!A1","A1")' });
    expect(s.cell(1, 0)).toMatchObject({ value: '0012', text: '0012' });
  });

  it('addresses: quoting of sheet names and parsing of areas', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('项目绩效目标表')).toBe('项目绩效目标表');
    expect(quoteSheet('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheet("O'Neil")).toBe("'O''Neil'");
    expect(parseArea("'My Sheet'!$B$2:C3")).toEqual({ sheet: 'My Sheet', rect: { top: 1, left: 1, bottom: 2, right: 2 } });
    expect(parseArea('A:B')!.rect.bottom).toBe(1048575);
    expect(parseArea('A1:B2:C3')).toBeUndefined();
  });

  it('the payload limit (Excel on the web): a too large response fails with ResponsePayloadSizeLimitExceeded', async () => {
    const cells = Array.from({ length: 2000 }, (_, i) => ({ row: i, col: 0, value: 'x'.repeat(100) }));
    fake = installFakeOffice(FakeWorkbook.fromSheets([{ name: 'S', cells, merges: [] }]), { apiLevel: '1.18', payloadLimitBytes: 100_000 });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A2000').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('inserting rows, merging and copying formats', () => {
  function tableBook(): FakeWorkbook {
    return FakeWorkbook.fromSheets([
      {
        name: 'S',
        cells: [
          { row: 0, col: 0, value: '产出指标' },
          { row: 0, col: 1, value: '数量' },
          { row: 1, col: 1, value: '质量', fill: '#E2EFDA' },
          { row: 1, col: 2, value: 'x', numberFormat: '@' },
          { row: 4, col: 0, value: '效益指标' },
          { row: 6, col: 5, value: '表外' },
        ],
        merges: [
          { top: 0, left: 0, bottom: 3, right: 0 },
          { top: 4, left: 0, bottom: 5, right: 0 },
          { top: 1, left: 2, bottom: 1, right: 3 },
        ],
        notes: [{ row: 6, col: 5, text: '批注' }],
        comments: [{ row: 4, col: 1, text: '意见' }],
      },
    ]);
  }
  const text = (r: { top: number; left: number; bottom: number; right: number }) => `${r.top}:${r.left}-${r.bottom}:${r.right}`;

  it('Range.insert on whole rows (1.1): everything below moves; merged areas spanning the point grow, those at its edge do not', async () => {
    const wb = tableBook();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      // Bottom-up: after row 5 (the end of 效益, 0-based 5), then inside 产出 (before 0-based row 2).
      ws.getRange('7:7').insert('Down');
      const r = ws.getRange('3:4').insert('Down');
      r.load('address');
      await ctx.sync();
      expect(r.address).toBe('S!3:4');
    });
    const s = wb.sheet('S')!;
    expect(s.merges.map(text).sort()).toEqual(['0:0-5:0', '1:2-1:3', '6:0-7:0'].sort());
    expect(s.cell(6, 0).value).toBe('效益指标');
    expect(s.cell(1, 1)).toMatchObject({ value: '质量', fill: '#E2EFDA' });
    expect(s.cell(9, 5)).toMatchObject({ value: '表外', note: '批注' });
    expect(s.cell(6, 1).comment).toBe('意见');
    // The new cells are blank.
    expect([s.cell(2, 1).value, s.cell(3, 1).value, s.cell(8, 5).value]).toEqual([null, null, null]);
  });

  it('refuses to split a merged area or push cells off the sheet', async () => {
    const wb = tableBook();
    fake = installFakeOffice(wb, { apiLevel: '1.18' });
    await expect(
      run(async (ctx) => {
        // Column B only, below row 2: no merged area in the way.
        ctx.workbook.worksheets.getItem('S').getRange('B3').insert('Down');
        // The merged C2:D2 would be cut by an insert in B:C from row 2.
        ctx.workbook.worksheets.getItem('S').getRange('B2:C2').insert('Down');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    const big = FakeWorkbook.fromSheets([{ name: 'S', cells: [{ row: 1048575, col: 0, value: 'last' }], merges: [] }]);
    fake.uninstall();
    fake = installFakeOffice(big, { apiLevel: '1.18' });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('5:5').insert('Down');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('merge (1.2) keeps the top-left value only; unmerge and merge are ApiNotFound at 1.1', async () => {
    const wb = tableBook();
    fake = installFakeOffice(wb, { apiLevel: '1.2' });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('B1:B2');
      r.unmerge();
      r.merge(false);
      await ctx.sync();
    });
    const s = wb.sheet('S')!;
    expect(s.merges.map(text)).toContain('0:1-1:1');
    expect(s.cell(1, 1).value).toBeNull();
    fake.uninstall();
    fake = installFakeOffice(tableBook(), { apiLevel: '1.1' });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('B1:B2').merge();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('copyFrom Formats (1.9) repeats fills, number formats and the merged areas inside the source over the target', async () => {
    const wb = tableBook();
    fake = installFakeOffice(wb, { apiLevel: '1.9' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B8:D9').copyFrom(ws.getRange('B2:D2'), 'Formats');
      await ctx.sync();
    });
    const s = wb.sheet('S')!;
    expect([s.cell(7, 1).fill, s.cell(8, 1).fill, s.cell(8, 2).numberFormat]).toEqual(['#E2EFDA', '#E2EFDA', '@']);
    expect([s.cell(7, 1).value, s.cell(8, 2).value]).toEqual([null, null]);
    expect(s.merges.map(text)).toEqual(expect.arrayContaining(['7:2-7:3', '8:2-8:3']));
    fake.uninstall();
    fake = installFakeOffice(tableBook(), { apiLevel: '1.8' });
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('B8').copyFrom(ws.getRange('B2'), 'Formats');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('a leading apostrophe types text: "\'=100%" is the text =100%', async () => {
    const wb = tableBook();
    fake = installFakeOffice(wb, { apiLevel: '1.1' });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('H1:H2').values = [["'=100%"], ['=']];
      await ctx.sync();
    });
    const s = wb.sheet('S')!;
    expect(s.cell(0, 7)).toMatchObject({ value: '=100%', text: '=100%' });
    expect(s.cell(0, 7).formula).toBeUndefined();
  });
});
