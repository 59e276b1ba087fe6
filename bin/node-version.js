'use strict';
// The Node.js version check of the launcher, written for any Node (no let, arrows or modern APIs): it must run to
// say, in Chinese, that the Node.js in use is too old. The required version is package.json's `engines`.
var pkg = require('../package.json');

/** The message for a too-old Node.js, or null when `version` ("v18.19.0") satisfies engines.node (">=20.10.0"). */
function nodeTooOld(version, range) {
  range = range || pkg.engines.node;
  var need = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  var have = /(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!need || !have) return null;
  for (var i = 1; i <= 3; i++) {
    if (Number(have[i]) > Number(need[i])) return null;
    if (Number(have[i]) < Number(need[i])) {
      return 'ptcheck 需要 Node.js ' + need[0] + ' 或更高版本，当前为 ' + version + '。请安装较新的 Node.js（长期支持版）后再运行。\n';
    }
  }
  return null;
}

module.exports = { nodeTooOld: nodeTooOld };
