// Personal numbers in free text a person typed (a description, a reply): masked before the text is stored for
// display and in every answer to the public (tracking view, Open311). One function, so every view masks alike.

const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
const SEP = '[ \\t-]?';

/** An 18-digit ID-card number, also written in groups with spaces or dashes. */
const ID_CARD = new RegExp(`${EDGE_BEFORE}\\d(?:${SEP}\\d){16}${SEP}[\\dXx]${EDGE_AFTER}`, 'g');
/** A mainland mobile number, with or without +86 and separators (139 1234 5678, 139-1234-5678). */
const MOBILE = new RegExp(`${EDGE_BEFORE}(?:\\+?86${SEP})?1[3-9]\\d(?:${SEP}\\d){8}${EDGE_AFTER}`, 'g');
/** A landline with its area code: 0513-86123456, (0513)86123456, 0513 8612 3456. */
const LANDLINE = new RegExp(
  `${EDGE_BEFORE}(?:[(（]0\\d{2,3}[)）]|0\\d{2,3})${SEP}[2-9]\\d{2,3}${SEP}\\d{4}${EDGE_AFTER}`,
  'g',
);
/** A local landline without area code, recognised only where the text says it is a phone number. */
const LOCAL_PHONE =
  /((?:电话|座机|手机|联系方式|tel|phone)[\s:：]*)([2-9]\d{2,3}[ \t-]?\d{4})(?![0-9A-Za-z])/gi;

const digitsOf = (s: string): string => s.replace(/[^\dXx]/g, '');

/** 320***********1234: only the province and the last four stay. */
function maskId(s: string): string {
  const d = digitsOf(s);
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
}

/** 139****5678, whatever separators or country code it was written with. */
function maskMobile(s: string): string {
  const d = digitsOf(s).slice(-11);
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}

/** 0513-****3456: the area code stays (three digits for 010 and 02x, else four), the local number its last four. */
function maskLandline(s: string): string {
  const d = digitsOf(s);
  const areaLength = /^0[12]/.test(d) ? 3 : 4;
  const local = d.slice(areaLength);
  return `${d.slice(0, areaLength)}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
}

/** Masks mainland ID-card, mobile and landline numbers in free text. */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_CARD, maskId)
    .replace(MOBILE, maskMobile)
    .replace(LANDLINE, maskLandline)
    .replace(
      LOCAL_PHONE,
      (_all, label: string, num: string) => `${label}${'*'.repeat(digitsOf(num).length - 4)}${num.slice(-4)}`,
    );
}

/** Whether the text holds a number that maskPersonalText would hide. */
export function holdsPersonalNumbers(text: string): boolean {
  return maskPersonalText(text) !== text;
}
