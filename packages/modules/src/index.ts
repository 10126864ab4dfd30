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
import { iptablesModule } from './iptables/iptables.js';
import { groupModule } from './users/group.js';
import { userModule } from './users/user.js';
import { authorizedKeyModule } from './users/authorized-key.js';
import { sysctlModule } from './system-settings/sysctl.js';
import { cronModule } from './cron/cron.js';
import { hostnameModule } from './system-settings/hostname.js';
import { knownHostsModule } from './users/known-hosts.js';
import { pamLimitsModule } from './system-settings/pam-limits.js';
import { mountModule } from './system-settings/mount.js';
import { pingModule } from './ping.js';
import { rawModule } from './raw.js';
import { shellModule } from './shell.js';
import { aptModule } from './apt/apt.js';
import { dpkgSelectionsModule } from './dpkg-selections/dpkg-selections.js';
import { packageModule } from './package/package.js';
import { packageFactsModule } from './package-facts/package-facts.js';
import { serviceModule } from './service/service.js';
import { serviceFactsModule } from './service-facts/service-facts.js';
import { systemdModule, systemdServiceModule } from './service/systemd.js';
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
import { systemConfigModules } from './system-config-modules.js';

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
export { iptablesModule } from './iptables/iptables.js';
export { iptablesSpec, type IptablesParams } from './iptables/iptables-spec.js';
export { constructRule } from './iptables/iptables-rule.js';
export { groupModule, groupSpec, type GroupParams } from './users/group.js';
export { userModule } from './users/user.js';
export { userSpec, type UserParams } from './users/user-spec.js';
export { authorizedKeyModule, authorizedKeySpec, type AuthorizedKeyParams } from './users/authorized-key.js';
export { sysctlModule, sysctlSpec, type SysctlParams } from './system-settings/sysctl.js';
export { cronModule, cronSpec, type CronParams } from './cron/cron.js';
export { hostnameModule, hostnameSpec, type HostnameParams } from './system-settings/hostname.js';
export { knownHostsModule, knownHostsSpec, type KnownHostsParams } from './users/known-hosts.js';
export { pamLimitsModule, pamLimitsSpec, type PamLimitsParams } from './system-settings/pam-limits.js';
export { mountModule, mountSpec, type MountParams } from './system-settings/mount.js';
export { fileSpec, type FileParams } from './file/file-spec.js';
export * from './support/file-support.js';
export { aptModule } from './apt/apt.js';
export { aptSpec, type AptParams } from './apt/apt-spec.js';
export { dpkgSelectionsModule, dpkgSelectionsSpec, type DpkgSelectionsParams } from './dpkg-selections/dpkg-selections.js';
export { packageModule, packageSpec, type PackageParams } from './package/package.js';
export { packageFactsModule, packageFactsSpec, type PackageFactsParams } from './package-facts/package-facts.js';
export { serviceModule } from './service/service.js';
export { serviceFactsModule } from './service-facts/service-facts.js';
export { serviceSpec, type ServiceParams } from './service/service-spec.js';
export { systemdModule, systemdServiceModule } from './service/systemd.js';
export { systemdSpec, type SystemdParams } from './service/systemd-spec.js';
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
export * from './system-config-modules.js';

// Each module is typed by its own spec; the registry holds them by their common shape.
const all: readonly Module[] = [
  commandModule, shellModule, rawModule, pingModule,
  fileModule, copyModule, statModule, fetchModule, slurpModule, findModule, tempfileModule,
  lineinfileModule, blockinfileModule, replaceModule, templateModule, scriptModule,
  getUrlModule, unarchiveModule, archiveModule,
  setupModule,
  iptablesModule, groupModule, userModule, authorizedKeyModule, sysctlModule, cronModule,
  hostnameModule, knownHostsModule, pamLimitsModule, mountModule,
  aptModule, dpkgSelectionsModule, packageModule, packageFactsModule,
  serviceModule, systemdServiceModule, systemdModule, serviceFactsModule,
  waitForModule, waitForConnectionModule, rebootModule,
  ...systemConfigModules,
];

export const modules: ModuleRegistry = new Map(all.map((m) => [m.name, m]));
export const moduleNames: readonly string[] = all.map((m) => m.name);
