/** Disjoint sets over 0..n-1 in typed arrays: no object per element, near-constant time per operation. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.rank = new Uint8Array(size);
  }

  find(x: number): number {
    const parent = this.parent;
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression: point every element on the way straight at the root.
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Joins two roots (as returned by `find`) and returns the root of the union. */
  unionRoots(a: number, b: number): number {
    const ra = this.rank[a] as number;
    const rb = this.rank[b] as number;
    if (ra < rb) {
      this.parent[a] = b;
      return b;
    }
    this.parent[b] = a;
    if (ra === rb) this.rank[a] = ra + 1;
    return a;
  }
}
