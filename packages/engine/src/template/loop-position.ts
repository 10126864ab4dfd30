/**
 * Where an iteration stands in its list: the fields Jinja's `loop` and
 * Ansible's `ansible_loop` (loop_control.extended) share.
 */
export interface LoopPosition {
  index: number;
  index0: number;
  revindex: number;
  revindex0: number;
  first: boolean;
  last: boolean;
  length: number;
}

export function loopPosition(length: number, index0: number): LoopPosition {
  return {
    index: index0 + 1,
    index0,
    revindex: length - index0,
    revindex0: length - index0 - 1,
    first: index0 === 0,
    last: index0 === length - 1,
    length,
  };
}
