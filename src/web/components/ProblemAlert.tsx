import { Alert, Button, Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import { isTranslatedCode, passwordPolicyMessages, problemMessage } from './form-errors.ts';

export interface ProblemAlertProps {
  /** Whatever a query or mutation failed with; ApiError gives the most. */
  error: unknown;
  onRetry?: () => void;
  style?: CSSProperties;
  /** What the screen knows about the problem beyond its message (e.g. where in a scanned code). */
  extra?: ReactNode;
}

/** An API error in the person's language, with field errors and the request id for support. */
export function ProblemAlert({ error, onRetry, style, extra }: ProblemAlertProps) {
  const { t } = useTranslation();
  const problem = toApiError(error);
  const known = isTranslatedCode(problem.code) && problem.code !== 'UNKNOWN';
  const message = problemMessage(problem, t);

  const policyProblems = passwordPolicyMessages(problem, t);
  const retryAfter = problem.params?.retryAfterSeconds;

  const details = (
    <Flex vertical gap={4}>
      {extra}
      {policyProblems.length > 0 && (
        <ul className="problem-field-errors" data-testid="problem-policy">
          {policyProblems.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {problem.code === 'RATE_LIMITED' && typeof retryAfter === 'number' && (
        <Typography.Text>{t('problem.retryAfter', { count: retryAfter })}</Typography.Text>
      )}
      {!known && (
        <Typography.Text type="secondary">
          {t('problem.unknownCode', { code: problem.code })}
          {problem.detail ? ` — ${problem.detail}` : ''}
        </Typography.Text>
      )}
      {problem.errors.length > 0 && (
        <div>
          <Typography.Text>{t('problem.fieldErrors')}</Typography.Text>
          <ul className="problem-field-errors">
            {problem.errors.map((fieldError, index) => (
              <li key={`${fieldError.path}-${index}`}>
                <Typography.Text code>{fieldError.path}</Typography.Text> {fieldError.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem.requestId && (
        <Typography.Text
          type="secondary"
          className="problem-request-id"
          copyable={{ text: problem.requestId }}
        >
          {t('problem.requestId', { id: problem.requestId })}
        </Typography.Text>
      )}
    </Flex>
  );
  const hasDetails =
    Boolean(extra) ||
    !known ||
    problem.errors.length > 0 ||
    policyProblems.length > 0 ||
    Boolean(problem.requestId);

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem-alert"
      data-code={problem.code}
      title={message}
      description={hasDetails ? details : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={style}
    />
  );
}
