// The shared pieces file-writing modules build on: probe, attributes, atomic write, results.
export { PROBE_FUNCTIONS, STAT_FORMAT, probeCall } from './file-state/probe-script.js';
export { parseProbe, parseStatFields, type ProbeReport } from './file-state/parse-probe.js';
export { ABSENT, ansibleState, followed, octalMode, type FileState, type FileType, type PresentState, type StatFields } from './file-state/file-state.js';
export { pathInfo } from './file-state/path-info.js';
export { applySymbolicMode, parseModeOption, resolveMode, ModeError, type ModeRequest } from './file-attrs/mode.js';
export { ATTRS_FUNCTIONS, attrsCall, attrsWords, chmodWord, idsCall, type AttributeRequest } from './file-attrs/attrs-script.js';
export { attributeChanges, initialDiff, observedChanges, parseIds, type FileDiff, type RequestedIds } from './file-attrs/attrs-diff.js';
export { attributeRequest, fileCommonOptions, hasAttributes } from './file-attrs/common-options.js';
export { WRITE_FUNCTIONS, validateAssignment, writeCall } from './remote/atomic-write.js';
export { FILE_LIBRARY, failed, firstRecord, runFileScript, type ScriptOutcome } from './remote/run-script.js';
export { basename, dirname, joinPath } from './remote/paths.js';
export { remotePathWord } from './remote-path.js';
