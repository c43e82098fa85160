// The shape of an IVR flow as the graph draws it: each node with what it does,
// each edge with why it is taken (a digit, next, a branch's condition, a
// failure), and a column per step from the start. Mirrors edges() of
// src/ivr/validate.ts; the flow is the server's checked object.
export interface GraphNode {
  id: string;
  type: string;
  /** what the node does, in a few words (a queue's name, an extension) */
  detail: string;
  column: number;
  row: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  /** a digit, 'next', 'else', 'onFail', 'error' or a branch's condition */
  label: string;
  kind: 'digit' | 'next' | 'fail' | 'condition';
}

type Node = Record<string, unknown> & { type: string };
type Cond = Record<string, unknown> & { next: string };

function condition(c: Cond): string {
  const parts: string[] = [];
  if (c.schedule) parts.push(`schedule ${c.schedule}`);
  if (c.holiday) parts.push(`holiday ${c.holiday}`);
  if (c.days) parts.push((c.days as string[]).join(','));
  if (c.time) parts.push(String(c.time));
  if (c.var)
    parts.push(`${c.var}${c.equals !== undefined ? `=${c.equals}` : c.in ? ` in ${(c.in as unknown[]).join('|')}` : ` ~ ${c.matches}`}`);
  return parts.join(' ');
}

export function nodeEdges(id: string, n: Node): GraphEdge[] {
  const out: GraphEdge[] = [];
  const add = (to: unknown, label: string, kind: GraphEdge['kind']) => typeof to === 'string' && out.push({ from: id, to, label, kind });
  if (n.type === 'menu') for (const [k, v] of Object.entries((n.choices as Record<string, string>) ?? {})) add(v, k, 'digit');
  if (n.type === 'branch') {
    for (const c of (n.when as Cond[]) ?? []) add(c.next, condition(c), 'condition');
    add(n.else, 'else', 'next');
  }
  if (n.type === 'code') for (const [k, v] of Object.entries((n.branches as Record<string, string>) ?? {})) add(v, k, 'condition');
  add(n.next, 'next', 'next');
  add(n.onFail, 'onFail', 'fail');
  add(n.error, 'error', 'fail');
  return out;
}

function detail(n: Node): string {
  for (const k of ['queue', 'extension', 'box', 'document', 'run', 'var'] as const) if (typeof n[k] === 'string') return String(n[k]);
  if (typeof n.prompt === 'string') return n.prompt;
  return '';
}

/** Nodes in columns by their distance from the start (unreachable ones last), and every edge. */
export function flowGraph(flow: Record<string, unknown>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = (flow.nodes ?? {}) as Record<string, Node>;
  const edges = Object.entries(nodes).flatMap(([id, n]) => nodeEdges(id, n));
  const depth = new Map<string, number>();
  const queue = [String(flow.start ?? '')];
  depth.set(queue[0]!, 0);
  while (queue.length) {
    const at = queue.shift()!;
    for (const e of edges)
      if (e.from === at && !depth.has(e.to) && nodes[e.to]) {
        depth.set(e.to, depth.get(at)! + 1);
        queue.push(e.to);
      }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const out = Object.entries(nodes).map(([id, n]) => {
    const column = depth.get(id) ?? last;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { id, type: n.type, detail: detail(n), column, row };
  });
  return { nodes: out, edges: edges.filter((e) => nodes[e.to]) };
}
