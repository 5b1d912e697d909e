import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { toApiError } from '../api/client.ts';
import en from '../i18n/en.ts';

type TranslatedCode = keyof typeof en.errors;

export function isTranslatedCode(code: string): code is TranslatedCode {
  return Object.hasOwn(en.errors, code);
}

/** What went wrong in the UI language: the message for the problem's code, or the generic one. */
export function problemMessage(error: unknown, t: TFunction): string {
  const { code } = toApiError(error);
  return isTranslatedCode(code) ? t(`errors.${code}`) : t('errors.UNKNOWN');
}

const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'contains_username', 'reused'] as const;
type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

function isPasswordProblem(value: unknown): value is PasswordProblem {
  return typeof value === 'string' && (PASSWORD_PROBLEMS as readonly string[]).includes(value);
}

/** The translated reasons a PASSWORD_POLICY answer gives, one line each. */
export function passwordPolicyMessages(error: unknown, t: TFunction): string[] {
  const problem = toApiError(error);
  if (problem.code !== 'PASSWORD_POLICY') return [];
  const params = problem.params ?? {};
  const minLength = typeof params.minLength === 'number' ? params.minLength : 12;
  const historyDepth = typeof params.historyDepth === 'number' ? params.historyDepth : 5;
  const problems = Array.isArray(params.problems) ? params.problems : [];
  return problems
    .filter(isPasswordProblem)
    .map((p) => t(`passwordPolicy.problems.${p}`, { minLength, count: historyDepth }));
}

/**
 * Puts what the server said about fields onto the form's fields: schema errors
 * (path body.<field>) and password-policy problems. Returns true when every
 * problem found a field, so a general alert would only repeat it.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  options: { passwordField?: string } = {},
): boolean {
  const problem = toApiError(error);
  const fieldNames = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  if (problem.code === 'PASSWORD_POLICY' && options.passwordField) {
    form.setFields([{ name: options.passwordField, errors: passwordPolicyMessages(error, t) }]);
    return true;
  }
  if (problem.code === 'USERNAME_TAKEN' && fieldNames.has('username')) {
    form.setFields([{ name: 'username', errors: [t('errors.USERNAME_TAKEN')] }]);
    return true;
  }
  if (problem.code === 'ROLE_KEY_TAKEN' && fieldNames.has('key')) {
    form.setFields([{ name: 'key', errors: [t('errors.ROLE_KEY_TAKEN')] }]);
    return true;
  }
  if (problem.errors.length === 0) return false;
  let all = true;
  const byField = new Map<string, string[]>();
  for (const fieldError of problem.errors) {
    const [where, name] = fieldError.path.split('.');
    if (where === 'body' && name && fieldNames.has(name)) {
      byField.set(name, [...(byField.get(name) ?? []), fieldError.message]);
    } else {
      all = false;
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return all;
}
