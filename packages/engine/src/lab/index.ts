// Programmatic API of `tsible lab`: disposable isolated test hosts.
export type { LabHost, LabSpec, LabState, LabUser } from './types.js';
export { labUp } from './lab-up.js';
export { labDown, labLeftovers } from './lab-down.js';
export { resetLabHost } from './lab-reset.js';
export { startLabHost, stopLabHost } from './lab-power.js';
export { loadLab, locateLab } from './locate.js';
export { defaultStateDir } from './spec.js';
export { labStatus, hostStatus, type LabStatus, type HostStatus } from './status.js';
export { renderInventory, renderSshConfig, privateHostSshArgs, proxyCommand, jumpHostOf } from './inventory.js';
export { LAB_PASSWORD } from './accounts.js';
export { APT_CACHE_DIR, LAB_PACKAGES } from './apt-repo.js';
export { checkPlatform } from './preflight.js';
