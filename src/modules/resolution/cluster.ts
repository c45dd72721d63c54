/**
 * Clustering that resists chaining. Plain connected components over auto-link edges let one bridging record
 * (A–B and B–C both strong) join A and C even when A and C plainly are two people. Instead, edges are merged
 * strongest first (single-linkage agglomeration), and a merge is refused when any record of one cluster and any
 * record of the other score below the cannot-link weight against each other: a cluster never holds two records
 * that strongly disagree. Records only weakly apart (a missing birth date, a typo) still join through the chain,
 * which is what recovers duplicates whose own pair score fell short.
 */

export interface Edge {
  i: number;
  j: number;
  score: number;
}

/**
 * Cluster labels (the smallest record index of each cluster) for n records, given the auto-link edges, a way to
 * score any pair and the cannot-link weight.
 */
export function clusterRecords(
  n: number,
  edges: readonly Edge[],
  score: (i: number, j: number) => number,
  cannotLinkWeight: number,
): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members: (number[] | null)[] = new Array(n).fill(null);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const sorted = [...edges].sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const e of sorted) {
    const ri = find(e.i);
    const rj = find(e.j);
    if (ri === rj) continue;
    const a = members[ri] ?? [ri];
    const b = members[rj] ?? [rj];
    let refuse = false;
    for (let x = 0; x < a.length && !refuse; x++)
      for (let y = 0; y < b.length; y++)
        if (score(a[x]!, b[y]!) < cannotLinkWeight) {
          refuse = true;
          break;
        }
    if (refuse) continue;
    const [big, small, bigRoot, smallRoot] = a.length >= b.length ? [a, b, ri, rj] : [b, a, rj, ri];
    for (const x of small) big.push(x);
    parent[smallRoot] = bigRoot;
    members[bigRoot] = big;
    members[smallRoot] = null;
  }
  const labels = new Int32Array(n);
  const smallest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (smallest[r] === -1) smallest[r] = i;
    labels[i] = smallest[r]!;
  }
  return labels;
}
