// Loaded first by every page entry. Babel's `useBuiltIns: 'usage'` adds the core-js modules each file needs, but
// React reads Symbol.for when its module loads: these make sure Symbol, Promise, Map and Set are in place before
// anything else runs in IE11 (volume-licensed Office 2016/2019 task panes).
import 'core-js/es/symbol';
import 'core-js/es/promise';
import 'core-js/es/map';
import 'core-js/es/set';
import 'core-js/es/weak-map';
import 'core-js/es/object/assign';
import 'core-js/es/array/from';
import 'core-js/es/array/iterator';
import 'core-js/es/string/iterator';
import 'core-js/web/dom-collections';
