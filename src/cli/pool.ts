// Runs jobs in worker threads, one per core, and hands the outcomes back in input order (so reports read the same
// as a serial run). Bounded: at most `window` outcomes wait for an earlier slow file, so memory does not grow with
// the number of files. A file past its time budget, or one that kills its worker (out of memory), becomes that
// file's error; the worker is replaced and the run goes on.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { cliText } from '../core/i18n/cli';
import { Job, JobContext, JobOptions, Outcome, runJob } from './job';

export interface PoolOptions {
  /** Worker threads; 0 runs in this thread (no time budget can then be enforced). */
  workers: number;
  /** Per-file time budget in ms; 0 for none. */
  timeoutMs: number;
  options: JobOptions;
  /** A worker's heap limit: a workbook that needs more fails alone instead of taking the run down. */
  maxHeapMb?: number;
}

export type Deliver = (o: Outcome) => void | Promise<void>;

/** Compiled (dist/cli/worker.js) or, under ts-jest and tsx, the TypeScript source through tsx's require hook. */
function workerEntry(): { file: string; eval: boolean } {
  const js = path.join(__dirname, 'worker.js');
  if (fs.existsSync(js)) return { file: js, eval: false };
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(path.join(__dirname, 'worker.ts'))});`;
  return { file: boot, eval: true };
}

function failedOutcome(job: Job, error: string, ms: number): Outcome {
  return {
    index: job.index,
    ms,
    entry: { file: job.display, tables: [], diagnostics: [], error, verdict: null },
    ...(job.annotateTo ? { annotate: { ok: false as const, reason: error } } : {}),
  };
}

/** In this thread, one file after the other. */
export async function runSerial(jobs: readonly Job[], ctx: JobContext, deliver: Deliver): Promise<void> {
  for (const job of jobs) await deliver(await runJob(job, ctx));
}

interface Slot {
  worker: Worker;
  /** Modules loaded: the time budget counts from here, not from the thread's start. */
  ready: boolean;
  job?: Job;
  started: number;
  timer?: ReturnType<typeof setTimeout>;
}

export function runPool(jobs: readonly Job[], opts: PoolOptions, deliver: Deliver): Promise<void> {
  const entry = workerEntry();
  const window = Math.max(4, opts.workers * 8);
  const ready = new Map<number, Outcome>();
  let next = 0; // next position to hand out to a worker
  let delivered = 0; // outcomes delivered, in order
  let flushing = false;
  let failed: unknown;
  const slots: Slot[] = [];

  return new Promise<void>((resolve, reject) => {
    const finish = () => {
      for (const s of slots) {
        if (s.timer) clearTimeout(s.timer);
        void s.worker.terminate();
      }
      if (failed !== undefined) reject(failed);
      else resolve();
    };

    const flush = async () => {
      if (flushing) return;
      flushing = true;
      try {
        while (ready.has(delivered)) {
          const o = ready.get(delivered)!;
          ready.delete(delivered);
          await deliver(o);
          delivered++;
        }
      } catch (e) {
        failed = e;
      } finally {
        flushing = false;
      }
      if (failed !== undefined || delivered === jobs.length) finish();
      else pump();
    };

    const complete = (slot: Slot, o: Outcome) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.job = undefined;
      ready.set(o.index, o);
      // The worker gets its next file now, not after this one's report pages are written.
      if (failed === undefined) pump();
      void flush();
    };

    const replace = (slot: Slot) => {
      const i = slots.indexOf(slot);
      void slot.worker.terminate();
      slots[i] = spawn();
    };

    const spawn = (): Slot => {
      const worker = new Worker(entry.file, {
        workerData: opts.options,
        eval: entry.eval,
        resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb || 2048 },
      });
      const slot: Slot = { worker, ready: false, started: 0 };
      worker.on('message', (o: Outcome | 'ready') => {
        if (o === 'ready') {
          slot.ready = true;
          pump();
        } else if (slot.job && o.index === slot.job.index) complete(slot, o);
      });
      const lost = (err?: unknown) => {
        // The worker died under a file (out of memory, a native crash): that file fails, a new worker goes on.
        const job = slot.job;
        if (!job || slots.indexOf(slot) < 0) return;
        replace(slot);
        const o = failedOutcome(job, cliText.workerCrashed, Date.now() - slot.started);
        if (opts.options.debug && err instanceof Error) o.debug = String(err.stack || err);
        complete(slot, o);
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      return slot;
    };

    const pump = () => {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (!slot.ready || slot.job || next >= jobs.length || next >= delivered + window) continue;
        const job = jobs[next++];
        slot.job = job;
        slot.started = Date.now();
        if (opts.timeoutMs > 0) {
          slot.timer = setTimeout(() => {
            if (slot.job !== job) return;
            replace(slot);
            complete(slot, failedOutcome(job, cliText.timedOut(Math.round(opts.timeoutMs / 1000)), Date.now() - slot.started));
          }, opts.timeoutMs);
        }
        slot.worker.postMessage(job);
      }
    };

    if (jobs.length === 0) return resolve();
    for (let i = 0; i < Math.min(opts.workers, jobs.length); i++) slots.push(spawn());
    pump();
  });
}
