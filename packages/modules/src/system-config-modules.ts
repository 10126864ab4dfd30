// Modules for apt sources, firewall state and system settings, registered as one group.
import type { Module } from '@tsible/engine';
import { timezoneModule } from './system-settings/timezone.js';
import { localeGenModule } from './system-settings/locale-gen.js';
import { modprobeModule } from './system-settings/modprobe.js';
import { aptRepositoryModule } from './apt-repository/apt-repository.js';
import { deb822RepositoryModule } from './apt-repository/deb822-repository.js';
import { iptablesStateModule } from './iptables/iptables-state.js';

export { timezoneModule, timezoneSpec, type TimezoneParams } from './system-settings/timezone.js';
export { localeGenModule, localeGenSpec, type LocaleGenParams } from './system-settings/locale-gen.js';
export { modprobeModule, modprobeSpec, type ModprobeParams } from './system-settings/modprobe.js';
export { aptRepositoryModule, aptRepositorySpec, type AptRepositoryParams } from './apt-repository/apt-repository.js';
export { iptablesStateModule } from './iptables/iptables-state.js';
export { iptablesStateSpec, type IptablesStateParams } from './iptables/iptables-state-spec.js';
export { deb822RepositoryModule, deb822RepositorySpec, type Deb822RepositoryParams } from './apt-repository/deb822-repository.js';

export const systemConfigModules: readonly Module[] = [
  timezoneModule, localeGenModule, modprobeModule, aptRepositoryModule, deb822RepositoryModule, iptablesStateModule,
];
