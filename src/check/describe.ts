/** Names a YAML value's type the way a message should ("a number", "a list"). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** True for a string with some non-space text. */
export const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** True for a list whose items are all non-empty strings. */
export const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isNonEmptyString);
