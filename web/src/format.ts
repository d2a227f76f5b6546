// Display formatting: Arabic month names with Western digits (as most Arabic news sites print
// dates), and Arabic names for the codes the API returns.

const LOCALE = 'ar-u-nu-latn';

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(LOCALE);

/** Milliseconds since the epoch of a "YYYY-MM-DD" (or "YYYY-MM") date, or NaN; a time after the day is ignored. */
export function dateValue(date: string): number {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:$|T)/.exec(date);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, match[3] ? Number(match[3]) : 1);
}

/** "2018-04-09" → "9 أبريل 2018"; "" → "تاريخ غير معروف". */
export function formatDate(date: string): string {
  const value = dateValue(date);
  if (Number.isNaN(value)) return date || 'تاريخ غير معروف';
  return /^\d{4}-\d{2}$/.test(date) ? monthFormat.format(value) : dayFormat.format(value);
}

/** A span of dates, shortened to one date when both ends are the same. */
export function formatDateRange(first: string, last: string): string {
  if (!last || first === last) return formatDate(first);
  if (!first) return formatDate(last);
  return `${formatDate(first)} – ${formatDate(last)}`;
}

/** "2018-04" → "أبريل 2018". */
export function formatMonth(month: string): string {
  return formatDate(month);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "5 مقالات" with the right plural form for the count. */
export function countLabel(count: number, one: string, two: string, few: string, many: string): string {
  if (count === 1) return one;
  if (count === 2) return two;
  const rest = count % 100;
  return `${formatNumber(count)} ${rest >= 3 && rest <= 10 ? few : many}`;
}

export const articlesLabel = (n: number) => countLabel(n, 'مقال واحد', 'مقالان', 'مقالات', 'مقالًا');
export const eventsLabel = (n: number) => countLabel(n, 'حدث واحد', 'حدثان', 'أحداث', 'حدثًا');
export const sourcesLabel = (n: number) => countLabel(n, 'مصدر واحد', 'مصدران', 'مصادر', 'مصدرًا');

export const ENTITY_TYPES: Record<string, string> = {
  PER: 'شخص',
  LOC: 'مكان',
  ORG: 'منظمة',
  MISC: 'أخرى',
};

export function entityTypeName(type: string): string {
  return ENTITY_TYPES[type] ?? type;
}

/** PLOVER event types, with an Arabic gloss; the code stays visible, as exports use it. */
export const EVENT_TYPES: Record<string, string> = {
  AGREE: 'اتفاق',
  CONSULT: 'تشاور',
  SUPPORT: 'دعم',
  CONCEDE: 'تنازل',
  COOPERATE: 'تعاون',
  AID: 'مساعدة',
  RETREAT: 'انسحاب',
  REQUEST: 'طلب',
  ACCUSE: 'اتهام',
  REJECT: 'رفض',
  THREATEN: 'تهديد',
  PROTEST: 'احتجاج',
  SANCTION: 'عقوبات',
  MOBILIZE: 'تعبئة',
  COERCE: 'إكراه',
  ASSAULT: 'هجوم',
};

export function eventTypeName(code: string): string {
  return EVENT_TYPES[code] ?? code;
}

export const EVENT_MODES: Record<string, string> = {
  asserted: 'مؤكَّد',
  hypothetical: 'افتراضي',
  negated: 'منفي',
  future: 'مستقبلي',
};

/** How exact an event date is: "day" needs no note; "article" = the publication date stood in. */
export const DATE_PRECISIONS: Record<string, string> = {
  article: 'تاريخ النشر',
  week: 'بالأسبوع',
  month_part: 'جزء من الشهر',
  month: 'بالشهر',
  quarter: 'بالربع',
  half_year: 'بنصف السنة',
  year: 'بالسنة',
};

/** Why the cleaner removed a line (reason names of extract/boilerplate and extract/cleaner). */
export const REMOVAL_REASONS: Record<string, string> = {
  'page-furniture': 'هيكل الصفحة',
  'date-line': 'سطر التاريخ',
  'read-also': 'اقرأ أيضًا',
  'follow-share': 'دعوة للمتابعة أو المشاركة',
  breadcrumb: 'مسار التنقل',
  byline: 'سطر الكاتب',
  caption: 'تعليق صورة',
  copyright: 'حقوق النشر',
  navigation: 'قائمة تنقل',
  related: 'مواد ذات صلة',
  'repeated-title': 'عنوان مكرر',
  'short-link': 'رابط قصير',
  'source-recurrent': 'سطر يتكرر في صفحات المصدر',
  'trailing-teaser': 'تشويق في ذيل الصفحة',
};

export function removalReasonName(reason: string): string {
  return REMOVAL_REASONS[reason] ?? reason;
}
