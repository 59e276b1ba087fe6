// Jest globalSetup: every test of the run gets one private temporary directory (TMPDIR, which os.tmpdir() and
// the tools the tests start honour), so what a test leaves behind can be found and named (tmp-teardown.js).
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-jest-'));
  process.env.PTCHECK_JEST_TMP = dir;
  process.env.TMPDIR = dir;
};
