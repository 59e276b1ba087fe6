// The fake office-js for tests, the bench and the browser playground (see workbook.ts and office.ts).
export * from './workbook';
export * from './office';
export * from './sheets';
