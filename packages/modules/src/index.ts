// Task modules: one file per module, each exporting its argument spec and logic.
// Runtime imports from the engine name the file they need (not the package root),
// so loading the modules does not load the whole engine.
import type { Module, ModuleRegistry } from '@tsible/engine';
import { commandModule } from './command.js';
import { pingModule } from './ping.js';
import { rawModule } from './raw.js';
import { shellModule } from './shell.js';

export { commandModule, commandSpec, runCommandModule, type CommandParams } from './command.js';
export { shellModule } from './shell.js';
export { rawModule, rawSpec, type RawParams } from './raw.js';
export { pingModule, pingSpec, type PingParams } from './ping.js';

// Each module is typed by its own spec; the registry holds them by their common shape.
const all: readonly Module[] = [commandModule, shellModule, rawModule, pingModule];

export const modules: ModuleRegistry = new Map(all.map((m) => [m.name, m]));
export const moduleNames: readonly string[] = all.map((m) => m.name);
