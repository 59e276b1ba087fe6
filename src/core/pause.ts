// Long work in the task pane runs in slices. The caller hands the work a Pause: awaited between pieces of work, it
// yields to the host once the current slice has run long enough (Excel restarts an add-in whose pane blocks for
// about 5 s) and may throw to cancel. Work with no host to yield to (the command line) passes none.
export type Pause = () => Promise<void>;

/** Work that never yields. */
export const noPause: Pause = () => Promise.resolve();
