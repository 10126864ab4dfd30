import jsYaml from 'js-yaml';
import { pythonKeyString } from '../text/python-format.js';
import { recordLazyLocations, type LazyLocations } from './locations.js';
import { setOwn } from './own-property.js';
import { constructBool, constructFloat, constructInt, constructTimestamp, resolvePlainTag } from './yaml11-scalars.js';

/**
 * A non-string scalar as js-yaml sees it while loading: when it is used as a
 * mapping key, js-yaml turns it into text with toString(), which gives
 * Python's str() (True, None, 1.0); as a value it is unwrapped afterwards.
 */
class ScalarBox {
  constructor(
    readonly value: unknown,
    private readonly keyText: string,
  ) {}

  // js-yaml only calls toString() on key objects that carry their own tag.
  get [Symbol.toStringTag](): string {
    return 'ScalarBox';
  }

  toString(): string {
    return this.keyText;
  }
}

/** PyYAML's implicit resolution for every plain scalar js-yaml reads. */
const pyScalar = new jsYaml.Type('tag:tsible,2024:py-scalar', {
  kind: 'scalar',
  resolve: () => true,
  construct: (text: string): unknown => {
    switch (resolvePlainTag(text)) {
      case 'null':
        return new ScalarBox(null, 'None');
      case 'bool': {
        const value = constructBool(text);
        return new ScalarBox(value, pythonKeyString(value, false));
      }
      case 'int': {
        const value = constructInt(text);
        return Number.isSafeInteger(value) ? value : new ScalarBox(value, pythonKeyString(value, false));
      }
      case 'float': {
        const value = constructFloat(text);
        return new ScalarBox(value, pythonKeyString(value, true));
      }
      case 'timestamp':
        return constructTimestamp(text);
      case 'str':
        return text;
      default:
        // `<<` and `=` need PyYAML's special handling: leave them to the full loader.
        throw new FallBack();
    }
  },
});

const SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [pyScalar] });

/** Thrown to hand a document to the full loader. */
class FallBack extends Error {}

/**
 * Anything beyond plain mappings, sequences and scalars goes to the full
 * loader: tags, anchors/aliases, merge keys, directives, explicit keys,
 * collections as keys, block scalars, empty or nested (`- - x`) sequence
 * entries and tabs. Those are where js-yaml is laxer than libyaml about
 * indentation or where the parsers disagree.
 */
const NEEDS_FULL_LOADER = new RegExp(
  [
    '\\t', // tabs
    '!(?!=)', // tags (`!=` in a condition is text)
    '(?:^|[\\s\\[{,])[&*]', // anchors and aliases: `&`/`*` where a node can start
    '<<', // merge keys
    '^%', // directives
    '^\\s*[?:](?:\\s|$)', // explicit keys and values
    '[\\]}]\\s*:(?:\\s|$)', // a flow collection as a key
    '[|>][-+0-9]*[ ]*(?:#.*)?$', // block scalar headers
    '^\\s*-[ ]*(?:#.*)?$', // empty sequence entries
    '^\\s*-\\s+-(?:\\s|$)', // compact nested sequences
  ].join('|'),
  'm',
);

/** Replaces boxes by their values and lets every collection find its positions later. */
function finish(value: unknown, lazy: LazyLocations): unknown {
  if (value instanceof ScalarBox) return value.value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = finish(value[i], lazy);
    recordLazyLocations(value, lazy);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      // A key written `null`/`~` (None) or "null" cannot be told apart here.
      if (key === 'null') throw new FallBack();
      setOwn(map, key, finish(map[key], lazy));
    }
    recordLazyLocations(map, lazy);
  }
  return value;
}

export type FastResult = { ok: true; value: unknown } | { ok: false };

/**
 * Loads plain YAML documents (the bulk of inventories and vars files) with
 * js-yaml, about ten times faster than the full loader, giving the same
 * values. Positions are worked out by the full loader only when someone asks
 * for one (`locate`). Duplicate keys, errors and any unusual feature make it
 * decline, and the full loader takes over.
 */
export function fastParseYaml(text: string, locate: () => unknown): FastResult {
  if (NEEDS_FULL_LOADER.test(text)) return { ok: false };
  try {
    const loaded = jsYaml.load(text, { schema: SCHEMA, json: false });
    const lazy: LazyLocations = { build: locate, done: false, root: undefined };
    const value = finish(loaded === undefined ? null : loaded, lazy);
    lazy.root = value;
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}
