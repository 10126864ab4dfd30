import type { Emitter } from '../../output/events.js';
import type { InventoryData } from '../model/inventory-data.js';

/** What a source parser gets: the inventory to fill, the file it reads, where to warn. */
export interface SourceContext {
  data: InventoryData;
  file: string;
  events: Emitter;
  /** Ansible shows each distinct warning once; parsers share this set. */
  warnOnce(code: string, message: string): void;
}
