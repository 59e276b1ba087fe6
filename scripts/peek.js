// Prints the annotated cells and the 审核意见 sheet of a workbook written by `ptcheck check --out`.
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const ws = wb.worksheets[0];
  let n = 0;
  ws.eachRow((row) => row.eachCell((c) => {
    if (c.note && n++ < 6) console.log(c.address, JSON.stringify(c.fill && c.fill.fgColor), '\n  ' + (typeof c.note === 'string' ? c.note : JSON.stringify(c.note)).slice(0, 200));
  }));
  const s = wb.getWorksheet('审核意见');
  console.log('审核意见 rows', s.rowCount);
  for (let r = 1; r <= 4; r++) console.log(s.getRow(r).values.map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : v)).join(' | '));
})();
