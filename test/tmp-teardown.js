// Jest globalTeardown: the run fails when a test left a ptcheck-* folder or file in its temporary directory
// (tmp-setup.js), then the directory is removed whatever it holds.
const fs = require('fs');

module.exports = async () => {
  const dir = process.env.PTCHECK_JEST_TMP;
  if (!dir || !fs.existsSync(dir)) return;
  const left = fs.readdirSync(dir).filter((n) => n.startsWith('ptcheck-'));
  fs.rmSync(dir, { recursive: true, force: true });
  if (left.length) throw new Error(`tests left temporary files behind (remove them in afterAll/finally): ${left.join(', ')}`);
};
