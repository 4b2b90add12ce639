/**
 * A full garbage collection at a phase boundary of a long run. V8 sizes the next heap from what
 * is live after its last major collection, and a replay leaves hundreds of MB of dead attempts
 * behind: collecting them before scoring keeps the process's peak memory that of one phase.
 * `--expose-gc` is turned on at run time for this (Node's documented v8.setFlagsFromString);
 * if that is not possible, nothing happens.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = () => undefined;
    }
  }
  collect();
}
