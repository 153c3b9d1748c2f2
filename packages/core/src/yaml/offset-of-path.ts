// Where a path (e.g. components.0.method) sits in a parsed YAML document, so a validation error can
// name its line: the offset of the deepest node found along the path (the key of the last map entry).
import { isMap, isScalar, isSeq, type Node } from 'yaml';

export function offsetOfPath(node: unknown, path: readonly string[]): number {
  let current = node;
  let offset = isNode(current) ? (current.range?.[0] ?? 0) : 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      current = pair.value;
    } else if (isSeq(current)) {
      current = current.items[Number(segment)];
      if (isNode(current) && current.range) offset = current.range[0];
    } else break;
  }
  return offset;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
