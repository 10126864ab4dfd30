// Measures the YAML/JSON loader on generated inventories (run after `pnpm build`):
//   node bench/yaml-load.mjs [hosts=60000]
// Prints the median of 3 runs for YAML (parseYaml) and JSON (parseJsonOrYaml).
import { parseJsonOrYaml, parseYaml } from '../packages/engine/dist/index.js';

const hosts = Number(process.argv[2] ?? 60000);

function inventoryYaml(n) {
  const lines = ['all:', '  hosts:'];
  for (let i = 0; i < n; i++) {
    lines.push(`    host${i}.example.com:`);
    lines.push(`      ansible_host: 10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    lines.push(`      ansible_port: ${22 + (i % 3)}`);
    lines.push(`      tags: [web, 'db', "x${i}"]`);
    lines.push('      enabled: yes');
  }
  return `${lines.join('\n')}\n`;
}

function median(fn) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((a, b) => a - b)[1]);
}

const yaml = inventoryYaml(hosts);
const json = JSON.stringify(parseYaml(yaml, 'inventory.yml'));
const mb = (s) => (s.length / 1e6).toFixed(1);
console.log(`YAML ${mb(yaml)} MB, ${hosts} hosts: ${median(() => parseYaml(yaml, 'inventory.yml'))} ms`);
console.log(`JSON ${mb(json)} MB, ${hosts} hosts: ${median(() => parseJsonOrYaml(json, 'inventory.json'))} ms`);
