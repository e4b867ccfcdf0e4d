// A small, strict XML reader for the conformance tests: elements, text and the five entities; anything else
// (attributes, CDATA, comments, mismatched tags) is an error, so a malformed document fails the test.
export type XmlNode = { name: string; children: XmlNode[]; text: string };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&([a-z]+);/g, (whole, name: string) => {
    const ch = ENTITIES[name];
    if (ch === undefined) {
      throw new Error(`unknown entity ${whole}`);
    }
    return ch;
  });
}

export function parseXml(source: string): { declaration: string; root: XmlNode } {
  const decl = /^<\?xml\s+([^?]*)\?>\s*/.exec(source);
  if (decl === null) {
    throw new Error('missing XML declaration');
  }
  let pos = decl[0].length;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    if (text.trim() !== '') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        throw new Error(`text outside the root element at ${pos}`);
      }
      if (text.includes('>')) {
        throw new Error(`stray '>' in text at ${pos}`);
      }
      top.text += decode(text);
    }
    if (lt === -1) {
      break;
    }
    const gt = source.indexOf('>', lt);
    if (gt === -1) {
      throw new Error(`unclosed tag at ${lt}`);
    }
    const tag = source.slice(lt + 1, gt);
    pos = gt + 1;
    const close = /^\/([A-Za-z_][\w.-]*)$/.exec(tag);
    if (close !== null) {
      const open = stack.pop();
      if (open?.name !== close[1]) {
        throw new Error(`</${close[1]}> closes <${open?.name ?? 'nothing'}>`);
      }
      continue;
    }
    const m = /^([A-Za-z_][\w.-]*)(\/)?$/.exec(tag);
    if (m === null) {
      throw new Error(`unexpected markup <${tag}>`);
    }
    const node: XmlNode = { name: m[1]!, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (root !== null) {
        throw new Error('a second root element');
      }
      root = node;
    } else {
      parent.children.push(node);
    }
    if (m[2] === undefined) {
      stack.push(node);
    }
  }
  if (stack.length > 0 || root === null) {
    throw new Error('unclosed elements at the end of the document');
  }
  return { declaration: decl[1]!.trim(), root };
}

/** The structure an element must have: its allowed children, which are required, which repeat, and leaf checks. */
export type XmlShape =
  | { kind: 'leaf'; pattern?: RegExp }
  | {
      kind: 'element';
      children: Record<string, { shape: XmlShape; isRequired?: boolean; isRepeated?: boolean }>;
    };

/** Every difference from the shape, as paths; an empty list means the element conforms. */
export function checkXml(node: XmlNode, shape: XmlShape, path = node.name): string[] {
  if (shape.kind === 'leaf') {
    if (node.children.length > 0) {
      return [`${path}: expected text, found child elements`];
    }
    return shape.pattern === undefined || shape.pattern.test(node.text)
      ? []
      : [`${path}: "${node.text}" does not match ${String(shape.pattern)}`];
  }
  if (node.text.trim() !== '') {
    return [`${path}: unexpected text "${node.text.trim()}"`];
  }
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const child of node.children) {
    const rule = shape.children[child.name];
    counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    if (rule === undefined) {
      problems.push(`${path}/${child.name}: not allowed here`);
      continue;
    }
    problems.push(...checkXml(child, rule.shape, `${path}/${child.name}`));
  }
  for (const [name, rule] of Object.entries(shape.children)) {
    const n = counts.get(name) ?? 0;
    if (rule.isRequired === true && n === 0) {
      problems.push(`${path}/${name}: missing`);
    }
    if (rule.isRepeated !== true && n > 1) {
      problems.push(`${path}/${name}: appears ${n} times`);
    }
  }
  return problems;
}

export const childText = (node: XmlNode, name: string): string | undefined =>
  node.children.find((c) => c.name === name)?.text;
