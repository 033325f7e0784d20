// The rows of a list's second query (a deployment's failure reasons, an incident's attributions)
// gathered under the record they belong to, in the order the query gave them.

/** `valueOf` of each item, grouped by `keyOf`, in order (Map.groupBy needs Node 21; Keel runs on 20). */
export function groupBy<T, K, V>(items: Iterable<T>, keyOf: (item: T) => K, valueOf: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}
