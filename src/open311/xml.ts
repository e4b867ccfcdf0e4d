// Writes Open311 documents as XML: one element per field, arrays as repeated children named by the spec.
export type XmlValue =
  string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** The element name of one item inside a list element, as the GeoReport v2 and discovery specs name them. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  steps: 'step',
};

export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry at all are dropped rather than sent broken.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function itemName(listName: string): string {
  return ITEM_NAMES[listName] ?? 'item';
}

function element(name: string, value: XmlValue): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (Array.isArray(value)) {
    const child = itemName(name);
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the declaration the spec asks for, then the root element. */
export function toXmlDocument(rootName: string, value: XmlValue): string {
  const body = Array.isArray(value)
    ? element(rootName, value)
    : value === null || value === undefined
      ? `<${rootName}></${rootName}>`
      : element(rootName, value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}
