// Task modules: one file per module, each exporting its argument spec and logic.
export const moduleNames: readonly string[] = [];
