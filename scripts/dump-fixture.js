const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const maxRows = +process.argv[3] || 60;
  wb.eachSheet(ws => {
    console.log('== sheet', ws.name, ws.rowCount, ws.columnCount, 'merges', Object.keys(ws._merges).length);
    console.log('merges sample', Object.values(ws._merges).slice(0, 12).map(m => m.range).join(' '));
    let n = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (n++ > maxRows) return;
      const cells = [];
      row.eachCell({ includeEmpty: false }, (c, col) => { if (c.type !== ExcelJS.ValueType.Merge) cells.push(c.address + '=' + JSON.stringify(c.value).slice(0, 40)); });
      console.log(r, cells.join(' | '));
    });
  });
})();
