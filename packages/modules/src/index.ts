// Task modules: one file per module, each exporting its argument spec and logic.
import type { Module, ModuleRegistry } from '@tsible/engine';
import { commandModule } from './command.js';
import { pingModule } from './ping.js';
import { rawModule } from './raw.js';
import { shellModule } from './shell.js';
import { setupModule } from './setup.js';

export { commandModule, commandSpec, runCommandModule, type CommandParams } from './command.js';
export { shellModule } from './shell.js';
export { rawModule, rawSpec, type RawParams } from './raw.js';
export { pingModule, pingSpec, type PingParams } from './ping.js';
export { setupModule, setupSpec, type SetupParams } from './setup.js';

// Each module is typed by its own spec; the registry holds them by their common shape.
const all: readonly Module[] = [commandModule, shellModule, rawModule, pingModule, setupModule];

export const modules: ModuleRegistry = new Map(all.map((m) => [m.name, m]));
export const moduleNames: readonly string[] = all.map((m) => m.name);
