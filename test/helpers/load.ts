// Fixture loading through the real .xlsx reader of the command line.
import * as path from 'path';
import { Grid } from '../../src/core/grid';
import { readGrids } from '../../src/hosts/workbook/read';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export function loadGrids(file: string): Promise<Grid[]> {
  return readGrids(file);
}
