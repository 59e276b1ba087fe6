// The sample workbooks bundled with the playground (copies of the shared fixtures: real published tables).
import sample from '../../assets/samples/sample.xlsx';
import stackedDepartment from '../../assets/samples/stacked-department.xlsx';
import perSheet from '../../assets/samples/per-sheet.xlsx';
import flatSplit from '../../assets/samples/flat-split.xlsx';

export interface Sample {
  id: string;
  file: string;
  url: string;
}

export const SAMPLES: Sample[] = [
  { id: 'sample', file: 'sample.xlsx', url: sample },
  { id: 'stackedDepartment', file: 'stacked-department.xlsx', url: stackedDepartment },
  { id: 'perSheet', file: 'per-sheet.xlsx', url: perSheet },
  { id: 'flatSplit', file: 'flat-split.xlsx', url: flatSplit },
];
