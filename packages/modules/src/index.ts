// Task modules: one file per module, each exporting its argument spec and logic.
// Runtime imports from the engine name the file they need (not the package root),
// so loading the modules does not load the whole engine.
import type { Module, ModuleRegistry } from '@tsible/engine';
import { commandModule } from './command.js';
import { fileModule } from './file/file.js';
import { copyModule } from './copy/copy.js';
import { statModule } from './stat/stat.js';
import { slurpModule } from './slurp/slurp.js';
import { fetchModule } from './fetch/fetch.js';
import { findModule } from './find/find.js';
import { tempfileModule } from './tempfile/tempfile.js';
import { pingModule } from './ping.js';
import { rawModule } from './raw.js';
import { shellModule } from './shell.js';
import { lineinfileModule } from './lineinfile.js';
import { blockinfileModule } from './blockinfile.js';
import { replaceModule } from './replace.js';
import { templateModule } from './template.js';
import { scriptModule } from './script.js';
import { getUrlModule } from './get-url/get-url.js';
import { unarchiveModule } from './unarchive/unarchive.js';
import { archiveModule } from './archive/archive.js';
import { setupModule } from './setup.js';
import { waitForModule } from './wait-for/wait-for.js';
import { waitForConnectionModule } from './reboot/wait-for-connection.js';
import { rebootModule } from './reboot/reboot.js';

export { commandModule, commandSpec, runCommandModule, type CommandParams } from './command.js';
export { shellModule } from './shell.js';
export { rawModule, rawSpec, type RawParams } from './raw.js';
export { pingModule, pingSpec, type PingParams } from './ping.js';
export { setupModule, setupSpec, type SetupParams } from './setup.js';
export { fileModule } from './file/file.js';
export { copyModule } from './copy/copy.js';
export { copySpec, type CopyParams } from './copy/copy-spec.js';
export { statModule, statSpec, type StatParams } from './stat/stat.js';
export { slurpModule, slurpSpec, type SlurpParams } from './slurp/slurp.js';
export { fetchModule, fetchSpec, type FetchParams } from './fetch/fetch.js';
export { findModule } from './find/find.js';
export { findSpec, type FindParams } from './find/find-spec.js';
export { tempfileModule, tempfileSpec, type TempfileParams } from './tempfile/tempfile.js';
export { fileSpec, type FileParams } from './file/file-spec.js';
export * from './support/file-support.js';
export { lineinfileModule, lineinfileSpec, type LineinfileParams } from './lineinfile.js';
export { blockinfileModule, blockinfileSpec, type BlockinfileParams } from './blockinfile.js';
export { replaceModule, replaceSpec, type ReplaceParams } from './replace.js';
export { templateModule, templateSpec, type TemplateParams } from './template.js';
export { scriptModule, scriptSpec, type ScriptParams } from './script.js';
export { getUrlModule } from './get-url/get-url.js';
export { getUrlSpec, type GetUrlParams } from './get-url/get-url-spec.js';
export { unarchiveModule } from './unarchive/unarchive.js';
export { unarchiveSpec, type UnarchiveParams } from './unarchive/unarchive-spec.js';
export { archiveModule } from './archive/archive.js';
export { waitForModule } from './wait-for/wait-for.js';
export { waitForConnectionModule, waitForConnectionSpec, type WaitForConnectionParams } from './reboot/wait-for-connection.js';
export { rebootModule, rebootSpec, type RebootParams } from './reboot/reboot.js';
export { waitForSpec, type WaitForParams } from './wait-for/wait-for-spec.js';
export { archiveSpec, type ArchiveParams } from './archive/archive-spec.js';

// Each module is typed by its own spec; the registry holds them by their common shape.
const all: readonly Module[] = [
  commandModule, shellModule, rawModule, pingModule,
  fileModule, copyModule, statModule, fetchModule, slurpModule, findModule, tempfileModule,
  lineinfileModule, blockinfileModule, replaceModule, templateModule, scriptModule,
  getUrlModule, unarchiveModule, archiveModule,
  setupModule, waitForModule, waitForConnectionModule, rebootModule,
];

export const modules: ModuleRegistry = new Map(all.map((m) => [m.name, m]));
export const moduleNames: readonly string[] = all.map((m) => m.name);
