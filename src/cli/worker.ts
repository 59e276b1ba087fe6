// Worker thread of the check pool (pool.ts): receives jobs, answers each with its Outcome. One file at a time, so
// the worker's memory is one workbook's; the main thread ends the worker when a file passes its time budget.
import { parentPort, workerData } from 'worker_threads';
import { checkGrids } from '../core/check';
import { readGrids, WorkbookReadError } from '../hosts/workbook/read';
// Static, not through hosts.ts's dynamic import: under tsx's require hook (tests) import() takes Node's ESM path.
import { writeAnnotatedCopy } from '../hosts/workbook/annotate';
import { WorkbookHost } from './deps';
import { Job, JobContext, JobOptions, runJob } from './job';

const workbookHost: WorkbookHost = { readGrids, writeAnnotatedCopy, isReadError: (e) => e instanceof WorkbookReadError };

const port = parentPort;
if (port) {
  const ctx: JobContext = { host: workbookHost, check: checkGrids, options: workerData as JobOptions };
  port.on('message', (job: Job) => {
    // runJob never rejects; the catch is for an Outcome that cannot be cloned (it would be a bug).
    runJob(job, ctx).then(
      (outcome) => port.postMessage(outcome),
      (e) => port.postMessage({ index: job.index, ms: 0, entry: { file: job.display, tables: [], diagnostics: [], error: String(e) } }),
    );
  });
  port.postMessage('ready');
}
